import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { type CityProfile, cityProfileSchema } from '../../../../shared/src/city/index.ts';

/** One problem in a city profile: the dotted field path and what is wrong with it. */
export type CityProfileIssue = { path: string; message: string };

/**
 * A city profile that cannot be used. The message is one line naming the file, the field and the
 * fix, because it is what an operator sees when the start fails.
 */
export class CityProfileError extends Error {
  override name = 'CityProfileError';
  readonly filePath: string;
  readonly issues: CityProfileIssue[];

  constructor(filePath: string, detail: string, issues: CityProfileIssue[] = [], options?: { cause?: unknown }) {
    // One line whatever the parser said: start-up logs and terminals show the first line only.
    super(`Invalid city profile ${filePath}: ${detail}`.replace(/\s*\n\s*/g, ' '), options);
    this.filePath = filePath;
    this.issues = issues;
  }
}

/** `channels.counter.hours.monday[1].from`, the way a person reading the YAML would point at it. */
const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);

/** The offending value as it appears in the file, when it is a plain value worth quoting. */
const describe = (value: unknown): string => {
  if (value === undefined || value === null || typeof value === 'object') return '';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}..."` : text;
};

const expectedName: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
};

/**
 * Messages for the zod issues the schema does not word itself (missing fields, wrong types,
 * unknown keys), in the same "what it must be" style as the schema's own messages.
 */
const messageOf = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${expectedName[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}; check the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return undefined;
};

const parseText = (filePath: string, text: string): unknown => {
  if (/\.json$/i.test(filePath)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CityProfileError(filePath, `the file is not valid JSON (${(error as Error).message}).`, [], {
        cause: error,
      });
    }
  }
  try {
    return parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const position = error.linePos?.[0];
      const where = position ? ` at line ${position.line}, column ${position.col}` : '';
      const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
      throw new CityProfileError(filePath, `YAML syntax error${where}: ${reason}.`, [], { cause: error });
    }
    throw error;
  }
};

/**
 * Validates already-parsed profile data; `source` names it in the error message. Exported for
 * callers that hold the profile in memory (tests, a future admin screen).
 */
export const parseCityProfile = (data: unknown, source: string): CityProfile => {
  if (data === null || data === undefined) throw new CityProfileError(source, 'the file is empty.');
  const result = cityProfileSchema.safeParse(data, { error: messageOf });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const value = describe(valueAt(data, issue.path));
    return { path: formatPath(issue.path), message: value ? `${value} ${issue.message}` : issue.message };
  });
  const [first, ...rest] = issues.map((issue) => `${issue.path} ${issue.message}`.trim());
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more: ${rest.slice(0, 3).join('; ')}${rest.length > 3 ? '; ...' : ''})`;
  throw new CityProfileError(source, `${first}${/[.!?]$/.test(first ?? '') ? '' : '.'}${more}`, issues);
};

/**
 * Reads and validates the city profile at `filePath` (YAML, or JSON when it ends in .json).
 * Throws `CityProfileError` with a one-line message when the file is missing, unreadable,
 * malformed or invalid, so the start stops before anything uses a wrong profile.
 */
export const loadCityProfile = async (filePath: string): Promise<CityProfile> => {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail =
      code === 'ENOENT'
        ? 'the file does not exist; check GASTVRIJ_CITY_PROFILE or copy config/cities/harelbeke.yaml.'
        : `the file cannot be read (${code ?? (error as Error).message}).`;
    throw new CityProfileError(filePath, detail, [], { cause: error });
  }
  return parseCityProfile(parseText(filePath, text), filePath);
};
