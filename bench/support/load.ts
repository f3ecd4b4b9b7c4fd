import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { median, type Percentiles, percentiles, round } from './stats.ts';

/** How hard and how long to load a target. Defaults suit the 2-core machines here. */
export type LoadOptions = {
  /** Concurrent HTTP/1.1 keep-alive connections (default 10). */
  connections: number;
  /** Seconds measured per run (default 10). */
  durationSeconds: number;
  /** Seconds of unrecorded load before a target's first run, so the JIT has settled (default 3). */
  warmupSeconds: number;
  /** Measured runs per target in an A/B comparison, alternated A B A B (default 2). */
  rounds: number;
};

export const defaultLoadOptions: LoadOptions = { connections: 10, durationSeconds: 10, warmupSeconds: 3, rounds: 2 };

/** One measured run of one target. */
export type Run = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: Percentiles;
  errors: number;
  timeouts: number;
  non2xx: number;
  /**
   * CPU time the server process spent per request, in microseconds (from /proc, when the target
   * names its pid). Unlike requests/s it hardly moves when other processes crowd the machine.
   */
  cpuMicrosPerRequest: number | null;
};

/** A target measured over one or more runs: throughput pooled, latency over all samples. */
export type Measurement = {
  label: string;
  url: string;
  requestsPerSecond: number;
  latencyMs: Percentiles;
  requests: number;
  errors: number;
  non2xx: number;
  cpuMicrosPerRequest: number | null;
  runs: Run[];
};

/** What to load; with `pid` (the server process) each run also reports the server's CPU per request. */
export type Target = { label: string; url: string; pid?: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };

let clockTicks: number | null = null;
const ticksPerSecond = () => {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
};

/** User + system CPU seconds a process has used so far (Linux /proc), or null elsewhere. */
export const cpuSeconds = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return null;
  }
};

const fire = (target: Target, connections: number, durationSeconds: number, record: boolean) =>
  new Promise<{ result: autocannon.Result; samples: Float64Array }>((resolve, reject) => {
    let samples = new Float64Array(1 << 16);
    let count = 0;
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? 'GET',
        ...(target.headers ? { headers: target.headers } : {}),
        ...(target.body ? { body: target.body } : {}),
        connections,
        duration: durationSeconds,
      },
      (error, result) => (error ? reject(error) : resolve({ result, samples: samples.subarray(0, count) })),
    );
    // autocannon's own histogram reports p97.5 and p99 but no p95: keep every response time instead.
    if (record) {
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        if (count === samples.length) {
          const grown = new Float64Array(samples.length * 2);
          grown.set(samples);
          samples = grown;
        }
        samples[count++] = responseTime;
      });
    }
  });

/** Unrecorded load, to warm a target up. */
export const warmUp = async (target: Target, options: Pick<LoadOptions, 'connections' | 'warmupSeconds'>) => {
  if (options.warmupSeconds > 0) await fire(target, options.connections, options.warmupSeconds, false);
};

/** One measured run. */
export const measureOnce = async (target: Target, options: Pick<LoadOptions, 'connections' | 'durationSeconds'>): Promise<Run> => {
  const cpuBefore = target.pid ? cpuSeconds(target.pid) : null;
  const { result, samples } = await fire(target, options.connections, options.durationSeconds, true);
  const cpuAfter = target.pid ? cpuSeconds(target.pid) : null;
  const seconds = result.duration;
  return {
    requests: samples.length,
    seconds: round(seconds),
    requestsPerSecond: round(samples.length / seconds, 1),
    latencyMs: roundPercentiles(percentiles(samples)),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    cpuMicrosPerRequest: cpuBefore !== null && cpuAfter !== null && samples.length > 0 ? round(((cpuAfter - cpuBefore) * 1e6) / samples.length, 1) : null,
  };
};

const roundPercentiles = (p: Percentiles): Percentiles => ({
  p50: round(p.p50),
  p95: round(p.p95),
  p99: round(p.p99),
  max: round(p.max),
  mean: round(p.mean),
});

