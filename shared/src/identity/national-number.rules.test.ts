import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNationalNumber,
  isValidNationalNumber,
  makeNationalNumber,
  maskNationalNumber,
  type NationalNumberError,
  nationalNumberErrorMessage,
  nationalNumberErrorSchema,
  nationalNumberSchema,
  parseNationalNumber,
} from './national-number.rules.ts';

// An oracle written independently of the rules (BigInt, string prefix) so the tests do not just
// repeat the implementation's arithmetic.
const withCheckDigits = (firstNine: string, from2000: boolean): string => {
  const remainder = BigInt(`${from2000 ? '2' : ''}${firstNine}`) % 97n;
  return `${firstNine}${String(97n - remainder).padStart(2, '0')}`;
};

const decode = (input: string) => {
  const result = parseNationalNumber(input);
  if (!result.ok) throw new Error(`expected ${input} to be valid, got ${result.error}`);
  return result.value;
};

const errorOf = (input: string) => {
  const result = parseNationalNumber(input);
  return result.ok ? 'valid' : result.error;
};

describe('known numbers', () => {
  it.each([
    ['85073003328', 'rrn', { year: 1985, month: 7, day: 30 }, 'male', false],
    ['17073003384', 'rrn', { year: 2017, month: 7, day: 30 }, 'male', true],
    ['75.06.08-980.09', 'rrn', { year: 1975, month: 6, day: 8 }, 'female', false],
    ['98.47.28-997.65', 'bis', { year: 1998, month: 7, day: 28 }, 'male', false],
    ['01 49 07 001 85', 'bis', { year: 2001, month: 9, day: 7 }, 'male', true],
  ])('%s is a valid %s number', (input, kind, birthDate, sex, bornFrom2000) => {
    expect(decode(input)).toEqual({ digits: input.replace(/\D/g, ''), kind, birthDate, sex, bornFrom2000 });
  });

  it('refuses 12345678901 on its check digits', () => {
    expect(errorOf('12345678901')).toBe('bad-checksum');
    expect(isValidNationalNumber('12345678901')).toBe(false);
  });

  it.each([
    // Month 00: only the year is known (unknown month or the day's sequence numbers ran out).
    ['00000000128', { year: 2000, month: null, day: null }],
    // Day 00: year and month known.
    ['00010000135', { year: 2000, month: 1, day: null }],
    // The fictitious date YY.00.01 in both centuries: nothing of the birth date is known.
    ['00000100166', null],
    ['00000100195', null],
  ])('%s decodes a partly unknown birth date', (input, birthDate) => {
    expect(decode(input).birthDate).toEqual(birthDate);
  });

  it('reads the sex of a BIS number as unknown when the month carries +20', () => {
    const bis = makeNationalNumber({ birthDate: '1990-03-15', sequence: 7, kind: 'bis', bisSexKnown: false });
    expect(bis.slice(2, 4)).toBe('23');
    expect(decode(bis)).toMatchObject({ kind: 'bis', sex: 'unknown', birthDate: { year: 1990, month: 3, day: 15 } });
  });
});

describe('typed forms', () => {
  it.each(['85.07.30-033.28', '85 07 30 033 28', ' 850730-03328 ', '85/07/30 033\u00a028', '85.07.30\t033.28'])(
    'accepts %j and normalises it to 11 digits',
    (input) => {
      expect(decode(input).digits).toBe('85073003328');
    },
  );
});

