import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { loadCityProfile } from '../city/city-profile.loader.ts';
import { type Config, loadConfig } from '../config/config.ts';
import { redactUrl } from '../db/database.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../db/embedded.ts';
import { readMigrations } from '../db/migrate.ts';
import { type Check, type DoctorReport, minimumNode, nodeVersionSupported, postgresVersionSupported, summarise } from './doctor.rules.ts';
import { inspectEmbedded } from './embedded-state.ts';

type Progress = (message: string) => void;

const errorText = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  return e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message;
};

const checkNode = (version: string, execPath: string): Check => {
  const bundled = execPath.includes(`${path.sep}node_modules${path.sep}`);
  if (nodeVersionSupported(version)) {
    return { name: 'node', status: 'ok', detail: `Node.js ${version}${bundled ? ' (installed by npm ci from the npm registry)' : ''}.` };
  }
  return {
    name: 'node',
    status: 'fail',
    detail: `Node.js ${version} is too old; Gastvrij needs ${minimumNode.join('.')} or newer.`,
    fix: 'run `npm ci` (it installs Node 24 from the npm registry) or install Node.js 24 LTS.',
  };
};

/** Where the database is and, when the doctor had to start the embedded one, how to stop it again. */
type Reached = { url: string; stop?: () => Promise<void> } | null;

const describeServer = async (url: string) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; text: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`,
    );
    return { num: Number(rows[0]?.num ?? 0), text: rows[0]?.text ?? '?' };
  } finally {
    await client.end().catch(() => {});
  }
};

const checkDatabase = async (config: Config, progress: Progress): Promise<{ check: Check; reached: Reached; extra?: Check }> => {
  const name = 'database';
  const version = async (url: string, where: string): Promise<{ check: Check; reached: Reached }> => {
    const server = await describeServer(url);
    if (!postgresVersionSupported(server.num)) {
      return {
        check: {
          name,
          status: 'fail',
          detail: `${where} is PostgreSQL ${server.text}; Gastvrij needs 15 or newer.`,
          fix: 'upgrade PostgreSQL, or unset DATABASE_URL to use the embedded PostgreSQL.',
        },
        reached: null,
      };
    }
    return { check: { name, status: 'ok', detail: `${where} answers: PostgreSQL ${server.text}.` }, reached: { url } };
  };

  if (config.databaseUrl) {
    try {
      return await version(config.databaseUrl, redactUrl(config.databaseUrl));
    } catch (error) {
      return {
        check: {
          name,
          status: 'fail',
          detail: `cannot reach PostgreSQL at ${redactUrl(config.databaseUrl)} (${errorText(error)}).`,
          fix: 'check that the server runs and that DATABASE_URL (host, port, user, password, database) is right, or unset DATABASE_URL to use the embedded PostgreSQL.',
        },
        reached: null,
      };
    }
  }

  const state = await inspectEmbedded(config.dataDir);
  if (!state.initialised) {
    return {
      check: { name, status: 'ok', detail: `the embedded PostgreSQL is not created yet; \`gastvrij start\` creates it under ${config.dataDir}.` },
      reached: null,
    };
  }
  if (state.server && state.url) {
    const orphan: Check | undefined = state.owner
      ? undefined
      : {
          name: 'embedded database',
          status: 'warn',
          detail: `a PostgreSQL (pid ${state.server.pid}) left by a Gastvrij that did not shut down still runs on ${config.dataDir}.`,
          fix: `\`gastvrij start\` stops it and starts cleanly; or stop it yourself: kill ${state.server.pid}.`,
        };
    try {
      const where = state.owner ? `the embedded PostgreSQL of the running Gastvrij (pid ${state.owner})` : 'the embedded PostgreSQL';
      return { ...(await version(state.url, where)), ...(orphan ? { extra: orphan } : {}) };
    } catch (error) {
      return {
        check: {
          name,
          status: 'fail',
          detail: `the embedded PostgreSQL (pid ${state.server.pid}) does not answer (${errorText(error)}).`,
          fix: 'stop Gastvrij and start it again.',
        },
        reached: null,
        ...(orphan ? { extra: orphan } : {}),
      };
    }
  }
  if (state.owner) {
    return {
      check: {
        name,
        status: 'warn',
        detail: `Gastvrij (pid ${state.owner}) owns ${config.dataDir} but its PostgreSQL does not run (yet).`,
        fix: 'wait until it has started, or stop it and start again.',
      },
      reached: null,
    };
  }
  let embedded: EmbeddedDatabase;
  try {
    progress('starting the embedded PostgreSQL to check it');
    embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedPgPort });
  } catch (error) {
    return { check: { name, status: 'fail', detail: errorText(error) }, reached: null };
  }
  try {
    const result = await version(embedded.url, 'the embedded PostgreSQL');
    return { check: result.check, reached: { url: embedded.url, stop: embedded.stop } };
  } catch (error) {
    await embedded.stop().catch(() => {});
    return { check: { name, status: 'fail', detail: `the embedded PostgreSQL started but does not answer (${errorText(error)}).` }, reached: null };
  }
};

