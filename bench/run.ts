import { randomBytes } from 'node:crypto';
// `npm run bench -- <name> [--connections N] [--duration S] [--warmup S] [--rounds N] [--no-write]`
//
// Loads bench/<name>.bench.ts, starts PostgreSQL (embedded in a temp dir, or a scratch database on
// the server of DATABASE_URL when set), migrates it, loads the benchmark's data set, starts the app
// as `gastvrij start` with production settings, runs the benchmark and writes
// bench/results/<name>.json. Every headline is a ratio to a baseline measured in the same run
// (GUIDE §5): these machines are shared and noisy, absolute figures are not comparable across runs.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type AppProcess, repoRoot, startAppProcess } from '../e2e/support/app-process.ts';
import { createScratchDatabase, type ScratchDatabase } from '../e2e/support/scratch-database.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../server/src/platform/db/embedded.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import type { BenchContext, BenchModule } from './support/bench-context.ts';
import { compareAlternating, defaultLoadOptions, type LoadOptions, measure } from './support/load.ts';
import { machineInfo } from './support/machine.ts';
import type { ServerProcess } from './support/server-process.ts';
import { startServerProcess } from './support/server-process.ts';

/**
 * The app as a city would run it: production mode, info logging (to /dev/null here), all hooks on.
 * The rate limit is raised out of reach so a load test measures the limiter's cost, not its 429s.
 * SMTP_URL points at a closed port: production requires one, and no benchmark sends mail.
 * GASTVRIJ_SECRET_KEY is a throw-away key of the benchmark's own: production refuses the demo key.
 * The staff identity provider is a placeholder: production requires one; no benchmark logs in.
 */
export const benchAppEnv: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  GASTVRIJ_DEMO: 'false',
  GASTVRIJ_RATE_LIMIT: '1000000000',
  SMTP_URL: 'smtp://127.0.0.1:9',
  GASTVRIJ_SECRET_KEY: randomBytes(36).toString('base64'),
  // Production requires the staff identity provider; it is only contacted at a login, which no benchmark does.
  GASTVRIJ_OIDC_STAFF_ISSUER: 'https://login.example.invalid/bench',
  GASTVRIJ_OIDC_STAFF_CLIENT_ID: 'gastvrij-bench',
  GASTVRIJ_OIDC_STAFF_CLIENT_SECRET: 'bench',
};

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

const main = async () => {
  const { values, positionals } = parseArgs({
    options: {
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      'no-write': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const name = positionals[0];
  const file = name ? path.join(repoRoot, 'bench', `${name}.bench.ts`) : '';
  if (values.help || !name || !existsSync(file)) {
    if (name && !existsSync(file)) log(`no benchmark ${name}: bench/${name}.bench.ts does not exist`);
    log('usage: npm run bench -- <name> [--connections 10] [--duration 10] [--warmup 3] [--rounds 2] [--no-write]');
    return values.help ? 0 : 2;
  }
  const number = (value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${value}`);
    return n;
  };
  const load: LoadOptions = {
    connections: number(values.connections, defaultLoadOptions.connections),
    durationSeconds: number(values.duration, defaultLoadOptions.durationSeconds),
    warmupSeconds: number(values.warmup, defaultLoadOptions.warmupSeconds),
    rounds: Math.max(1, number(values.rounds, defaultLoadOptions.rounds)),
  };
  const bench = (await import(file)) as BenchModule;
  const machine = machineInfo();
  const started = new Date();
  log(`${name}: ${bench.description}`);
  log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverage1m}`);

  let embedded: EmbeddedDatabase | null = null;
  let scratch: ScratchDatabase | null = null;
  let dataDir: string | null = null;
  const apps: AppProcess[] = [];
  const servers: ServerProcess[] = [];
  try {
    let databaseUrl: string;
    if (process.env.DATABASE_URL) {
      scratch = await createScratchDatabase(process.env.DATABASE_URL, 'gastvrij_bench');
      databaseUrl = scratch.url;
      log(`database: ${scratch.name} on the server of DATABASE_URL`);
    } else {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-bench-'));
      embedded = await startEmbeddedDatabase({ dataDir, onProgress: (m) => log(`database: ${m}`) });
      databaseUrl = embedded.url;
    }
    await migrate(databaseUrl);
    if (bench.dataSet) {
      log(`data set: ${bench.dataSet.description} ${JSON.stringify(bench.dataSet.size)}`);
      const t = Date.now();
      await bench.dataSet.load(databaseUrl, log);
      log(`data set loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const startApp = async (env: Record<string, string> = {}) => {
      const app = await startAppProcess({ databaseUrl, env: { ...benchAppEnv, ...bench.appEnv, ...env } });
      apps.push(app);
      return app;
    };
    const app = await startApp();
    log(`app ready at ${app.url}`);
    const ctx: BenchContext = {
      name,
      machine,
      load,
      app,
      databaseUrl,
      log,
      startApp,
      startServer: async (script, options) => {
        const server = await startServerProcess(path.resolve(repoRoot, script), options);
        servers.push(server);
        return server;
      },
      measure: (target, override) => measure(target, { ...load, ...override }),
      compare: (baseline, subject, override) => compareAlternating(baseline, subject, { ...load, ...override }, log),
    };
    const outcome = await bench.run(ctx);
    const result = {
      name,
      description: bench.description,
      date: started.toISOString(),
      durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
      machine,
      database: scratch ? 'scratch database on DATABASE_URL' : 'embedded PostgreSQL',
      dataSet: bench.dataSet ? { description: bench.dataSet.description, size: bench.dataSet.size } : { description: 'none', size: {} },
      load,
      appEnv: { ...benchAppEnv, ...bench.appEnv },
      goal: outcome.goal ?? null,
      summary: outcome.summary,
      ...(outcome.comparison
        ? {
            throughputRatio: outcome.comparison.throughputRatio,
            p99Ratio: outcome.comparison.p99Ratio,
            roundRatios: outcome.comparison.roundRatios,
            baseline: outcome.comparison.baseline,
            subject: outcome.comparison.subject,
          }
        : {}),
      ...(outcome.details ? { details: outcome.details } : {}),
    };
    if (!values['no-write']) {
      const out = path.join(repoRoot, 'bench', 'results', `${name}.json`);
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
      log(`wrote ${path.relative(repoRoot, out)}`);
    }
    console.log(`\n${outcome.summary}`);
    return outcome.goal && !outcome.goal.met ? 1 : 0;
  } finally {
    for (const server of servers) await server.stop().catch(() => {});
    for (const app of apps) await app.stop().catch(() => {});
    await scratch?.drop().catch(() => {});
    await embedded?.stop().catch(() => {});
    if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  }
};

if (import.meta.main) process.exitCode = await main();
