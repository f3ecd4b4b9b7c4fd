// `npm run bench -- catalog-search`: GET /api/catalog/search cycling through 200 varied questions,
// against the app's own /health/live in the same run (alternating rounds). Goal (issue 4): p99 under
// 50 ms and at least 40 % of /health/live's requests/s.
//
// The harness's targets load one URL; a search benchmark must vary its questions (one repeated
// question measures a cache, not a search), so the load here is fired with autocannon's
// `setupRequest` cycling through the paths, both for the subject and, alike, for the baseline.
// Besides the HTTP figures it measures the database path without the answer cache, in this
// process on the same database, so the result also says what a question nobody asked before costs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseQuestions } from '../scripts/eval-search.ts';
import { createCatalogService, loadCatalogFromDirectory, syncCatalog } from '../server/src/modules/catalog/index.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { createDb } from '../server/src/platform/db/database.ts';
import type { BenchContext, BenchOutcome, DataSet } from './support/bench-context.ts';
import { type CyclingTarget, fireCycling as fire, measureCyclingOnce as measureOnce } from './support/cycling.ts';
import { describeRun, pool, type Run } from './support/load.ts';
import { percentiles, round } from './support/stats.ts';

const root = path.resolve(import.meta.dirname, '..');
const catalogDir = path.join(root, 'config/catalog/harelbeke');
const questionsFile = path.join(root, 'server/src/modules/catalog/search-questions.dev.tsv');
const questionCount = 200;
const goal = { p99Ms: 50, throughputRatio: 0.4 };

export const description = `GET /api/catalog/search cycling through ${questionCount} varied questions (nl, fr, en, typos, life events) against /health/live of the same app, in the same run`;

/** The questions of the development set, the first 200 distinct ones, each with a language to answer in. */
const loadQuestions = async () => {
  const questions = [...new Set(parseQuestions(await readFile(questionsFile, 'utf8')).map((q) => q.question))].slice(0, questionCount);
  if (questions.length < questionCount)
    throw new Error(`${questionsFile} has only ${questions.length} distinct questions; the benchmark needs ${questionCount}`);
  const languages = ['nl', 'nl', 'fr', 'en'] as const;
  return questions.map((q, i) => `/api/catalog/search?${new URLSearchParams({ q, lang: languages[i % languages.length] as string })}`);
};

export const dataSet: DataSet = {
  description: 'the Harelbeke catalogue (config/catalog/harelbeke), synced as at start-up',
  size: { products: 37 },
  load: async (databaseUrl, log) => {
    const { db } = createDb(databaseUrl, { max: 1 });
    try {
      const result = await syncCatalog(db, await loadCatalogFromDirectory(catalogDir), { source: 'bench' });
      log(`catalogue: ${result.index.products} products, ${result.index.terms} search terms`);
    } finally {
      await db.destroy();
    }
  },
};

/** The search's database path without the answer cache: every question as if nobody had asked it before. */
const measureUncached = async (databaseUrl: string, paths: readonly string[]) => {
  const { db } = createDb(databaseUrl, { max: 1 });
  try {
    const service = createCatalogService({ db, clock: systemClock, searchCache: { maxEntries: 0 } });
    const questions = paths.map((p) => new URLSearchParams(p.split('?')[1]).get('q') as string);
    for (const q of questions.slice(0, 20)) await service.search({ q });
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of questions) {
        const started = performance.now();
        await service.search({ q });
        samples.push(performance.now() - started);
      }
    }
    const p = percentiles(samples);
    return { questions: samples.length, p50: round(p.p50), p95: round(p.p95), p99: round(p.p99), max: round(p.max) };
  } finally {
    await db.destroy();
  }
};

