import { z } from 'zod';
import type { Language } from '../platform/language.ts';

/**
 * Why a typed national register number (rijksregisternummer) or BIS number was refused. Checked in
 * this order, so the code names the first thing the person can fix: empty, not-digits, wrong-length,
 * bad-checksum, impossible-date, bad-sequence.
 */
export const nationalNumberErrorSchema = z.enum(['empty', 'wrong-length', 'not-digits', 'bad-checksum', 'impossible-date', 'bad-sequence']);
export type NationalNumberError = z.infer<typeof nationalNumberErrorSchema>;

/**
 * What an 11-digit number tells about its holder. kind is 'bis' when the month carries the +20 or +40
 * offset of the Crossroads Bank for Social Security. birthDate is null when the number uses the
 * fictitious date YY.00.01 (nothing of the birth date was known); otherwise the year is always known
 * and month and day are null when the number has 00 there. sex is 'unknown' only for BIS numbers
 * with the +20 offset.
 */
export type NationalNumber = {
  digits: string;
  kind: 'rrn' | 'bis';
  birthDate: { year: number; month: number | null; day: number | null } | null;
  sex: 'male' | 'female' | 'unknown';
  bornFrom2000: boolean;
};

/**
 * The outcome of parseNationalNumber. On failure typedDigits is how many digits the input held, so
 * the wrong-length message can say how many the person typed.
 */
export type NationalNumberParseResult = { ok: true; value: NationalNumber } | { ok: false; error: NationalNumberError; typedDigits: number };

// Separators people copy from an identity card, a letter or a spreadsheet: dots, dashes, slashes and
// any kind of white space (including the non-breaking space some word processors insert).
const SEPARATORS = /[\s.\-/]/g;

// The +20/+40 month offsets are what tell a BIS number from an RRN; all other months are impossible.
const BIS_SEX_UNKNOWN_OFFSET = 20;
const BIS_SEX_KNOWN_OFFSET = 40;

// Births from 2000 are checked as if a "2" preceded the first nine digits; that is the only place the
// century is encoded.
const FROM_2000_PREFIX = 2_000_000_000;

const checkDigitsFor = (firstNine: number, bornFrom2000: boolean): number => 97 - ((bornFrom2000 ? FROM_2000_PREFIX + firstNine : firstNine) % 97);

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

const countDigits = (text: string): number => text.replace(/\D/g, '').length;

const fail = (error: NationalNumberError, input: string): NationalNumberParseResult => ({
  ok: false,
  error,
  typedDigits: countDigits(input),
});

/**
 * Reads a national register number (RRN) or BIS number as a person types it (85.07.30-033.28,
 * 85 07 30 033 28, 85073003328) and returns its 11 digits with what they encode, or the first
 * reason it cannot be a real number. The century comes from the mod-97 check: a number whose check
 * digits only fit with the "2" prefix belongs to someone born from 2000. It does not refuse birth
 * dates in the future; callers with a clock decide whether that matters.
 */
