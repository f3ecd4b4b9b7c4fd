import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateVerificationCode, isVerificationCode, parseVerificationCode, verificationCheckCharacter } from './verification-code.rules.ts';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const bytes = fc.uint8Array({ minLength: 15, maxLength: 15 });
const codeFrom = (random: Uint8Array) => generateVerificationCode(() => random);

describe('generateVerificationCode', () => {
  it('writes four groups of four Crockford characters', () => {
    expect(generateVerificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(codeFrom(new Uint8Array(15))).toBe('0000-0000-0000-0000');
    expect(codeFrom(Uint8Array.from({ length: 15 }, (_, i) => i + 1))).toMatch(/^1234-5678-9ABC-DEF/);
  });

  it('gives different codes on different calls', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateVerificationCode()));
    expect(codes.size).toBe(1000);
  });

  it('refuses a random source that returns too little', () => {
    expect(() => generateVerificationCode(() => new Uint8Array(3))).toThrow(RangeError);
  });
});

describe('parseVerificationCode', () => {
  it('reads typed forms: lower case, no dashes, spaces, O for zero, I and L for one', () => {
    const code = codeFrom(Uint8Array.from([1, 0, 1, 0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]));
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseVerificationCode(typed)).toEqual({ ok: true, code });
  });

  it.each([
    ['', 'empty'],
    [' - ', 'empty'],
    ['ABCD-EFGH', 'wrong-length'],
    ['ABCD-EFGH-JKMN-PQRU', 'bad-character'],
  ])('refuses %j with %s', (typed, error) => {
    expect(parseVerificationCode(typed)).toEqual({ ok: false, error });
  });

  it('accepts every generated code (property)', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        expect(isVerificationCode(codeFrom(random))).toBe(true);
      }),
    );
  });

  it('catches every single wrong character (property)', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 31 }), (random, position, shift) => {
        const compact = codeFrom(random).replace(/-/g, '');
        const wrong = alphabet[(alphabet.indexOf(compact[position] as string) + shift) % 32] as string;
        const typo = compact.slice(0, position) + wrong + compact.slice(position + 1);
        expect(parseVerificationCode(typo)).toEqual({ ok: false, error: 'bad-check' });
      }),
    );
  });

  it('catches most swapped neighbours', () => {
    let caught = 0;
    let swaps = 0;
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 14 }), (random, position) => {
        const compact = codeFrom(random).replace(/-/g, '');
        if (compact[position] === compact[position + 1]) return;
        swaps++;
        const swapped = compact.slice(0, position) + compact[position + 1] + compact[position] + compact.slice(position + 2);
        if (!isVerificationCode(swapped)) caught++;
      }),
      { numRuns: 2000 },
    );
    // Luhn mod 32 misses a swap only for one pair of values (0 and 31, folded): well above 95 %.
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it('computes the check character of a known payload', () => {
    expect(verificationCheckCharacter('000000000000000')).toBe('0');
    expect(() => verificationCheckCharacter('ABCU')).toThrow(RangeError);
  });
});
