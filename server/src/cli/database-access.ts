import pg from 'pg';
import { openDatabase, type Progress } from '../main.ts';
import type { Config } from '../platform/config/config.ts';
import { inspectEmbedded } from '../platform/doctor/embedded-state.ts';

/** A database a command works on, and how to let go of it afterwards. */
export type DatabaseAccess = { url: string; release: () => Promise<void> };

const answers = async (url: string) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
};

/**
 * The configured database for a one-off command. With DATABASE_URL that server; without it the
 * embedded PostgreSQL, and when a running Gastvrij already has it started, that one is used as it
 * is (so `gastvrij backup` works while the app runs) instead of refusing or starting a second one.
 */
export const accessDatabase = async (config: Config, progress: Progress): Promise<DatabaseAccess> => {
  if (!config.databaseUrl) {
    const state = await inspectEmbedded(config.dataDir);
    if (state.owner && state.url && (await answers(state.url))) {
      progress(`using the embedded PostgreSQL of the running Gastvrij (pid ${state.owner})`);
      return { url: state.url, release: async () => {} };
    }
  }
  const database = await openDatabase(config, progress);
  return { url: database.url, release: async () => database.embedded?.stop() };
};
