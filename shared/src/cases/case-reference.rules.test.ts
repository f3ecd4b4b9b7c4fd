import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseReferenceSchema, caseReferenceYear, formatCaseReference, isCaseReference, parseCaseReference } from './case-reference.rules.ts';

describe('formatCaseReference', () => {
  it.each([
    [{ prefix: 'HB', year: 2026, sequence: 123 }, 'HB-2026-000123'],
    [{ prefix: 'VS', year: 2027, sequence: 1 }, 'VS-2027-000001'],
    [{ prefix: 'GENT', year: 2026, sequence: 999_999 }, 'GENT-2026-999999'],
    [{ prefix: 'HB', year: 2026, sequence: 1_234_567 }, 'HB-2026-1234567'],
  ])('writes %o as %s', (reference, expected) => {
    expect(formatCaseReference(reference)).toBe(expected);
  });

  it.each([
    { prefix: 'hb', year: 2026, sequence: 1 },
    { prefix: 'H', year: 2026, sequence: 1 },
    { prefix: 'HB', year: 26, sequence: 1 },
    { prefix: 'HB', year: 2026, sequence: 0 },
    { prefix: 'HB', year: 2026, sequence: 1.5 },
  ])('refuses %o', (reference) => {
    expect(() => formatCaseReference(reference)).toThrow(RangeError);
  });
});

describe('parseCaseReference', () => {
  it.each(['HB-2026-000123', 'hb-2026-000123', ' HB 2026 123 ', 'HB2026-123', 'HB/2026/000123', 'hb.2026.123'])('reads %j as HB-2026-000123', (typed) => {
    expect(parseCaseReference(typed)).toEqual({ ok: true, value: { prefix: 'HB', year: 2026, sequence: 123 }, reference: 'HB-2026-000123' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['HB-2026', 'malformed'],
    ['2026-000123', 'malformed'],
    ['HB-26-000123', 'malformed'],
    ['HB-2026-12A', 'malformed'],
    ['HB-1999-000001', 'bad-year'],
    ['HB-2026-000000', 'bad-sequence'],
  ])('refuses %j with %s', (typed, error) => {
    expect(parseCaseReference(typed)).toEqual({ ok: false, error });
  });

  it('round-trips every reference it writes (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2,4}$/),
        fc.integer({ min: 2000, max: 9999 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        (prefix, year, sequence) => {
          const written = formatCaseReference({ prefix, year, sequence });
          expect(parseCaseReference(written)).toEqual({ ok: true, value: { prefix, year, sequence }, reference: written });
          expect(isCaseReference(written)).toBe(true);
        },
      ),
    );
  });
});

describe('isCaseReference', () => {
  it('accepts only the canonical form', () => {
    expect(isCaseReference('HB-2026-000123')).toBe(true);
    expect(isCaseReference('hb-2026-000123')).toBe(false);
    expect(isCaseReference('HB-2026-123')).toBe(false);
    expect(isCaseReference('HB-2026-0001234')).toBe(false);
  });
});

describe('caseReferenceSchema', () => {
  it('outputs the canonical form and refuses nonsense with a code', () => {
    expect(caseReferenceSchema.parse('hb 2026 42')).toBe('HB-2026-000042');
    const result = caseReferenceSchema.safeParse('dossier 42');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ params: { code: 'malformed' } });
  });
});

describe('caseReferenceYear', () => {
  it('counts New Year in Brussels, not in UTC', () => {
    // Midnight on 1 January in Brussels (CET) is 23:00 UTC on 31 December.
    expect(caseReferenceYear('Europe/Brussels', new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(caseReferenceYear('Europe/Brussels', new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(caseReferenceYear('Europe/Brussels', new Date('2026-12-31T22:59:59Z'))).toBe(2026);
  });
});
