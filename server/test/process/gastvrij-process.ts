import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** A `gastvrij` command running as a child process, with what it wrote so far. */
export type GastvrijProcess = {
  child: ChildProcess;
  pid: number;
  /** stderr, one entry per line: the progress and error lines a person would read. */
  stderrLines: () => string[];
  stdout: () => string;
  /** Resolves with the first stderr line matching `pattern` (also one written before the call). */
  waitForLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/**
 * Runs `node bin/gastvrij.js <args>` from the repository root with a clean environment: only what
 * the test passes (plus PATH and HOME), so nothing of the developer's or CI's settings leaks in.
 */
export const runGastvrij = (env: Record<string, string>, args: string[] = ['start']): GastvrijProcess => {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'gastvrij.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir(), LOG_LEVEL: 'warn', GASTVRIJ_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  let stdout = '';
  const waiters = new Set<() => void>();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const wake of waiters) wake();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
      for (const wake of waiters) wake();
    });
  });
  const stderrLines = () => stderr.split('\n').filter((line) => line.length > 0);
  const waitForLine = (pattern: RegExp, timeoutMs = 90_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = stderrLines().find((l) => pattern.test(l));
        if (line) return done(() => resolve(line));
        if (child.exitCode !== null || child.signalCode !== null) {
          return done(() => reject(new Error(`gastvrij exited (${child.exitCode ?? child.signalCode}) before writing ${pattern}:\n${stderr}`)));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no line ${pattern} within ${timeoutMs} ms:\n${stderr}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  if (!child.pid) throw new Error('could not start gastvrij');
  return { child, pid: child.pid, stderrLines, stdout: () => stdout, waitForLine, exited };
};

/** A temporary folder that `cleanUpProcesses` removes; readable by the `postgres` user when the tests run as root. */
export const tempDir = async (prefix: string) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), `gastvrij-${prefix}-`));
  await chmod(dir, 0o755);
  tempDirs.add(dir);
  return dir;
};

/** PostgreSQL server processes (postmasters) running on a cluster inside `dataDir`. */
export const postgresProcessesIn = async (dataDir: string): Promise<number[]> => {
  const pids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (args.split('\0').some((arg) => arg.startsWith(`${dataDir}/`) || arg.startsWith(`--pgdata=${dataDir}/`))) pids.push(Number(entry));
  }
  return pids;
};

const gone = async (pid: number, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * Ends every child this file started that still runs, then any PostgreSQL they left in the temp
 * folders, then removes the folders. For afterAll: it runs whether the tests passed or not.
 */
export const cleanUpProcesses = async () => {
  for (const child of [...children]) {
    if (child.pid && child.exitCode === null) {
      child.kill('SIGKILL');
      await gone(child.pid, 5_000);
    }
  }
  for (const dir of tempDirs) {
    for (const pid of await postgresProcessesIn(dir)) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        continue;
      }
      if (!(await gone(pid, 15_000))) process.kill(pid, 'SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  }
  tempDirs.clear();
};
