import type { BenchContext, BenchOutcome } from './support/bench-context.ts';
import { measureOnce, pool, type Run, warmUp } from './support/load.ts';
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
    { label: '+ request-id (genReqId + onSend hook)', server: await layered('request-id') },
    { label: '+ helmet', server: await layered('helmet') },
    { label: '+ rate-limit (allowList)', server: await layered('rate-limit') },
    { label: '+ all four', server: await layered('logger,request-id,helmet,rate-limit') },
    { label: 'app, LOG_LEVEL=warn', server: quietApp },
    { label: 'app, LOG_LEVEL=info (as api-floor)', server: ctx.app },
  ].map((t) => ({ label: t.label, url: `${t.server.url}/health/live` }));

  for (const target of targets) await warmUp(target, ctx.load);
  const runs = targets.map(() => [] as Run[]);
  for (let i = 0; i < ctx.load.rounds; i++) {
    for (const [j, target] of targets.entries()) {
      const r = await measureOnce(target, ctx.load);
      runs[j]?.push(r);
      ctx.log(`round ${i + 1}/${ctx.load.rounds} ${target.label}: ${r.requestsPerSecond} req/s, p99 ${r.latencyMs.p99} ms`);
    }
  }
  const measurements = targets.map((target, j) => pool(target, runs[j] ?? []));
  const bare = measurements[0]?.requestsPerSecond ?? Number.NaN;
  const rows = measurements.map((m) => ({
    label: m.label,
    requestsPerSecond: m.requestsPerSecond,
    ratio: round(m.requestsPerSecond / bare),
    p99Ms: m.latencyMs.p99,
  }));
  const table = rows.map((r) => `${r.label}: ${r.ratio}`).join('; ');
  return {
    summary: `api-floor-breakdown: requests/s of GET /health/live as a ratio to a bare Fastify (${bare} req/s) in the same run, ${ctx.load.connections} connections, ${ctx.load.rounds} round-robin rounds of ${ctx.load.durationSeconds} s: ${table}.`,
    details: { rows, measurements },
  };
};
