import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCityProfile } from './city-profile.factory.ts';
import {
  addWorkingDays,
  closingDayOn,
  isClosingDay,
  isOpenAt,
  isWorkingDay,
  localDate,
  nextOpening,
  openingHoursOn,
  upcomingClosingDays,
  workingDaysBetween,
} from './opening-hours.rules.ts';
import { belgianPublicHolidays } from './public-holidays.rules.ts';

// Voorbeeldstad: phone Mon-Fri 08:30-12:00 and 13:30-16:30; counter mornings plus Thursday
// 16:30-19:00; quick desk Saturday 09:00-12:00; kiosk not offered; closes on 11 July,
// 2 January 2026 and from 12:00 on 24 December 2026.
const profile = buildCityProfile();
const at = (iso: string) => new Date(iso);
const instant = (zoned: Temporal.ZonedDateTime | null) => zoned?.toInstant().toString();

describe('closing days', () => {
  it.each([
    ['2026-04-06', true, 'Easter Monday'],
    ['2026-01-02', true, 'council closing day'],
    ['2025-07-11', true, 'Flemish Community Day, opted in'],
    ['2026-12-24', false, 'closed only from 12:00'],
    ['2026-04-07', false, 'an ordinary Tuesday'],
    ['2026-04-04', false, 'a Saturday is not a closing day, just a weekend'],
  ])('%s is a closing day: %s (%s)', (date, expected) => {
    expect(isClosingDay(profile, date)).toBe(expected);
  });

  it('does not close on 11 July unless the profile opts in', () => {
    const other = buildCityProfile({ closingDays: { optionalHolidays: [] } });
    expect(isClosingDay(other, '2025-07-11')).toBe(false);
    expect(isWorkingDay(other, '2025-07-11')).toBe(true);
  });

  it('ignores public holidays when the city opens on them', () => {
    const open = buildCityProfile({ closingDays: { closedOnPublicHolidays: false } });
    expect(isClosingDay(open, '2026-04-06')).toBe(false);
  });

  it('prefers the holiday over a council day on the same date', () => {
    const both = buildCityProfile({
      closingDays: { days: [{ date: '2026-12-25', closedFrom: '12:00', name: { nl: 'X', fr: 'X', en: 'X' } }] },
    });
    expect(closingDayOn(both, '2026-12-25')).toMatchObject({ kind: 'public-holiday', holidayId: 'christmas' });
    expect(closingDayOn(both, '2026-12-25')?.closedFrom).toBeUndefined();
  });

  it('lists the next closing days across the new year, holidays and partial days included', () => {
    expect(upcomingClosingDays(profile, '2026-12-20', 5).map((d) => [d.date, d.kind, d.closedFrom])).toEqual([
      ['2026-12-24', 'council', '12:00'],
      ['2026-12-25', 'public-holiday', undefined],
      ['2027-01-01', 'public-holiday', undefined],
      ['2027-03-29', 'public-holiday', undefined],
      ['2027-05-01', 'public-holiday', undefined],
    ]);
  });

  it('returns fewer closing days rather than searching for ever', () => {
    const never = buildCityProfile({ closingDays: { closedOnPublicHolidays: false } });
    expect(upcomingClosingDays(never, '2026-01-01', 5)).toEqual([]);
  });
});

