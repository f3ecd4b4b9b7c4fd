import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import type { CityProfile } from '../../shared/src/city/city-profile.schema.ts';
import { buildApp } from './app.ts';
import { demoSeeders } from './demo-seed.ts';
import { syncCatalogDirectory } from './modules/catalog/index.ts';
import { loadCityProfile } from './platform/city/city-profile.loader.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config/config.ts';
import { createDb, type Db, redactUrl } from './platform/db/database.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './platform/db/embedded.ts';
import { MigrationError, migrate } from './platform/db/migrate.ts';
import { createJobs, type Jobs } from './platform/jobs/jobs.ts';
import { citySender, createMailService, type MailService } from './platform/mail/mail.service.ts';
import { runSeeders } from './platform/seed/seed.ts';

/** A start-up failure whose message says what is wrong and how to fix it; the CLI prints it as one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Reports a step of a long operation to the person waiting for it. */
export type Progress = (message: string) => void;

const portIsFree = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    if (port === 0) return resolve(true);
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });

/** Opens the configured database (or starts the embedded one) and checks that it answers. */
export const openDatabase = async (config: Config, progress: Progress): Promise<{ url: string; embedded: EmbeddedDatabase | null }> => {
  if (!config.databaseUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedPgPort, onProgress: progress });
    return { url: embedded.url, embedded };
  }
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 150000) throw new StartupError(`PostgreSQL at ${redactUrl(config.databaseUrl)} is version ${version}; Gastvrij needs 15 or newer.`);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const e = error as NodeJS.ErrnoException;
    throw new StartupError(
      `Cannot reach PostgreSQL at ${redactUrl(config.databaseUrl)} (${e.code ?? e.message}). Check that the server runs and that DATABASE_URL is right, or unset DATABASE_URL to use the embedded PostgreSQL.`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
  return { url: config.databaseUrl, embedded: null };
};

/** A running Gastvrij process. */
export type Running = { app: FastifyInstance; url: string; city: CityProfile; stop: (reason?: string) => Promise<void> };

/** Resolves when `work` settles or after `ms`, whichever comes first; says which. */
const within = async (ms: number, work: Promise<unknown>): Promise<'done' | 'timeout'> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * The whole start: configuration is already validated; then city profile -> port check ->
 * database -> migrations -> jobs -> HTTP. Each failing step throws a StartupError naming the fix,
 * after undoing the steps before it (the embedded PostgreSQL is stopped again).
 *
 * `stop()` shuts down in the opposite order: readiness answers 503, the HTTP server stops
 * accepting and lets in-flight requests finish, then the job workers finish their running jobs,
 * then the connection pool closes, then the embedded PostgreSQL stops. The HTTP and job steps
 * each wait at most GASTVRIJ_SHUTDOWN_TIMEOUT_MS.
 */
export const startServer = async (config: Config, progress: Progress = () => {}): Promise<Running> => {
  const city = await loadCityProfile(config.cityProfilePath).catch((error: Error) => {
    throw new StartupError(error.message, { cause: error });
  });
  if (!(await portIsFree(config.port, config.host === 'localhost' ? '127.0.0.1' : config.host))) {
    throw new StartupError(
      `Port ${config.port} is already in use. Stop the program that uses it, or start Gastvrij with another port: PORT=${config.port + 1} npm start`,
    );
  }

  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] });
  const database = await openDatabase(config, progress);
  let shuttingDown = false;
  let app: FastifyInstance | null = null;
  let jobs: Jobs | null = null;
  let mail: MailService | null = null;
  let db: Db | null = null;

  /** Each step runs even when an earlier one failed: a half-stopped process must still release the database. */
  const shutdown = async () => {
    shuttingDown = true;
    const step = async (name: string, work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        logger.error({ err: error }, `shutdown: ${name} failed`);
      }
    };
    const server = app;
    if (server) {
      await step('closing HTTP', async () => {
        if ((await within(config.shutdownTimeoutMs, server.close())) === 'timeout') {
          logger.warn(`shutdown: requests still running after ${config.shutdownTimeoutMs} ms are cut off`);
          server.server.closeAllConnections();
        }
      });
    }
    if (jobs) await step('stopping jobs', () => (jobs as Jobs).stop(config.shutdownTimeoutMs));
    mail?.close();
    if (db) await step('closing the database pool', () => (db as Db).destroy());
    if (database.embedded) await step('stopping the embedded PostgreSQL', () => (database.embedded as EmbeddedDatabase).stop());
  };

  try {
    progress('applying database migrations');
    const result = await migrate(database.url, { onProgress: progress }).catch((error: Error) => {
      throw error instanceof MigrationError ? new StartupError(error.message, { cause: error }) : error;
    });
    if (result.applied.length) progress(`applied ${result.applied.length} migration(s)`);

    db = createDb(database.url, { applicationName: 'gastvrij-app', max: config.dbPoolSize }).db;
    jobs = createJobs({ connectionString: database.url, logger });
    mail = createMailService({
      db,
      jobs,
      clock: systemClock,
      smtpUrl: config.smtpUrl,
      from: citySender(config.mailFrom, city),
    });
    progress('starting the job queue');
    await jobs.start();

    const catalogDir = config.catalogDir ?? path.resolve('config', 'catalog', city.slug);
    if (existsSync(catalogDir)) {
      const synced = await syncCatalogDirectory({ db, dir: catalogDir, references: { teamIds: city.teams.map((t) => t.id) } }).catch((error: Error) => {
        throw new StartupError(`The product catalogue in ${catalogDir} is not valid: ${error.message}`, { cause: error });
      });
      progress(`product catalogue: ${synced.created.length} new, ${synced.updated.length} updated, ${synced.unchanged.length} unchanged`);
    } else {
      progress(`no product catalogue at ${catalogDir}: the portal shows no products (set GASTVRIJ_CATALOG_DIR)`);
    }
    if (config.demo) await runSeeders({ db, mail, clock: systemClock, city, config }, demoSeeders(config), progress);

    app = await buildApp({ config, db, city, clock: systemClock, jobs, mail, isShuttingDown: () => shuttingDown, logger, sweeps: true });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new StartupError(`Port ${config.port} is already in use. Stop the program that uses it, or set another port: PORT=${config.port + 1} npm start`);
      }
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    const running = app;
    let stopping: Promise<void> | null = null;
    return {
      app: running,
      url,
      city,
      stop: (reason = 'stop') => {
        stopping ??= (async () => {
          logger.info({ reason }, 'shutting down: draining requests, then jobs');
          await shutdown();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await shutdown();
    throw error;
  }
};
