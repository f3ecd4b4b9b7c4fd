import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../src/platform/db/database.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string with the right to create databases. */
    adminUrl: string;
    /** The migrated template that each test file clones. */
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | null = null;
let dataDir: string | null = null;
let adminUrl = '';
let template = '';

/**
 * Starts (or connects to) PostgreSQL once per run and builds a migrated template database, with
 * pg-boss's schema installed too. Each test file then clones it (CREATE DATABASE ... TEMPLATE),
 * which takes a few tens of milliseconds instead of migrating again.
 */
export const setup = async (project: TestProject) => {
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-test-'));
    embedded = await startEmbeddedDatabase({ dataDir });
    adminUrl = embedded.adminUrl;
  }
  template = `gastvrij_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, template);
  await migrate(templateUrl);
  const boss = new PgBoss({ connectionString: templateUrl, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.stop({ graceful: false });
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', template);
};

export const teardown = async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
  await admin.end();
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
};
