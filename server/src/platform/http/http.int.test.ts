import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { buildApp } from '../../app.ts';
import { loadCityProfile } from '../city/city-profile.loader.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config/config.ts';
import { createDb, type Db } from '../db/database.ts';
import { platformProblems } from '../i18n/messages.ts';
import { createJobs, type Jobs } from '../jobs/jobs.ts';
import { createMailService } from '../mail/mail.service.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const notFoundTitle = platformProblems['not-found'].title;

let database: TestDatabase;
let db: Db;
let jobs: Jobs;
const apps: FastifyInstance[] = [];
/** The app most tests share; tests that need other settings build their own. */
let app: FastifyInstance;

/**
 * The real app (all platform plugins, problem handlers, limits) plus routes that exist only in this
 * test, so validation, limits and failures can be exercised without depending on a module's routes.
 */
const buildTestApp = async (options: { env?: Record<string, string>; shuttingDown?: () => boolean } = {}) => {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      GASTVRIJ_WEB_DIST: 'web/dist-absent-in-tests',
      GASTVRIJ_RATE_LIMIT: '10000',
      ...options.env,
    },
    root,
  );
  const city = await loadCityProfile(config.cityProfilePath);
  const mail = createMailService({ db, jobs, clock: systemClock, smtpUrl: null, from: 'test@example.org' });
  const app = await buildApp({
    config,
    db,
    city,
    clock: systemClock,
    jobs,
    mail,
    logger: pino({ level: 'silent' }),
    ...(options.shuttingDown ? { isShuttingDown: options.shuttingDown } : {}),
  });
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/test/people',
    { config: { access: 'public' }, schema: { body: z.object({ name: z.string().min(2), age: z.number().int().min(0) }) } },
    async (request) => ({
      hello: request.body.name,
    }),
  );
  typed.get('/api/test/boom', { config: { access: 'public' } }, async () => {
    throw new Error('secret internal detail');
  });
  await app.ready();
  apps.push(app);
  return app;
};

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 3 }).db;
  // Only sends: nothing in this file needs a worker.
  jobs = createJobs({ connectionString: database.url, logger: pino({ level: 'silent' }), workers: false });
  app = await buildTestApp();
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.destroy();
  await database?.drop();
});

