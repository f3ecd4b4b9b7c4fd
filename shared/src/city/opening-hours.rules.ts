import { Temporal } from '@js-temporal/polyfill';
import type { ChannelId, CityProfile, Interval, LocalizedText, Weekday } from './city-profile.schema.ts';
import { weekdays } from './city-profile.schema.ts';
import { belgianPublicHolidays, type HolidayId, optionalHolidays } from './public-holidays.rules.ts';

/**
 * Opening hours, closing days and working days of a city, computed from its profile in the
 * profile's time zone. Pure: the caller passes the instant ("now"), so tests need no fake timers.
 */

/** A calendar date as an ISO string (YYYY-MM-DD) or a Temporal.PlainDate. */
export type DateInput = string | Temporal.PlainDate;
/** A moment in time. */
export type InstantInput = Date | Temporal.Instant;

/** A day on which the city administration is closed, wholly or from `closedFrom` on. */
export type ClosingDay = {
  date: string;
  kind: 'public-holiday' | 'optional-holiday' | 'council';
  /** Set for public and optional holidays. */
  holidayId?: HolidayId;
  name: LocalizedText;
  /** Closed only from this local time on; absent when closed all day. */
  closedFrom?: string;
};

/** What one channel does on one date. */
export type DayOpeningHours = {
  date: string;
  channel: ChannelId;
  /** The city offers this channel at all. */
  available: boolean;
  /** Open at some moment of the day (always true for an always-open channel). */
  open: boolean;
  /** Open around the clock; `intervals` is then empty. */
  alwaysOpen: boolean;
  /** Local opening intervals of the day, `to` exclusive, after closing days are applied. */
  intervals: Interval[];
  /** Why the channel is closed (all day, or from `closedFrom` on): a holiday, a closing day or an exception. */
  closedReason?: LocalizedText;
  /** Set when the day is a partial closing day that cut the hours. */
  closedFrom?: string;
  /** The reason of a dated exception that changed the hours but left the channel open. */
  note?: LocalizedText;
};

const toDate = (date: DateInput): Temporal.PlainDate => (typeof date === 'string' ? Temporal.PlainDate.from(date) : date);

const toInstant = (instant: InstantInput): Temporal.Instant => (instant instanceof Date ? Temporal.Instant.fromEpochMilliseconds(instant.getTime()) : instant);

// One formatter per time zone: building one is costly, using one is cheap. The polyfill's
// zoned conversion took a quarter of a millisecond on every case created (its due date).
const dateInZone = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of `instant` in the city's time zone. */
export const localDate = (profile: CityProfile, instant: InstantInput): string => {
  let format = dateInZone.get(profile.timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: profile.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'iso8601' });
    dateInZone.set(profile.timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant instanceof Date ? instant : instant.epochMilliseconds)) parts[part.type] = part.value;
  return `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`;
};

const weekdayOf = (date: Temporal.PlainDate): Weekday => weekdays[date.dayOfWeek - 1] as Weekday;

const isWeekend = (date: Temporal.PlainDate) => date.dayOfWeek >= 6;

// Closing days per profile and year, computed once: the working-day loops ask for every date.
const closingDayCache = new WeakMap<CityProfile, Map<number, Map<string, ClosingDay>>>();

const closingDaysByDate = (profile: CityProfile, year: number): Map<string, ClosingDay> => {
  let years = closingDayCache.get(profile);
  if (!years) {
    years = new Map();
    closingDayCache.set(profile, years);
  }
  const cached = years.get(year);
  if (cached) return cached;

  const byDate = new Map<string, ClosingDay>();
  const add = (day: ClosingDay) => {
    const existing = byDate.get(day.date);
    // A whole-day closing wins over a partial one; on a tie the first one (the legal holiday) stays.
    if (!existing || (existing.closedFrom !== undefined && day.closedFrom === undefined)) byDate.set(day.date, day);
  };
  const { closingDays } = profile;
  if (closingDays.closedOnPublicHolidays) {
    for (const h of belgianPublicHolidays(year)) {
      add({ date: h.date, kind: 'public-holiday', holidayId: h.id, name: h.name });
    }
  }
  for (const h of optionalHolidays(year, closingDays.optionalHolidays)) {
    add({ date: h.date, kind: 'optional-holiday', holidayId: h.id, name: h.name });
  }
  for (const day of closingDays.days) {
    if (!day.date.startsWith(`${year}-`)) continue;
    add({
      date: day.date,
      kind: 'council',
      name: day.name,
      ...(day.closedFrom === undefined ? {} : { closedFrom: day.closedFrom }),
    });
  }
  years.set(year, byDate);
  return byDate;
};

/** The closing day on `date` (holiday or council closing day, whole or partial), if any. */
export const closingDayOn = (profile: CityProfile, date: DateInput): ClosingDay | undefined => {
  const d = toDate(date);
  return closingDaysByDate(profile, d.year).get(d.toString());
};

/** Whether the city administration is closed all day on `date` for a holiday or closing day (weekends aside). */
export const isClosingDay = (profile: CityProfile, date: DateInput): boolean => {
  const day = closingDayOn(profile, date);
  return day !== undefined && day.closedFrom === undefined;
};

/** Monday to Friday and not a whole closing day. A partial closing day still counts. */
export const isWorkingDay = (profile: CityProfile, date: DateInput): boolean => {
  const d = toDate(date);
  return !isWeekend(d) && !isClosingDay(profile, d);
};

