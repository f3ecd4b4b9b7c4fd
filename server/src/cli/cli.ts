import { Command } from 'commander';
import { openDatabase, StartupError, startServer } from '../main.ts';
import { ConfigError, loadConfig } from '../platform/config/config.ts';
import { migrate } from '../platform/db/migrate.ts';

const progress = (message: string) => process.stderr.write(`gastvrij: ${message}\n`);

// Errors whose message already says what is wrong and how to fix it.
const explained = new Set(['ConfigError', 'StartupError', 'EmbeddedDatabaseError', 'CityProfileError', 'BackupError']);

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
    try {
      const config = loadConfig();
      const running = await startServer(config, progress);
      progress(
        `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: portal ${running.url}/ · staff ${running.url}/werk · API docs ${running.url}/api/docs`,
      );
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          progress(`${signal} received, stopping`);
          running.stop(signal).then(
            () => process.exit(0),
            (error) => fail(error),
          );
        });
      }
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

await program.parseAsync(process.argv);
