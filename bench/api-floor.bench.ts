import type { BenchContext, BenchOutcome } from './support/bench-context.ts';

/** The app's floor: how much of a bare Fastify's throughput is left once every platform hook runs. */
export const description = 'GET /health/live of the app (production settings, every hook) against the same route on a bare Fastify, in the same run';

const goalRatio = 0.7;

export const run = async (ctx: BenchContext): Promise<BenchOutcome> => {
  const bare = await ctx.startServer('bench/support/bare-fastify.ts', { readyPath: '/health/live' });
  const comparison = await ctx.compare(
    { label: 'bare Fastify', url: `${bare.url}/health/live`, pid: bare.pid },
    { label: 'app /health/live', url: `${ctx.app.url}/health/live`, pid: ctx.app.pid },
  );
  const { baseline, subject, throughputRatio, p99Ratio, roundRatios, cpuRatio } = comparison;
  const met = throughputRatio >= goalRatio;
  const summary =
    `api-floor: the app's /health/live served ${subject.requestsPerSecond} requests/s (p99 ${subject.latencyMs.p99} ms) against ` +
    `${baseline.requestsPerSecond} requests/s (p99 ${baseline.latencyMs.p99} ms) for a bare Fastify route in the same run, ` +
    `${ctx.load.connections} connections, ${ctx.load.rounds} alternating rounds of ${ctx.load.durationSeconds} s on ${ctx.machine.cpus} cores: ` +
    `a throughput ratio of ${throughputRatio} (rounds ${roundRatios.join(', ')}) and a p99 ratio of ${p99Ratio}. ` +
    `Per request the app's process spent ${subject.cpuMicrosPerRequest} µs of CPU against ${baseline.cpuMicrosPerRequest} µs for the bare Fastify ` +
    `(CPU ratio ${cpuRatio}, the throughput ratio if each server had a core of its own, away from the load generator). ` +
    `The goal is a throughput ratio of at least ${goalRatio}: ${met ? 'met' : 'NOT met'}.`;
  return { summary, comparison, goal: { metric: 'throughputRatio', value: throughputRatio, min: goalRatio, met } };
};
