// `npm run eval:search -- <questions.tsv> [--catalog <dir>] [--lang nl|fr|en] [--quiet]`
//
// Measures the catalogue search on a file of questions: `question<TAB>expected`, where expected may
// list alternatives separated by `|` (a header line `question<TAB>expected` is skipped, as are empty
// lines and lines starting with #). Prints top-1 and top-3 accuracy and every miss with what came
// instead. Runs the same service code as GET /api/catalog/search, on a throw-away database:
// a scratch database on TEST_DATABASE_URL or DATABASE_URL when set, else an embedded PostgreSQL in a
// temp dir. The search cache is off, so the latencies printed are the database path.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createCatalogService, loadCatalogFromDirectory } from '../server/src/modules/catalog/index.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { createDb, withDatabase } from '../server/src/platform/db/database.ts';
import { startEmbeddedDatabase } from '../server/src/platform/db/embedded.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { languageSchema } from '../shared/src/platform/language.ts';

const root = path.resolve(import.meta.dirname, '..');

/** One evaluation question. */
export type EvalQuestion = { question: string; expected: string[]; line: number };

/** Parses the TSV; a line without a tab or without an expected slug is an error, not skipped. */
export const parseQuestions = (text: string): EvalQuestion[] => {
  const questions: EvalQuestion[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.startsWith('#')) return;
    const [question = '', expected = ''] = line.split('\t');
    if (index === 0 && question.trim().toLowerCase() === 'question') return;
    const slugs = expected
      .split('|')
      .map((slug) => slug.trim())
      .filter(Boolean);
    if (!question.trim() || slugs.length === 0) throw new Error(`line ${index + 1}: expected "question<TAB>expected-slug", got ${JSON.stringify(raw)}`);
    questions.push({ question: question.trim(), expected: slugs, line: index + 1 });
  });
  return questions;
};

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    options: { catalog: { type: 'string' }, lang: { type: 'string' }, quiet: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npm run eval:search -- <questions.tsv> [--catalog config/catalog/harelbeke] [--lang nl]');
    return 2;
  }
  const questions = parseQuestions(await readFile(path.resolve(file), 'utf8'));
  const lang = languageSchema.parse(values.lang ?? 'nl');
  const catalogDir = path.resolve(root, values.catalog ?? 'config/catalog/harelbeke');
  const products = await loadCatalogFromDirectory(catalogDir);

  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
  let stopEmbedded = async () => {};
  let dataDir: string | null = null;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-eval-'));
    const embedded = await startEmbeddedDatabase({ dataDir });
    adminUrl = embedded.adminUrl;
    stopEmbedded = embedded.stop;
  }
  const name = `gastvrij_eval_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const { db } = createDb(withDatabase(adminUrl, name), { max: 2 });
  try {
    await migrate(withDatabase(adminUrl, name));
    const service = createCatalogService({ db, clock: systemClock, searchCache: { maxEntries: 0 } });
    const sync = await service.sync(products, { source: 'eval' });
    const misses: string[] = [];
    const latencies: number[] = [];
    let top1 = 0;
    let top3 = 0;
    for (const { question, expected, line } of questions) {
      const started = performance.now();
      let slugs: string[];
      try {
        slugs = (await service.search({ q: question, lang })).results.map((result) => result.slug);
      } catch (error) {
        slugs = [];
        misses.push(`line ${line}: "${question}" failed: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - started);
      const rank = slugs.findIndex((slug) => expected.includes(slug));
      if (rank === 0) top1 += 1;
      if (rank >= 0 && rank < 3) top3 += 1;
      if (rank !== 0) {
        misses.push(
          `${rank < 0 ? 'MISS ' : rank < 3 ? `top${rank + 1} ` : `rank${rank + 1}`} "${question}" -> expected ${expected.join('|')}, got ${slugs.slice(0, 3).join(', ') || '(nothing)'}`,
        );
      }
    }
    const percent = (n: number) => `${((100 * n) / Math.max(questions.length, 1)).toFixed(1)}%`;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => (latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0).toFixed(1);
    if (!values.quiet) for (const miss of misses) console.log(miss);
    console.log(
      `\n${path.relative(process.cwd(), path.resolve(file))}: ${questions.length} questions on ${sync.index.products} products (${sync.index.terms} terms)\n` +
        `top-1 ${percent(top1)} (${top1}), top-3 ${percent(top3)} (${top3})\n` +
        `latency without cache: p50 ${at(50)} ms, p95 ${at(95)} ms, max ${at(100)} ms`,
    );
    return 0;
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await stopEmbedded();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
};

if (import.meta.main) process.exitCode = await main();
