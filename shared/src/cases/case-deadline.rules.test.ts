import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCityProfile } from '../city/city-profile.factory.ts';
import { isWorkingDay, workingDaysBetween } from '../city/opening-hours.rules.ts';
import type { CasePause } from './case.schema.ts';
import { deadlineStartDate, deadlineStatus, decidedOnTime, dueDate, pausedWorkingDays } from './case-deadline.rules.ts';

// Voorbeeldstad closes on the legal holidays, 11 July, 2 January 2026 and from 12:00 on 24 December 2026.
const profile = buildCityProfile();

// Brussels local midday on a date, as an instant (10:00 or 11:00 UTC depending on DST).
const noon = (date: string) => new Date(new Date(`${date}T12:00:00Z`).getTime() - (date >= '2026-03-29' && date < '2026-10-25' ? 2 : 1) * 3_600_000);

const brusselsDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('dueDate', () => {
  it.each([
    ['an ordinary week', '2026-03-02T09:00:00Z', 5, '2026-03-09'],
    ['received on a Saturday counts from Monday', '2026-03-07T09:00:00Z', 1, '2026-03-10'],
    ['norm 0 is the day of receipt', '2026-03-03T09:00:00Z', 0, '2026-03-03'],
    ['norm 0 on a Sunday is the Monday', '2026-03-08T09:00:00Z', 0, '2026-03-09'],
    ['Easter Monday does not count', '2026-04-02T09:00:00Z', 3, '2026-04-08'],
    ['New Year and the council closing day of 2 January do not count', '2025-12-31T09:00:00Z', 2, '2026-01-06'],
    ['a half closing day (24 December from 12:00) still counts', '2026-12-23T09:00:00Z', 1, '2026-12-24'],
    ['11 July is skipped when the city opts in', '2025-07-10T09:00:00Z', 1, '2025-07-14'],
  ])('%s', (_, receivedAt, serviceNormDays, expected) => {
    expect(dueDate(profile, { receivedAt, serviceNormDays })).toBe(expected);
  });

  it('uses the Brussels date, not the UTC date, around the DST change in March', () => {
    // 23:30 UTC on Thursday 26 March is 00:30 on Friday 27 March in Brussels (CET).
    expect(deadlineStartDate(profile, '2026-03-26T23:30:00Z')).toBe('2026-03-27');
    expect(dueDate(profile, { receivedAt: '2026-03-26T23:30:00Z', serviceNormDays: 1 })).toBe('2026-03-30');
    // 22:30 UTC on Sunday 29 March is 00:30 on Monday 30 March (CEST, UTC+2).
    expect(deadlineStartDate(profile, '2026-03-29T22:30:00Z')).toBe('2026-03-30');
  });

  it('uses the Brussels date around the DST change in October', () => {
    // 22:30 UTC on Thursday 22 October is 00:30 on Friday 23 October (CEST).
    expect(dueDate(profile, { receivedAt: '2026-10-22T22:30:00Z', serviceNormDays: 1 })).toBe('2026-10-26');
    // 22:30 UTC on Sunday 25 October is still Sunday 23:30 in Brussels (CET again).
    expect(deadlineStartDate(profile, '2026-10-25T22:30:00Z')).toBe('2026-10-26');
    expect(deadlineStartDate(profile, '2026-10-25T23:30:00Z')).toBe('2026-10-26');
  });

  it('adds the working days spent waiting for the resident', () => {
    // Due 9 March; waited from Tuesday 3 to Thursday 5 March: Wednesday and Thursday come back.
    const pauses: CasePause[] = [{ from: '2026-03-03T09:00:00Z', to: '2026-03-05T09:00:00Z' }];
    expect(pausedWorkingDays(profile, pauses)).toBe(2);
    expect(dueDate(profile, { receivedAt: '2026-03-02T09:00:00Z', serviceNormDays: 5, pauses })).toBe('2026-03-11');
  });

  it('gives nothing back for a question answered the same day, or over a weekend only', () => {
    const sameDay: CasePause[] = [{ from: '2026-03-03T08:00:00Z', to: '2026-03-03T15:00:00Z' }];
    const weekend: CasePause[] = [{ from: '2026-03-06T15:00:00Z', to: '2026-03-08T10:00:00Z' }];
    expect(pausedWorkingDays(profile, sameDay)).toBe(0);
    expect(pausedWorkingDays(profile, weekend)).toBe(0);
  });

  it('counts a pause across the DST week in working days (Friday to Tuesday = Monday and Tuesday)', () => {
    expect(pausedWorkingDays(profile, [{ from: '2026-03-27T08:00:00Z', to: '2026-03-31T07:00:00Z' }])).toBe(2);
    expect(pausedWorkingDays(profile, [{ from: '2026-10-23T08:00:00Z', to: '2026-10-27T08:00:00Z' }])).toBe(2);
  });

  it('moves the due date while a pause is running, and not without "now"', () => {
    const input = { receivedAt: '2026-03-02T09:00:00Z', serviceNormDays: 5, pauses: [{ from: '2026-03-03T09:00:00Z' }] };
    expect(dueDate(profile, input)).toBe('2026-03-09');
    expect(dueDate(profile, input, noon('2026-03-06'))).toBe('2026-03-12');
  });

  it('refuses a negative or fractional norm', () => {
    expect(() => dueDate(profile, { receivedAt: '2026-03-02T09:00:00Z', serviceNormDays: -1 })).toThrow(RangeError);
    expect(() => dueDate(profile, { receivedAt: '2026-03-02T09:00:00Z', serviceNormDays: 1.5 })).toThrow(RangeError);
  });
});

