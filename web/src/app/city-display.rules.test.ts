import { describe, expect, it } from 'vitest';
import type { ChannelToday } from '../../../shared/src/city/city.contract.ts';
import { channelTodayView, formatLocalDate, formatTime, localized, telHref } from './city-display.rules.ts';

const day = (overrides: Partial<ChannelToday>): ChannelToday => ({
  available: true,
  open: true,
  alwaysOpen: false,
  intervals: [{ from: '08:30', to: '12:00' }],
  openNow: false,
  nextOpening: null,
  ...overrides,
});

describe('localized', () => {
  it('falls back to Dutch', () => {
    expect(localized({ nl: 'Stadhuis', fr: 'Hôtel de ville' }, 'fr')).toBe('Hôtel de ville');
    expect(localized({ nl: 'Stadhuis' }, 'en')).toBe('Stadhuis');
  });
});

describe('formatTime', () => {
  it.each([
    ['08:30', 'nl', '8.30'],
    ['08:30', 'fr', '8h30'],
    ['08:30', 'en', '8:30'],
    ['16:00', 'nl', '16.00'],
    ['00:00', 'fr', '0h00'],
  ] as const)('%s in %s -> %s', (time, language, expected) => {
    expect(formatTime(time, language)).toBe(expected);
  });
});

describe('formatLocalDate', () => {
  it('writes the same calendar day in every language', () => {
    expect(formatLocalDate('2026-11-02', 'nl')).toBe('maandag 2 november 2026');
    expect(formatLocalDate('2026-11-02', 'fr')).toBe('lundi 2 novembre 2026');
    // ICU versions differ on the comma after the weekday.
    expect(formatLocalDate('2026-11-02', 'en')).toMatch(/^Monday,? 2 November 2026$/);
  });
});

describe('telHref', () => {
  it.each([
    ['056 73 33 11', 'tel:+3256733311'],
    ['+32 56 73 33 11', 'tel:+3256733311'],
    ['0032 56/73.33.11', 'tel:+3256733311'],
    ['101', 'tel:+32101'],
  ])('%s -> %s', (phone, expected) => {
    expect(telHref(phone)).toBe(expected);
  });
});

describe('channelTodayView', () => {
  it.each([
    ['not offered', day({ available: false }), { kind: 'unavailable' }],
    ['always open', day({ alwaysOpen: true, intervals: [] }), { kind: 'always-open' }],
    ['weekend', day({ open: false, intervals: [] }), { kind: 'closed' }],
    ['holiday', day({ open: false, intervals: [], closedReason: { nl: 'Kerstmis' } }), { kind: 'closed', reason: { nl: 'Kerstmis' } }],
    ['open', day({}), { kind: 'open', intervals: [{ from: '08:30', to: '12:00' }] }],
    [
      'closes early',
      day({ closedReason: { nl: 'Kerstavond' }, closedFrom: '12:00' }),
      { kind: 'open', intervals: [{ from: '08:30', to: '12:00' }], reason: { nl: 'Kerstavond' } },
    ],
  ] as const)('%s', (_name, today, expected) => {
    expect(channelTodayView(today)).toEqual(expected);
  });
});
