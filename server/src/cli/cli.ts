import path from 'node:path';
import { Command } from 'commander';
import { pino } from 'pino';
import { demoSeeders } from '../demo-seed.ts';
import { openDatabase, type Running, StartupError, startServer } from '../main.ts';
import { createBackup } from '../platform/backup/backup.ts';
import { restoreBackup } from '../platform/backup/restore.ts';
import { loadCityProfile } from '../platform/city/city-profile.loader.ts';
import { systemClock } from '../platform/clock.ts';
import { ConfigError, loadConfig } from '../platform/config/config.ts';
import { createDb } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { configTable, formatCheck } from '../platform/doctor/doctor.rules.ts';
import { runDoctor } from '../platform/doctor/doctor.ts';
import { createJobs } from '../platform/jobs/jobs.ts';
import { citySender, createMailService } from '../platform/mail/mail.service.ts';
import { assertDemoSeedAllowed, runSeeders } from '../platform/seed/seed.ts';
import { ensureWebBuild } from '../platform/web/web-build.ts';
import { accessDatabase } from './database-access.ts';

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const progress = (message: string) => process.stderr.write(`gastvrij: ${message}\n`);

// Errors whose message already says what is wrong and how to fix it.
const explained = new Set([
  'ConfigError',
  'StartupError',
  'EmbeddedDatabaseError',
  'CityProfileError',
  'BackupError',
  'SeedError',
  'MigrationError',
  'CatalogLoadError',
  'CasesSetupError',
]);

/** Prints a known failure as one line with its fix and exits non-zero; unknown failures keep their stack. */
const fail = (error: unknown): never => {
  if (error instanceof ConfigError || error instanceof StartupError || explained.has((error as Error)?.name)) {
    process.stderr.write(`gastvrij: error: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(`gastvrij: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
};

const program = new Command('gastvrij').description('Gastvrij: serve the residents of a city over every channel.').showHelpAfterError();

program
  .command('start')
  .description('start the platform (the embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => {
    const started = Date.now();
    // Handlers first: a signal during start-up waits for the start to finish, then stops cleanly.
    let running: Running | null = null;
    let stopRequested: string | null = null;
    const stop = (signal: string) => {
      progress(`${signal} received, stopping`);
      running?.stop(signal).then(
        () => process.exit(0),
        (error) => fail(error),
      );
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stopRequested = signal;
        stop(signal);
      });
    }
    try {
      const config = loadConfig();
      if (config.webDist === path.join(repositoryRoot, 'web', 'dist')) await ensureWebBuild({ root: repositoryRoot, progress });
      running = await startServer(config, progress);
      if (stopRequested) return stop(stopRequested);
      progress(
        `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: portal ${running.url}/ · staff ${running.url}/werk · API docs ${running.url}/api/docs`,
      );
    } catch (error) {
      fail(error);
    }
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    try {
      const config = loadConfig();
      const database = await openDatabase(config, progress);
      try {
        const result = await migrate(database.url, { onProgress: progress });
        progress(result.applied.length ? `applied ${result.applied.length} migration(s)` : `schema up to date (${result.alreadyApplied} migrations)`);
      } finally {
        await database.embedded?.stop();
      }
    } catch (error) {
      fail(error);
    }
  });

program
  .command('backup')
  .argument('<file>', 'where to write the backup (gzip); refused when it exists, unless --force')
  .option('--force', 'replace an existing file')
  .description('write every table of the database to one file, a consistent snapshot even while Gastvrij runs')
  .action(async (file: string, options: { force?: boolean }) => {
    try {
      const config = loadConfig();
      const database = await accessDatabase(config, progress);
      try {
        await createBackup(database.url, file, { progress, overwrite: Boolean(options.force) });
      } finally {
        await database.release();
      }
    } catch (error) {
      fail(error);
    }
  });

program
  .command('restore')
  .argument('<file>', 'a file written by `gastvrij backup`')
  .description('load a backup into an empty database (checks the file first; all or nothing)')
  .action(async (file: string) => {
    try {
      const config = loadConfig();
      const database = await accessDatabase(config, progress);
      try {
        await restoreBackup(database.url, file, { progress });
      } finally {
        await database.release();
      }
    } catch (error) {
      fail(error);
    }
  });

program
  .command('seed')
  .option('--demo', 'the demo city (refused with NODE_ENV=production)')
  .description('fill the database with demo data; running it again adds nothing twice')
  .action(async (options: { demo?: boolean }) => {
    try {
      if (!options.demo) throw new ConfigError('Say what to seed: `gastvrij seed --demo` seeds the demo city (the only seed there is).');
      const config = loadConfig();
      assertDemoSeedAllowed(config);
      const city = await loadCityProfile(config.cityProfilePath);
      const database = await accessDatabase(config, progress);
      try {
        await migrate(database.url, { onProgress: progress });
        const { db } = createDb(database.url, { max: 2, applicationName: 'gastvrij-seed' });
        // Only sends jobs: a running Gastvrij (or the next start) delivers the mail the seed writes.
        const jobs = createJobs({ connectionString: database.url, logger: pino({ level: 'silent' }), workers: false });
        const mail = createMailService({
          db,
          jobs,
          clock: systemClock,
          smtpUrl: config.smtpUrl,
          from: citySender(config.mailFrom, city),
        });
        try {
          await jobs.start();
          const done = await runSeeders({ db, mail, clock: systemClock, city, config }, demoSeeders(config), progress);
          progress(`demo seed done (${done.length} seeder(s))`);
        } finally {
          await jobs.stop(config.shutdownTimeoutMs);
          mail.close();
          await db.destroy();
        }
      } finally {
        await database.release();
      }
    } catch (error) {
      fail(error);
    }
  });

program
  .command('doctor')
  .option('--json', 'print the checks as JSON, for machines')
  .option('--config-table', 'print the table of configuration settings (Markdown) and exit')
  .description('check Node.js, configuration, city profile, database, migrations, SMTP, web build and port; say how to fix each problem')
  .action(async (options: { json?: boolean; configTable?: boolean }) => {
    try {
      if (options.configTable) {
        process.stdout.write(`${configTable()}\n`);
        return;
      }
      const report = await runDoctor({ progress: options.json ? () => {} : progress });
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else for (const check of report.checks) process.stdout.write(`${formatCheck(check)}\n`);
      const problems = report.checks.filter((c) => c.status === 'fail').length;
      if (!options.json) progress(problems ? `${problems} problem(s) found` : 'no problems found');
      process.exitCode = report.ok ? 0 : 1;
    } catch (error) {
      fail(error);
    }
  });

await program.parseAsync(process.argv);
