import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createDb, type Db } from './database.ts';
import { holdCommit, pipelined, pipelinedTransaction } from './pipelined.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createEmptyDatabase();
  db = createDb(database.url, { max: 3 }).db;
  await sql`CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)`.execute(db);
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const backend = (on: Db) => sql<{ pid: number; xid: string }>`SELECT pg_backend_pid() AS pid, txid_current_if_assigned()::text AS xid`.execute(on);
const insert = (on: Db, id: number, name = `item ${id}`) =>
  on
    .insertInto('items' as never)
    .values({ id, name } as never)
    .execute();
const names = async () => (await sql<{ name: string }>`SELECT name FROM items ORDER BY id`.execute(db)).rows.map((row) => row.name);
const clear = () => sql`TRUNCATE items`.execute(db);

describe('pipelined', () => {
  it('runs the statements issued together on one connection, each with its own answer in order', async () => {
    const answers = await pipelined(db, (batch) =>
      Promise.all([backend(batch), sql<{ n: number }>`SELECT 1 AS n`.execute(batch), sql<{ n: number }>`SELECT 2 AS n`.execute(batch), backend(batch)]),
    );
    expect(answers[1].rows[0]?.n).toBe(1);
    expect(answers[2].rows[0]?.n).toBe(2);
    expect(answers[0].rows[0]?.pid).toBe(answers[3].rows[0]?.pid);
  });

  it('answers a failing statement with its error and the others with theirs (no transaction)', async () => {
    await clear();
    const results = await pipelined(db, (batch) => Promise.allSettled([insert(batch, 1), insert(batch, 1), insert(batch, 2)]));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await names()).toEqual(['item 1', 'item 2']);
  });
});

describe('pipelinedTransaction', () => {
  it('commits every statement of the batch in one transaction', async () => {
    await clear();
    const [first, , , last] = await pipelinedTransaction(db, (trx) => Promise.all([backend(trx), insert(trx, 1), insert(trx, 2), backend(trx)]));
    expect(first.rows[0]?.pid).toBe(last.rows[0]?.pid);
    // The transaction id is assigned by the first insert and is the same for every statement after it.
    expect(last.rows[0]?.xid).not.toBeNull();
    expect(await names()).toEqual(['item 1', 'item 2']);
  });

  it('keeps statements issued after awaiting an answer in the same transaction', async () => {
    await clear();
    await pipelinedTransaction(db, async (trx) => {
      await insert(trx, 1);
      const before = await backend(trx);
      await insert(trx, 2);
      const after = await backend(trx);
      expect(after.rows[0]?.xid).toBe(before.rows[0]?.xid);
    });
    expect(await names()).toEqual(['item 1', 'item 2']);
  });

  it('rolls everything back when one statement fails, and rethrows its error', async () => {
    await clear();
    await insert(db, 5, 'there before');
    await expect(pipelinedTransaction(db, (trx) => Promise.all([insert(trx, 1), insert(trx, 5), insert(trx, 2)]))).rejects.toMatchObject({
      code: '23505',
    });
    expect(await names()).toEqual(['there before']);
  });

  it('rolls back when the work throws after its statements were answered', async () => {
    await clear();
    const refusal = new Error('changed my mind');
    await expect(
      pipelinedTransaction(db, async (trx) => {
        await Promise.all([insert(trx, 1), insert(trx, 2)]);
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await names()).toEqual([]);
  });

  it('leaves its connection usable: many transactions after failures on a pool of three', async () => {
    await clear();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        pipelinedTransaction(db, (trx) => Promise.all([insert(trx, 100 + i), i % 3 === 0 ? insert(trx, 100 + i) : insert(trx, 200 + i)])),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(10);
    expect((await names()).length).toBe(40);
  });

  it('runs inside a transaction it is given, as plain statements of that transaction', async () => {
    await clear();
    await expect(
      db.transaction().execute(async (outer) => {
        await pipelinedTransaction(outer, (trx) => Promise.all([insert(trx, 1), insert(trx, 2)]));
        expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM items`.execute(outer)).rows[0]?.n).toBe(2);
        throw new Error('outer rolls back');
      }),
    ).rejects.toThrow('outer rolls back');
    expect(await names()).toEqual([]);
  });
});

describe('pipelinedTransaction with commitWithStatements', () => {
  const eager = { commitWithStatements: true };
  it('commits the statements it issued together, COMMIT going out with them', async () => {
    await clear();
    const [first, , last] = await pipelinedTransaction(db, (trx) => Promise.all([backend(trx), insert(trx, 1), backend(trx)]), eager);
    expect(first.rows[0]?.pid).toBe(last.rows[0]?.pid);
    expect(last.rows[0]?.xid).not.toBeNull();
    expect(await names()).toEqual(['item 1']);
  });

  it('refuses a statement issued after an answer was awaited: COMMIT had gone out, and the failure says so', async () => {
    await clear();
    const late = pipelinedTransaction(
      db,
      async (trx) => {
        await insert(trx, 1);
        await insert(trx, 2);
      },
      eager,
    );
    await expect(late).rejects.toThrow('failed after its COMMIT went out');
    await expect(late).rejects.toMatchObject({ cause: { message: expect.stringContaining('issued after the COMMIT') } });
    // What went out before COMMIT is committed; the late statement never reached the database.
    expect(await names()).toEqual(['item 1']);
  });

  it('rolls everything back when a statement fails, and rethrows its error', async () => {
    await clear();
    await insert(db, 5, 'there before');
    await expect(pipelinedTransaction(db, (trx) => Promise.all([insert(trx, 1), insert(trx, 5), insert(trx, 2)]), eager)).rejects.toMatchObject({
      code: '23505',
    });
    expect(await names()).toEqual(['there before']);
  });

  it('rolls back when the work fails before the write leaves', async () => {
    await clear();
    const refusal = new Error('not this one');
    await expect(
      pipelinedTransaction(
        db,
        (trx) => {
          void insert(trx, 1).catch(() => {});
          throw refusal;
        },
        eager,
      ),
    ).rejects.toBe(refusal);
    expect(await names()).toEqual([]);
  });

  it('waits for the answers before COMMIT while a statement is held back by other I/O (holdCommit)', async () => {
    await clear();
    await pipelinedTransaction(
      db,
      (trx) => {
        const release = holdCommit(trx);
        const held = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          const issued = insert(trx, 2);
          release();
          await issued;
        })();
        return Promise.all([insert(trx, 1), held]);
      },
      eager,
    );
    expect(await names()).toEqual(['item 1', 'item 2']);
  });

  it('leaves its connection usable after failures, on a pool of three', async () => {
    await clear();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        pipelinedTransaction(db, (trx) => Promise.all([insert(trx, 100 + i), i % 3 === 0 ? insert(trx, 100 + i) : insert(trx, 200 + i)]), eager),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(10);
    expect((await names()).length).toBe(40);
  });
});
