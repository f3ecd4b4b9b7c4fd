import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/platform/db/embedded.ts';
import { readMigrations } from '../../src/platform/db/migrate.ts';
import { cleanUpProcesses, postgresProcessesIn, runGastvrij, tempDir } from './gastvrij-process.ts';

afterAll(cleanUpProcesses);

/** What a client sees of one HTTP exchange. */
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

const answerOf = (request: http.ClientRequest) =>
  new Promise<Answer>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
  });

const get = (port: number, url: string) => answerOf(http.get({ host: '127.0.0.1', port, path: url }));

describe('the embedded PostgreSQL after a crash', () => {
  it('starts after SIGKILL during cluster creation and during migration, with a complete schema; SIGTERM then drains a request and stops PostgreSQL', async () => {
    const dataDir = await tempDir('crash');
    const port = await freePort();
    const env = { PORT: String(port), GASTVRIJ_DATA_DIR: dataDir };

    const first = runGastvrij(env);
    await first.waitForLine(/creating the embedded PostgreSQL/);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = runGastvrij(env);
    await second.waitForLine(/applying migration \d{12}_/);
    second.child.kill('SIGKILL');
    await second.exited;
    // The first cluster was never finished, so the second start made it again from scratch.
    expect(second.stderrLines().some((line) => /creating the embedded PostgreSQL/.test(line))).toBe(true);

    // LOG_LEVEL=debug: the 'incoming request' line tells when the in-flight request below has reached the server.
    const third = runGastvrij({ ...env, LOG_LEVEL: 'debug' });
    await third.waitForLine(/^gastvrij: ready in /, 120_000);
    expect(third.stderrLines().some((line) => /left running by an earlier Gastvrij that did not shut down/.test(line))).toBe(true);

    const ready = await get(port, '/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready' });

    // The schema is complete: every migration recorded once, and its tables there.
    const pgPort = /on 127\.0\.0\.1:(\d+)/.exec(await third.waitForLine(/starting the embedded PostgreSQL on/))?.[1];
    const password = (await readFile(path.join(dataDir, 'postgres.password'), 'utf8')).trim();
    const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/gastvrij` });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual((await readMigrations()).map((m) => m.version));
      expect((await client.query("SELECT to_regclass('public.mail_outbox') IS NOT NULL AS ok")).rows[0]).toEqual({ ok: true });
    } finally {
      await client.end();
    }

    // An upload still arriving when SIGTERM comes is answered before the process exits.
    const upload = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/city',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'accept-language': 'en' },
    });
    const answer = answerOf(upload);
    upload.write('{"slow": ');
    await waitFor(() => third.stdout().includes('"url":"/api/city"') && third.stdout().includes('"method":"POST"'));
    third.child.kill('SIGTERM');
    await third.waitForLine(/SIGTERM received, stopping/);
    upload.end('"body"}');
    const drained = await answer;
    expect(drained.status).toBe(404);
    expect(drained.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(drained.headers.connection).toBe('close');

    expect(await third.exited).toEqual({ code: 0, signal: null });
    expect(await postgresProcessesIn(dataDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'gastvrij.pid'))).toBe(false);
  }, 300_000);
});

/** Polls a condition of the child's output; the child reports progress only through its streams. */
const waitFor = async (condition: () => boolean, timeoutMs = 30_000) => {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
