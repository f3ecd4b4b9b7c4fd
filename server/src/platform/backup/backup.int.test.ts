import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createEmptyDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { systemClock } from '../clock.ts';
import { createDb } from '../db/database.ts';
import { migrate, migrationsDir } from '../db/migrate.ts';
import { createJobs } from '../jobs/jobs.ts';
import { createMailService } from '../mail/mail.service.ts';
import { createBackup } from './backup.ts';
import { BackupError } from './backup-format.ts';
import { excludedSchemas, listUserRelations } from './database-objects.ts';
import { restoreBackup } from './restore.ts';

const awkward = ['Ünïcödé: Harelbeke – ’s Gravenbrakel, 漢字, 🎉, עברית', 'two\nlines\r\nand a tab\there', 'back\\slash \\N \\. and a lone', '\\.', ''];

/**
 * A migration only this test knows, with the column types, defaults and constraints a backup must
 * carry across unchanged: identity and serial sequences, a generated column, a self-reference,
 * binary, JSON, arrays, special floats, intervals, text search vectors.
 */
const awkwardTypesMigration = `CREATE TABLE test_awkward (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  serial_no serial,
  parent_id bigint REFERENCES test_awkward (id),
  label text,
  label_length integer GENERATED ALWAYS AS (length(label)) STORED,
  payload bytea,
  doc jsonb,
  amount numeric(14, 4),
  ratio double precision,
  tags text[],
  day date,
  at_time time,
  span interval,
  at timestamptz,
  local_at timestamp,
  flag boolean,
  address inet,
  words tsvector
);`;

const awkwardRows = `
INSERT INTO test_awkward (label, payload, doc, amount, ratio, tags, day, at_time, span, at, local_at, flag, address, words) VALUES
  (E'root\\twith\\ttabs\\nand \\\\ backslash', '\\x00ff5c0a0d'::bytea, '{"a": "tab\\t", "b": null, "c": [1, 2.5], "é": "ü"}', 12345678.1234, 'NaN', ARRAY['a,b', '"q"', 'back\\slash', NULL],
   '2026-03-29', '02:30', '1 year 2 mons 3 days 04:05:06.789', '2026-10-25 02:30:00+02', '2026-03-29 02:30', true, '192.168.0.1/24', to_tsvector('simple', 'hallo wereld'));
INSERT INTO test_awkward (parent_id, label, ratio, amount, at) SELECT id, '漢字 🎉', 'Infinity', -0.0001, '0001-01-01 00:00:00+00' FROM test_awkward;
INSERT INTO test_awkward (parent_id, label, ratio, at) SELECT max(id), '', 1e-300, 'infinity' FROM test_awkward;
INSERT INTO test_awkward DEFAULT VALUES;
SELECT nextval('test_awkward_serial_no_seq');`;

/** Every row of every backed-up table, as PostgreSQL prints it, in a stable order, and where each sequence stands. */
const snapshot = async (url: string): Promise<Record<string, string[]>> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema <> ALL($1::text[])
        ORDER BY 1, 2`,
      [excludedSchemas.map((e) => e.schema)],
    );
    const result: Record<string, string[]> = {};
    for (const t of tables) {
      const name = `${client.escapeIdentifier(t.schema)}.${client.escapeIdentifier(t.name)}`;
      const { rows } = await client.query<{ r: string }>(`SELECT x::text AS r FROM ${name} AS x ORDER BY x::text COLLATE "C"`);
      result[`${t.schema}.${t.name}`] = rows.map((r) => r.r);
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences WHERE schemaname <> ALL($1::text[]) ORDER BY 1`,
      [excludedSchemas.map((e) => e.schema)],
    );
    for (const s of sequences) {
      const { rows } = await client.query<{ r: string }>(`SELECT last_value::text || ' ' || is_called::text AS r FROM ${s.name}`);
      result[`sequence ${s.name}`] = rows.map((r) => r.r);
    }
    return result;
  } finally {
    await client.end();
  }
};

