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
 *
 * With `commitWithStatements`, COMMIT goes out in the same write as the statements, so the whole
 * transaction costs one round trip. That changes the contract: the database alone decides the
 * outcome. `work` must issue every statement before it awaits anything (no statement waits for
 * another's answer or for other I/O) and cannot veto the commit once answers arrive: a check must
 * be a statement that fails (a constraint), which aborts the transaction so COMMIT is answered
 * with ROLLBACK. Code that awaits something of its own before it issues a statement on the
 * transaction (pg-boss looks up its queue) takes a `holdCommit` meanwhile; while any is held when
 * the write leaves, COMMIT waits for the answers as without the option. A statement issued after
 * COMMIT went out is refused, and the work's failure after a COMMIT that committed is an error.
 */
export const pipelinedTransaction = <T>(db: Db, work: (trx: Db) => Promise<T>, options: { commitWithStatements?: boolean } = {}): Promise<T> =>
  run(db, work, options.commitWithStatements ? 'with-statements' : 'after-answers');

/**
 * For code that awaits something of its own before it issues a statement on `db`: while held, a
 * pipelined transaction on `db` does not send its COMMIT with the statements. Call the returned
 * release right before issuing the statement (or when giving up). On any other `db`, a no-op.
 */
export const holdCommit = (db: Db): (() => void) => {
  const batch = batches.get(db);
  if (!batch) return () => {};
  batch.pending++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    batch.pending--;
  };
};

type PipelineClient = pg.PoolClient & { connection?: { stream?: { cork?: () => void; uncork?: () => void } } };

/** A pipelined batch: statements begun but not yet sent (plus holds), and whether COMMIT has gone out. */
type Batch = { pending: number; closed: boolean };
const batches = new WeakMap<Db, Batch>();

const run = async <T>(db: Db, work: (batch: Db) => Promise<T>, transaction: false | 'after-answers' | 'with-statements'): Promise<T> => {
  // Inside a transaction already: its statements are part of it. A Kysely of another making: its own transaction.
  if (db.isTransaction) return work(db);
  const pool = poolOf(db);
  if (!pool) return transaction ? db.transaction().execute(work) : work(db);
  const client = (await pool.connect()) as PipelineClient;
  const batch: Batch = { pending: 0, closed: false };
  let broken: Error | undefined;
  try {
    const begun = transaction ? client.query('begin') : Promise.resolve();
    const outcome = (async () => work(bound(client, batch)))();
    let failed = false;
    // Either may fail while the other is awaited: neither is an unhandled rejection meanwhile.
    begun.catch(() => {});
    outcome.catch(() => {
      failed = true;
    });
    // Everything issued before the event loop's next turn leaves in one write. By then every
    // microtask has run: a statement begun without waiting for I/O has been sent.
    let early: Promise<pg.QueryResult> | undefined;
    const stream = client.connection?.stream;
    stream?.cork?.();
    setImmediate(() => {
      if (transaction === 'with-statements' && !failed && batch.pending === 0) {
        early = client.query('commit');
        early.catch(() => {});
        batch.closed = true;
      }
      stream?.uncork?.();
    });
    try {
      await begun;
      const value = await outcome;
      if (transaction) {
        const committed = await (early ?? client.query('commit'));
        // PostgreSQL answers COMMIT with ROLLBACK when a statement failed and the transaction aborted.
        if (committed.command === 'ROLLBACK') throw new Error('the transaction was rolled back by the database');
      }
      return value;
    } catch (error) {
      // The answers still owed arrive in order before the ROLLBACK's (or the early COMMIT's).
      await outcome.catch(() => {});
      if (early) {
        const ended = await early.catch(() => null);
        if (ended?.command === 'COMMIT') {
          throw new Error('the work of a pipelined transaction failed after its COMMIT went out: what it wrote is committed', { cause: error });
        }
      } else if (transaction) {
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
const bound = (client: pg.PoolClient, batch: Batch): Db => {
  const shared = {
    query: (...args: Parameters<pg.PoolClient['query']>) => {
      batch.pending--;
      if (batch.closed) return Promise.reject(new Error('a statement was issued after the COMMIT of its pipelined transaction went out'));
      return (client.query as (...a: unknown[]) => unknown)(...args);
    },
    // The connection goes back to the pool once, when the whole batch is done (`run`).
    release: () => {},
    processID: (client as pg.PoolClient & { processID?: number }).processID,
  };
  const handle = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        // Kysely asks for the connection once per statement, right before sending it: a statement has begun.
        connect: async () => {
          batch.pending++;
          return shared;
        },
        end: async () => {},
      } as unknown as pg.Pool,
    }),
  });
  batches.set(handle, batch);
  return handle;
};
