import { spawn } from 'node:child_process';
import { freePort } from '../../e2e/support/app-process.ts';

/** A helper HTTP server (such as a baseline) running as its own process. */
export type ServerProcess = { url: string; pid: number; stop: () => Promise<void> };

/**
 * Runs a TypeScript file with this Node on a free port (passed as PORT) and waits until
 * `readyPath` answers 200. Separate processes keep the load generator (this process) from
 * sharing an event loop with the server it measures.
 */
export const startServerProcess = async (
  script: string,
  options: { env?: Record<string, string>; readyPath?: string; timeoutMs?: number } = {},
): Promise<ServerProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...options.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    output = (output + chunk).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}) before it was ready:\n${output}`);
    const ok = await fetch(`${url}${options.readyPath ?? '/'}`, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, pid: child.pid as number, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${script} was not ready within ${options.timeoutMs ?? 30_000} ms:\n${output}`);
};