describe('openingHoursOn', () => {
  it('gives the weekly hours on an ordinary day', () => {
    expect(openingHoursOn(profile, 'phone', '2026-03-30')).toEqual({
      date: '2026-03-30',
      channel: 'phone',
      available: true,
      open: true,
      alwaysOpen: false,
      intervals: [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '16:30' },
      ],
    });
  });

  it('closes on a public holiday and says why in three languages', () => {
    const day = openingHoursOn(profile, 'phone', '2026-04-06');
    expect(day.open).toBe(false);
    expect(day.intervals).toEqual([]);
    expect(day.closedReason).toEqual({ nl: 'Paasmaandag', fr: 'Lundi de Pâques', en: 'Easter Monday' });
  });

  it('cuts the afternoon and evening on a day closed from 12:00', () => {
    const day = openingHoursOn(profile, 'counter', '2026-12-24');
    expect(day.open).toBe(true);
    expect(day.intervals).toEqual([{ from: '08:30', to: '12:00' }]);
    expect(day.closedFrom).toBe('12:00');
    expect(day.closedReason?.nl).toBe('Kerstavond');
  });

  it('keeps an always-open channel open on Christmas', () => {
    expect(openingHoursOn(profile, 'online', '2026-12-25')).toMatchObject({ open: true, alwaysOpen: true });
    expect(isOpenAt(profile, 'online', at('2026-12-25T03:00:00Z'))).toBe(true);
  });

  it('keeps a channel that is not offered closed', () => {
    expect(openingHoursOn(profile, 'kiosk', '2026-03-30')).toMatchObject({ available: false, open: false });
    expect(nextOpening(profile, 'kiosk', at('2026-03-30T08:00:00Z'))).toBeNull();
  });

  it('is closed without a reason on a day without hours', () => {
    const day = openingHoursOn(profile, 'phone', '2026-03-28');
    expect(day.open).toBe(false);
    expect(day.closedReason).toBeUndefined();
  });

  it('lets a dated exception win over a holiday and over the weekly hours', () => {
    const special = buildCityProfile({
      channels: {
        ...buildCityProfile().channels,
        counter: {
          hours: { monday: [{ from: '08:30', to: '12:00' }] },
          exceptions: [
            { date: '2026-04-06', hours: [{ from: '10:00', to: '12:00' }], reason: { nl: 'Verkiezingen', fr: 'Élections', en: 'Elections' } },
            { date: '2026-04-13', hours: [], reason: { nl: 'Personeelsdag', fr: 'Journée du personnel', en: 'Staff day' } },
          ],
        },
      },
    });
    expect(openingHoursOn(special, 'counter', '2026-04-06')).toMatchObject({
      open: true,
      intervals: [{ from: '10:00', to: '12:00' }],
      note: { nl: 'Verkiezingen' },
    });
    expect(openingHoursOn(special, 'counter', '2026-04-13')).toMatchObject({
      open: false,
      closedReason: { nl: 'Personeelsdag' },
    });
  });
});

