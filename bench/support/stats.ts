/** Latency percentiles in milliseconds. */
export type Percentiles = { p50: number; p95: number; p99: number; max: number; mean: number };

/**
 * Nearest-rank percentiles of a set of samples (no interpolation: every figure reported is a
 * latency some request really had). Empty input gives zeros rather than NaN in the JSON.
 */
export const percentiles = (samples: ArrayLike<number>): Percentiles => {
  const n = samples.length;
  if (n === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] as number;
  let sum = 0;
  for (const value of sorted) sum += value;
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[n - 1] as number, mean: sum / n };
};

/** Median of a few numbers (for per-round figures, where one noisy round should not move the headline). */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Rounds to a few significant decimals so the result JSON stays readable. */
export const round = (value: number, decimals = 3) => Math.round(value * 10 ** decimals) / 10 ** decimals;
