import autocannon from 'autocannon';
import { cpuSeconds, type Run } from './load.ts';
import { percentiles, round } from './stats.ts';

/**
 * One request of a cycle: its path and, when they differ per request, headers (a session cookie),
 * headers made fresh for every request sent (an Idempotency-Key), and a body made fresh each time.
 */
export type CycledRequest = {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  freshHeaders?: () => Record<string, string>;
  body?: () => string;
};

/** A target that varies its requests: search questions, or residents with their own sessions. */
export type CyclingTarget = { label: string; base: string; requests: readonly CycledRequest[]; pid?: number };

/**
 * Load where each request takes the next entry of the cycle (autocannon's `setupRequest`); one
 * repeated request would measure a cache, not the work. The harness's targets load one URL.
 */
export const fireCycling = (target: CyclingTarget, connections: number, durationSeconds: number, record: boolean) =>
  new Promise<{ result: autocannon.Result; samples: number[] }>((resolve, reject) => {
    let next = 0;
    const samples: number[] = [];
    const instance = autocannon(
      {
        url: target.base,
        connections,
        duration: durationSeconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const entry = target.requests[next % target.requests.length] as CycledRequest;
              next += 1;
              return {
                ...request,
                method: entry.method ?? 'GET',
                path: entry.path,
                headers: { ...request.headers, ...entry.headers, ...entry.freshHeaders?.() },
                ...(entry.body ? { body: entry.body() } : {}),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, samples })),
    );
    if (record) instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
  });

/** One measured run of a cycling target, in the harness's Run shape. */
export const measureCyclingOnce = async (target: CyclingTarget, connections: number, durationSeconds: number): Promise<Run> => {
  const cpuBefore = target.pid ? cpuSeconds(target.pid) : null;
  const { result, samples } = await fireCycling(target, connections, durationSeconds, true);
  const cpuAfter = target.pid ? cpuSeconds(target.pid) : null;
  const latency = percentiles(samples);
  return {
    requests: samples.length,
    seconds: round(result.duration),
    requestsPerSecond: round(samples.length / result.duration, 1),
    latencyMs: { p50: round(latency.p50), p95: round(latency.p95), p99: round(latency.p99), max: round(latency.max), mean: round(latency.mean) },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    cpuMicrosPerRequest: cpuBefore !== null && cpuAfter !== null && samples.length > 0 ? round(((cpuAfter - cpuBefore) * 1e6) / samples.length, 1) : null,
  };
};
