import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../src/platform/db/database.ts';

/** A database of one's own, cloned from the migrated template, dropped by `drop()`. */
export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

const createDatabase = async (prefix: string, template: string | null): Promise<TestDatabase> => {
  const adminUrl = inject('adminUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

/** Clones the migrated template into a fresh database for one test file. */
export const createTestDatabase = (): Promise<TestDatabase> => createDatabase('gastvrij_test', inject('templateDatabase'));

/** Creates an empty database (not migrated), e.g. to restore a backup into. */
export const createEmptyDatabase = (): Promise<TestDatabase> => createDatabase('gastvrij_empty', null);
