import type { TestProject } from 'vitest/node';
import { type AppProcess, startAppProcess } from './support/app-process.ts';
import { createScratchDatabase, type ScratchDatabase } from './support/scratch-database.ts';
import { ensureWebBuild } from './support/web-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the app under test answers, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

let app: AppProcess | null = null;
let database: ScratchDatabase | null = null;

/**
 * Once per e2e run: the web build (when stale), then the app as a child process exactly as
 * `gastvrij start` runs it, on embedded PostgreSQL in a temp data dir or, with TEST_DATABASE_URL,
 * on a fresh database of its own there.
 */
export const setup = async (project: TestProject) => {
  const otherBuild = process.env.GASTVRIJ_WEB_DIST;
  const web = otherBuild ? { state: 'given', detail: `GASTVRIJ_WEB_DIST=${otherBuild}` } : ensureWebBuild();
  console.log(`e2e: web build ${web.state} (${web.detail})`);
  if (process.env.TEST_DATABASE_URL) database = await createScratchDatabase(process.env.TEST_DATABASE_URL, 'gastvrij_e2e');
  // GASTVRIJ_WEB_DIST is the one setting passed through: it lets the specs run against another build.
  const env: Record<string, string> = otherBuild ? { GASTVRIJ_WEB_DIST: otherBuild } : {};
  app = await startAppProcess({ env, ...(database ? { databaseUrl: database.url } : {}) });
  console.log(`e2e: app ready at ${app.url} on ${database ? `database ${database.name} of TEST_DATABASE_URL` : 'embedded PostgreSQL'}`);
  project.provide('baseUrl', app.url);
};

export const teardown = async () => {
  await app?.stop();
  await database?.drop().catch((error: Error) => console.warn(`e2e: could not drop ${database?.name}: ${error.message}`));
};
