import { Temporal } from '@js-temporal/polyfill';
import type { AppointmentSettings, CityProfile, LocalizedText } from '../city/city-profile.schema.ts';
import { localDate, openingHoursOn } from '../city/opening-hours.rules.ts';

/**
 * When a resident can book an appointment: pure rules over the city profile (opening hours,
 * closing days, the appointment settings) and the appointments already booked. Times are epoch
 * milliseconds; intervals are half open, [start, end).
 */

/** The two channels served by appointment. */
export type AppointmentChannel = 'counter' | 'home';

/** An appointment already booked on the channel. */
export type Booked = { start: number; end: number };

/** A bookable start time. */
export type Slot = { start: number; end: number /** Local time of day, HH:MM. */; time: string };

/** The slots of one local date, or why the channel is closed that day. */
export type DaySlots = { date: string; slots: Slot[]; closedReason?: LocalizedText };

/** Why a requested start cannot be booked. */
export type BookingRefusal = 'not-a-slot' | 'too-soon' | 'too-far' | 'taken';

/** How many appointments a channel serves at the same time. */
export const capacityOf = (profile: CityProfile, channel: AppointmentChannel): number =>
  channel === 'home'
    ? profile.appointments.capacity.home
    : (profile.appointments.capacity.counter ?? Math.max(1, profile.desks.filter((desk) => desk.kind === 'counter').length));

/** How long an appointment for this product takes. */
export const minutesFor = (settings: AppointmentSettings, product: string): number => settings.minutes[product] ?? settings.slotMinutes;

/**
 * Whether [start, end) fits beside `booked` when `capacity` appointments can run at once: at no
 * moment of it are `capacity` others already running.
 */
export const fits = (start: number, end: number, booked: readonly Booked[], capacity: number): boolean => {
  // Sweep over the overlapping bookings' ends and starts inside [start, end): ends first at the same instant.
  const edges: [number, number][] = [];
  for (const other of booked) {
    if (other.start >= end || other.end <= start) continue;
    edges.push([Math.max(start, other.start), 1], [Math.min(end, other.end), -1]);
  }
  if (edges.length < capacity * 2) return true;
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  for (const [, step] of edges) {
    running += step;
    if (running >= capacity) return false;
  }
  return true;
};

const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const epochAt = (profile: CityProfile, date: Temporal.PlainDate, minutes: number): number =>
  date.toZonedDateTime({ timeZone: profile.timeZone, plainTime: Temporal.PlainTime.from(timeOf(minutes)) }).epochMilliseconds;

/**
 * The start times of a `minutes` long appointment on `date`: every `slotMinutes` from the start of
 * each opening interval, ending within it, whatever is booked.
 */
export const candidateSlots = (
  profile: CityProfile,
  channel: AppointmentChannel,
  date: string,
  minutes: number,
): { slots: Slot[]; closedReason?: LocalizedText } => {
  const day = openingHoursOn(profile, channel, date);
  const step = profile.appointments.slotMinutes;
  const plain = Temporal.PlainDate.from(date);
  const slots: Slot[] = [];
  if (!day.alwaysOpen) {
    for (const interval of day.intervals) {
      const close = minutesOf(interval.to);
      for (let at = minutesOf(interval.from); at + minutes <= close; at += step) {
        slots.push({ start: epochAt(profile, plain, at), end: epochAt(profile, plain, at + minutes), time: timeOf(at) });
      }
    }
  }
  return { slots, ...(day.closedReason ? { closedReason: day.closedReason } : {}) };
};

/** The first and last local dates a resident can book on at `now`. */
export const bookingWindow = (profile: CityProfile, now: number): { first: string; last: string } => {
  const today = Temporal.PlainDate.from(localDate(profile, new Date(now)));
  return { first: today.toString(), last: today.add({ days: profile.appointments.bookAheadDays }).toString() };
};

/**
 * Whether a slot can be booked at `now`: far enough ahead, within the booking window, and with a
 * free place beside what is booked.
 */
export const bookingRefusal = (
  profile: CityProfile,
  channel: AppointmentChannel,
  slot: { start: number; end: number },
  booked: readonly Booked[],
  now: number,
): Exclude<BookingRefusal, 'not-a-slot'> | null => {
  if (slot.start < now + profile.appointments.minimumNoticeMinutes * 60_000) return 'too-soon';
  if (localDate(profile, new Date(slot.start)) > bookingWindow(profile, now).last) return 'too-far';
  return fits(slot.start, slot.end, booked, capacityOf(profile, channel)) ? null : 'taken';
};

/**
 * The free slots of `days` local dates from `from` on (clipped to the booking window): the
 * channel's hours after closing days, on the grid, far enough ahead, with a place free.
 */
export const freeSlots = (
  profile: CityProfile,
  query: { channel: AppointmentChannel; minutes: number; from: string; days: number; now: number },
  booked: readonly Booked[],
): DaySlots[] => {
  const window = bookingWindow(profile, query.now);
  const days: DaySlots[] = [];
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, compared as text; Math.max would make them NaN.
  let date = Temporal.PlainDate.from(query.from < window.first ? window.first : query.from);
  for (let i = 0; i < query.days && date.toString() <= window.last; i++, date = date.add({ days: 1 })) {
    const { slots, closedReason } = candidateSlots(profile, query.channel, date.toString(), query.minutes);
    days.push({
      date: date.toString(),
      slots: slots.filter((slot) => bookingRefusal(profile, query.channel, slot, booked, query.now) === null),
      ...(closedReason ? { closedReason } : {}),
    });
  }
  return days;
};

/**
 * Why `start` cannot be booked for a `minutes` long appointment, or the slot it is: it must be one
 * of the day's start times, then as `bookingRefusal`.
 */
export const checkBooking = (
  profile: CityProfile,
  query: { channel: AppointmentChannel; minutes: number; start: number; now: number },
  booked: readonly Booked[],
): { ok: true; slot: Slot } | { ok: false; refusal: BookingRefusal } => {
  const date = localDate(profile, new Date(query.start));
  const slot = candidateSlots(profile, query.channel, date, query.minutes).slots.find((candidate) => candidate.start === query.start);
  if (!slot) return { ok: false, refusal: 'not-a-slot' };
  const refusal = bookingRefusal(profile, query.channel, slot, booked, query.now);
  return refusal ? { ok: false, refusal } : { ok: true, slot };
};
