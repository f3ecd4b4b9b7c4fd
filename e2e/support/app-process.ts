import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../server/src/platform/db/embedded.ts';

/** The repository root, where `bin/gastvrij.js` and `web/dist` are. */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** A Gastvrij started as a child process, the way a city runs it (`gastvrij start`). */
export type AppProcess = {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  pid: number;
  /** The last lines the process wrote to stderr, for a failure message. */
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not stopped after `timeoutMs`; removes its temp data dir. */
  stop: (timeoutMs?: number) => Promise<void>;
};

export type AppProcessOptions = {
  /** Use this PostgreSQL; without it the app starts its embedded PostgreSQL in a temp data dir. */
  databaseUrl?: string;
  /** More settings (GASTVRIJ_*, LOG_LEVEL, ...), on top of the test defaults. */
  env?: Record<string, string>;
  /** How long to wait for /health/ready; the first embedded start runs initdb (tens of seconds). */
  readyTimeoutMs?: number;
  /** Where the app's stdout goes: 'ignore' (default) or 'inherit' for debugging. */
  stdout?: 'ignore' | 'inherit';
};

/** Asks the OS for a free TCP port on the loopback interface (the embedded database's helper). */
export { freePort };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });

/**
 * Starts `node bin/gastvrij.js start` on a free port and resolves once `/health/ready` answers 200
 * (database reachable, migrations applied). Rejects with the process's own last output when it
 * exits or does not become ready in time, so a failing start explains itself.
 */
export const startAppProcess = async (options: AppProcessOptions = {}): Promise<AppProcess> => {
  const port = await freePort();
  const dataDir = options.databaseUrl ? null : await mkdtemp(path.join(os.tmpdir(), 'gastvrij-app-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Settings of the developer's own shell must not leak into the app under test.
  for (const key of Object.keys(env)) if (key.startsWith('GASTVRIJ_') || key === 'DATABASE_URL' || key === 'SMTP_URL') delete env[key];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    // The address the browser uses: login redirects and cookies must stay on one origin.
    GASTVRIJ_PUBLIC_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    GASTVRIJ_RATE_LIMIT: '100000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { GASTVRIJ_DATA_DIR: dataDir as string }),
    ...options.env,
  });

  // process.execPath: the Node that runs the tests (24 under npm scripts); the launcher re-executes
  // itself on the bundled Node 24 where it is older, so either way the app gets type stripping.
  // BENCH_CPU_PROFILE=<dir>: the app writes a V8 CPU profile there when it stops (to find where a benchmark's time goes).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(repoRoot, 'bin', 'gastvrij.js'), 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', options.stdout ?? 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    output = (output + chunk).slice(-8_000);
  });
  const done = exited(child);

  let stopped: Promise<void> | null = null;
  const stop = (timeoutMs = 20_000) => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await done;
        clearTimeout(timer);
      }
      if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
    })();
    return stopped;
  };

  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + (options.readyTimeoutMs ?? 180_000);
  let last = 'no answer yet';
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`gastvrij start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { url, pid: child.pid as number, output: () => output, stop };
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`gastvrij start was not ready within ${options.readyTimeoutMs ?? 180_000} ms (last: ${last}):\n${output}`);
};
