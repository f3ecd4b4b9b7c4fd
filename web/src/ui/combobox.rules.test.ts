import { describe, expect, it } from 'vitest';
import { stepOption } from './combobox.rules.ts';

describe('stepOption', () => {
  it.each([
    [-1, 3, 1, 0],
    [-1, 3, -1, 2],
    [0, 3, 1, 1],
    [2, 3, 1, -1],
    [0, 3, -1, -1],
    [-1, 0, 1, -1],
  ] as const)('from %d of %d by %d gives %d', (active, count, step, expected) => {
    expect(stepOption(active, count, step)).toBe(expected);
  });
});
