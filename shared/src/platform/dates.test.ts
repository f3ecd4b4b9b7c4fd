import { describe, expect, it } from 'vitest';
import { writtenDate } from './dates.ts';

describe('writtenDate', () => {
  it('writes a day out in Dutch, French and English, the same day whatever the time zone', () => {
    expect(writtenDate('1985-05-12', 'nl')).toBe('12 mei 1985');
    expect(writtenDate('1985-05-12', 'fr')).toBe('12 mai 1985');
    expect(writtenDate('1985-05-12', 'en')).toBe('12 May 1985');
    expect(writtenDate('2027-01-01', 'nl')).toBe('1 januari 2027');
    expect(writtenDate('2026-03-29', 'nl')).toBe('29 maart 2026');
  });
});
