/**
 * Assigning many cases at once (a coordinator distributing the morning's queue). Each case goes
 * through the same ownership rule and policy as a single assignment, in its own transaction: one
 * case a colleague claimed a second earlier is refused on its own line, the others are assigned.
 * These rules prepare the list and summarise the outcome, for the server and the web alike.
 */

/** The most cases one request may assign: a queue page holds at most 100. */
export const maxBulkAssign = 100;

/** The case ids in the order given, each once (a double click must not assign twice). */
export const uniqueCaseIds = (ids: readonly string[]): string[] => [...new Set(ids)];

/** What happened to one case of a bulk assignment. */
export type BulkAssignResult =
  | { caseId: string; result: 'assigned'; reference: string }
  | { caseId: string; result: 'refused'; code: string; title: string; reference: string | null };

/** How a bulk assignment went, in numbers: the web announces it, the audit log keeps it. */
export type BulkAssignSummary = { assigned: number; refused: number; refusedByCode: Record<string, number> };

export const summarizeBulkAssign = (results: readonly BulkAssignResult[]): BulkAssignSummary => {
  const refusedByCode: Record<string, number> = {};
  let assigned = 0;
  for (const result of results) {
    if (result.result === 'assigned') assigned++;
    else refusedByCode[result.code] = (refusedByCode[result.code] ?? 0) + 1;
  }
  return { assigned, refused: results.length - assigned, refusedByCode };
};

/**
 * The queue lines a coordinator may tick: cases of a team (a partner's case is handed back first)
 * in a queue of a team they coordinate. The server decides again per case.
 */
export const selectableForBulkAssign = (item: { owner: { kind: 'team' | 'partner'; id: string } }, coordinatedTeams: readonly string[]): boolean =>
  item.owner.kind === 'team' && coordinatedTeams.includes(item.owner.id);
