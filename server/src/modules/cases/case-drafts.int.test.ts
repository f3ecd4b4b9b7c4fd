import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';
import { demoResidents } from '../register/index.ts';

/**
 * Drafts through the HTTP API: saved, restored, gone after the submission that uses them, private
 * to their owner, shape-checked and size-limited, purged after 30 days.
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;
let pieter: TestLogin;
let other: TestLogin;
let contactCentre: TestLogin;

const send = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, login: TestLogin | null, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...(login?.headers ?? {}), ...headers }, ...(payload ? { payload } : {}) });

const draftRows = () => t.db.selectFrom('case_drafts').selectAll().execute();

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  await seedDemoPopulation(t);
  // An abandoned draft from long ago: the first save of anyone purges it.
  await t.db
    .insertInto('case_drafts')
    .values({
      owner_kind: 'resident',
      owner_id: crypto.randomUUID(),
      product_slug: 'vraag',
      answers: JSON.stringify({ question: 'Oud' }),
      created_at: new Date('2026-01-01T10:00:00Z'),
      updated_at: new Date('2026-01-01T10:00:00Z'),
    })
    .execute();
  pieter = await loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id });
  other = await loginAsResident(t, { email: 'iemand-anders@test.example' });
  contactCentre = await loginAsStaff(t, [{ role: 'contact-centre', team: 'contactcenter' }], 'city', 'Carla Contact');
});
afterAll(async () => t?.close());

describe('drafts', () => {
  it('saves partial answers, restores them, keeps them from anyone else, and is gone after the submission', async () => {
    const saved = await send('PUT', '/api/drafts/vraag', pieter, { answers: { question: 'Wanneer is het containerpark' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ product: 'vraag', answers: { question: 'Wanneer is het containerpark' } });
    // The first save purged the draft that was older than 30 days.
    expect((await draftRows()).map((row) => row.answers)).toEqual([{ question: 'Wanneer is het containerpark' }]);

    const again = await send('PUT', '/api/drafts/vraag', pieter, { answers: { question: 'Wanneer is het containerpark open?', replyBy: 'none' } });
    expect(again.statusCode).toBe(200);
    const restored = await send('GET', '/api/drafts/vraag', pieter);
    expect(restored.statusCode).toBe(200);
    const draft = restored.json() as { answers: unknown; updatedAt: string; expiresAt: string };
    expect(draft.answers).toEqual({ question: 'Wanneer is het containerpark open?', replyBy: 'none' });
    expect(new Date(draft.expiresAt).getTime() - new Date(draft.updatedAt).getTime()).toBe(30 * 24 * 60 * 60 * 1000);

    // Someone else has no draft of this form; the owner is the session's, never a parameter.
    const stranger = await send('GET', '/api/drafts/vraag', other);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().code).toBe('case-draft-not-found');
    expect((await send('GET', '/api/work/drafts/vraag', contactCentre)).statusCode).toBe(404);
    expect((await send('GET', '/api/drafts/vraag', null)).statusCode).toBe(401);

    // A submission that is refused keeps the draft; the one that succeeds removes it in its transaction.
    const refused = await send('POST', '/api/cases', pieter, { product: 'vraag', answers: { replyBy: 'none' } });
    expect(refused.statusCode).toBe(400);
    expect((await send('GET', '/api/drafts/vraag', pieter)).statusCode).toBe(200);
    const submitted = await send('POST', '/api/cases', pieter, {
      product: 'vraag',
      answers: { question: 'Wanneer is het containerpark open?', replyBy: 'none' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await send('GET', '/api/drafts/vraag', pieter)).statusCode).toBe(404);
    expect(await draftRows()).toEqual([]);
  });

  it('refuses keys that are not questions of the form and drafts over 64 KiB, with field errors in the caller’s language', async () => {
    const unknown = await send('PUT', '/api/drafts/vraag', pieter, { answers: { question: 'x', wachtwoord: 'geheim' } }, { 'accept-language': 'fr' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'case-draft-invalid',
      title: 'Ce brouillon ne correspond pas au formulaire.',
      errors: [{ field: 'answers.wachtwoord', code: 'draft-unknown-field', message: 'Cette question ne fait pas partie de ce formulaire.' }],
    });
    const large = await send('PUT', '/api/drafts/vraag', pieter, { answers: { question: 'x'.repeat(70_000) } });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'case-draft-too-large', errors: [{ field: 'answers' }] });
    expect((await send('PUT', '/api/drafts/bestaat-niet', pieter, { answers: {} })).json().code).toBe('case-product-not-found');
    expect((await send('PUT', '/api/drafts/vraag', pieter, { answers: ['geen', 'object'] as unknown as object })).statusCode).toBe(400);
    expect(await draftRows()).toEqual([]);
  });

  it('needs the CSRF token of the session, and "start over" deletes the draft', async () => {
    const withoutToken = await send('PUT', '/api/drafts/vraag', null, { answers: { question: 'x' } }, { cookie: pieter.headers.cookie });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('csrf-token-invalid');
    expect((await send('PUT', '/api/drafts/vraag', pieter, { answers: { question: 'x' } })).statusCode).toBe(200);
    expect((await send('DELETE', '/api/drafts/vraag', pieter)).statusCode).toBe(204);
    expect((await send('GET', '/api/drafts/vraag', pieter)).statusCode).toBe(404);
    expect((await send('DELETE', '/api/drafts/vraag', pieter)).statusCode).toBe(204);
  });

  it('keeps an employee’s assisted-intake draft apart and removes it with the assisted submission', async () => {
    const answers = { question: 'Mevrouw vraagt of de thuisdienst ook op zaterdag komt.', replyBy: 'phone', phone: '056 73 33 11', contactConsent: true };
    expect((await send('PUT', '/api/work/drafts/vraag', contactCentre, { answers })).statusCode).toBe(200);
    expect((await send('GET', '/api/drafts/vraag', pieter)).statusCode).toBe(404);
    expect((await send('GET', '/api/work/drafts/vraag', contactCentre)).json().answers).toEqual(answers);
    const submitted = await send('POST', '/api/work/cases', contactCentre, {
      product: 'vraag',
      channel: 'phone',
      requester: { kind: 'person', personId: demoResidents.mariaVerhaeghe.id },
      answers,
      consent: { given: true, method: 'verbal' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await send('GET', '/api/work/drafts/vraag', contactCentre)).statusCode).toBe(404);
  });
});