export const parseNationalNumber = (input: string): NationalNumberParseResult => {
  const compact = input.replace(SEPARATORS, '');
  if (compact === '') return fail('empty', input);
  if (!/^\d+$/.test(compact)) return fail('not-digits', input);
  if (compact.length !== 11) return fail('wrong-length', input);

  const firstNine = Number(compact.slice(0, 9));
  const checkDigits = Number(compact.slice(9));
  // 2_000_000_000 is not a multiple of 97, so at most one century can fit.
  const bornFrom2000 = checkDigitsFor(firstNine, true) === checkDigits;
  if (!bornFrom2000 && checkDigitsFor(firstNine, false) !== checkDigits) return fail('bad-checksum', input);

  const year = (bornFrom2000 ? 2000 : 1900) + Number(compact.slice(0, 2));
  const encodedMonth = Number(compact.slice(2, 4));
  const day = Number(compact.slice(4, 6));
  const sequence = Number(compact.slice(6, 9));

  const offset = encodedMonth >= BIS_SEX_KNOWN_OFFSET ? BIS_SEX_KNOWN_OFFSET : encodedMonth >= BIS_SEX_UNKNOWN_OFFSET ? BIS_SEX_UNKNOWN_OFFSET : 0;
  const month = encodedMonth - offset;
  if (month > 12) return fail('impossible-date', input);

  let birthDate: NationalNumber['birthDate'];
  if (month === 0 && day === 1 && compact.startsWith('00')) {
    // The register's fictitious date for "birth date entirely unknown" (1900 or 2000, month 00, day 01).
    birthDate = null;
  } else if (month === 0) {
    // Month 00 means the month was unknown, or the register ran out of sequence numbers for that day
    // and moved the person to YY.00.0x; either way the day digits say nothing reliable.
    birthDate = { year, month: null, day: null };
  } else if (day === 0) {
    birthDate = { year, month, day: null };
  } else if (day > daysInMonth(year, month)) {
    return fail('impossible-date', input);
  } else {
    birthDate = { year, month, day };
  }

  if (sequence < 1 || sequence > 998) return fail('bad-sequence', input);

  const kind = offset === 0 ? 'rrn' : 'bis';
  const sex = offset === BIS_SEX_UNKNOWN_OFFSET ? 'unknown' : sequence % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { digits: compact, kind, birthDate, sex, bornFrom2000 } };
};

/** True when the input (separators allowed) is a valid national register number or BIS number. */
export const isValidNationalNumber = (input: string): boolean => parseNationalNumber(input).ok;

/**
 * Writes 11 digits the way they appear on a Belgian identity card: 85.07.30-033.28. Anything that is
 * not 11 digits after removing separators is returned unchanged, so a display never throws.
 */
export const formatNationalNumber = (digits: string): string => {
  const compact = digits.replace(SEPARATORS, '');
  if (!/^\d{11}$/.test(compact)) return digits;
  return `${compact.slice(0, 2)}.${compact.slice(2, 4)}.${compact.slice(4, 6)}-${compact.slice(6, 9)}.${compact.slice(9)}`;
};

/**
 * Writes the number with its check digits hidden (85.07.30-033.••) for screens of people who do not
 * need the full number. Anything that is not 11 digits comes back fully hidden, never in clear.
 * Beware: the check digits follow from the visible nine, so this only keeps the number from being
 * read or copied at a glance; it is no protection against someone who knows the mod-97 rule.
 */
export const maskNationalNumber = (digits: string): string => {
  const compact = digits.replace(SEPARATORS, '');
  if (!/^\d{11}$/.test(compact)) return '••.••.••-•••.••';
  return `${formatNationalNumber(compact).slice(0, -2)}••`;
};

const messages: Record<NationalNumberError, Record<Language, (typedDigits: number | undefined) => string>> = {
  empty: {
    nl: () => 'Vul een rijksregisternummer in.',
    fr: () => 'Indiquez un numéro de registre national.',
    en: () => 'Enter a national register number.',
  },
  'wrong-length': {
    nl: (n) => `Een rijksregisternummer heeft 11 cijfers.${n === undefined ? '' : ` U typte er ${n}.`}`,
    fr: (n) => `Un numéro de registre national a 11 chiffres.${n === undefined ? '' : ` Vous en avez tapé ${n}.`}`,
    en: (n) => `A national register number has 11 digits.${n === undefined ? '' : ` You typed ${n}.`}`,
  },
  'not-digits': {
    nl: () => 'Een rijksregisternummer bestaat alleen uit cijfers. Punten, streepjes en spaties mogen.',
    fr: () => 'Un numéro de registre national contient seulement des chiffres. Les points, tirets et espaces sont permis.',
    en: () => 'A national register number has only digits. Dots, dashes and spaces are fine.',
  },
  'bad-checksum': {
    nl: () => 'Dit rijksregisternummer bestaat niet: de laatste 2 cijfers passen niet bij de andere. Kijk na of u zich niet vergist hebt.',
    fr: () => "Ce numéro de registre national n'existe pas : les 2 derniers chiffres ne correspondent pas aux autres. Vérifiez qu'il n'y a pas d'erreur.",
    en: () => 'This national register number does not exist: the last 2 digits do not match the others. Check for a typing mistake.',
  },
  'impossible-date': {
    nl: () => 'De eerste 6 cijfers zijn een geboortedatum (jaar, maand, dag). Die datum bestaat niet.',
    fr: () => "Les 6 premiers chiffres sont une date de naissance (année, mois, jour). Cette date n'existe pas.",
    en: () => 'The first 6 digits are a date of birth (year, month, day). That date does not exist.',
  },
  'bad-sequence': {
    nl: () => 'Cijfer 7 tot 9 van een rijksregisternummer liggen tussen 001 en 998. Kijk na of u zich niet vergist hebt.',
    fr: () => "Les chiffres 7 à 9 d'un numéro de registre national vont de 001 à 998. Vérifiez qu'il n'y a pas d'erreur.",
    en: () => 'Digits 7 to 9 of a national register number are between 001 and 998. Check for a typing mistake.',
  },
};

