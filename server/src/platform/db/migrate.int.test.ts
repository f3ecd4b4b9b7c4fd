import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { MigrationError, migrate, migrationsDir, readMigrations } from './migrate.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const emptyDatabase = async (): Promise<TestDatabase> => {
  const database = await createEmptyDatabase();
  cleanups.push(database.drop);
  return database;
};

/** A migrations folder of the test's own, starting from the given files. */
const migrationsFolder = async (files: Record<string, string>, options: { withReal?: boolean } = {}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  if (options.withReal) await cp(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
  return dir;
};

const query = async <T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
};

const tableExists = async (url: string, table: string) =>
  (await query<{ exists: boolean }>(url, `SELECT to_regclass('public.${table}') IS NOT NULL AS exists`))[0]?.exists;

describe('migrate', () => {
  it('applies each migration exactly once when two instances start at the same time', async () => {
    const database = await emptyDatabase();
    // The slow migration keeps the first instance busy while the second one arrives; applying it
    // twice would fail on CREATE TABLE.
    const dir = await migrationsFolder({ '209912312359_test_slow-marker.sql': 'SELECT pg_sleep(1);\nCREATE TABLE slow_marker (id int);' }, { withReal: true });
    const known = await readMigrations(dir);

    const [first, second] = await Promise.all([migrate(database.url, { dir }), migrate(database.url, { dir })]);

    expect([first.applied.length, second.applied.length].sort()).toEqual([0, known.length]);
    expect(first.alreadyApplied + second.alreadyApplied).toBe(known.length);
    const rows = await query<{ version: string; n: number }>(
      database.url,
      'SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(rows).toEqual(known.map((m) => ({ version: m.version, n: 1 })));
    expect(await tableExists(database.url, 'slow_marker')).toBe(true);
    expect(await tableExists(database.url, 'mail_outbox')).toBe(true);

    // Later starts find nothing to do.
    expect(await migrate(database.url, { dir })).toEqual({ applied: [], alreadyApplied: known.length });
  });

  it('rolls a failing migration back completely and names its file', async () => {
    const database = await emptyDatabase();
    const dir = await migrationsFolder({
      '202001010000_test_good.sql': 'CREATE TABLE good (id int);',
      '202001010001_test_bad.sql': 'CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\nINSERT INTO no_such_table VALUES (1);',
      '202001010002_test_later.sql': 'CREATE TABLE later (id int);',
    });

    const error = await migrate(database.url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/^Migration 202001010001_test_bad\.sql failed \(line 3\) and was rolled back.*no_such_table/);
    expect((error as Error).message).not.toContain('\n');

    expect(await tableExists(database.url, 'good')).toBe(true);
    expect(await tableExists(database.url, 'half')).toBe(false);
    expect(await tableExists(database.url, 'later')).toBe(false);
    expect(await query(database.url, 'SELECT version FROM schema_migrations')).toEqual([{ version: '202001010000' }]);

    // Once the file is fixed, the next start carries on where the last one stopped.
    await writeFile(path.join(dir, '202001010001_test_bad.sql'), 'CREATE TABLE half (id int);');
    expect((await migrate(database.url, { dir })).applied).toEqual(['202001010001_test_bad', '202001010002_test_later']);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const database = await emptyDatabase();
    const dir = await migrationsFolder({ '202001010000_test_people.sql': 'CREATE TABLE people (id int);' });
    await migrate(database.url, { dir });
    await writeFile(path.join(dir, '202001010000_test_people.sql'), 'CREATE TABLE people (id int, name text);');
    await writeFile(path.join(dir, '202001010001_test_next.sql'), 'CREATE TABLE next_one (id int);');

    await expect(migrate(database.url, { dir })).rejects.toThrow(/^Migration 202001010000_test_people\.sql was changed after it was applied/);
    expect(await tableExists(database.url, 'next_one')).toBe(false);
  });

  it('refuses a database that is ahead of this version of Gastvrij', async () => {
    const database = await emptyDatabase();
    const dir = await migrationsFolder({ '202001010000_test_people.sql': 'CREATE TABLE people (id int);' });
    await migrate(database.url, { dir });
    const older = await migrationsFolder({});
    await expect(migrate(database.url, { dir: older })).rejects.toThrow(/has migration 202001010000_test_people, which this version of Gastvrij does not know/);
  });

  it('refuses a badly named migration file instead of skipping it', async () => {
    const dir = await migrationsFolder({ '2020_people.sql': 'SELECT 1;' });
    await expect(readMigrations(dir)).rejects.toThrow(/2020_people\.sql is not named <YYYYMMDDHHMM>_<module>_<change>\.sql/);
  });
});
