import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type WebBuildOptions = {
  /** The repository root (the folder holding web/ and shared/). */
  root: string;
  /** One line per step, for the start-up log. */
  progress: (message: string) => void;
};

/** What the web build is made from: a change to any of these makes web/dist stale. */
export const webBuildInputs = (root: string): string[] => [
  path.join(root, 'web', 'src'),
  path.join(root, 'web', 'index.html'),
  path.join(root, 'web', 'vite.config.ts'),
  path.join(root, 'shared', 'src'),
];

/** Latest modification time (ms) of a file or of anything below a folder (a deleted file changes its folder's time); 0 when absent. */
const newestMtime = async (target: string): Promise<number> => {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true, recursive: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile() || entry.isDirectory())
      .map((entry) =>
        stat(path.join(entry.parentPath, entry.name)).then(
          (file) => file.mtimeMs,
          () => 0,
        ),
      ),
  );
  return Math.max(info.mtimeMs, ...times);
};

export type WebBuildStatus =
  /** No web sources (an install that ships only web/dist): nothing to build. */
  | { state: 'no-sources' }
  | { state: 'missing' }
  | { state: 'stale'; builtAt: number; newestInput: number }
  | { state: 'fresh'; builtAt: number; newestInput: number };

/** Whether web/dist/index.html exists and is newer than every input. */
export const webBuildStatus = async (root: string): Promise<WebBuildStatus> => {
  const sources = await stat(path.join(root, 'web', 'src')).catch(() => undefined);
  if (!sources?.isDirectory()) return { state: 'no-sources' };
  const built = await stat(path.join(root, 'web', 'dist', 'index.html')).catch(() => undefined);
  if (!built) return { state: 'missing' };
  const newestInput = Math.max(...(await Promise.all(webBuildInputs(root).map(newestMtime))));
  return { state: newestInput > built.mtimeMs ? 'stale' : 'fresh', builtAt: built.mtimeMs, newestInput };
};

/**
 * Builds the web app with Vite when web/dist is missing or older than its sources, so `gastvrij
 * start` serves the current app without a separate build step, and a second start skips the build
 * (the check reads file times only: well under a second). Vite is imported only when a build is
 * needed: a production install that ships web/dist does not need it at all.
 *
 * Processes starting at the same moment on a stale tree (parallel tests, two instances) take turns
 * through a lock folder: the first builds, the others wait and then find the build fresh.
 */
export const ensureWebBuild = async ({ root, progress }: WebBuildOptions): Promise<void> => {
  const first = await webBuildStatus(root);
  if (first.state === 'no-sources' || first.state === 'fresh') return;
  const lock = path.join(root, 'web', '.build-lock');
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const held = await stat(lock).catch(() => undefined);
      // A lock left by a killed build is older than any real build.
      if (held && Date.now() - held.mtimeMs > 180_000) await rmdir(lock).catch(() => {});
      if (Date.now() > until) throw new Error(`Another process has been building the web app for 3 minutes (${lock}); remove that folder if no build runs.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await buildWhenNeeded(root, progress);
  } finally {
    await rmdir(lock).catch(() => {});
  }
};

const buildWhenNeeded = async (root: string, progress: (message: string) => void) => {
  const status = await webBuildStatus(root);
  if (status.state === 'no-sources' || status.state === 'fresh') return;
  progress(status.state === 'missing' ? 'building the web app (first start only, a few seconds)' : 'web sources changed: rebuilding the web app');
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web', 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  progress(`web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
};
