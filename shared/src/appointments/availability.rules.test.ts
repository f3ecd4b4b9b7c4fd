import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCityProfile } from '../city/city-profile.factory.ts';
import { localDate, openingHoursOn } from '../city/opening-hours.rules.ts';
import { type Booked, bookingRefusal, candidateSlots, capacityOf, checkBooking, fits, freeSlots, minutesFor } from './availability.rules.ts';

// Voorbeeldstad (the factory's profile): counter mornings plus Thursday 16:30-19:00, home on
// Tuesday 09:00-12:00; closed on public holidays, 2 January 2026 and from 12:00 on 24 December 2026.
const profile = buildCityProfile({ appointments: { capacity: { counter: 2 } } });
const minute = 60_000;
const brussels = (local: string) => new Date(`${local}+01:00`).getTime();

describe('fits', () => {
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 60 }))
    .map(([start, length]) => ({ start: start * minute, end: (start + length) * minute }));

  it('holds exactly when, at every minute of the new appointment, fewer than `capacity` booked ones run', () => {
    fc.assert(
      fc.property(interval, fc.array(interval, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (wanted, booked, capacity) => {
        let free = true;
        for (let t = wanted.start; t < wanted.end; t += minute) {
          if (booked.filter((b) => b.start <= t && t < b.end).length >= capacity) free = false;
        }
        expect(fits(wanted.start, wanted.end, booked, capacity)).toBe(free);
      }),
    );
  });

  it('lets back-to-back appointments share a desk: an end is not an overlap', () => {
    expect(
      fits(
        10 * minute,
        20 * minute,
        [
          { start: 0, end: 10 * minute },
          { start: 20 * minute, end: 30 * minute },
        ],
        1,
      ),
    ).toBe(true);
  });
});

describe('free slots', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const now = fc.integer({ min: 0, max: 400 * 24 * 60 }).map((n) => Date.UTC(2026, 0, 1) + n * minute);

  it('lie on the grid inside the opening hours of their day, from the minimum notice on, never on a closing day', () => {
    fc.assert(
      fc.property(day, now, fc.constantFrom('counter' as const, 'home' as const), fc.constantFrom(15, 30, 45), (from, at, channel, minutes) => {
        for (const { date, slots } of freeSlots(profile, { channel, minutes, from, days: 3, now: at }, [])) {
          const hours = openingHoursOn(profile, channel, date);
          for (const slot of slots) {
            expect(localDate(profile, new Date(slot.start))).toBe(date);
            expect(slot.end - slot.start).toBe(minutes * minute);
            expect(slot.start).toBeGreaterThanOrEqual(at + profile.appointments.minimumNoticeMinutes * minute);
            const inside = hours.intervals.some((interval) => interval.from <= slot.time && slot.time < interval.to);
            expect(inside).toBe(true);
            expect(Number(slot.time.slice(3)) % profile.appointments.slotMinutes).toBe(0);
          }
        }
      }),
    );
  });

  it('never offers a time where capacity would be exceeded, and offers it again once a booking is gone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 12 }), (picks) => {
        // Tuesday 8 December 2026, counter 08:30-12:00, booked from Monday.
        const at = brussels('2026-12-07T08:00:00');
        const candidates = candidateSlots(profile, 'counter', '2026-12-08', 15).slots;
        const booked: Booked[] = picks.map((i) => candidates[i] ?? candidates[0]).flatMap((slot) => (slot ? [{ start: slot.start, end: slot.end }] : []));
        const [free] = freeSlots(profile, { channel: 'counter', minutes: 15, from: '2026-12-08', days: 1, now: at }, booked);
        for (const slot of candidates) {
          const taken = booked.filter((b) => b.start === slot.start).length;
          expect(free?.slots.some((s) => s.start === slot.start)).toBe(taken < capacityOf(profile, 'counter'));
        }
      }),
    );
  });
});

describe('one booking', () => {
  const monday = brussels('2026-12-07T08:00:00');

  it('accepts a start on the grid and refuses one off it, too soon, too far or full, in that order', () => {
    const ok = checkBooking(profile, { channel: 'counter', minutes: 15, start: brussels('2026-12-08T09:00:00'), now: monday }, []);
    expect(ok).toMatchObject({ ok: true, slot: { time: '09:00' } });
    const check = (local: string, booked: Booked[] = []) =>
      checkBooking(profile, { channel: 'counter', minutes: 15, start: brussels(local), now: monday }, booked);
    expect(check('2026-12-08T09:05:00')).toEqual({ ok: false, refusal: 'not-a-slot' });
    expect(check('2026-12-08T12:00:00')).toEqual({ ok: false, refusal: 'not-a-slot' });
    expect(check('2026-12-25T09:00:00')).toEqual({ ok: false, refusal: 'not-a-slot' });
    expect(check('2026-12-07T09:30:00')).toEqual({ ok: false, refusal: 'too-soon' });
    expect(check('2027-03-01T09:00:00')).toEqual({ ok: false, refusal: 'too-far' });
    const full = [0, 1].map(() => ({ start: brussels('2026-12-08T09:00:00'), end: brussels('2026-12-08T09:15:00') }));
    expect(check('2026-12-08T09:00:00', full)).toEqual({ ok: false, refusal: 'taken' });
  });

  it('closes the booking window after bookAheadDays', () => {
    const last = brussels('2027-02-05T09:00:00');
    expect(bookingRefusal(profile, 'counter', { start: last, end: last + 15 * minute }, [], monday)).toBeNull();
    const after = brussels('2027-02-06T09:00:00');
    expect(bookingRefusal(profile, 'counter', { start: after, end: after + 15 * minute }, [], monday)).toBe('too-far');
  });

  it('takes the counter capacity from the desks unless the profile sets it, and a product’s own length', () => {
    expect(capacityOf(buildCityProfile(), 'counter')).toBe(Math.max(1, buildCityProfile().desks.filter((desk) => desk.kind === 'counter').length));
    expect(capacityOf(profile, 'home')).toBe(1);
    const settings = buildCityProfile({ appointments: { minutes: { huwelijk: 45 } } }).appointments;
    expect(minutesFor(settings, 'huwelijk')).toBe(45);
    expect(minutesFor(settings, 'identiteitskaart')).toBe(15);
  });
});
