import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pino } from 'pino';
import { systemClock } from '../clock.ts';
import { createDb, redactUrl } from '../db/database.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import { createJobs } from '../jobs/jobs.ts';
import { createMailService, mailQueue } from '../mail/mail.service.ts';
import type { Progress } from './backup.ts';
import { BackupError, type BackupHeader, readBackup } from './backup-format.ts';
import { listUserRelations, notInExtension, notSystemSchema, qualified, setPortableSession } from './database-objects.ts';

/** What a finished restore did. */
export type RestoreResult = { header: BackupHeader; rows: number; newerMigrations: string[]; requeuedMail: number };

type CopyIn = ReturnType<typeof copyFrom>;

/**
 * Restores a backup into an empty database, all or nothing:
 * 1. refuses a database that already has tables, and a backup whose schema this Gastvrij does not
 *    know (made by a newer version) or knows differently;
 * 2. reads the whole file once to check it (gzip checksum, structure, row counts) before writing
 *    anything, so a damaged file leaves the database untouched;
 * 3. applies exactly the migrations the backup recorded, with the app's own migrate(), so the data
 *    meets the schema it was taken from;
 * 4. loads every table in foreign-key order in one transaction, sets the sequences, checks each
 *    table's row count against the header and commits; if that fails, the objects step 3 created
 *    are dropped again so the database is empty, as it was;
 * 5. applies the migrations newer than the backup (an old backup is upgraded the normal way);
 * 6. queues unsent mail again, because the job queue is not part of a backup.
 */
export const restoreBackup = async (
  connectionString: string,
  file: string,
  options: { progress?: Progress; migrationsDir?: string } = {},
): Promise<RestoreResult> => {
  const progress = options.progress ?? (() => {});
  const client = new pg.Client({ connectionString, application_name: 'gastvrij-restore' });
  await client.connect();
  try {
    const existing = await listUserRelations(client);
    if (existing.length > 0) {
      throw new BackupError(
        `The database ${redactUrl(connectionString)} is not empty (${existing.length} tables or other objects, e.g. ${existing.slice(0, 3).join(', ')}); restore only writes into an empty database. Create a new database and point DATABASE_URL at it, or for the embedded PostgreSQL set GASTVRIJ_DATA_DIR to a new folder.`,
      );
    }

    progress(`checking ${file}`);
    const header = await readBackup(file).catch((error: Error) => {
      throw error instanceof BackupError ? new BackupError(`${error.message} Nothing was restored.`, { cause: error }) : error;
    });
    const known = new Map((await readMigrations(options.migrationsDir)).map((m) => [m.version, m]));
    for (const m of header.migrations) {
      const mine = known.get(m.version);
      if (!mine) {
        throw new BackupError(
          `The backup was made by Gastvrij ${header.gastvrijVersion} with a newer database schema than this Gastvrij knows (migration ${m.version}_${m.name}). Restore it with Gastvrij ${header.gastvrijVersion} or newer.`,
        );
      }
      if (mine.checksum !== m.checksum) {
        throw new BackupError(
          `Migration ${m.version}_${m.name} in the backup differs from the one this Gastvrij has. Restore it with the Gastvrij that made it (${header.gastvrijVersion}).`,
        );
      }
    }
    for (const e of header.excluded) progress(`not in the backup: schema ${e.schema} (${e.reason})`);

    const before = await userSchemasAndExtensions(client);
    progress(`creating the schema of the backup (${header.migrations.length} migrations)`);
    const subset = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-restore-'));
    try {
      for (const m of header.migrations) await writeFile(path.join(subset, `${m.version}_${m.name}.sql`), known.get(m.version)?.sql ?? '');
      await migrate(connectionString, { dir: subset });
    } catch (error) {
      await emptyAgain(client, before).catch(() => {});
      throw error;
    } finally {
      await rm(subset, { recursive: true, force: true });
    }

    let rows = 0;
    try {
      rows = await load(client, file, header, progress);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      progress('the restore failed: removing the schema it created');
      await emptyAgain(client, before);
      const cause = error instanceof BackupError ? error.message : `${(error as Error).message}.`;
      throw new BackupError(`Restoring ${file} failed and was undone, the database is empty again: ${cause}`, { cause: error });
    }

    const newer = await migrate(connectionString, { dir: options.migrationsDir, onProgress: progress });
    const requeuedMail = await requeueUnsentMail(connectionString);
    if (requeuedMail > 0) progress(`queued ${requeuedMail} unsent e-mail(s) for delivery again`);
    progress(`restored ${header.tables.length} tables, ${rows} rows, from the backup of ${header.createdAt}`);
    return { header, rows, newerMigrations: newer.applied, requeuedMail };
  } finally {
    await client.end().catch(() => {});
  }
};