describe('problem+json', () => {
  it.each([
    [undefined, 'nl'],
    ['fr-BE,fr;q=0.9', 'fr'],
    ['en-GB,en;q=0.8', 'en'],
    ['de-DE', 'nl'],
  ] as const)('answers an unknown route with a 404 in the caller language (Accept-Language %s)', async (acceptLanguage, lang) => {
    const response = await app.inject({ method: 'GET', url: '/api/does-not-exist?x=1', headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['content-language']).toBe(lang);
    expect(response.json()).toMatchObject({
      type: 'https://gastvrij.dev/problems/not-found',
      code: 'not-found',
      status: 404,
      title: notFoundTitle[lang],
      instance: '/api/does-not-exist',
    });
  });

  it('names each invalid field with a message in the caller language', async () => {
    const send = (lang: string) =>
      app.inject({ method: 'POST', url: '/api/test/people', headers: { 'accept-language': lang }, payload: { name: 'A', age: 'old' } });
    const [nl, fr, en] = await Promise.all([send('nl'), send('fr'), send('en')]);
    for (const [response, lang] of [
      [nl, 'nl'],
      [fr, 'fr'],
      [en, 'en'],
    ] as const) {
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe('validation-failed');
      expect(body.title).toBe(platformProblems['validation-failed'].title[lang]);
      expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['age', 'name']);
    }
    const message = (response: typeof nl, field: string) => response.json().errors.find((e: { field: string }) => e.field === field).message as string;
    expect(message(en, 'name')).toMatch(/too small/i);
    expect(message(fr, 'name')).toMatch(/trop petit/i);
    expect(message(nl, 'name')).toMatch(/te (klein|kort)/i);
    expect(new Set([message(nl, 'age'), message(fr, 'age'), message(en, 'age')]).size).toBe(3);
  });

  it('lets an explicit ?lang= win over Accept-Language', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing?lang=en', headers: { 'accept-language': 'fr' } });
    expect(response.json().title).toBe(notFoundTitle.en);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/people',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), age: 1 }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'payload-too-large', status: 413, title: platformProblems['payload-too-large'].title.en });
  });

  it('refuses a content type it cannot read with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/people', headers: { 'content-type': 'application/xml' }, payload: '<person/>' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported-media-type', status: 415, title: platformProblems['unsupported-media-type'].title.nl });
  });

  it('answers malformed JSON with 400 bad-request', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/people', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad-request', status: 400 });
  });

  it('hides the cause of an internal error', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/boom', headers: { 'x-request-id': 'trace-500' } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal-error', status: 500, requestId: 'trace-500' });
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toContain('at ');
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json after the limit, and never limits health checks', async () => {
    const limitedApp = await buildTestApp({ env: { GASTVRIJ_RATE_LIMIT: '3' } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await limitedApp.inject({ method: 'GET', url: '/api/city' })).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await limitedApp.inject({ method: 'GET', url: '/api/city', headers: { 'accept-language': 'fr' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toMatchObject({ code: 'rate-limited', status: 429, title: platformProblems['rate-limited'].title.fr });
    // Another address has its own budget.
    expect((await limitedApp.inject({ method: 'GET', url: '/api/city', remoteAddress: '10.0.0.9' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await limitedApp.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });
});

describe('request ids and headers', () => {
  it('echoes a well-formed x-request-id and generates one otherwise', async () => {
    const given = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'kiosk-7.abc_123' } });
    expect(given.headers['x-request-id']).toBe('kiosk-7.abc_123');
    expect(given.json().requestId).toBe('kiosk-7.abc_123');

    for (const bad of ['has space', '<script>', 'x'.repeat(65)]) {
      const response = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': bad } });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.json().requestId).toBe(response.headers['x-request-id']);
    }
    const none = await app.inject({ method: 'GET', url: '/health/live' });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  // Health checks are exempt on purpose: load balancers read them, no browser renders them.
  it.each(['/api/city', '/api/nope', '/werk'])('sets the security headers on %s', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('health', () => {
  it('is live and ready when the database answers and every migration is applied', async () => {
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while a migration is pending', async () => {
    const { rows } = await sql<{
      version: string;
      name: string;
      checksum: string;
    }>`SELECT version, name, checksum FROM schema_migrations ORDER BY version DESC LIMIT 1`.execute(db);
    const last = rows[0];
    if (!last) throw new Error('the test database has no migrations');
    await sql`DELETE FROM schema_migrations WHERE version = ${last.version}`.execute(db);
    try {
      const response = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'migrations-pending', pending: [`${last.version}_${last.name}`] });
      // Liveness does not depend on the database: restarting would not help.
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (${last.version}, ${last.name}, ${last.checksum})`.execute(db);
    }
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('is not ready while shutting down, and asks clients to close their connection', async () => {
    let shuttingDown = false;
    const closingApp = await buildTestApp({ shuttingDown: () => shuttingDown });
    expect((await closingApp.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    shuttingDown = true;
    const response = await closingApp.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'shutting-down' });
    expect(response.headers.connection).toBe('close');
  });
});

describe('the built web app', () => {
  it('serves index.html for unknown pages and keeps problem+json for the API', async () => {
    const webDist = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-web-'));
    try {
      await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Gastvrij</title>');
      const webApp = await buildTestApp({ env: { GASTVRIJ_WEB_DIST: webDist } });
      const page = await webApp.inject({ method: 'GET', url: '/werk/mail', headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Gastvrij</title>');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      const api = await webApp.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } });
      expect(api.statusCode).toBe(404);
      expect(api.json().code).toBe('not-found');
      const data = await webApp.inject({ method: 'GET', url: '/werk/mail', headers: { accept: 'application/json' } });
      expect(data.statusCode).toBe(404);
    } finally {
      await rm(webDist, { recursive: true, force: true });
    }
  });
});
