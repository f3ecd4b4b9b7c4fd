import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './app-process.ts';

const newestChange = (target: string): number => {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestChange(path.join(target, entry)));
  }
  return newest;
};

/** What `ensureWebBuild` did, for the e2e log. */
export type WebBuild = { state: 'fresh' | 'built' | 'absent'; detail: string };

/**
 * Builds the web app with Vite when its build is missing or older than its sources (web/, shared/),
 * so that `npm run test:e2e` after an edit tests the edit. After `npm run build` (as in CI) it does
 * nothing. Without web/vite.config.ts there is nothing to build: the app then serves only its API
 * and the browser specs fail on the missing pages, which is what they should do.
 */
export const ensureWebBuild = (): WebBuild => {
  const config = path.join(repoRoot, 'web', 'vite.config.ts');
  if (!existsSync(config)) return { state: 'absent', detail: 'no web/vite.config.ts: the web app is not there to build' };
  const index = path.join(repoRoot, 'web', 'dist', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newestChange(path.join(repoRoot, 'web')), newestChange(path.join(repoRoot, 'shared')));
  if (built > sources) return { state: 'fresh', detail: 'web/dist is newer than its sources' };
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return { state: 'built', detail: 'built web/dist with vite' };
};
