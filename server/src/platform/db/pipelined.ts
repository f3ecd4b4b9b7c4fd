import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { type Db, poolOf } from './database.ts';
import type { DB } from './types.ts';

/**
 * PostgreSQL pipelining (pg's `pipeline: true`, on every connection of `createDb`): statements
 * issued together on one connection are sent without waiting for each other's answers, in one
 * write, and answered in order. On a machine where each round trip to the database costs a
 * system call and a wake-up on both sides, a submission's seven statements then cost two round
 * trips instead of seven (ADR 0005).
 *
 * `work` gets a Kysely handle bound to one connection. Statements it issues together
 * (`Promise.all`) go out together; a statement issued after awaiting another one simply goes out
 * later, so sequential code stays correct, only slower. Kysely's own transaction handle cannot be
 * used for this: it runs its statements one after the other.
 *
 * On a handle that is a transaction already, `work` runs as part of it; on a Kysely instance not made
 * by `createDb`, without pipelining.
 */
export const pipelined = <T>(db: Db, work: (batch: Db) => Promise<T>): Promise<T> => run(db, work, false);

/**
 * As `pipelined`, inside one transaction: BEGIN goes out with the first statements and COMMIT
 * once every statement of `work` is answered; any failure rolls everything back and is rethrown.
 * Statements that depend on another's result must await it (or use values known beforehand,
 * such as ids made in the application).
 */
export const pipelinedTransaction = <T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> => run(db, work, true);

type PipelineClient = pg.PoolClient & { connection?: { stream?: { cork?: () => void; uncork?: () => void } } };

const run = async <T>(db: Db, work: (batch: Db) => Promise<T>, transaction: boolean): Promise<T> => {
  // Inside a transaction already: its statements are part of it. A Kysely of another making: its own transaction.
  if (db.isTransaction) return work(db);
  const pool = poolOf(db);
  if (!pool) return transaction ? db.transaction().execute(work) : work(db);
  const client = (await pool.connect()) as PipelineClient;
  let broken: Error | undefined;
  try {
    // Everything issued before the event loop's next turn leaves in one write.
    const stream = client.connection?.stream;
    if (stream?.cork && stream.uncork) {
      stream.cork();
      setImmediate(() => stream.uncork?.());
    }
    const begun = transaction ? client.query('begin') : Promise.resolve();
    const outcome = (async () => work(bound(client)))();
    // Either may fail while the other is awaited: neither is an unhandled rejection meanwhile.
    begun.catch(() => {});
    outcome.catch(() => {});
    try {
      await begun;
      const value = await outcome;
      if (transaction) {
        const committed = await client.query('commit');
        // PostgreSQL answers COMMIT with ROLLBACK when a statement failed and the transaction aborted.
        if (committed.command === 'ROLLBACK') throw new Error('the transaction was rolled back by the database');
      }
      return value;
    } catch (error) {
      // The answers still owed arrive in order before the ROLLBACK's.
      await outcome.catch(() => {});
      if (transaction) {
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    }
  } finally {
    client.release(broken);
  }
};

/** A Kysely handle whose every statement runs on `client`, none waiting for the previous one to be answered. */
const bound = (client: pg.PoolClient): Db => {
  const shared = {
    query: client.query.bind(client),
    // The connection goes back to the pool once, when the whole batch is done (`run`).
    release: () => {},
    processID: (client as pg.PoolClient & { processID?: number }).processID,
  };
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: { connect: async () => shared, end: async () => {} } as unknown as pg.Pool }),
  });
};
