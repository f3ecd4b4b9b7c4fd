import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  type MessageTemplate,
  messageTemplateFileSchema,
  type ProductFamily,
  productFamilySchema,
  type RoutingTable,
  routingTableSchema,
  validateRoutingTable,
} from '../../../../shared/src/cases/index.ts';
import type { CityProfile } from '../../../../shared/src/city/index.ts';
import { type FormDefinition, formDefinitionSchema } from '../../../../shared/src/forms/index.ts';

/**
 * The city's case configuration as data, read and validated once at start: the routing rules
 * (`config/routing/<city>.yaml`), the form definitions (`config/forms/<city>/<product>.yaml`) and the
 * message templates (`config/templates/<city>.yaml`). They sit beside the city profile's folder (`config/cities/<city>.yaml`), so a second city is a
 * second set of files. A broken file stops the start with a one-line message naming the field.
 */

/** The routing file: the routing table plus the products whose family differs from their IPDC type. */
export const routingFileSchema = z.strictObject({
  defaultTeam: z.string(),
  productFamilies: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a product slug'), productFamilySchema).default({}),
  rules: z.array(z.unknown()).default([]),
});

export type CasesSetup = {
  routing: RoutingTable;
  /** Product slug → family, for products whose IPDC type would suggest another one. */
  productFamilies: Readonly<Record<string, ProductFamily>>;
  /** Form definitions by product slug. */
  forms: ReadonlyMap<string, FormDefinition>;
  /** Where the routing rules came from, for messages and the tester; null when the city has none. */
  routingSource: string | null;
  /** Message templates for staff, in the order of the file; empty when the city has none. */
  templates: readonly MessageTemplate[];
};

/** A routing or form file that cannot be used; the message is one line naming the file and the field. */
export class CasesSetupError extends Error {
  override name = 'CasesSetupError';
}

const formatPath = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');

const firstIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => {
  const [first, ...rest] = issues.map((issue) => `${formatPath(issue.path)} ${issue.message}`.trim());
  return `${first}${rest.length > 0 ? ` (and ${rest.length} more: ${rest.slice(0, 3).join('; ')})` : ''}`;
};

const readYaml = async (file: string): Promise<unknown> => {
  try {
    return parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CasesSetupError(`Cannot read ${file}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
};

const exists = async (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

/**
 * Validates routing data against the city it runs in: every team and sub-municipality must exist.
 * Without a routing file, every case goes to its product's responsible team, or the city's first team.
 */
export const parseRoutingFile = (data: unknown, city: CityProfile, source: string): Pick<CasesSetup, 'routing' | 'productFamilies'> => {
  const file = routingFileSchema.safeParse(data);
  if (!file.success) throw new CasesSetupError(`Invalid routing rules ${source}: ${firstIssues(file.error.issues)}`);
  const table = routingTableSchema.safeParse({ defaultTeam: file.data.defaultTeam, rules: file.data.rules });
  if (!table.success) throw new CasesSetupError(`Invalid routing rules ${source}: ${firstIssues(table.error.issues)}`);
  const issues = validateRoutingTable(table.data, {
    teamIds: city.teams.map((team) => team.id),
    subMunicipalities: city.subMunicipalities.map((place) => place.name),
  });
  if (issues.length > 0) throw new CasesSetupError(`Invalid routing rules ${source}: ${firstIssues(issues)}`);
  return { routing: table.data, productFamilies: file.data.productFamilies };
};

/**
 * Validates message templates against the city: placeholders are checked by the schema; a team in a
 * scope must be a team or partner of the city profile. Products are not checked here: the catalogue
 * is synced after this runs, and a template scoped to a product that is gone is simply never offered.
 */
export const parseTemplatesFile = (data: unknown, city: CityProfile, source: string): MessageTemplate[] => {
  const file = messageTemplateFileSchema.safeParse(data ?? {});
  if (!file.success) throw new CasesSetupError(`Invalid message templates ${source}: ${firstIssues(file.error.issues)}`);
  const units = new Set([...city.teams.map((team) => team.id), ...city.partners.map((partner) => partner.id)]);
  const issues = file.data.templates.flatMap((template, index) =>
    (template.scope?.teams ?? []).flatMap((team, position) =>
      units.has(team) ? [] : [{ path: ['templates', index, 'scope', 'teams', position], message: `team ${team} is not in the city profile` }],
    ),
  );
  if (issues.length > 0) throw new CasesSetupError(`Invalid message templates ${source}: ${firstIssues(issues)}`);
  return file.data.templates;
};

/** Reads the routing rules, form definitions and message templates for `city`, whose profile is at `cityProfilePath`. */
export const loadCasesSetup = async ({ cityProfilePath, city }: { cityProfilePath: string; city: CityProfile }): Promise<CasesSetup> => {
  const configRoot = path.resolve(path.dirname(cityProfilePath), '..');
  const routingFile = path.join(configRoot, 'routing', `${city.slug}.yaml`);
  const fallbackTeam = city.teams[0]?.id ?? 'onthaal';
  const routing = (await exists(routingFile))
    ? { ...parseRoutingFile(await readYaml(routingFile), city, routingFile), routingSource: routingFile }
    : { routing: routingTableSchema.parse({ defaultTeam: fallbackTeam, rules: [] }), productFamilies: {}, routingSource: null };

  const forms = new Map<string, FormDefinition>();
  const formsDir = path.join(configRoot, 'forms', city.slug);
  const files = await readdir(formsDir).catch(() => [] as string[]);
  for (const name of files.filter((file) => file.endsWith('.yaml')).sort()) {
    const file = path.join(formsDir, name);
    const result = formDefinitionSchema.safeParse(await readYaml(file));
    if (!result.success) throw new CasesSetupError(`Invalid form definition ${file}: ${firstIssues(result.error.issues)}`);
    if (`${result.data.product}.yaml` !== name)
      throw new CasesSetupError(`Invalid form definition ${file}: product "${result.data.product}" must match the file name`);
    forms.set(result.data.product, result.data);
  }
  const templatesFile = path.join(configRoot, 'templates', `${city.slug}.yaml`);
  const templates = (await exists(templatesFile)) ? parseTemplatesFile(await readYaml(templatesFile), city, templatesFile) : [];
  return { ...routing, forms, templates };
};
