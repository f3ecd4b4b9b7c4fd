import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { belgianPublicHolidays, easterSundayDate, legalHolidayIds, optionalHolidays } from './public-holidays.rules.ts';

const dayOfWeek = (date: string) => Temporal.PlainDate.from(date).dayOfWeek;
const dateOf = (year: number, id: string) => belgianPublicHolidays(year).find((h) => h.id === id)?.date ?? '';
const year = fc.integer({ min: 1583, max: 9999 });

describe('easterSundayDate', () => {
  it.each([
    [1961, '1961-04-02'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is on %s', (y, expected) => {
    expect(easterSundayDate(y)).toBe(expected);
  });

  it('is always a Sunday from 22 March to 25 April', () => {
    fc.assert(
      fc.property(year, (y) => {
        const easter = easterSundayDate(y);
        expect(dayOfWeek(easter)).toBe(7);
        expect(easter >= `${y}-03-22` && easter <= `${y}-04-25`).toBe(true);
      }),
    );
  });

  it('refuses years before the Gregorian calendar', () => {
    expect(() => easterSundayDate(1582)).toThrow(RangeError);
    expect(() => easterSundayDate(2026.5)).toThrow(RangeError);
  });
});

describe('belgianPublicHolidays', () => {
  it('lists the ten legal holidays of 2026 in calendar order', () => {
    expect(belgianPublicHolidays(2026).map((h) => [h.date, h.id])).toEqual([
      ['2026-01-01', 'new-year'],
      ['2026-04-06', 'easter-monday'],
      ['2026-05-01', 'labour-day'],
      ['2026-05-14', 'ascension'],
      ['2026-05-25', 'whit-monday'],
      ['2026-07-21', 'national-day'],
      ['2026-08-15', 'assumption'],
      ['2026-11-01', 'all-saints'],
      ['2026-11-11', 'armistice'],
      ['2026-12-25', 'christmas'],
    ]);
  });

  it('puts Ascension before Labour Day when Easter is as early as it gets (2285)', () => {
    expect(dateOf(2285, 'ascension')).toBe('2285-04-30');
    expect(
      belgianPublicHolidays(2285)
        .map((h) => h.id)
        .slice(1, 4),
    ).toEqual(['easter-monday', 'ascension', 'labour-day']);
  });

  it('names every holiday in Dutch, French and English', () => {
    for (const h of belgianPublicHolidays(2027)) {
      expect(h.name.nl && h.name.fr && h.name.en).toBeTruthy();
    }
    expect(belgianPublicHolidays(2027).find((h) => h.id === 'whit-monday')?.name.nl).toBe('Pinkstermaandag');
  });

  it('always has the ten legal ids once, sorted, on the right weekdays', () => {
    fc.assert(
      fc.property(year, (y) => {
        const holidays = belgianPublicHolidays(y);
        expect(holidays.map((h) => h.id).sort()).toEqual([...legalHolidayIds].sort());
        expect(holidays.map((h) => h.date)).toEqual(holidays.map((h) => h.date).sort());
        expect(dayOfWeek(dateOf(y, 'easter-monday'))).toBe(1);
        expect(dayOfWeek(dateOf(y, 'ascension'))).toBe(4);
        expect(dayOfWeek(dateOf(y, 'whit-monday'))).toBe(1);
        expect(Temporal.PlainDate.from(easterSundayDate(y)).until(dateOf(y, 'ascension')).days).toBe(39);
      }),
    );
  });
});

describe('optionalHolidays', () => {
  it('gives 11 July for the Flemish Community only when asked', () => {
    expect(optionalHolidays(2026, ['flemish-community-day'])).toEqual([
      {
        date: '2026-07-11',
        id: 'flemish-community-day',
        name: {
          nl: 'Feestdag van de Vlaamse Gemeenschap',
          fr: 'Fête de la Communauté flamande',
          en: 'Flemish Community Day',
        },
      },
    ]);
    expect(optionalHolidays(2026, [])).toEqual([]);
  });

  it('sorts by date and ignores a repeated id', () => {
    const days = optionalHolidays(2027, ['kings-feast', 'flemish-community-day', 'kings-feast']);
    expect(days.map((d) => d.date)).toEqual(['2027-07-11', '2027-11-15']);
  });
});