/**
 * Pools runs of one target: requests/s is the median of the runs (one noisy run does not move
 * it), latency percentiles are the medians of the runs' percentiles.
 */
export const pool = (target: Target, runs: Run[]): Measurement => ({
  label: target.label,
  url: target.url,
  requestsPerSecond: round(median(runs.map((r) => r.requestsPerSecond)), 1),
  latencyMs: {
    p50: round(median(runs.map((r) => r.latencyMs.p50))),
    p95: round(median(runs.map((r) => r.latencyMs.p95))),
    p99: round(median(runs.map((r) => r.latencyMs.p99))),
    max: round(Math.max(...runs.map((r) => r.latencyMs.max))),
    mean: round(median(runs.map((r) => r.latencyMs.mean))),
  },
  requests: runs.reduce((sum, r) => sum + r.requests, 0),
  errors: runs.reduce((sum, r) => sum + r.errors, 0),
  non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  cpuMicrosPerRequest: runs.every((r) => r.cpuMicrosPerRequest !== null) ? round(median(runs.map((r) => r.cpuMicrosPerRequest as number)), 1) : null,
  runs,
});

/** One line for the progress log. */
export const describeRun = (run: Run | undefined) =>
  run
    ? `${run.requestsPerSecond} req/s, p99 ${run.latencyMs.p99} ms${run.cpuMicrosPerRequest !== null ? `, ${run.cpuMicrosPerRequest} µs CPU/request` : ''}`
    : 'no run';

/** Warm-up then `rounds` measured runs of a single target. */
export const measure = async (target: Target, options: LoadOptions): Promise<Measurement> => {
  await warmUp(target, options);
  const runs: Run[] = [];
  for (let i = 0; i < options.rounds; i++) runs.push(await measureOnce(target, options));
  return pool(target, runs);
};

/** The outcome of an A/B comparison: B's throughput and p99 as ratios to A's. */
export type Comparison = {
  baseline: Measurement;
  subject: Measurement;
  /** subject requests/s ÷ baseline requests/s (higher is better for the subject). */
  throughputRatio: number;
  /** subject p99 ÷ baseline p99 (lower is better for the subject). */
  p99Ratio: number;
  /** The throughput ratio of each round on its own, to show how noisy the machine was. */
  roundRatios: number[];
  /**
   * baseline CPU per request ÷ subject CPU per request: the throughput ratio a CPU-bound server
   * would reach with a core of its own, away from the load generator. Null without pids.
   */
  cpuRatio: number | null;
};

/**
 * Measures a baseline and a subject in alternation, A B A B ..., after warming both, so that
 * drift of a shared, noisy machine (another process, thermal state) falls on both alike.
 */
export const compareAlternating = async (
  baseline: Target,
  subject: Target,
  options: LoadOptions,
  log: (message: string) => void = () => {},
): Promise<Comparison> => {
  await warmUp(baseline, options);
  await warmUp(subject, options);
  const a: Run[] = [];
  const b: Run[] = [];
  for (let i = 0; i < options.rounds; i++) {
    a.push(await measureOnce(baseline, options));
    log(`round ${i + 1}/${options.rounds} ${baseline.label}: ${describeRun(a[i])}`);
    b.push(await measureOnce(subject, options));
    log(`round ${i + 1}/${options.rounds} ${subject.label}: ${describeRun(b[i])}`);
  }
  const base = pool(baseline, a);
  const subj = pool(subject, b);
  return {
    baseline: base,
    subject: subj,
    throughputRatio: round(subj.requestsPerSecond / base.requestsPerSecond),
    p99Ratio: round(subj.latencyMs.p99 / base.latencyMs.p99),
    roundRatios: b.map((run, i) => round(run.requestsPerSecond / (a[i]?.requestsPerSecond ?? Number.NaN))),
    cpuRatio: base.cpuMicrosPerRequest && subj.cpuMicrosPerRequest ? round(base.cpuMicrosPerRequest / subj.cpuMicrosPerRequest) : null,
  };
};
