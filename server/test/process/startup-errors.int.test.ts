import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/platform/db/embedded.ts';
import { cleanUpProcesses, postgresProcessesIn, runGastvrij, tempDir } from './gastvrij-process.ts';

afterAll(cleanUpProcesses);

/**
 * Runs `gastvrij start` that must fail, and returns its stderr. Each failure must be one line
 * `gastvrij: error: <cause>. <fix>` and exit code 1; a stack trace or a second error line fails the test.
 */
const failingStart = async (env: Record<string, string>) => {
  const gastvrij = runGastvrij(env);
  const { code } = await gastvrij.exited;
  const lines = gastvrij.stderrLines();
  const errors = lines.filter((line) => /error/i.test(line));
  expect(code, lines.join('\n')).toBe(1);
  expect(errors, lines.join('\n')).toHaveLength(1);
  expect(lines.at(-1)).toBe(errors[0]);
  expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  return errors[0] as string;
};

// Each case is a separate child process that mostly waits for Node to load: run them side by side.
describe.concurrent('gastvrij start refuses to start, in one line with the fix', { timeout: 150_000 }, () => {
  it('when the port is already in use, before touching the database', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = await tempDir('port');
    try {
      const line = await failingStart({ PORT: String(port), GASTVRIJ_DATA_DIR: dataDir });
      expect(line).toBe(
        `gastvrij: error: Port ${port} is already in use. Stop the program that uses it, or start Gastvrij with another port: PORT=${port + 1} npm start`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    expect(await postgresProcessesIn(dataDir)).toEqual([]);
  });

  it('when DATABASE_URL points at a server that does not answer', async () => {
    const closed = await freePort();
    const line = await failingStart({ PORT: String(await freePort()), DATABASE_URL: `postgres://gastvrij:geheim@127.0.0.1:${closed}/gastvrij` });
    expect(line).toMatch(
      new RegExp(
        `^gastvrij: error: Cannot reach PostgreSQL at postgres://gastvrij:\\*\\*\\*@127\\.0\\.0\\.1:${closed}/gastvrij \\(ECONNREFUSED\\)\\. Check that the server runs and that DATABASE_URL is right`,
      ),
    );
    expect(line).not.toContain('geheim');
  });

  it('when a configuration key is misspelt', async () => {
    const line = await failingStart({ GASTVRIJ_DATA_DRI: '/tmp/nowhere' });
    expect(line).toBe(
      'gastvrij: error: Unknown configuration key GASTVRIJ_DATA_DRI. Did you mean GASTVRIJ_DATA_DIR? See the configuration table in README.md.',
    );
  });

  it.each([
    ['broken-time.yaml', /channels\.counter\.hours\.monday\[1\]\.from "25:00" must be a time HH:MM/],
    ['broken-kbo.yaml', /kboNumber "0123\.456\.748" has a wrong check number/],
  ])('when the city profile %s is invalid, naming the field', async (file, cause) => {
    const dataDir = await tempDir('city');
    const line = await failingStart({
      GASTVRIJ_CITY_PROFILE: `server/test/fixtures/cities/${file}`,
      GASTVRIJ_DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    expect(line).toMatch(new RegExp(`^gastvrij: error: Invalid city profile \\S*/server/test/fixtures/cities/${file.replace('.', '\\.')}: `));
    expect(line).toMatch(cause);
    // The profile is read before the database starts: nothing was created.
    expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
  });
});