describe('deadlineStatus', () => {
  // Received Monday 2 March with a norm of 5: due Monday 9 March.
  const input = { receivedAt: '2026-03-02T09:00:00Z', serviceNormDays: 5 };

  it.each([
    ['2026-03-04', 'on-track', 3],
    ['2026-03-05', 'due-soon', 2],
    ['2026-03-06', 'due-soon', 1],
    ['2026-03-07', 'due-soon', 1],
    ['2026-03-09', 'due-soon', 0],
    ['2026-03-10', 'overdue', -1],
    ['2026-03-12', 'overdue', -3],
  ] as const)('on %s the case is %s with %i working days left', (today, flag, left) => {
    expect(deadlineStatus(profile, input, noon(today))).toMatchObject({ dueDate: '2026-03-09', flag, workingDaysLeft: left });
  });

  it('counts the day after a Friday due date as overdue even on a Saturday', () => {
    const friday = { receivedAt: '2026-03-02T09:00:00Z', serviceNormDays: 4 };
    expect(deadlineStatus(profile, friday, noon('2026-03-07'))).toMatchObject({ dueDate: '2026-03-06', flag: 'overdue', workingDaysLeft: -1 });
  });

  it('takes the due-soon margin from the caller', () => {
    expect(deadlineStatus(profile, input, noon('2026-03-04'), { dueSoonDays: 3 }).flag).toBe('due-soon');
    expect(deadlineStatus(profile, input, noon('2026-03-05'), { dueSoonDays: 0 }).flag).toBe('on-track');
  });

  it('says paused while the case waits for the resident, even past the original due date', () => {
    const waiting = { ...input, pauses: [{ from: '2026-03-05T09:00:00Z' }] };
    expect(deadlineStatus(profile, waiting, noon('2026-03-12'))).toMatchObject({ flag: 'paused', dueDate: '2026-03-16', pausedWorkingDays: 5 });
  });
});

describe('decidedOnTime', () => {
  const input = { receivedAt: '2026-03-02T09:00:00Z', serviceNormDays: 5 };
  it('is on time up to the end of the due date (Brussels time)', () => {
    expect(decidedOnTime(profile, input, '2026-03-09T22:59:00Z')).toBe(true);
    expect(decidedOnTime(profile, input, '2026-03-09T23:01:00Z')).toBe(false);
  });
});

describe('properties', () => {
  const instant = (from: string, to: string) => fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true });
  const anyInstant = instant('2025-01-01T00:00:00Z', '2028-12-31T23:59:59Z');
  // The DST weeks of 2025-2027: last Sunday of March and of October, a few days either side.
  const dstInstant = fc.oneof(
    instant('2025-03-27T00:00:00Z', '2025-04-01T00:00:00Z'),
    instant('2025-10-23T00:00:00Z', '2025-10-28T00:00:00Z'),
    instant('2026-03-26T00:00:00Z', '2026-03-31T00:00:00Z'),
    instant('2026-10-22T00:00:00Z', '2026-10-27T00:00:00Z'),
    instant('2027-03-25T00:00:00Z', '2027-03-30T00:00:00Z'),
    instant('2027-10-28T00:00:00Z', '2027-11-02T00:00:00Z'),
  );
  const pausesAfter = (receivedAt: Date) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * 24 }), fc.integer({ min: 0, max: 20 * 24 })), { maxLength: 3 }).map((spans) =>
      spans.map(([startHours, lengthHours]): CasePause => {
        const from = new Date(receivedAt.getTime() + startHours * 3_600_000);
        return { from: from.toISOString(), to: new Date(from.getTime() + lengthHours * 3_600_000).toISOString() };
      }),
    );
  const deadlineInput = (receivedAt: fc.Arbitrary<Date>) =>
    receivedAt.chain((at) => fc.record({ receivedAt: fc.constant(at), serviceNormDays: fc.integer({ min: 0, max: 60 }), pauses: pausesAfter(at) }));

  it('never puts a due date on a weekend, a public holiday or a closing day', () => {
    fc.assert(
      fc.property(fc.oneof(deadlineInput(anyInstant), deadlineInput(dstInstant)), (input) => {
        expect(isWorkingDay(profile, dueDate(profile, input))).toBe(true);
      }),
    );
  });

  it('counts back to the norm plus the paused days: workingDaysBetween(start, due) = n + paused', () => {
    fc.assert(
      fc.property(fc.oneof(deadlineInput(anyInstant), deadlineInput(dstInstant)), (input) => {
        const start = deadlineStartDate(profile, input.receivedAt);
        expect(workingDaysBetween(profile, start, dueDate(profile, input))).toBe(input.serviceNormDays + pausedWorkingDays(profile, input.pauses));
      }),
    );
  });

  it('never moves the due date earlier for a longer norm or an extra pause', () => {
    fc.assert(
      fc.property(deadlineInput(anyInstant), fc.integer({ min: 1, max: 10 }), (input, extra) => {
        const base = dueDate(profile, { ...input, pauses: [] });
        expect(dueDate(profile, { ...input, pauses: [], serviceNormDays: input.serviceNormDays + extra }) > base).toBe(true);
        expect(dueDate(profile, input) >= base).toBe(true);
      }),
    );
  });

  it('starts on the Brussels calendar date of receipt (or the next working day) in DST weeks', () => {
    fc.assert(
      fc.property(dstInstant, (at) => {
        const local = brusselsDate.format(at);
        const start = deadlineStartDate(profile, at);
        expect(start >= local).toBe(true);
        expect(isWorkingDay(profile, start)).toBe(true);
        if (isWorkingDay(profile, local)) expect(start).toBe(local);
      }),
    );
  });
});
