import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webBuildStatus } from './web-build.ts';

let root: string;
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const file = async (relative: string, seconds: number) => {
  const target = path.join(root, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, relative);
  await utimes(target, at(seconds), at(seconds));
};
// Folder times would otherwise be "now" and count as the newest input.
const settleFolders = async (seconds: number) => {
  for (const folder of ['web/src/app', 'web/src', 'web', 'shared/src/city', 'shared/src', 'shared', 'web/dist']) {
    await utimes(path.join(root, folder), at(seconds), at(seconds)).catch(() => undefined);
  }
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gv-web-build-'));
  await file('web/src/app/router.tsx', 10);
  await file('web/index.html', 10);
  await file('web/vite.config.ts', 10);
  await file('shared/src/city/city.contract.ts', 10);
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('webBuildStatus', () => {
  it('needs a build when there is none', async () => {
    expect((await webBuildStatus(root)).state).toBe('missing');
  });

  it('is fresh when the build is newer than every input', async () => {
    await file('web/dist/index.html', 20);
    await settleFolders(10);
    expect((await webBuildStatus(root)).state).toBe('fresh');
  });

  it.each(['web/src/app/router.tsx', 'web/index.html', 'web/vite.config.ts', 'shared/src/city/city.contract.ts'])(
    'is stale when %s changed after the build',
    async (input) => {
      await file('web/dist/index.html', 20);
      await file(input, 30);
      await settleFolders(10);
      expect((await webBuildStatus(root)).state).toBe('stale');
    },
  );

  it('counts a new file in a deeper folder', async () => {
    await file('web/dist/index.html', 20);
    await file('web/src/modules/queue/deep/QueuePage.tsx', 30);
    await settleFolders(10);
    await utimes(path.join(root, 'web/src/modules/queue/deep'), at(10), at(10));
    await utimes(path.join(root, 'web/src/modules/queue'), at(10), at(10));
    await utimes(path.join(root, 'web/src/modules'), at(10), at(10));
    expect((await webBuildStatus(root)).state).toBe('stale');
  });

  it('builds nothing without web sources', async () => {
    await rm(path.join(root, 'web/src'), { recursive: true });
    expect((await webBuildStatus(root)).state).toBe('no-sources');
  });
});
