import type { BookableProduct } from '../../../../shared/src/appointments/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { cityDateOf, formatLocalDate, formatTime } from '../../app/city-display.rules.ts';

/** The city's time zone: every date and time of an appointment is read there, wherever the browser is. */
const timeZone = 'Europe/Brussels';

export type AppointmentChannel = BookableProduct['channels'][number];

const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The local time of day (HH:MM) in the city of an instant. */
export const localTimeOf = (instant: string | number | Date): string => timeParts.format(new Date(instant));

/** A local date `days` later (or earlier, when negative); calendar arithmetic, free of time zones. */
export const addDays = (date: string, days: number): string => {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A date from the address bar when it is one (YYYY-MM-DD of a real day), else undefined. */
export const dateParam = (value: string | null | undefined): string | undefined => {
  if (!value || !isoDate.test(value)) return undefined;
  return addDays(value, 0) === value ? value : undefined;
};

/** "maandag 7 december": the heading of a day in the slot list. */
export const formatDayHeading = (date: string, language: Language): string =>
  formatLocalDate(date, language, { weekday: 'long', day: 'numeric', month: 'long' });

/** "8.30" (nl), "8h30" (fr), "8:30" (en) of an instant, in the city's time zone. */
export const formatClock = (instant: string, language: Language): string => formatTime(localTimeOf(instant), language);

/**
 * When an appointment is, in the city's time zone, as the parts a sentence needs: the date written
 * out with its weekday ("maandag 7 december 2026"), the start and the end ("8.30", "8.45").
 */
export const whenParts = (appointment: { start: string; end: string }, language: Language): { date: string; time: string; end: string } => ({
  date: formatLocalDate(cityDateOf(appointment.start), language),
  time: formatClock(appointment.start, language),
  end: formatClock(appointment.end, language),
});

/**
 * Where the week of slots may go from `from`: not before today (the server has nothing earlier),
 * not past the last date that can be booked. `previous` is clamped to today, so a week that began
 * mid-week steps back to today rather than into the past.
 */
export const weekSteps = (from: string, today: string, lastBookableDate: string | undefined, days = 7): { previous: string | null; next: string | null } => {
  const back = addDays(from, -days);
  const forward = addDays(from, days);
  return {
    previous: from > today ? (back < today ? today : back) : null,
    next: lastBookableDate === undefined || forward <= lastBookableDate ? forward : null,
  };
};

/** The last date shown in a week that starts on `from`, within the booking window. */
export const weekEnd = (from: string, lastBookableDate: string | undefined, days = 7): string => {
  const end = addDays(from, days - 1);
  return lastBookableDate !== undefined && lastBookableDate < end ? lastBookableDate : end;
};

/**
 * The channel to book on: the one asked for when the product offers it, else the product's only
 * or first channel (the city hall before a home visit). Null while no product is chosen.
 */
export const channelFor = (product: Pick<BookableProduct, 'channels'> | undefined, wanted: string | null | undefined): AppointmentChannel | null => {
  if (!product) return null;
  const offered = product.channels;
  if (wanted && (offered as readonly string[]).includes(wanted)) return wanted as AppointmentChannel;
  return offered.includes('counter') ? 'counter' : (offered[0] ?? null);
};

/** What the booking page remembers in its address, so a login (returnTo) or a shared link comes back to the same choice. */
export type BookingChoice = { product: string; channel: AppointmentChannel | null; from: string | null; start: string | null };

/** `/afspraak?product=…&channel=…&from=…&start=…` for the choice made so far; empty parts are left out. */
export const bookingPath = (choice: BookingChoice): string => {
  const params = new URLSearchParams();
  if (choice.product) params.set('product', choice.product);
  if (choice.product && choice.channel) params.set('channel', choice.channel);
  if (choice.product && choice.from) params.set('from', choice.from);
  if (choice.product && choice.start) params.set('start', choice.start);
  const query = params.toString();
  return query ? `/afspraak?${query}` : '/afspraak';
};