describe('every refusal names its reason', () => {
  it.each<[string, NationalNumberError]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.. -', 'empty'],
    ['85.07.30-033.2', 'wrong-length'],
    ['850730033280', 'wrong-length'],
    ['85O73003328', 'not-digits'],
    ['85.07.30-033.28x', 'not-digits'],
    ['85073003329', 'bad-checksum'],
    // Valid check digits, but dates that do not exist.
    [withCheckDigits('850230033', false), 'impossible-date'],
    [withCheckDigits('000229033', false), 'impossible-date'], // 1900 was no leap year
    [withCheckDigits('851330033', false), 'impossible-date'], // month 13
    [withCheckDigits('853330033', false), 'impossible-date'], // BIS month 33
    [withCheckDigits('855330033', false), 'impossible-date'], // BIS month 53
    [withCheckDigits('850732033', false), 'impossible-date'],
    [withCheckDigits('850431033', true), 'impossible-date'],
    // Valid check digits and date, but sequence 000 or 999.
    [withCheckDigits('850730000', false), 'bad-sequence'],
    [withCheckDigits('850730999', true), 'bad-sequence'],
  ])('%j -> %s', (input, code) => {
    expect(errorOf(input)).toBe(code);
  });

  it('accepts 29 February in a leap year', () => {
    expect(decode(withCheckDigits('000229033', true)).birthDate).toEqual({ year: 2000, month: 2, day: 29 });
    expect(decode(withCheckDigits('840229034', false)).birthDate).toEqual({ year: 1984, month: 2, day: 29 });
  });

  it('tells how many digits were typed when the length is wrong', () => {
    const result = parseNationalNumber('85.07.30-033.2');
    expect(result).toEqual({ ok: false, error: 'wrong-length', typedDigits: 10 });
    expect(nationalNumberErrorMessage('wrong-length', 'nl', 10)).toBe('Een rijksregisternummer heeft 11 cijfers. U typte er 10.');
    expect(nationalNumberErrorMessage('wrong-length', 'fr', 12)).toBe('Un numéro de registre national a 11 chiffres. Vous en avez tapé 12.');
    expect(nationalNumberErrorMessage('wrong-length', 'en')).toBe('A national register number has 11 digits.');
  });

  it('has a distinct message for every code in every language', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const texts = nationalNumberErrorSchema.options.map((code) => nationalNumberErrorMessage(code, lang, 10));
      expect(new Set(texts).size).toBe(texts.length);
      for (const text of texts) expect(text).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('display', () => {
  it('formats as on the identity card', () => {
    expect(formatNationalNumber('85073003328')).toBe('85.07.30-033.28');
    expect(formatNationalNumber('85 07 30 033 28')).toBe('85.07.30-033.28');
  });

  it('masks the check digits', () => {
    expect(maskNationalNumber('85073003328')).toBe('85.07.30-033.••');
  });

  it('never shows in clear what it cannot format', () => {
    expect(formatNationalNumber('8507300332')).toBe('8507300332');
    expect(maskNationalNumber('8507300332')).toBe('••.••.••-•••.••');
  });
});

describe('nationalNumberSchema', () => {
  it('outputs the 11 digits', () => {
    expect(nationalNumberSchema.parse('85.07.30-033.28')).toBe('85073003328');
  });

  it('puts the code and the message in every language in the issue, so a form or the API can name the field in the reader language', () => {
    const result = nationalNumberSchema.safeParse('85.07.30-033.2');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        path: [],
        message: 'Een rijksregisternummer heeft 11 cijfers. U typte er 10.',
        params: {
          code: 'wrong-length',
          typedDigits: 10,
          messages: {
            nl: 'Een rijksregisternummer heeft 11 cijfers. U typte er 10.',
            fr: expect.stringContaining('11'),
            en: expect.stringContaining('11'),
          },
        },
      }),
    ]);
  });

  it('refuses a non-string', () => {
    expect(nationalNumberSchema.safeParse(85073003328).success).toBe(false);
  });
});

describe('makeNationalNumber', () => {
  it.each([
    [{ birthDate: '1900-02-29', sequence: 1 }],
    [{ birthDate: '1985-13-01', sequence: 1 }],
    [{ birthDate: '1899-12-31', sequence: 1 }],
    [{ birthDate: '2100-01-01', sequence: 1 }],
    [{ birthDate: '1985-00-05', sequence: 1 }],
    [{ birthDate: '1985-7-30', sequence: 1 }],
    [{ birthDate: '1985-07-30', sequence: 0 }],
    [{ birthDate: '1985-07-30', sequence: 999 }],
    [{ birthDate: '1985-07-30', sequence: 1.5 }],
  ])('refuses %j', (options) => {
    expect(() => makeNationalNumber(options)).toThrow(RangeError);
  });

  it('reproduces the known numbers', () => {
    expect(makeNationalNumber({ birthDate: '1985-07-30', sequence: 33 })).toBe('85073003328');
    expect(makeNationalNumber({ birthDate: '2017-07-30', sequence: 33 })).toBe('17073003384');
    expect(makeNationalNumber({ birthDate: '1998-07-28', sequence: 997, kind: 'bis' })).toBe('98472899765');
  });

  it('builds numbers with a partly unknown birth date', () => {
    expect(decode(makeNationalNumber({ birthDate: '1971-00-00', sequence: 12 })).birthDate).toEqual({
      year: 1971,
      month: null,
      day: null,
    });
    expect(decode(makeNationalNumber({ birthDate: '2003-05-00', sequence: 12, kind: 'bis' })).birthDate).toEqual({
      year: 2003,
      month: 5,
      day: null,
    });
  });

  it.each([
    [true, '40', 'female'],
    [false, '20', 'unknown'],
  ] as const)('builds a BIS number with an unknown month (sex known: %s) as month %s', (bisSexKnown, month, sex) => {
    const digits = makeNationalNumber({ birthDate: '1971-00-00', sequence: 12, kind: 'bis', bisSexKnown });
    expect(digits.slice(2, 4)).toBe(month);
    expect(decode(digits)).toMatchObject({ kind: 'bis', sex, birthDate: { year: 1971, month: null, day: null } });
  });
});

