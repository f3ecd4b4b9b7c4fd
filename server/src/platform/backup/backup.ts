import { existsSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BackupError, type BackupHeader, backupFormatVersion, backupMagic, frameType, gastvrijVersion, jsonFrame, writeFrame } from './backup-format.ts';
import { excludedSchemas, listTables, qualified, readSequences, setPortableSession } from './database-objects.ts';

/** Reports a step of a long operation to the person waiting for it. */
export type Progress = (message: string) => void;

/** What a finished backup wrote. */
export type BackupResult = { file: string; bytes: number; header: BackupHeader };

const formatBytes = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

/**
 * Writes a backup of the database to `file` (format in backup-format.ts). All tables are read in one
 * REPEATABLE READ transaction, so the backup is one consistent moment even while the app runs.
 * The file is written under a temporary name, flushed to disk and then renamed: a crash never
 * leaves a half backup under the final name. It holds personal data, so it is created mode 0600.
 */
export const createBackup = async (
  connectionString: string,
  file: string,
  options: { progress?: Progress; overwrite?: boolean; now?: () => Date } = {},
): Promise<BackupResult> => {
  const progress = options.progress ?? (() => {});
  const target = path.resolve(file);
  if (!options.overwrite && existsSync(target)) throw new BackupError(`${target} already exists. Choose another file name, or pass --force to replace it.`);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);

  const client = new pg.Client({ connectionString, application_name: 'gastvrij-backup' });
  await client.connect();
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  let temporaryExists = false;
  try {
    await setPortableSession(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: marker } = await client.query<{ found: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS found`);
    if (!marker[0]?.found)
      throw new BackupError('This database has no Gastvrij schema (no schema_migrations table): there is nothing to back up. Check DATABASE_URL.');

    const migrations = (
      await client.query<{ version: string; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    ).rows;
    const tables = await listTables(client);
    const counted = [];
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(client, table.schema, table.name)}`);
      counted.push({ ...table, rows: Number(rows[0]?.n ?? 0) });
    }
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version');
    const header: BackupHeader = {
      format: 'gastvrij-backup',
      formatVersion: backupFormatVersion,
      gastvrijVersion: gastvrijVersion(),
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      serverVersion: version[0]?.server_version ?? 'unknown',
      migrations,
      tables: counted.map(({ schema, name, columns, rows }) => ({ schema, name, columns, rows })),
      sequences: await readSequences(client),
      excluded: excludedSchemas.map((e) => ({ ...e })),
    };

    try {
      handle = await open(temporary, 'wx', 0o600);
      temporaryExists = true;
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      throw new BackupError(`Cannot write ${target} (${e.code}). Check that the folder ${path.dirname(target)} exists and is writable.`, { cause: e });
    }
    const gzip = createGzip();
    // `flush` makes the stream fsync before it closes the file: the data is on disk before the rename.
    const written = pipeline(gzip, handle.createWriteStream({ flush: true }));
    // Keeps a write error from going unhandled while we are busy reading from PostgreSQL; it surfaces below.
    written.catch(() => {});
    gzip.write(`${backupMagic}\n${JSON.stringify(header)}\n`);
    for (const table of counted) {
      const name = qualified(client, table.schema, table.name);
      const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(', ');
      // COPY refuses a partitioned table itself; reading it through a query includes every partition.
      const source = table.partitioned ? `(SELECT ${columns} FROM ${name})` : `${name} (${columns})`;
      progress(`backing up ${table.schema}.${table.name} (${table.rows} rows)`);
      await writeFrame(gzip, frameType.table, jsonFrame({ schema: table.schema, name: table.name }));
      const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
      for await (const chunk of stream) await writeFrame(gzip, frameType.data, chunk as Buffer);
      if (stream.rowCount !== table.rows) throw new Error(`COPY of ${table.schema}.${table.name} gave ${stream.rowCount} rows, count(*) ${table.rows}`);
      await writeFrame(gzip, frameType.end, jsonFrame({ rows: stream.rowCount }));
    }
    await writeFrame(gzip, frameType.finish, Buffer.alloc(0));
    gzip.end();
    await written;
    await client.query('COMMIT');
    const { size } = await stat(temporary);
    await rename(temporary, target);
    temporaryExists = false;
    // The rename itself must reach the disk too, or a power cut could lose the new name.
    const folder = await open(path.dirname(target), 'r');
    await folder.sync().finally(() => folder.close());
    const rows = counted.reduce((sum, t) => sum + t.rows, 0);
    progress(`backup written to ${target}: ${counted.length} tables, ${rows} rows, ${formatBytes(size)}`);
    return { file: target, bytes: size, header };
  } catch (error) {
    await handle?.close().catch(() => {});
    if (temporaryExists) await rm(temporary, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
};