/** The next `count` closing days from `from` (inclusive), in date order, weekends included. */
export const upcomingClosingDays = (profile: CityProfile, from: DateInput, count: number): ClosingDay[] => {
  const start = toDate(from).toString();
  const result: ClosingDay[] = [];
  // Two years ahead always holds five closing days when the city closes on public holidays; stop
  // there so a profile without closing days cannot loop for ever.
  for (let year = toDate(from).year; year <= toDate(from).year + 2 && result.length < count; year++) {
    const days = [...closingDaysByDate(profile, year).values()].filter((day) => day.date >= start).sort((a, b) => a.date.localeCompare(b.date));
    result.push(...days.slice(0, count - result.length));
  }
  return result;
};

const clip = (intervals: Interval[], closedFrom: string): Interval[] =>
  intervals.filter((interval) => interval.from < closedFrom).map((interval) => (interval.to > closedFrom ? { from: interval.from, to: closedFrom } : interval));

/**
 * The hours of `channel` on `date`. Order of precedence: a channel that is not available is
 * closed; an always-open channel is open; a dated exception replaces everything else; then a
 * closing day closes (or cuts) the weekly hours.
 */
export const openingHoursOn = (profile: CityProfile, channel: ChannelId, date: DateInput): DayOpeningHours => {
  const d = toDate(date);
  const config = profile.channels[channel];
  const base = { date: d.toString(), channel, available: config.available, alwaysOpen: false };
  if (!config.available) return { ...base, open: false, intervals: [] };
  if (config.alwaysOpen) return { ...base, open: true, alwaysOpen: true, intervals: [] };

  const exception = config.exceptions.find((e) => e.date === base.date);
  if (exception) {
    const open = exception.hours.length > 0;
    const reason = exception.reason ? (open ? { note: exception.reason } : { closedReason: exception.reason }) : {};
    return { ...base, open, intervals: exception.hours, ...reason };
  }

  const weekly = config.hours[weekdayOf(d)] ?? [];
  const closing = closingDayOn(profile, d);
  if (!closing || weekly.length === 0) return { ...base, open: weekly.length > 0, intervals: weekly };
  if (closing.closedFrom === undefined) return { ...base, open: false, intervals: [], closedReason: closing.name };

  const intervals = clip(weekly, closing.closedFrom);
  const cut = intervals.length !== weekly.length || intervals.some((interval, i) => interval.to !== weekly[i]?.to);
  return {
    ...base,
    open: intervals.length > 0,
    intervals,
    ...(cut ? { closedReason: closing.name, closedFrom: closing.closedFrom } : {}),
  };
};

const zoned = (profile: CityProfile, date: Temporal.PlainDate, time: string) =>
  // 'compatible' moves a time that does not exist (02:30 on the spring-forward day) one hour later.
  date.toZonedDateTime({ timeZone: profile.timeZone, plainTime: Temporal.PlainTime.from(time) });

/** Whether `channel` is open at `instant` (interval ends are exclusive). */
export const isOpenAt = (profile: CityProfile, channel: ChannelId, instant: InstantInput): boolean => {
  const at = toInstant(instant);
  const day = openingHoursOn(profile, channel, localDate(profile, at));
  if (day.alwaysOpen) return true;
  const date = Temporal.PlainDate.from(day.date);
  return day.intervals.some(
    (interval) =>
      Temporal.Instant.compare(zoned(profile, date, interval.from).toInstant(), at) <= 0 &&
      Temporal.Instant.compare(at, zoned(profile, date, interval.to).toInstant()) < 0,
  );
};

/** How far `nextOpening` looks ahead: a channel closed for longer is treated as not opening. */
const searchDays = 400;

/**
 * The earliest moment from `instant` on at which `channel` is open: `instant` itself when it is
 * open now, else the start of the next opening interval. `null` when the channel is not offered
 * or does not open within 400 days.
 */
export const nextOpening = (profile: CityProfile, channel: ChannelId, instant: InstantInput): Temporal.ZonedDateTime | null => {
  const at = toInstant(instant);
  const config = profile.channels[channel];
  if (!config.available) return null;
  if (config.alwaysOpen) return at.toZonedDateTimeISO(profile.timeZone);
  let date = Temporal.PlainDate.from(localDate(profile, at));
  for (let i = 0; i < searchDays; i++, date = date.add({ days: 1 })) {
    for (const interval of openingHoursOn(profile, channel, date).intervals) {
      const start = zoned(profile, date, interval.from);
      const end = zoned(profile, date, interval.to);
      if (Temporal.Instant.compare(at, end.toInstant()) >= 0) continue;
      return Temporal.Instant.compare(start.toInstant(), at) <= 0 ? at.toZonedDateTimeISO(profile.timeZone) : start;
    }
  }
  return null;
};

/**
 * The `n`-th working day after `start` (the start day itself is not counted, as with legal
 * deadlines that run from the day after receipt). `n = 0` returns `start` unchanged.
 */
export const addWorkingDays = (profile: CityProfile, start: DateInput, n: number): string => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  let date = toDate(start);
  for (let left = n; left > 0; ) {
    date = date.add({ days: 1 });
    if (isWorkingDay(profile, date)) left--;
  }
  return date.toString();
};

/**
 * The number of working days after `start` up to and including `end`; negative when `end` lies
 * before `start`. Inverse of `addWorkingDays`: `workingDaysBetween(p, s, addWorkingDays(p, s, n)) === n`.
 */
export const workingDaysBetween = (profile: CityProfile, start: DateInput, end: DateInput): number => {
  const from = toDate(start);
  const to = toDate(end);
  const order = Temporal.PlainDate.compare(from, to);
  if (order > 0) return -workingDaysBetween(profile, to, from);
  let count = 0;
  for (let date = from.add({ days: 1 }); Temporal.PlainDate.compare(date, to) <= 0; date = date.add({ days: 1 })) {
    if (isWorkingDay(profile, date)) count++;
  }
  return count;
};