/** Rewrites the decompressed content of a backup: header (JSON) and the data after it. */
const rewrite = async (from: string, to: string, edit: (header: Record<string, unknown>, data: Buffer) => { header: unknown; data: Buffer }) => {
  const raw = gunzipSync(await readFile(from));
  const first = raw.indexOf(10);
  const second = raw.indexOf(10, first + 1);
  const header = JSON.parse(raw.subarray(first + 1, second).toString('utf8'));
  const edited = edit(header, raw.subarray(second + 1));
  await writeFile(to, gzipSync(Buffer.concat([raw.subarray(0, first + 1), Buffer.from(`${JSON.stringify(edited.header)}\n`), edited.data])));
};

const sql = async (url: string, text: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

const relationsOf = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await listUserRelations(client);
  } finally {
    await client.end();
  }
};

describe('backup and restore', () => {
  let source: TestApp;
  let folder: string;
  let file: string;
  let migrations: string;
  const targets: TestDatabase[] = [];
  const emptyTarget = async () => {
    const db = await createEmptyDatabase();
    targets.push(db);
    return db;
  };

  beforeAll(async () => {
    // No workers: the mail stays `queued`, so the backup holds unsent mail that a restore must deliver.
    source = await createTestApp({ workers: false });
    folder = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-backup-test-'));
    file = path.join(folder, 'gastvrij.backup');
    migrations = path.join(folder, 'migrations');
    await cp(migrationsDir, migrations, { recursive: true });
    await writeFile(path.join(migrations, '209912312359_test_awkward-types.sql'), awkwardTypesMigration);
    await migrate(source.database.url, { dir: migrations });
    await sql(source.database.url, awkwardRows);
    for (const [i, text] of awkward.entries()) {
      await source.mail.send({ to: `bewoner${i}@example.org`, subject: text.split('\n')[0] ?? '', text, language: 'fr' });
    }
    await source.db
      .insertInto('mail_outbox')
      .values([
        {
          to_address: 'sent@example.org',
          subject: 'Al verstuurd',
          text_body: 'tab\there\\',
          html_body: '<p>Hallo\n<b>wereld</b></p>',
          status: 'sent',
          attempts: 2,
          last_error: null,
          message_id: '<id@example.org>',
          created_at: new Date('2026-03-29T00:59:59.123Z'),
          sent_at: new Date('2026-10-25T01:00:00.000Z'),
        },
        {
          to_address: 'failed@example.org',
          subject: 'Mislukt',
          text_body: 'x',
          html_body: null,
          status: 'failed',
          attempts: 5,
          last_error: 'connect ECONNREFUSED\n\tat somewhere',
          created_at: new Date('1999-12-31T23:59:59.999Z'),
        },
      ])
      .execute();
  });

  afterAll(async () => {
    for (const t of targets) await t.drop();
    await source?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('gives back every row of every table in an empty database, and delivers the unsent mail', async () => {
    const progress: string[] = [];
    const made = await createBackup(source.database.url, file, { progress: (m) => progress.push(m) });
    expect(made.header.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(expect.arrayContaining(['public.mail_outbox', 'public.schema_migrations']));
    expect(made.header.tables.some((t) => t.schema === 'pgboss')).toBe(false);
    expect(progress).toContain(`backing up public.mail_outbox (${awkward.length + 2} rows)`);
    expect((await readdir(folder)).filter((f) => f.includes('gastvrij.backup'))).toEqual(['gastvrij.backup']);

    const target = await emptyTarget();
    const restored = await restoreBackup(target.url, file, { progress: (m) => progress.push(m), migrationsDir: migrations });
    expect(restored.requeuedMail).toBe(awkward.length);
    expect(progress).toContain(`restoring public.mail_outbox (${awkward.length + 2} rows)`);

    const before = await snapshot(source.database.url);
    const after = await snapshot(target.url);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(before['public.mail_outbox']).toHaveLength(awkward.length + 2);
    expect(before['public.test_awkward']).toHaveLength(4);
    expect(before['sequence public.test_awkward_serial_no_seq']).toEqual(['5 true']);
    expect(after).toEqual(before);
    const texts = await createDb(target.url, { max: 1 });
    try {
      const bodies = await texts.db.selectFrom('mail_outbox').select('text_body').execute();
      expect(bodies.map((b) => b.text_body)).toEqual(expect.arrayContaining(awkward));
    } finally {
      await texts.db.destroy();
    }

    // The restored database works with the app: a worker picks up the re-queued mail and delivers it.
    const { db } = createDb(target.url, { max: 2 });
    const jobs = createJobs({ connectionString: target.url, logger: pino({ level: 'silent' }), workers: true });
    createMailService({ db, jobs, clock: systemClock, smtpUrl: null, from: 'test@example.org' });
    await jobs.start();
    try {
      await expect
        .poll(async () => (await db.selectFrom('mail_outbox').select('id').where('status', '=', 'queued').execute()).length, { timeout: 20_000, interval: 250 })
        .toBe(0);
    } finally {
      await jobs.stop(2_000);
      await db.destroy();
    }
  });

  it('refuses to overwrite an existing file, and writes nothing half', async () => {
    await expect(createBackup(source.database.url, file)).rejects.toThrow(/already exists.*--force/);
    expect((await readdir(folder)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses a database that is not empty', async () => {
    const error = await restoreBackup(source.database.url, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/is not empty .* restore only writes into an empty database/);
  });

  it('refuses a cut-off file and leaves the database empty', async () => {
    const whole = await readFile(file);
    const cut = path.join(folder, 'cut.backup');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await emptyTarget();
    await expect(restoreBackup(target.url, cut, { migrationsDir: migrations })).rejects.toThrow(/damaged or incomplete.*Nothing was restored/);
    expect(await relationsOf(target.url)).toEqual([]);
  });

  it('refuses a damaged file and leaves the database empty', async () => {
    const damaged = Buffer.from(await readFile(file));
    for (let i = 0; i < 20; i++) {
      const at = Math.floor(damaged.length / 2) + i;
      damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    }
    const bad = path.join(folder, 'damaged.backup');
    await writeFile(bad, damaged);
    const target = await emptyTarget();
    await expect(restoreBackup(target.url, bad, { migrationsDir: migrations })).rejects.toThrow(/damaged or incomplete/);
    expect(await relationsOf(target.url)).toEqual([]);

    const notABackup = path.join(folder, 'notes.txt');
    await writeFile(notABackup, 'hello');
    await expect(restoreBackup(target.url, notABackup, { migrationsDir: migrations })).rejects.toThrow(/damaged or incomplete/);
    await expect(restoreBackup(target.url, path.join(folder, 'missing.backup'))).rejects.toThrow(/Cannot read the backup file .*ENOENT/);
  });

  it('refuses a backup of a newer schema than this Gastvrij knows', async () => {
    const newer = path.join(folder, 'newer.backup');
    await rewrite(file, newer, (header, data) => ({
      header: {
        ...header,
        gastvrijVersion: '9.0.0',
        migrations: [...(header.migrations as object[]), { version: '209901010000', name: 'future_table', checksum: 'x' }],
      },
      data,
    }));
    const target = await emptyTarget();
    await expect(restoreBackup(target.url, newer, { migrationsDir: migrations })).rejects.toThrow(
      /newer database schema .*209901010000_future_table.*Gastvrij 9\.0\.0 or newer/,
    );
    expect(await relationsOf(target.url)).toEqual([]);
  });

  it('undoes everything when the data does not fit the schema', async () => {
    const invalid = path.join(folder, 'invalid.backup');
    // Same length, so the frames stay intact: only PostgreSQL's CHECK constraint can notice.
    await rewrite(file, invalid, (header, data) => ({ header, data: Buffer.from(data.toString('latin1').replace('\tqueued\t', '\tbogus1\t'), 'latin1') }));
    const target = await emptyTarget();
    await expect(restoreBackup(target.url, invalid, { migrationsDir: migrations })).rejects.toThrow(
      /failed and was undone, the database is empty again: .*check constraint/,
    );
    expect(await relationsOf(target.url)).toEqual([]);
    // And it can simply be run again with a good file.
    await restoreBackup(target.url, file, { migrationsDir: migrations });
    expect(await snapshot(target.url)).toEqual(await snapshot(source.database.url));
  });

  it('writes files only people with the same account can read', async () => {
    expect(existsSync(file)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
