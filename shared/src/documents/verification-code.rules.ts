/**
 * The verification code printed on every document the city issues (`7KQM-2HX4-RN8D-3PWC`): anyone
 * holding the paper can type it at /verify to see whether it is genuine. Sixteen characters of
 * Crockford's base 32 (no I, L, O or U, so nothing reads as a one or a zero), in four groups of four:
 * fifteen random characters (75 bits, so guessing a valid code is hopeless) and one check character
 * (Luhn mod 32) that catches every single typing mistake and most swapped neighbours before a lookup.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const RANDOM_LENGTH = 15;
const GROUP = 4;

export type VerificationCodeError = 'empty' | 'wrong-length' | 'bad-character' | 'bad-check';

export type VerificationCodeParseResult = { ok: true; code: string } | { ok: false; error: VerificationCodeError };

const symbolValue = (char: string) => ALPHABET.indexOf(char);

// Luhn mod N: double every second value from the right, fold the overflow back, sum.
const luhnSum = (values: readonly number[], doubleFirstFromRight: boolean): number => {
  let sum = 0;
  let double = doubleFirstFromRight;
  for (let i = values.length - 1; i >= 0; i--) {
    const addend = (values[i] ?? 0) * (double ? 2 : 1);
    sum += Math.floor(addend / BASE) + (addend % BASE);
    double = !double;
  }
  return sum;
};

/** The check character for a string of Crockford characters. */
export const verificationCheckCharacter = (payload: string): string => {
  const values = [...payload].map(symbolValue);
  if (values.some((value) => value < 0)) throw new RangeError(`not Crockford base 32: ${payload}`);
  return ALPHABET[(BASE - (luhnSum(values, true) % BASE)) % BASE] as string;
};

const group = (compact: string) => compact.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? compact;

/**
 * A new code in its printed form. `randomBytes` is injectable for tests; by default the platform's
 * cryptographic random generator (Web Crypto, in Node and in browsers).
 */
export const generateVerificationCode = (
  randomBytes: (length: number) => Uint8Array = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
): string => {
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  const payload = [...randomBytes(RANDOM_LENGTH)].map((byte) => ALPHABET[byte % BASE]).join('');
  if (payload.length !== RANDOM_LENGTH) throw new RangeError('randomBytes returned too few bytes');
  return group(payload + verificationCheckCharacter(payload));
};

/**
 * Reads a code as a person types it: any case, with or without dashes and spaces, O for 0 and I or
 * L for 1. Returns the printed form, or why it cannot be a code (before any database lookup).
 */
export const parseVerificationCode = (input: string): VerificationCodeParseResult => {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact === '') return { ok: false, error: 'empty' };
  if (compact.length !== RANDOM_LENGTH + 1) return { ok: false, error: 'wrong-length' };
  if (![...compact].every((char) => symbolValue(char) >= 0)) return { ok: false, error: 'bad-character' };
  if (luhnSum([...compact].map(symbolValue), false) % BASE !== 0) return { ok: false, error: 'bad-check' };
  return { ok: true, code: group(compact) };
};

/** True for a well-formed code in any typed form. */
export const isVerificationCode = (input: string): boolean => parseVerificationCode(input).ok;