describe('isOpenAt and nextOpening across the DST changes', () => {
  it.each([
    // Spring forward on Sunday 29 March 2026: Brussels is UTC+2 from then on.
    ['2026-03-27T07:45:00Z', true, 'Friday before, 08:45 CET'],
    ['2026-03-30T06:45:00Z', true, 'Monday after, 08:45 CEST'],
    ['2026-03-30T06:29:00Z', false, 'Monday after, 08:29 CEST'],
    ['2026-03-30T06:30:00Z', true, 'Monday after, 08:30 CEST sharp'],
    ['2026-03-30T10:00:00Z', false, 'Monday after, 12:00 CEST: the end is exclusive'],
    // Fall back on Sunday 25 October 2026: Brussels is UTC+1 from then on.
    ['2026-10-23T06:45:00Z', true, 'Friday before, 08:45 CEST'],
    ['2026-10-26T07:45:00Z', true, 'Monday after, 08:45 CET'],
    ['2026-10-26T06:45:00Z', false, 'Monday after, 07:45 CET (would be 08:45 in summer time)'],
    ['2026-10-26T15:29:00Z', true, 'Monday after, 16:29 CET'],
    ['2026-10-26T15:30:00Z', false, 'Monday after, 16:30 CET'],
  ])('phone at %s is open: %s (%s)', (iso, expected) => {
    expect(isOpenAt(profile, 'phone', at(iso))).toBe(expected);
  });

  it('finds Monday 08:30 summer time as the next opening after the spring weekend', () => {
    const next = nextOpening(profile, 'phone', at('2026-03-28T12:00:00Z'));
    expect(next?.toString()).toBe('2026-03-30T08:30:00+02:00[Europe/Brussels]');
    expect(instant(next)).toBe('2026-03-30T06:30:00Z');
  });

  it('finds Monday 08:30 winter time as the next opening after the autumn weekend', () => {
    const next = nextOpening(profile, 'phone', at('2026-10-24T12:00:00Z'));
    expect(instant(next)).toBe('2026-10-26T07:30:00Z');
  });

  it('gives now when open, and the afternoon start during the lunch break', () => {
    expect(instant(nextOpening(profile, 'phone', at('2026-03-30T07:00:00Z')))).toBe('2026-03-30T07:00:00Z');
    expect(instant(nextOpening(profile, 'phone', at('2026-03-30T10:00:00Z')))).toBe('2026-03-30T11:30:00Z');
  });

  it('skips Christmas afternoon, Christmas and the weekend', () => {
    const next = nextOpening(profile, 'counter', at('2026-12-24T12:00:00Z'));
    expect(next?.toString()).toBe('2026-12-28T08:30:00+01:00[Europe/Brussels]');
  });

  it('agrees with isOpenAt: open at the answer, closed every half hour before it', () => {
    const start = Temporal.Instant.from('2026-03-20T00:00:00Z').epochMilliseconds;
    const span = Temporal.Duration.from({ days: 230 }).total('milliseconds');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), fc.constantFrom('phone', 'counter', 'quick-desk', 'home' as const), (offset, channel) => {
        const from = new Date(start + offset);
        const next = nextOpening(profile, channel, from);
        expect(next).not.toBeNull();
        const nextMs = next?.toInstant().epochMilliseconds ?? 0;
        expect(isOpenAt(profile, channel, new Date(nextMs))).toBe(true);
        for (let t = from.getTime(); t < nextMs; t += 30 * 60_000) {
          expect(isOpenAt(profile, channel, new Date(t))).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('working days', () => {
  it.each([
    ['2026-04-02', 1, '2026-04-03', 'Thursday to Friday'],
    ['2026-04-02', 2, '2026-04-07', 'over the weekend and Easter Monday'],
    ['2025-07-10', 1, '2025-07-14', 'over 11 July and the weekend'],
    ['2026-12-23', 1, '2026-12-24', 'a day closed from noon still counts'],
    ['2026-12-24', 1, '2026-12-28', 'over Christmas and the weekend'],
    ['2026-10-23', 1, '2026-10-26', 'over the autumn DST change'],
    ['2026-04-04', 0, '2026-04-04', 'zero days changes nothing'],
  ])('%s plus %i working days is %s (%s)', (start, n, expected) => {
    expect(addWorkingDays(profile, start, n)).toBe(expected);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(profile, '2026-04-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(profile, '2026-04-02', 1.5)).toThrow(RangeError);
  });

  it('counts backwards as a negative number', () => {
    expect(workingDaysBetween(profile, '2026-04-07', '2026-04-02')).toBe(-2);
    expect(workingDaysBetween(profile, '2026-04-02', '2026-04-02')).toBe(0);
  });

  const startDate = fc.integer({ min: 0, max: 365 * 6 }).map((days) => Temporal.PlainDate.from('2024-01-01').add({ days }).toString());

  it('never lands on a weekend, a holiday or a closing day, and counts back to n', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 80 }), (start, n) => {
        const due = addWorkingDays(profile, start, n);
        const date = Temporal.PlainDate.from(due);
        expect(date.dayOfWeek).toBeLessThan(6);
        expect(belgianPublicHolidays(date.year).map((h) => h.date)).not.toContain(due);
        expect(isClosingDay(profile, due)).toBe(false);
        expect(workingDaysBetween(profile, start, due)).toBe(n);
        expect(workingDaysBetween(profile, start, date.subtract({ days: 1 }))).toBe(n - 1);
      }),
    );
  });
});

describe('localDate', () => {
  it('is the calendar date in the city’s time zone, as Temporal computes it, around every DST change and date line', () => {
    for (const timeZone of ['Europe/Brussels', 'America/New_York', 'Pacific/Kiritimati', 'UTC']) {
      const profile = { ...buildCityProfile(), timeZone };
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
          const expected = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate().toString();
          expect(localDate(profile, new Date(ms))).toBe(expected);
          expect(localDate(profile, Temporal.Instant.fromEpochMilliseconds(ms))).toBe(expected);
        }),
        { numRuns: 500 },
      );
    }
  });
});
