import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from './phone-number.rules.ts';

describe('normalizePhoneNumber', () => {
  it.each([
    ['056 73 33 11', '+3256733311'],
    ['056/73.33.11', '+3256733311'],
    ['02 511 22 33', '+3225112233'],
    ['04 222 33 44', '+3242223344'],
    ['0470 12 34 56', '+32470123456'],
    ['0800 12 345', '+3280012345'],
    ['+32 470 12 34 56', '+32470123456'],
    ['+32 (0)56 73 33 11', '+3256733311'],
    ['0032 470 12 34 56', '+32470123456'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+33 1 23 45 67 89', '+33123456789'],
  ])('reads %j as %s', (typed, expected) => {
    expect(normalizePhoneNumber(typed)).toBe(expected);
  });

  it.each(['', '12345', '0470 12 34', '0470 12 34 567', '+32 12 34', '+32 3 470 12 34 56', '056-73-33-1x', '00 00 00 00 00', '+0123456789'])(
    'refuses %j',
    (typed) => {
      expect(normalizePhoneNumber(typed)).toBeNull();
    },
  );
});
