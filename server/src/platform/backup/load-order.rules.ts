/**
 * Orders tables so that each comes after the tables its foreign keys point at: loading in this
 * order never trips a foreign key. `references` holds [referencing, referenced] pairs. A
 * self-reference is ignored (COPY checks foreign keys at the end of the statement, so a row may
 * point at a later row of the same table). Tables in a cycle cannot be ordered: they come last,
 * by name, and load only when their constraints are DEFERRABLE.
 */
export const loadOrder = (tables: readonly string[], references: readonly (readonly [string, string])[]): string[] => {
  const known = new Set(tables);
  const needs = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const [from, to] of references) {
    if (from !== to && known.has(from) && known.has(to)) needs.get(from)?.add(to);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  for (;;) {
    const next = remaining.find((t) => [...(needs.get(t) ?? [])].every((dep) => placed.has(dep)));
    if (next === undefined) break;
    ordered.push(next);
    placed.add(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return [...ordered, ...remaining];
};
