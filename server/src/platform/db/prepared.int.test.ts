import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createDb, type Db } from './database.ts';
import { pipelinedTransaction } from './pipelined.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createEmptyDatabase();
  // One connection: what it prepared is visible to the next statement.
  db = createDb(database.url, { max: 1 }).db;
  await sql`CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)`.execute(db);
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const prepared = async () =>
  (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'gv%' ORDER BY name`.execute(db)).rows.map(
    (row) => row.statement,
  );
const byId = (id: number) => sql<{ name: string }>`select "name" from "items" where "id" = ${id}`.execute(db).then((result) => result.rows[0]);

describe('prepareRepeatedStatements', () => {
  it('prepares a statement on its fifth run on a connection, and answers as before', async () => {
    await db
      .insertInto('items' as never)
      .values([
        { id: 1, name: 'een' },
        { id: 2, name: 'twee' },
      ] as never)
      .execute();
    for (let i = 0; i < 4; i++) expect(await byId(1)).toEqual({ name: 'een' });
    expect((await prepared()).some((text) => text.includes('"items"'))).toBe(false);
    expect(await byId(2)).toEqual({ name: 'twee' });
    expect((await prepared()).filter((text) => text.includes('select "name" from "items"'))).toHaveLength(1);
    // Later runs use it: still one statement, right answers for other values.
    for (const [id, name] of [
      [1, 'een'],
      [2, 'twee'],
      [3, undefined],
    ] as const)
      expect((await byId(id))?.name).toBe(name);
    expect((await prepared()).filter((text) => text.includes('select "name" from "items"'))).toHaveLength(1);
  });

  it('leaves statements without parameters, and texts that run once, unprepared', async () => {
    for (let i = 0; i < 6; i++) await sql`SELECT count(*) FROM items`.execute(db);
    for (let i = 0; i < 20; i++) await sql`SELECT ${i}::int AS n, ${`x${i}`}::text AS one_off_${sql.raw(String(i))}`.execute(db);
    const texts = await prepared();
    expect(texts.some((text) => text.includes('count(*)'))).toBe(false);
    expect(texts.some((text) => text.includes('one_off'))).toBe(false);
  });

  it('keeps working inside pipelined transactions, also when one of them fails', async () => {
    const insert = (on: Db, id: number) =>
      on
        .insertInto('items' as never)
        .values({ id, name: `item ${id}` } as never)
        .execute();
    for (let i = 10; i < 20; i++) await pipelinedTransaction(db, (trx) => Promise.all([insert(trx, i), insert(trx, i + 100)]));
    // A duplicate key: the whole transaction rolls back; the prepared statement stays usable.
    await expect(pipelinedTransaction(db, (trx) => Promise.all([insert(trx, 30), insert(trx, 10)]))).rejects.toThrow(/duplicate key/);
    await pipelinedTransaction(db, (trx) => Promise.all([insert(trx, 31), insert(trx, 32)]));
    const ids = (await sql<{ id: number }>`SELECT id FROM items WHERE id >= 10 ORDER BY id`.execute(db)).rows.map((row) => row.id);
    expect(ids).toEqual([...Array.from({ length: 10 }, (_, i) => 10 + i), 31, 32, ...Array.from({ length: 10 }, (_, i) => 110 + i)]);
    expect((await prepared()).filter((text) => text.startsWith('insert into "items"'))).toHaveLength(1);
  });
});