/**
 * The plain-language explanation of an error code, for a field error next to the input. Pass
 * typedDigits (from the parse result) so the wrong-length message can say how many digits were typed.
 */
export const nationalNumberErrorMessage = (code: NationalNumberError, lang: Language, typedDigits?: number): string => messages[code][lang](typedDigits);

/**
 * Zod schema for a national register number or BIS number field: accepts the typed form, outputs the
 * 11 digits. A refusal is one custom issue with params { code, typedDigits } and the Dutch message, so
 * the API can return the stable code per field and the web form can translate it.
 */
export const nationalNumberSchema = z.string().transform((input, ctx) => {
  const result = parseNationalNumber(input);
  if (result.ok) return result.value.digits;
  ctx.addIssue({
    code: 'custom',
    input,
    message: nationalNumberErrorMessage(result.error, 'nl', result.typedDigits),
    params: {
      code: result.error,
      typedDigits: result.typedDigits,
      messages: {
        nl: nationalNumberErrorMessage(result.error, 'nl', result.typedDigits),
        fr: nationalNumberErrorMessage(result.error, 'fr', result.typedDigits),
        en: nationalNumberErrorMessage(result.error, 'en', result.typedDigits),
      },
    },
  });
  return z.NEVER;
});

/** Options for makeNationalNumber. */
export type MakeNationalNumberOptions = {
  /** YYYY-MM-DD between 1900 and 2099; MM and/or DD may be 00 for a partly unknown date. */
  birthDate: string;
  /** 1..998; odd is male, even is female. */
  sequence: number;
  kind?: 'rrn' | 'bis';
  /** Only for BIS: whether the sex was known (+40) or not (+20). Defaults to true. */
  bisSexKnown?: boolean;
};

/**
 * Builds a valid 11-digit number for tests and the demo population. Throws a RangeError for a date
 * or sequence no real number could have, so a wrong fixture fails loudly instead of validating later.
 */
export const makeNationalNumber = ({ birthDate, sequence, kind = 'rrn', bisSexKnown = true }: MakeNationalNumberOptions): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new RangeError(`Birth date must be YYYY-MM-DD, got "${birthDate}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2099) throw new RangeError(`Birth year must be 1900..2099, got ${year}`);
  if (month > 12 || (month === 0 && day !== 0) || (month > 0 && day > daysInMonth(year, month))) {
    throw new RangeError(`No such birth date: ${birthDate}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 998) {
    throw new RangeError(`Sequence must be an integer 1..998, got ${sequence}`);
  }
  const offset = kind === 'rrn' ? 0 : bisSexKnown ? BIS_SEX_KNOWN_OFFSET : BIS_SEX_UNKNOWN_OFFSET;
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const firstNine = `${pad(year % 100, 2)}${pad(month + offset, 2)}${pad(day, 2)}${pad(sequence, 3)}`;
  return `${firstNine}${pad(checkDigitsFor(Number(firstNine), year >= 2000), 2)}`;
};