/** Loads the data in one transaction and commits only when every table holds the rows the header promises. */
const load = async (client: pg.Client, file: string, header: BackupHeader, progress: Progress): Promise<number> => {
  await setPortableSession(client);
  await client.query('BEGIN');
  // Helps only for constraints declared DEFERRABLE: tables in a foreign-key cycle (see loadOrder).
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  // Migrations may insert reference rows; the backup holds those rows too, as they were. Only tables
  // that hold rows are emptied: the append-only audit log refuses TRUNCATE, and it starts empty.
  const filled: string[] = [];
  for (const t of header.tables) {
    const name = qualified(client, t.schema, t.name);
    const { rowCount } = await client.query(`SELECT 1 FROM ${name} LIMIT 1`);
    if (rowCount) filled.push(name);
  }
  if (filled.length > 0) await client.query(`TRUNCATE ${filled.join(', ')}`);

  let copy: CopyIn | null = null;
  let copyError: Error | null = null;
  try {
    await readBackup(file, {
      tableStart: (table) => {
        progress(`restoring ${table.schema}.${table.name} (${table.rows} rows)`);
        const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(', ');
        copyError = null;
        copy = client.query(copyFrom(`COPY ${qualified(client, table.schema, table.name)} (${columns}) FROM STDIN`));
        // Without a listener an error emitted between our writes would crash the process; we rethrow it instead.
        copy.on('error', (error: Error) => {
          copyError = error;
        });
      },
      data: async (_table, chunk) => {
        const stream = copy as CopyIn;
        if (copyError) throw copyError;
        if (!stream.write(chunk)) await once(stream, 'drain');
      },
      tableEnd: async (table) => {
        const stream = copy as CopyIn;
        stream.end();
        await finished(stream);
        copy = null;
        if (stream.rowCount !== table.rows) throw new BackupError(`${table.schema}.${table.name} received ${stream.rowCount} rows instead of ${table.rows}.`);
      },
    });
  } catch (error) {
    // A COPY left open would keep the connection busy: the ROLLBACK after it would wait forever. CopyFail ends it.
    const open = copy as CopyIn | null;
    if (open) {
      open.destroy(error as Error);
      await finished(open).catch(() => {});
    }
    throw error;
  }

  for (const s of header.sequences) {
    await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [qualified(client, s.schema, s.name), s.lastValue, s.isCalled]);
  }
  let total = 0;
  for (const table of header.tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(client, table.schema, table.name)}`);
    const count = Number(rows[0]?.n ?? -1);
    if (count !== table.rows) throw new BackupError(`${table.schema}.${table.name} holds ${count} rows after loading, the backup ${table.rows}.`);
    total += count;
  }
  await client.query('COMMIT');
  return total;
};

const userSchemasAndExtensions = async (client: pg.ClientBase) => ({
  schemas: new Set((await client.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace n WHERE ${notSystemSchema}`)).rows.map((r) => r.name)),
  extensions: new Set((await client.query<{ name: string }>('SELECT extname AS name FROM pg_extension')).rows.map((r) => r.name)),
});

const dropKind: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE', f: 'FOREIGN TABLE', c: 'TYPE' };

/**
 * Drops what the migrations of a failed restore created, so the database is as empty as it was and
 * the restore can simply be run again. Only ever called on a database that was empty before.
 */
const emptyAgain = async (client: pg.ClientBase, before: { schemas: Set<string>; extensions: Set<string> }) => {
  await client.query('BEGIN');
  try {
    const now = await userSchemasAndExtensions(client);
    for (const schema of now.schemas) if (!before.schemas.has(schema)) await client.query(`DROP SCHEMA ${client.escapeIdentifier(schema)} CASCADE`);
    for (const extension of now.extensions)
      if (!before.extensions.has(extension)) await client.query(`DROP EXTENSION ${client.escapeIdentifier(extension)} CASCADE`);
    const { rows: relations } = await client.query<{ name: string; kind: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND ${notSystemSchema} AND ${notInExtension('pg_class', 'c.oid')}`,
    );
    // Tables first: their CASCADE takes views, foreign keys and owned (serial, identity) sequences along, which cannot be dropped alone.
    const first = (kind: string) => (['r', 'p', 'f'].includes(kind) ? 0 : 1);
    relations.sort((a, b) => first(a.kind) - first(b.kind));
    for (const r of relations) await client.query(`DROP ${dropKind[r.kind]} IF EXISTS ${r.name} CASCADE`);
    const { rows: routines } = await client.query<{ name: string }>(
      `SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${notSystemSchema} AND ${notInExtension('pg_proc', 'p.oid')}`,
    );
    for (const r of routines) await client.query(`DROP ROUTINE IF EXISTS ${r.name} CASCADE`);
    const { rows: types } = await client.query<{ name: string; kind: string }>(
      `SELECT format('%I.%I', n.nspname, t.typname) AS name, t.typtype AS kind FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype IN ('e', 'd', 'r') AND ${notSystemSchema} AND ${notInExtension('pg_type', 't.oid')}`,
    );
    for (const t of types) await client.query(`DROP ${t.kind === 'd' ? 'DOMAIN' : 'TYPE'} IF EXISTS ${t.name} CASCADE`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw new BackupError(
      `Restoring failed and the schema it created could not be removed (${(error as Error).message}). Drop and create the database again before the next attempt.`,
      { cause: error },
    );
  }
};

/**
 * The job queue is not in a backup, but `mail_outbox` is the truth about mail: every row still
 * `queued` gets its delivery job again. Delivery is idempotent (the handler skips sent mail).
 */
const requeueUnsentMail = async (connectionString: string): Promise<number> => {
  const { db } = createDb(connectionString, { max: 2, applicationName: 'gastvrij-restore' });
  const jobs = createJobs({ connectionString, logger: pino({ level: 'silent' }), workers: false });
  try {
    // Defines the mail queue on this job runner; with workers off, nothing is delivered from here.
    createMailService({ db, jobs, clock: systemClock, smtpUrl: null, from: 'restore' });
    await jobs.start();
    const unsent = await db.selectFrom('mail_outbox').select('id').where('status', '=', 'queued').execute();
    for (const { id } of unsent) await jobs.send(mailQueue, { id }, { singletonKey: id });
    return unsent.length;
  } finally {
    await jobs.stop(5_000);
    await db.destroy();
  }
};
