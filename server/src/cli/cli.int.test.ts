import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Runs `gastvrij <args>` the way an operator does, through the launcher in bin/. */
const gastvrij = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GASTVRIJ_') && key !== 'DATABASE_URL'));
    execFile(
      process.execPath,
      [path.join(root, 'bin', 'gastvrij.js'), ...args],
      { cwd: root, env: { ...clean, NODE_ENV: 'test', PORT: '0', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('gastvrij command', () => {
  it('doctor names a misspelt setting, suggests the right one and exits with 1', async () => {
    const run = await gastvrij(['doctor'], { GASTVRIJ_DATA_DRI: 'x' });
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(
      '✖ configuration: Unknown configuration key GASTVRIJ_DATA_DRI. Did you mean GASTVRIJ_DATA_DIR? See the configuration table in README.md.',
    );
    expect(lines[0]).toMatch(/^✔ node: Node\.js \d+\./);
    expect(lines).toContain('- database: not checked: the configuration is invalid.');
  });

  it('doctor --json says the same to a machine', async () => {
    const run = await gastvrij(['doctor', '--json'], { GASTVRIJ_DATA_DRI: 'x' });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; checks: { name: string; status: string; detail: string }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'configuration')).toMatchObject({ status: 'fail', detail: expect.stringContaining('GASTVRIJ_DATA_DIR') });
  });

  it('any other command prints one line with the fix and exits with 1', async () => {
    const run = await gastvrij(['backup', path.join(os.tmpdir(), 'never-written.backup')], { GASTVRIJ_DATA_DRI: 'x' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'gastvrij: error: Unknown configuration key GASTVRIJ_DATA_DRI. Did you mean GASTVRIJ_DATA_DIR? See the configuration table in README.md.\n',
    );
  });

  describe('on a database', () => {
    let source: TestDatabase;
    let target: TestDatabase;
    let folder: string;
    beforeAll(async () => {
      source = await createTestDatabase();
      target = await createEmptyDatabase();
      folder = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-cli-test-'));
    });
    afterAll(async () => {
      await source?.drop();
      await target?.drop();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    // Six child processes, each starting Node and loading the app: generous on a busy machine.
    it('seed --demo, backup, restore into an empty database, and doctor finds it healthy', { timeout: 180_000 }, async () => {
      const file = path.join(folder, 'city.backup');
      const seeded = await gastvrij(['seed', '--demo'], { DATABASE_URL: source.url });
      expect(seeded.stderr).toContain('seeded welcome-mail');
      expect(seeded.code).toBe(0);

      const backup = await gastvrij(['backup', file], { DATABASE_URL: source.url });
      expect(backup.stderr).toMatch(/gastvrij: backing up public\.mail_outbox \(1 rows\)/);
      expect(backup.code).toBe(0);

      const restore = await gastvrij(['restore', file], { DATABASE_URL: target.url });
      expect(restore.stderr).toMatch(/gastvrij: restoring public\.mail_outbox \(1 rows\)/);
      expect(restore.code).toBe(0);
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ subject: string }>('SELECT subject FROM mail_outbox');
        expect(rows).toEqual([{ subject: 'Welkom bij de demo van Gastvrij' }]);
      } finally {
        await client.end();
      }

      const doctor = await gastvrij(['doctor', '--json'], { DATABASE_URL: target.url });
      const report = JSON.parse(doctor.stdout) as { checks: { name: string; status: string }[] };
      expect(report.checks.find((c) => c.name === 'database')?.status).toBe('ok');
      expect(report.checks.find((c) => c.name === 'migrations')?.status).toBe('ok');

      const again = await gastvrij(['restore', file], { DATABASE_URL: target.url });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^gastvrij: error: The database .* is not empty .*\n$/);
    });

    it('seed --demo is refused in production', async () => {
      const run = await gastvrij(['seed', '--demo'], {
        DATABASE_URL: source.url,
        NODE_ENV: 'production',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        GASTVRIJ_SECRET_KEY: 'a-production-secret-of-forty-characters!!',
        GASTVRIJ_OIDC_STAFF_ISSUER: 'https://login.example.org/tenant/v2.0',
        GASTVRIJ_OIDC_STAFF_CLIENT_ID: 'gastvrij',
        GASTVRIJ_OIDC_STAFF_CLIENT_SECRET: 'secret',
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^gastvrij: error: The demo seed is refused with NODE_ENV=production/);
    });
  });
});
