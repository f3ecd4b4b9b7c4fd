import { z } from 'zod';
import { type CaseChannel, caseChannelSchema, type ProductFamily, productFamilySchema, slugSchema } from './case.schema.ts';

/**
 * Routing rules as data: which team a new case goes to, by product (or product family),
 * sub-municipality and channel. The most specific matching rule wins; without one the product's
 * responsible team takes it, and without that the table's default team. So every case gets exactly
 * one team, and "where would this go?" has one answer that names its reason.
 *
 * Specificity is lexicographic: a rule naming the product beats one naming only the family, which
 * beats one naming neither; within that, naming the sub-municipality beats not naming it, and then
 * naming the channel beats not naming it. Two rules with the same conditions are refused by the
 * schema, so there are never two winners.
 */

export const routingRuleSchema = z
  .strictObject({
    /** Stable name for the tester and the audit log ("evenementen-bavikhove"). */
    id: slugSchema,
    /** A product slug of the catalogue. */
    product: slugSchema.optional(),
    /** A product family; mutually exclusive with `product`. */
    family: productFamilySchema.optional(),
    /** A sub-municipality name of the city profile (Bavikhove). */
    subMunicipality: z.string().trim().min(1).optional(),
    channel: caseChannelSchema.optional(),
    /** The team id (city profile `teams`) that gets the case. */
    team: slugSchema,
    /** Why the rule exists, for whoever maintains the table. */
    note: z.string().optional(),
  })
  .refine((rule) => rule.product === undefined || rule.family === undefined, {
    message: 'name a product or a family, not both (a product already has a family)',
    path: ['family'],
  });
export type RoutingRule = z.infer<typeof routingRuleSchema>;

// Sub-municipality names compare without regard to case or accents, as `route` matches them.
const conditionKey = (rule: RoutingRule) =>
  JSON.stringify([
    rule.product ?? null,
    rule.family ?? null,
    rule.subMunicipality?.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() ?? null,
    rule.channel ?? null,
  ]);

export const routingTableSchema = z
  .strictObject({
    /** The team that gets a case nothing else claims (usually reception or the contact centre). */
    defaultTeam: slugSchema,
    rules: z.array(routingRuleSchema).default([]),
  })
  .superRefine((table, ctx) => {
    const ids = new Map<string, number>();
    const conditions = new Map<string, number>();
    table.rules.forEach((rule, index) => {
      const sameId = ids.get(rule.id);
      if (sameId !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `is already used by rule ${sameId}` });
      ids.set(rule.id, index);
      const key = conditionKey(rule);
      const same = conditions.get(key);
      if (same !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index],
          message: `has the same conditions as rule ${same} (${table.rules[same]?.id}); keep one, or the winner would be arbitrary`,
        });
      }
      conditions.set(key, index);
    });
  });
export type RoutingTable = z.output<typeof routingTableSchema>;
export type RoutingTableInput = z.input<typeof routingTableSchema>;

/** What is known about a new case when it is routed. */
export type RoutingInput = {
  product: { slug: string; family: ProductFamily; responsibleTeam?: string };
  /** The sub-municipality of the address the case is about, when there is one. */
  subMunicipality?: string;
  channel: CaseChannel;
};

export type RoutingDecision = {
  team: string;
  /** Why: a rule matched, or the product's responsible team, or the table's default. */
  source: 'rule' | 'responsible-team' | 'default';
  /** The winning rule when `source` is `rule`. */
  rule?: RoutingRule;
};

/** A rank that orders rules by specificity; higher wins. Product level first, then place, then channel. */
export const routingSpecificity = (rule: RoutingRule): number =>
  (rule.product !== undefined ? 2 : rule.family !== undefined ? 1 : 0) * 4 +
  (rule.subMunicipality !== undefined ? 2 : 0) +
  (rule.channel !== undefined ? 1 : 0);

const sameName = (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' }) === 0;

const matches = (rule: RoutingRule, input: RoutingInput): boolean =>
  (rule.product === undefined || rule.product === input.product.slug) &&
  (rule.family === undefined || rule.family === input.product.family) &&
  (rule.subMunicipality === undefined || (input.subMunicipality !== undefined && sameName(rule.subMunicipality, input.subMunicipality))) &&
  (rule.channel === undefined || rule.channel === input.channel);

/** The team a case goes to and why. */
export const route = (table: RoutingTable, input: RoutingInput): RoutingDecision => {
  let best: RoutingRule | undefined;
  for (const rule of table.rules) {
    if (matches(rule, input) && (best === undefined || routingSpecificity(rule) > routingSpecificity(best))) best = rule;
  }
  if (best) return { team: best.team, source: 'rule', rule: best };
  if (input.product.responsibleTeam) return { team: input.product.responsibleTeam, source: 'responsible-team' };
  return { team: table.defaultTeam, source: 'default' };
};

export type RoutingIssue = { path: (string | number)[]; message: string };

/**
 * Checks a table against the city and catalogue it will run in: every team, sub-municipality and
 * product it names must exist. Separate from the schema because the schema cannot see the profile.
 */
export const validateRoutingTable = (
  table: RoutingTable,
  known: { teamIds: readonly string[]; subMunicipalities: readonly string[]; productSlugs?: readonly string[] },
): RoutingIssue[] => {
  const issues: RoutingIssue[] = [];
  if (!known.teamIds.includes(table.defaultTeam)) issues.push({ path: ['defaultTeam'], message: `team ${table.defaultTeam} is not in the city profile` });
  table.rules.forEach((rule, index) => {
    if (!known.teamIds.includes(rule.team)) issues.push({ path: ['rules', index, 'team'], message: `team ${rule.team} is not in the city profile` });
    const place = rule.subMunicipality;
    if (place !== undefined && !known.subMunicipalities.some((name) => sameName(name, place))) {
      issues.push({ path: ['rules', index, 'subMunicipality'], message: `${place} is not a sub-municipality of the city` });
    }
    if (rule.product !== undefined && known.productSlugs && !known.productSlugs.includes(rule.product)) {
      issues.push({ path: ['rules', index, 'product'], message: `product ${rule.product} is not in the catalogue` });
    }
  });
  return issues;
};