const checkMigrations = async (url: string): Promise<Check> => {
  const name = 'migrations';
  const known = await readMigrations();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows: table } = await client.query<{ found: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS found`);
    if (!table[0]?.found) {
      return {
        name,
        status: 'warn',
        detail: `the database has no schema yet (${known.length} migrations to apply).`,
        fix: '`gastvrij start` or `gastvrij migrate` applies them.',
      };
    }
    const { rows } = await client.query<{ version: string; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations');
    const byVersion = new Map(known.map((m) => [m.version, m]));
    const unknown = rows.find((r) => !byVersion.has(r.version));
    if (unknown) {
      return {
        name,
        status: 'fail',
        detail: `the database has migration ${unknown.version}_${unknown.name}, which this Gastvrij does not know: it was upgraded by a newer version.`,
        fix: 'run the newer Gastvrij (migrations are forward-only; a downgrade needs a backup of the old version).',
      };
    }
    const changed = rows.find((r) => byVersion.get(r.version)?.checksum !== r.checksum);
    if (changed) {
      return {
        name,
        status: 'fail',
        detail: `migration ${changed.version}_${changed.name} was changed after it was applied.`,
        fix: 'restore the original migration file and put the change in a new migration.',
      };
    }
    const applied = new Set(rows.map((r) => r.version));
    const pending = known.filter((m) => !applied.has(m.version)).map((m) => `${m.version}_${m.name}`);
    if (pending.length > 0) {
      return {
        name,
        status: 'warn',
        detail: `${pending.length} pending: ${pending.join(', ')}.`,
        fix: '`gastvrij migrate` applies them (`gastvrij start` does too).',
      };
    }
    return { name, status: 'ok', detail: `all ${known.length} applied.` };
  } finally {
    await client.end().catch(() => {});
  }
};

const checkSmtp = async (config: Config): Promise<Check> => {
  if (!config.smtpUrl) return { name: 'smtp', status: 'ok', detail: 'SMTP_URL is not set: mail is kept in the database and shown at /werk/mail.' };
  const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 5_000 });
  try {
    await transport.verify();
    return { name: 'smtp', status: 'ok', detail: `${redactUrl(config.smtpUrl)} accepts a connection and the login.` };
  } catch (error) {
    return {
      name: 'smtp',
      status: 'fail',
      detail: `${redactUrl(config.smtpUrl)} does not work (${errorText(error)}).`,
      fix: 'check the host, port, user and password in SMTP_URL (smtps:// for port 465), and that this machine may reach the mail server.',
    };
  } finally {
    transport.close();
  }
};

const checkWebBuild = (config: Config): Check => {
  const index = path.join(config.webDist, 'index.html');
  if (existsSync(index)) return { name: 'web build', status: 'ok', detail: `${config.webDist} is there.` };
  return {
    name: 'web build',
    // The API works without it; only in production is a missing portal a fault.
    status: config.env === 'production' ? 'fail' : 'warn',
    detail: `no ${index}: the API works, the portal and staff pages are not served.`,
    fix: 'run `npm run build`, or set GASTVRIJ_WEB_DIST to the folder of the build.',
  };
};

const listenable = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });

const checkPort = async (config: Config): Promise<Check> => {
  if (config.port === 0) return { name: 'port', status: 'ok', detail: 'PORT=0: a free port is picked at start.' };
  const host = config.host === 'localhost' ? '127.0.0.1' : config.host;
  if (await listenable(config.port, host)) return { name: 'port', status: 'ok', detail: `${host}:${config.port} is free.` };
  try {
    const response = await fetch(`http://127.0.0.1:${config.port}/health/live`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { status?: string };
    if (response.ok && body.status === 'ok')
      return { name: 'port', status: 'ok', detail: `port ${config.port} is in use by a running Gastvrij (it answers /health/live).` };
  } catch {
    // Not a Gastvrij: fall through to the problem.
  }
  return {
    name: 'port',
    status: 'fail',
    detail: `port ${config.port} on ${host} is in use by another program.`,
    fix: `stop that program, or start Gastvrij on another port: PORT=${config.port + 1}.`,
  };
};

