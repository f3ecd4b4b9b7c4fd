import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/platform/db/embedded.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';
import { cleanUpProcesses, runGastvrij } from './gastvrij-process.ts';

/**
 * Issue 5, "the server killed (SIGKILL) during a burst of submissions": every submission that got
 * a 201 is there after the restart, and clients that retry with their Idempotency-Key (because
 * they got an answer, or because their connection broke) never make a second case.
 *
 * The app runs as a real `gastvrij start` on a database of its own; the burst is general
 * questions (anyone may ask one, no login needed), each with its own key, from 12 clients at once.
 */

let database: TestDatabase;
afterAll(async () => {
  await cleanUpProcesses();
  await database?.drop();
});
beforeAll(async () => {
  database = await createTestDatabase();
});

type Outcome = { status: number; body: string } | { error: string };

const postQuestion = (port: number, key: string, index: number) =>
  new Promise<Outcome>((resolve) => {
    const body = JSON.stringify({
      answers: { question: `Vraag nummer ${index}: wanneer is het recyclagepark open?`, replyBy: 'none' },
      language: 'nl',
    });
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/questions',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, 'content-length': Buffer.byteLength(body), connection: 'close' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', (error) => resolve({ error: error.message }));
      },
    );
    request.on('error', (error) => resolve({ error: error.message }));
    request.end(body);
  });

const referenceOf = (outcome: Outcome) => ('body' in outcome ? (JSON.parse(outcome.body) as { reference: string }).reference : null);

describe('submissions when the server is killed', () => {
  it('keeps every acknowledged submission and never duplicates one when clients retry with their key', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATABASE_URL: database.url, GASTVRIJ_RATE_LIMIT: '100000' };
    const first = runGastvrij(env);
    await first.waitForLine(/^gastvrij: ready in /, 120_000);

    // 12 clients, each sending question after question with a fresh key, until the kill.
    const keys: string[] = [];
    const outcomes = new Map<string, Outcome>();
    let killed = false;
    const client = async (n: number) => {
      for (let i = 0; !killed; i++) {
        const key = `burst-${n}-${i}`;
        keys.push(key);
        outcomes.set(key, await postQuestion(port, key, keys.length));
      }
    };
    const clients = Array.from({ length: 12 }, (_, n) => client(n));
    // Kill once a fair number was acknowledged, while the others are in flight.
    const until = Date.now() + 60_000;
    while ([...outcomes.values()].filter((o) => 'status' in o && o.status === 201).length < 40) {
      if (Date.now() > until) throw new Error(`too few submissions acknowledged: ${JSON.stringify([...outcomes.values()].slice(0, 3))}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(clients);

    const acknowledged = new Map<string, string>();
    for (const [key, outcome] of outcomes) {
      if ('status' in outcome && outcome.status === 201) acknowledged.set(key, referenceOf(outcome) as string);
    }
    const broken = [...outcomes.values()].filter((o) => 'error' in o).length;
    expect(acknowledged.size).toBeGreaterThanOrEqual(40);
    // Some requests were cut off by the kill (otherwise the test proves nothing about the crash).
    expect(broken).toBeGreaterThan(0);
    // Nothing but 201s and broken connections: no 5xx on the way down.
    for (const outcome of outcomes.values()) if ('status' in outcome) expect(outcome.status).toBe(201);

    const second = runGastvrij(env);
    await second.waitForLine(/^gastvrij: ready in /, 120_000);

    // Every acknowledged case is there, once.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const stored = await db.query<{ key: string; reference: string; n: number }>(
        `SELECT idempotency_key AS key, min(reference) AS reference, count(*)::int AS n FROM cases WHERE idempotency_scope = 'anonymous' GROUP BY idempotency_key`,
      );
      const byKey = new Map(stored.rows.map((row) => [row.key, row]));
      for (const [key, reference] of acknowledged) {
        expect(byKey.get(key), key).toMatchObject({ reference, n: 1 });
      }

      // Every client retries what it sent (acknowledged or not) with the same key.
      for (const key of keys) {
        const retry = await postQuestion(port, key, keys.indexOf(key) + 1);
        expect('status' in retry ? retry.status : retry.error, key).toBeOneOf([200, 201]);
        if (acknowledged.has(key)) {
          expect(retry).toMatchObject({ status: 200 });
          expect(referenceOf(retry)).toBe(acknowledged.get(key));
        }
      }
      const after = await db.query<{ cases: number; keys: number }>(
        `SELECT count(*)::int AS cases, count(DISTINCT idempotency_key)::int AS keys FROM cases WHERE idempotency_scope = 'anonymous'`,
      );
      expect(after.rows[0]).toEqual({ cases: keys.length, keys: keys.length });
      // References stay unique and every case has its first timeline entry.
      const orphans = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'submitted')`,
      );
      expect(orphans.rows[0]?.n).toBe(0);
    } finally {
      await db.end();
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 300_000);
});
