import { describe, expect, it } from 'vitest';
import {
  addDays,
  bookingPath,
  channelFor,
  dateParam,
  formatClock,
  formatDayHeading,
  localTimeOf,
  weekEnd,
  weekSteps,
  whenParts,
} from './appointment-display.rules.ts';

describe('times in the city', () => {
  it('reads an instant in Brussels, in summer and in winter time', () => {
    expect(localTimeOf('2026-12-07T07:30:00Z')).toBe('08:30');
    expect(localTimeOf('2026-07-06T06:30:00Z')).toBe('08:30');
    // The night of the change to winter time: 02:30 happens twice, once in each offset.
    expect(localTimeOf('2026-10-25T00:30:00Z')).toBe('02:30');
    expect(localTimeOf('2026-10-25T01:30:00Z')).toBe('02:30');
  });

  it('writes the time as people do in each language', () => {
    expect(formatClock('2026-12-07T15:30:00Z', 'nl')).toBe('16.30');
    expect(formatClock('2026-12-07T15:30:00Z', 'fr')).toBe('16h30');
    expect(formatClock('2026-12-07T15:30:00Z', 'en')).toBe('16:30');
  });

  it('gives the date of an appointment late in the evening as the local day, not the UTC one', () => {
    expect(whenParts({ start: '2026-12-31T23:30:00Z', end: '2026-12-31T23:45:00Z' }, 'nl')).toEqual({
      date: 'vrijdag 1 januari 2027',
      time: '0.30',
      end: '0.45',
    });
  });

  it('heads a day with its weekday and date', () => {
    expect(formatDayHeading('2026-12-07', 'nl')).toBe('maandag 7 december');
    expect(formatDayHeading('2026-12-07', 'fr')).toBe('lundi 7 décembre');
    expect(formatDayHeading('2026-12-07', 'en')).toBe('Monday 7 December');
  });
});

describe('calendar days', () => {
  it('adds days across months, years and the clock changes', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-27', 3)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('takes a date from the address only when it is a real day', () => {
    expect(dateParam('2026-12-07')).toBe('2026-12-07');
    expect(dateParam('2026-02-30')).toBeUndefined();
    expect(dateParam('7 december')).toBeUndefined();
    expect(dateParam(null)).toBeUndefined();
  });
});

describe('weekSteps', () => {
  it('offers no previous week from today, and the next one within the booking window', () => {
    expect(weekSteps('2026-12-07', '2026-12-07', '2027-02-05')).toEqual({ previous: null, next: '2026-12-14' });
  });

  it('steps back to today, not into the past, from a week that began mid-week', () => {
    expect(weekSteps('2026-12-10', '2026-12-07', '2027-02-05')).toEqual({ previous: '2026-12-07', next: '2026-12-17' });
    expect(weekSteps('2026-12-21', '2026-12-07', '2027-02-05').previous).toBe('2026-12-14');
  });

  it('offers no next week past the last bookable date', () => {
    expect(weekSteps('2027-01-30', '2026-12-07', '2027-02-05').next).toBeNull();
    expect(weekSteps('2027-01-29', '2026-12-07', '2027-02-05').next).toBe('2027-02-05');
  });

  it('ends the shown week at the last bookable date', () => {
    expect(weekEnd('2026-12-07', '2027-02-05')).toBe('2026-12-13');
    expect(weekEnd('2027-02-01', '2027-02-05')).toBe('2027-02-05');
  });
});

describe('channelFor', () => {
  const both = { channels: ['counter', 'home'] as ('counter' | 'home')[] };
  it('keeps the channel asked for when the product offers it', () => {
    expect(channelFor(both, 'home')).toBe('home');
  });

  it('falls back to the city hall, or to the only channel the product has', () => {
    expect(channelFor(both, 'kiosk')).toBe('counter');
    expect(channelFor({ channels: ['home'] }, 'counter')).toBe('home');
    expect(channelFor({ channels: ['counter'] }, 'home')).toBe('counter');
    expect(channelFor(undefined, 'home')).toBeNull();
  });
});

describe('bookingPath', () => {
  it('keeps the choice in the address, for a login that comes back to it', () => {
    expect(bookingPath({ product: 'reispas', channel: 'counter', from: '2026-12-14', start: '2026-12-14T08:30:00+01:00' })).toBe(
      '/afspraak?product=reispas&channel=counter&from=2026-12-14&start=2026-12-14T08%3A30%3A00%2B01%3A00',
    );
    expect(bookingPath({ product: 'identiteitskaart', channel: null, from: null, start: null })).toBe('/afspraak?product=identiteitskaart');
    expect(bookingPath({ product: '', channel: 'home', from: '2026-12-14', start: null })).toBe('/afspraak');
  });
});