describe('properties', () => {
  const MS_PER_DAY = 86_400_000;
  const FIRST = Date.UTC(1900, 0, 1) / MS_PER_DAY;
  const LAST = Date.UTC(2099, 11, 31) / MS_PER_DAY;
  // Any calendar day 1900-01-01..2099-12-31, as ISO date parts; UTC so no time zone can shift the day.
  const birthDay = fc.integer({ min: FIRST, max: LAST }).map((days) => {
    const date = new Date(days * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), iso: date.toISOString().slice(0, 10) };
  });
  const sequence = fc.integer({ min: 1, max: 998 });
  const kind = fc.constantFrom('rrn' as const, 'bis' as const);
  const validNumber = fc
    .record({ date: birthDay, sequence, kind, bisSexKnown: fc.boolean() })
    .map((input) => ({ ...input, digits: makeNationalNumber({ birthDate: input.date.iso, ...input }) }));

  it('every generated number validates and gives back its birth date, sex and kind', () => {
    fc.assert(
      fc.property(validNumber, ({ date, sequence, kind, bisSexKnown, digits }) => {
        const value = decode(digits);
        expect(value.digits).toBe(digits);
        expect(value.kind).toBe(kind);
        expect(value.birthDate).toEqual({ year: date.year, month: date.month, day: date.day });
        expect(value.bornFrom2000).toBe(date.year >= 2000);
        const expectedSex = kind === 'bis' && !bisSexKnown ? 'unknown' : sequence % 2 === 1 ? 'male' : 'female';
        expect(value.sex).toBe(expectedSex);
      }),
      { numRuns: 2000 },
    );
  });

  it('BIS numbers carry the month plus 20 or 40 and decode to the real month', () => {
    fc.assert(
      fc.property(birthDay, sequence, fc.boolean(), (date, seq, bisSexKnown) => {
        const digits = makeNationalNumber({ birthDate: date.iso, sequence: seq, kind: 'bis', bisSexKnown });
        expect(Number(digits.slice(2, 4))).toBe(date.month + (bisSexKnown ? 40 : 20));
        expect(decode(digits).birthDate?.month).toBe(date.month);
      }),
    );
  });

  // mod 97 catches every single-digit change within a century. The only way a changed number can
  // still pass is that it now fits the other century's check, which changes the decoded birth year.
  it('changing any single digit makes the number invalid or changes what it decodes to', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), ({ digits }, position, delta) => {
        const original = decode(digits);
        const changedDigit = (Number(digits[position]) + delta) % 10;
        const changed = `${digits.slice(0, position)}${changedDigit}${digits.slice(position + 1)}`;
        const result = parseNationalNumber(changed);
        if (result.ok) expect(result.value.bornFrom2000).not.toBe(original.bornFrom2000);
      }),
      { numRuns: 2000 },
    );
  });

  it('separators never change the outcome', () => {
    fc.assert(
      fc.property(validNumber, fc.array(fc.constantFrom('.', '-', ' ', '/'), { minLength: 11, maxLength: 11 }), ({ digits }, seps) => {
        const typed = [...digits].map((d, i) => `${d}${seps[i]}`).join('');
        expect(parseNationalNumber(typed)).toEqual(parseNationalNumber(digits));
      }),
    );
  });

  it('the mask shows exactly the first nine digits of a valid number', () => {
    fc.assert(
      fc.property(validNumber, ({ digits }) => {
        const masked = maskNationalNumber(digits);
        expect(masked.replace(/\D/g, '')).toBe(digits.slice(0, 9));
        expect(formatNationalNumber(digits).replace(/\D/g, '')).toBe(digits);
      }),
    );
  });
});
