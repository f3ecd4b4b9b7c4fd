import { Temporal } from '@js-temporal/polyfill';
import { z } from 'zod';

/**
 * The human reference of a case, `HB-2026-000123`: the city's prefix (`caseReferencePrefix` in the
 * city profile), the year the case came in (in the city's time zone) and a sequence per year,
 * zero-padded to six digits and growing past them if a year ever needs more. Residents read it out
 * on the phone and type it in search boxes, so parsing forgives case, spaces and missing zeros.
 */

export type CaseReference = { prefix: string; year: number; sequence: number };

export type CaseReferenceError = 'empty' | 'malformed' | 'bad-prefix' | 'bad-year' | 'bad-sequence';

export type CaseReferenceParseResult = { ok: true; value: CaseReference; reference: string } | { ok: false; error: CaseReferenceError };

const sequenceWidth = 6;
const canonical = /^([A-Z]{2,4})-(\d{4})-(\d{6,})$/;
// Forgiving input: any of - space / . _ between the parts (or none between prefix and year).
const typed = /^([A-Za-z]{2,4})[\s\-/._]*(\d{4})[\s\-/._]+(\d{1,12})$/;

const check = ({ prefix, year, sequence }: CaseReference): CaseReferenceError | null => {
  if (!/^[A-Z]{2,4}$/.test(prefix)) return 'bad-prefix';
  if (!Number.isInteger(year) || year < 2000 || year > 9999) return 'bad-year';
  if (!Number.isSafeInteger(sequence) || sequence < 1) return 'bad-sequence';
  return null;
};

/** Writes a reference: `formatCaseReference({ prefix: 'HB', year: 2026, sequence: 123 })` is `HB-2026-000123`. */
export const formatCaseReference = (reference: CaseReference): string => {
  const error = check(reference);
  if (error) throw new RangeError(`cannot format a case reference: ${error} (${JSON.stringify(reference)})`);
  return `${reference.prefix}-${reference.year}-${String(reference.sequence).padStart(sequenceWidth, '0')}`;
};

/** Reads a reference as a person types it (`hb 2026 123`, `HB-2026-000123`) into its parts and canonical form. */
export const parseCaseReference = (input: string): CaseReferenceParseResult => {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'empty' };
  const match = typed.exec(text);
  if (!match) return { ok: false, error: 'malformed' };
  const value = { prefix: (match[1] ?? '').toUpperCase(), year: Number(match[2]), sequence: Number(match[3]) };
  const error = check(value);
  if (error) return { ok: false, error };
  return { ok: true, value, reference: formatCaseReference(value) };
};

/** True only for the canonical form, as stored: `HB-2026-000123`, no extra leading zeros beyond six digits. */
export const isCaseReference = (value: string): boolean => {
  const match = canonical.exec(value);
  if (!match) return false;
  const parsed = parseCaseReference(value);
  return parsed.ok && parsed.reference === value;
};

/** Zod schema for a reference typed by a person; outputs the canonical form. */
export const caseReferenceSchema = z.string().transform((input, ctx) => {
  const result = parseCaseReference(input);
  if (result.ok) return result.reference;
  ctx.addIssue({ code: 'custom', input, message: `is not a case reference like HB-2026-000123 (${result.error})`, params: { code: result.error } });
  return z.NEVER;
});

/** The year a case counts in: the calendar year at `at` in the city's time zone (New Year's Eve in Brussels stays in the old year). */
export const caseReferenceYear = (timeZone: string, at: Date): number => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).year;