export const run = async (ctx: BenchContext): Promise<BenchOutcome> => {
  const paths = await loadQuestions();
  const probe = await fetch(`${ctx.app.url}${paths[0]}`);
  if (probe.status !== 200) {
    throw new Error(`GET ${paths[0]} answered ${probe.status}: is catalogRoutes registered in buildApp? ${(await probe.text()).slice(0, 200)}`);
  }
  const baseline: CyclingTarget = { label: 'app /health/live', base: ctx.app.url, requests: [{ path: '/health/live' }], pid: ctx.app.pid };
  const subject: CyclingTarget = {
    label: `app /api/catalog/search (${paths.length} questions)`,
    base: ctx.app.url,
    requests: paths.map((p) => ({ path: p })),
    pid: ctx.app.pid,
  };
  const { connections, durationSeconds, warmupSeconds, rounds } = ctx.load;
  if (warmupSeconds > 0) {
    await fire(baseline, connections, warmupSeconds, false);
    await fire(subject, connections, warmupSeconds, false);
  }
  const a: Run[] = [];
  const b: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await measureOnce(baseline, connections, durationSeconds));
    ctx.log(`round ${i + 1}/${rounds} ${baseline.label}: ${describeRun(a[i])}`);
    b.push(await measureOnce(subject, connections, durationSeconds));
    ctx.log(`round ${i + 1}/${rounds} ${subject.label}: ${describeRun(b[i])}`);
  }
  const base = pool({ label: baseline.label, url: `${ctx.app.url}/health/live` }, a);
  const subj = pool({ label: subject.label, url: `${ctx.app.url}/api/catalog/search` }, b);
  const comparison = {
    baseline: base,
    subject: subj,
    throughputRatio: round(subj.requestsPerSecond / base.requestsPerSecond),
    p99Ratio: round(subj.latencyMs.p99 / base.latencyMs.p99),
    roundRatios: b.map((r, i) => round(r.requestsPerSecond / (a[i]?.requestsPerSecond ?? Number.NaN))),
    cpuRatio: base.cpuMicrosPerRequest && subj.cpuMicrosPerRequest ? round(base.cpuMicrosPerRequest / subj.cpuMicrosPerRequest) : null,
  };
  ctx.log('measuring the database path without the answer cache');
  const uncached = await measureUncached(ctx.databaseUrl, paths);

  const failed = subj.errors + subj.non2xx;
  const p99Met = subj.latencyMs.p99 < goal.p99Ms;
  const ratioMet = comparison.throughputRatio >= goal.throughputRatio;
  const met = p99Met && ratioMet && failed === 0;
  const summary =
    `catalog-search: ${subj.requestsPerSecond} searches/s (p99 ${subj.latencyMs.p99} ms) cycling through ${paths.length} questions, against ` +
    `${base.requestsPerSecond} requests/s (p99 ${base.latencyMs.p99} ms) for /health/live of the same app, ${connections} connections, ` +
    `${rounds} alternating rounds of ${durationSeconds} s on ${ctx.machine.cpus} cores: a throughput ratio of ${comparison.throughputRatio} ` +
    `(rounds ${comparison.roundRatios.join(', ')}${comparison.cpuRatio !== null ? `; CPU ratio ${comparison.cpuRatio}` : ''}). ` +
    `Goal p99 < ${goal.p99Ms} ms: ${p99Met ? 'met' : 'NOT met'}; goal ratio >= ${goal.throughputRatio}: ${ratioMet ? 'met' : 'NOT met'}` +
    `${failed ? `; ${failed} failed requests` : ''}. Repeated questions are answered from the in-process cache (60 s); ` +
    `a question not asked before takes the database path: p50 ${uncached.p50} ms, p99 ${uncached.p99} ms (one at a time, ${uncached.questions} questions).`;
  return {
    summary,
    comparison,
    goal: { metric: 'throughputRatio', value: comparison.throughputRatio, min: goal.throughputRatio, met },
    details: { questions: paths.length, p99Goal: { max: goal.p99Ms, value: subj.latencyMs.p99, met: p99Met }, uncachedDatabasePathMs: uncached },
  };
};
