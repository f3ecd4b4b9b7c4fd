import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { prepareRepeatedStatements } from './prepared.ts';
import type { DB } from './types.ts';

/** The typed database handle passed to every repository; never a global. */
export type Db = Kysely<DB>;

// int8 (bigint) and numeric come back as strings by default; counts fit in a JS number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
// `date` stays a 'YYYY-MM-DD' string: a calendar date has no time zone and must not shift.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

const pools = new WeakMap<Db, pg.Pool>();

/** The pool a Kysely instance of `createDb` runs on; undefined for a transaction or another instance. */
export const poolOf = (db: Db): pg.Pool | undefined => pools.get(db);

/**
 * Opens a pool and a Kysely instance on it. `max` is per process; several instances share one server.
 * The connections are in pipeline mode (pg's `pipeline: true`): a connection used by one query at
 * a time behaves as usual, and `pipelined` (pipelined.ts) can send several statements at once.
 * A statement a connection runs again and again is prepared on the server (prepared.ts).
 */
export const createDb = (connectionString: string, options: { max?: number; applicationName?: string } = {}): { db: Db; pool: pg.Pool } => {
  const pool = new pg.Pool({
    connectionString,
    pipeline: true,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'gastvrij',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server (restart, failover) emits here; without a listener it would crash the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => prepareRepeatedStatements(client));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return { db, pool };
};

/** Replaces the database name of a connection string. */
export const withDatabase = (connectionString: string, database: string): string => {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
};

/** Describes a connection string without its password, for logs and messages. */
export const redactUrl = (connectionString: string): string => {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(invalid URL)';
  }
};
