import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../../server/src/platform/db/database.ts';

/** An empty database of one's own on a shared PostgreSQL, dropped by `drop()`. */
export type ScratchDatabase = { url: string; name: string; drop: () => Promise<void> };

const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
};

/**
 * Creates an empty database next to `adminUrl`'s (the app under test migrates it itself, as it
 * would in production). Used when TEST_DATABASE_URL points at a shared server, such as CI's
 * PostgreSQL 15, so that runs never see each other's rows.
 */
export const createScratchDatabase = async (adminUrl: string, prefix = 'gastvrij_scratch'): Promise<ScratchDatabase> => {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
};
