import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { median, percentiles } from './stats.ts';

describe('percentiles', () => {
  test.each([
    { samples: [], expected: { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 } },
    { samples: [7], expected: { p50: 7, p95: 7, p99: 7, max: 7, mean: 7 } },
    { samples: [4, 1, 3, 2], expected: { p50: 2, p95: 4, p99: 4, max: 4, mean: 2.5 } },
    { samples: Array.from({ length: 100 }, (_, i) => 100 - i), expected: { p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 } },
    { samples: Array.from({ length: 1000 }, (_, i) => i + 1), expected: { p50: 500, p95: 950, p99: 990, max: 1000, mean: 500.5 } },
  ])('of $samples.length samples', ({ samples, expected }) => {
    expect(percentiles(samples)).toEqual(expected);
  });

  test('are ordered and each is a latency that occurred', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 300 }), (samples) => {
        const p = percentiles(samples);
        expect(p.p50).toBeLessThanOrEqual(p.p95);
        expect(p.p95).toBeLessThanOrEqual(p.p99);
        expect(p.p99).toBeLessThanOrEqual(p.max);
        for (const value of [p.p50, p.p95, p.p99, p.max]) expect(samples).toContain(value);
      }),
    );
  });
});

describe('median', () => {
  test.each([
    { values: [], expected: 0 },
    { values: [3], expected: 3 },
    { values: [9, 1, 5], expected: 5 },
    { values: [4, 1, 3, 2], expected: 2.5 },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});
