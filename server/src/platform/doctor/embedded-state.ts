import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../db/embedded.ts';

/**
 * What the embedded PostgreSQL's data directory says, read without starting anything. The file
 * names are those `startEmbeddedDatabase` (platform/db/embedded.ts) writes; `postmaster.pid` is
 * PostgreSQL's own (line 1 the pid, line 4 the port).
 */
export type EmbeddedState = {
  dataDir: string;
  /** initdb finished once (the marker is written only after it succeeds). */
  initialised: boolean;
  /** The Gastvrij process that started the database, when it still runs. */
  owner: number | null;
  /** The PostgreSQL server running on this data directory, when there is one. */
  server: { pid: number; port: number } | null;
  /** Connection string of the running server's `gastvrij` database, when there is one. */
  url: string | null;
};

const readLines = async (file: string) => {
  try {
    return (await readFile(file, 'utf8')).split('\n');
  } catch {
    return null;
  }
};

/** Reads the state of the embedded database under `dataDir`. */
export const inspectEmbedded = async (dataDir: string): Promise<EmbeddedState> => {
  const ownerLines = await readLines(path.join(dataDir, 'gastvrij.pid'));
  const ownerPid = Number.parseInt(ownerLines?.[0] ?? '', 10);
  const owner = ownerPid > 0 && ownerPid !== process.pid && isAlive(ownerPid) ? ownerPid : null;
  const postmaster = await readLines(path.join(dataDir, 'postgres', 'postmaster.pid'));
  const serverPid = Number.parseInt(postmaster?.[0] ?? '', 10);
  const port = Number.parseInt(postmaster?.[3] ?? '', 10);
  const server = serverPid > 0 && port > 0 && isAlive(serverPid) ? { pid: serverPid, port } : null;
  const password = (await readLines(path.join(dataDir, 'postgres.password')))?.[0]?.trim();
  return {
    dataDir,
    initialised: existsSync(path.join(dataDir, 'postgres.initialised')),
    owner,
    server,
    url: server && password ? `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.port}/gastvrij` : null,
  };
};
