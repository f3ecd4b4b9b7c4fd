import type { ChannelToday } from '../../../shared/src/city/city.contract.ts';
import type { Language } from '../../../shared/src/platform/language.ts';
import { locales } from './language.rules.ts';

type Text = { nl: string; fr?: string | undefined; en?: string | undefined };

/** A profile text in the reader's language; Dutch when the city did not translate it. */
export const localized = (text: Text, language: Language): string => text[language] ?? text.nl;

/**
 * "08:30" as people write it in each language: 8.30 (Flemish), 8h30 (French), 8:30 (English).
 * Written out by hand because Intl gives "08:30" for nl-BE, which reads as a machine time.
 */
export const formatTime = (time: string, language: Language): string => {
  const [hours = '0', minutes = '00'] = time.split(':');
  const h = String(Number(hours));
  if (language === 'fr') return `${h}h${minutes}`;
  return language === 'nl' ? `${h}.${minutes}` : `${h}:${minutes}`;
};

/** A calendar date (YYYY-MM-DD) written out: "maandag 2 november 2026". */
export const formatLocalDate = (date: string, language: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string =>
  // Noon UTC, formatted in UTC: the same calendar day whatever zone the browser is in.
  new Intl.DateTimeFormat(locales[language], { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

const cityDateParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of an instant in the city (Europe/Brussels), wherever the browser is. */
export const cityDateOf = (instant: string | number | Date): string => cityDateParts.format(new Date(instant));

/** A Belgian phone number as a tel: link in international form: "056 73 33 11" -> tel:+3256733311. */
export const telHref = (phone: string): string => {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
  return `tel:+32${digits.replace(/^0/, '')}`;
};

/** What to say about a channel today; the page turns it into words in the reader's language. */
export type ChannelTodayView =
  | { kind: 'unavailable' }
  | { kind: 'always-open' }
  | { kind: 'closed'; reason?: Text }
  | { kind: 'open'; intervals: { from: string; to: string }[]; reason?: Text };

export const channelTodayView = (today: ChannelToday): ChannelTodayView => {
  if (!today.available) return { kind: 'unavailable' };
  if (today.alwaysOpen) return { kind: 'always-open' };
  const reason = today.closedReason ?? today.note;
  if (!today.open || today.intervals.length === 0) return reason ? { kind: 'closed', reason } : { kind: 'closed' };
  return reason ? { kind: 'open', intervals: today.intervals, reason } : { kind: 'open', intervals: today.intervals };
};
