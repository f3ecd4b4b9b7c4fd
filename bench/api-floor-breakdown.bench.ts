import type { BenchContext, BenchOutcome } from './support/bench-context.ts';
import { cpuSeconds, describeRun, measureOnce, pool, type Run, warmUp } from './support/load.ts';
import { round } from './support/stats.ts';

/**
 * Where api-floor's gap goes: a bare Fastify with one of the app's per-request layers at a time,
 * all of them together, and the real app at its production log level and at warn, measured round
 * robin in the same run. Each figure is a ratio to the bare Fastify of the same rounds.
 */
export const description = "What each of the app's per-request layers costs on GET /health/live, as a ratio to a bare Fastify in the same run";

export const run = async (ctx: BenchContext): Promise<BenchOutcome> => {
  const layered = (layers: string) => ctx.startServer('bench/support/layered-fastify.ts', { env: { LAYERS: layers }, readyPath: '/health/live' });
  const quietApp = await ctx.startApp({ LOG_LEVEL: 'warn' });
  const targets = [
    { label: 'bare Fastify', server: await layered('') },
    { label: '+ logger (pino info, redact)', server: await layered('logger') },
    { label: '+ logger, route logLevel warn', server: await layered('logger-quiet-health') },
    { label: '+ request-id (genReqId + onSend hook)', server: await layered('request-id') },
    { label: '+ @fastify/helmet', server: await layered('helmet') },
    { label: "+ helmet's headers precomputed, one hook", server: await layered('static-headers') },
    { label: '+ rate-limit (allowList)', server: await layered('rate-limit') },
    { label: '+ logger, request-id, helmet, rate-limit', server: await layered('logger,request-id,helmet,rate-limit') },
    { label: 'app, LOG_LEVEL=warn', server: quietApp },
    { label: 'app, LOG_LEVEL=info (as api-floor)', server: ctx.app },
  ].map((t) => ({ label: t.label, url: `${t.server.url}/health/live`, pid: t.server.pid }));

  // CPU the app burns with no request at all (job queue polling, timers), per second.
  const idleFrom = cpuSeconds(ctx.app.pid);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const idleTo = cpuSeconds(ctx.app.pid);
  const appIdleCpuPercent = idleFrom !== null && idleTo !== null ? round(((idleTo - idleFrom) / 5) * 100, 2) : null;
  ctx.log(`app idle: ${appIdleCpuPercent}% of a core`);

  for (const target of targets) await warmUp(target, ctx.load);
  const runs = targets.map(() => [] as Run[]);
  for (let i = 0; i < ctx.load.rounds; i++) {
    for (const [j, target] of targets.entries()) {
      const r = await measureOnce(target, ctx.load);
      runs[j]?.push(r);
      ctx.log(`round ${i + 1}/${ctx.load.rounds} ${target.label}: ${describeRun(r)}`);
    }
  }
  const measurements = targets.map((target, j) => pool(target, runs[j] ?? []));
  // The least-disturbed round per target: on a crowded machine other processes only ever add CPU
  // time (cache misses, a busy sibling core), so the minimum is the best estimate of the real cost.
  const minCpu = (j: number) => {
    const values = (runs[j] ?? []).map((r) => r.cpuMicrosPerRequest).filter((v): v is number => v !== null);
    return values.length ? Math.min(...values) : null;
  };
  const bare = measurements[0]?.requestsPerSecond ?? Number.NaN;
  const bareCpu = minCpu(0);
  const rows = measurements.map((m, j) => {
    const cpu = minCpu(j);
    return {
      label: m.label,
      requestsPerSecond: m.requestsPerSecond,
      ratio: round(m.requestsPerSecond / bare),
      p99Ms: m.latencyMs.p99,
      cpuMicrosPerRequest: cpu,
      cpuAddedMicros: cpu !== null && bareCpu !== null ? round(cpu - bareCpu, 1) : null,
      cpuRatio: cpu && bareCpu ? round(bareCpu / cpu) : null,
    };
  });
  const table = rows.map((r) => `${r.label}: ${r.cpuMicrosPerRequest} µs (CPU ratio ${r.cpuRatio}, throughput ratio ${r.ratio})`).join('; ');
  return {
    summary:
      `api-floor-breakdown: CPU per GET /health/live in the server process (least-disturbed of ${ctx.load.rounds} round-robin rounds of ${ctx.load.durationSeconds} s, ` +
      `${ctx.load.connections} connections), with its ratio to a bare Fastify's and the throughput ratio of the same rounds: ${table}. ` +
      `The app used ${appIdleCpuPercent}% of a core while idle.`,
    details: { appIdleCpuPercent, rows, measurements },
  };
};
