// Generates server/src/platform/db/types.ts from a freshly migrated database with kysely-codegen.
// `--check` fails when the committed file is stale (CI runs it). Uses TEST_DATABASE_URL when set,
// else a throw-away embedded PostgreSQL.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../server/src/platform/db/database.ts';
import { startEmbeddedDatabase } from '../server/src/platform/db/embedded.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'server/src/platform/db/types.ts');
const check = process.argv.includes('--check');

let adminUrl = process.env.TEST_DATABASE_URL ?? '';
let stop = async () => {};
let dataDir: string | null = null;
if (!adminUrl) {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-codegen-'));
  const embedded = await startEmbeddedDatabase({ dataDir });
  adminUrl = embedded.adminUrl;
  stop = embedded.stop;
}
const name = `gastvrij_codegen_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
let exitCode = 0;
try {
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  const out = check ? path.join(os.tmpdir(), `${name}.ts`) : target;
  execFileSync(
    path.join(root, 'node_modules/.bin/kysely-codegen'),
    ['--dialect', 'postgres', '--url', url, '--out-file', out, '--exclude-pattern', 'schema_migrations', '--date-parser', 'string', '--log-level', 'warn'],
    { stdio: 'inherit' },
  );
  // Formatted through stdin as if it were the committed file, so Biome applies the project's settings wherever `out` is.
  const formatted = execFileSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--stdin-file-path=server/src/platform/db/types.ts'], {
    cwd: root,
    input: await readFile(out, 'utf8'),
    encoding: 'utf8',
  });
  await writeFile(out, formatted);
  if (check) {
    const [fresh, committed] = await Promise.all([readFile(out, 'utf8'), readFile(target, 'utf8').catch(() => '')]);
    if (fresh !== committed) {
      console.error('server/src/platform/db/types.ts is stale: run `npm run db:types` and commit the result.');
      exitCode = 1;
    } else {
      console.log('database types are up to date');
    }
    await rm(out, { force: true });
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
