import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The folder of the plain-SQL, forward-only migrations. */
export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** One migration file: `<YYYYMMDDHHMM>_<module>_<change>.sql`. */
export type Migration = { version: string; name: string; file: string; sql: string; checksum: string };

/** A migration that cannot be applied (or a schema that does not match the files); the message names the file and the fix. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const fileName = /^(\d{12})_([a-z0-9]+(?:[-_][a-z0-9]+)*)\.sql$/;

// Any constant works as long as every instance uses the same one: it serializes migrations across processes.
const migrationLockKey = 7_236_512_884_901n;

/** Reads and orders the migration files; a badly named file is an error, not something to skip silently. */
export const readMigrations = async (dir = migrationsDir): Promise<Migration[]> => {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = fileName.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} is not named <YYYYMMDDHHMM>_<module>_<change>.sql`);
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({ version: match[1] as string, name: match[2] as string, file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  const versions = new Set<string>();
  for (const m of migrations) {
    if (versions.has(m.version)) throw new MigrationError(`Two migrations share the version ${m.version}; give ${m.file} a later version.`);
    versions.add(m.version);
  }
  return migrations;
};

/** What a migration run did. */
export type MigrationResult = { applied: string[]; alreadyApplied: number };

/**
 * Applies pending migrations. Each file runs in its own transaction together with its row in
 * `schema_migrations`, so a crash (even SIGKILL) leaves either all of a migration or none of it.
 * A session-level advisory lock makes concurrent starts of several instances wait for each other:
 * the second one finds the work done.
 */
export const migrate = async (connectionString: string, options: { dir?: string; onProgress?: (message: string) => void } = {}): Promise<MigrationResult> => {
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString, application_name: 'gastvrij-migrate' });
  // A connection lost mid-run surfaces as the failing query's error; without a listener it would crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SET client_min_messages = warning');
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey.toString()]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: string; checksum: string; name: string }>('SELECT version, checksum, name FROM schema_migrations');
    const done = new Map(rows.map((r) => [r.version, r]));
    const known = new Set(migrations.map((m) => m.version));
    for (const row of rows) {
      if (!known.has(row.version)) {
        throw new MigrationError(
          `The database has migration ${row.version}_${row.name}, which this version of Gastvrij does not know. Upgrade Gastvrij instead of downgrading (migrations are forward-only).`,
        );
      }
    }
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.version);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.file} was changed after it was applied. Restore its applied content and write a new migration for the change.`,
          );
        }
        continue;
      }
      options.onProgress?.(`applying migration ${m.version}_${m.name}`);
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        const e = error as Error & { position?: string };
        const line = e.position ? ` (line ${m.sql.slice(0, Number(e.position)).split('\n').length})` : '';
        throw new MigrationError(
          `Migration ${m.file} failed${line} and was rolled back, nothing of it was applied: ${e.message}. Fix the file and start again.`,
          {
            cause: error,
          },
        );
      }
      applied.push(`${m.version}_${m.name}`);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => {});
    await client.end().catch(() => {});
  }
};

/** The known migrations that the database has not recorded yet; the readiness check uses this. */
export const pendingMigrations = (known: Migration[], appliedVersions: Iterable<string>): string[] => {
  const applied = new Set(appliedVersions);
  return known.filter((m) => !applied.has(m.version)).map((m) => `${m.version}_${m.name}`);
};