/**
 * Checks what a start needs, in the order a start needs it, and says for each problem how to fix
 * it: Node.js, configuration, city profile, database (and the embedded database's state), pending
 * migrations, SMTP, the web build and the port. Checks that depend on a failed one are skipped.
 */
export const runDoctor = async (
  options: { env?: NodeJS.ProcessEnv; cwd?: string; nodeVersion?: string; execPath?: string; progress?: Progress } = {},
): Promise<DoctorReport> => {
  const progress = options.progress ?? (() => {});
  const checks: Check[] = [checkNode(options.nodeVersion ?? process.versions.node, options.execPath ?? process.execPath)];
  let config: Config;
  try {
    config = loadConfig(options.env ?? process.env, options.cwd ?? process.cwd());
    checks.push({
      name: 'configuration',
      status: 'ok',
      detail: `valid (NODE_ENV=${config.env}, ${config.databaseUrl ? 'DATABASE_URL set' : `embedded PostgreSQL under ${config.dataDir}`}).`,
    });
  } catch (error) {
    checks.push({ name: 'configuration', status: 'fail', detail: (error as Error).message });
    for (const name of ['city profile', 'database', 'migrations', 'smtp', 'web build', 'port']) {
      checks.push({ name, status: 'skip', detail: 'not checked: the configuration is invalid.' });
    }
    return summarise(checks);
  }

  try {
    const city = await loadCityProfile(config.cityProfilePath);
    checks.push({ name: 'city profile', status: 'ok', detail: `${city.name.nl} (${config.cityProfilePath}).` });
  } catch (error) {
    checks.push({
      name: 'city profile',
      status: 'fail',
      detail: (error as Error).message,
      fix: 'correct the file, or point GASTVRIJ_CITY_PROFILE at another one.',
    });
  }

  const database = await checkDatabase(config, progress);
  checks.push(database.check);
  if (database.extra) checks.push(database.extra);
  try {
    if (database.reached) {
      checks.push(
        await checkMigrations(database.reached.url).catch(
          (error): Check => ({ name: 'migrations', status: 'fail', detail: `cannot read schema_migrations (${errorText(error)}).` }),
        ),
      );
    } else {
      checks.push({ name: 'migrations', status: 'skip', detail: 'not checked: no database to look at.' });
    }
  } finally {
    await database.reached?.stop?.().catch(() => {});
  }

  checks.push(await checkSmtp(config));
  checks.push(checkWebBuild(config));
  checks.push(await checkPort(config));
  return summarise(checks);
};
