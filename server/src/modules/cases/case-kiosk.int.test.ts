import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';

/**
 * The kiosk at city hall serves what needs no login through `POST /api/questions`: a general
 * question and a report about public space, each stored with the channel `kiosk` and followed by
 * its secret link. What needs eID stays closed to it.
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;

const ask = (payload: unknown, key: string) =>
  t.app.inject({ method: 'POST', url: '/api/questions', headers: { 'idempotency-key': key }, payload: payload as object });

const stored = (reference: string) =>
  t.db
    .selectFrom('cases')
    .select(['product_slug', 'family', 'channel', 'contact_email', 'requester_account_id', 'access_token_hash'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();

const report = {
  category: 'street-light',
  description: 'De lantaarnpaal aan de kerk brandt al een week niet.',
  location: { street: 'Marktstraat', number: '1', postcode: '8530' },
  dangerous: false,
  wantsFeedback: true,
  email: 'kiosk@test.example',
  contactConsent: true,
};

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
});
afterAll(async () => t?.close());

describe('a visitor at the kiosk, without a login', () => {
  it('asks a question that is stored with the channel kiosk and followed by its secret link', async () => {
    const response = await ask({ answers: { question: 'Wanneer is het containerpark open?', replyBy: 'none' }, channel: 'kiosk' }, 'kiosk-vraag-1');
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt.followUrl).toMatch(/\/vragen\/[A-Za-z0-9_-]{43}$/);
    const row = await stored(receipt.reference);
    expect(row).toMatchObject({ product_slug: 'vraag', channel: 'kiosk', requester_account_id: null, contact_email: null });
    expect(row.access_token_hash).not.toBeNull();

    const submitted = await t.db
      .selectFrom('case_events')
      .select('payload')
      .where('type', '=', 'submitted')
      .where('case_id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(submitted.payload).toMatchObject({ channel: 'kiosk' });
    const audited = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'cases.case.submitted')
      .where('resource_id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(audited.details).toMatchObject({ channel: 'kiosk' });
  });

  it('reports a broken street light: a report with the channel kiosk, the follow link mailed to the address typed in', async () => {
    const response = await ask({ product: 'melding-openbaar-domein', answers: report, channel: 'kiosk', language: 'nl' }, 'kiosk-melding-1');
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt.product).toBe('melding-openbaar-domein');
    expect(await stored(receipt.reference)).toMatchObject({ family: 'report', channel: 'kiosk', contact_email: 'kiosk@test.example' });
    const mail = await t.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', 'kiosk@test.example').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(receipt.followUrl);
    expect((await t.app.inject({ method: 'GET', url: receipt.self })).statusCode).toBe(200);
  });

  it('stores a question from the portal as online, as before', async () => {
    const response = await ask({ answers: { question: 'Waar vind ik de bibliotheek?', replyBy: 'none' } }, 'online-vraag-1');
    expect(response.statusCode, response.body).toBe(201);
    expect((await stored(response.json().reference)).channel).toBe('online');
  });

  it('keeps the login for certificates and permits, and takes no other channel', async () => {
    const before = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    for (const product of ['attest-woonst', 'evenement']) {
      const refused = await ask({ product, answers: {}, channel: 'kiosk' }, `kiosk-${product}`);
      expect(refused.statusCode, refused.body).toBe(404);
      expect(refused.json().code).toBe('case-product-not-found');
    }
    const counter = await ask({ answers: { question: 'Balie?', replyBy: 'none' }, channel: 'counter' }, 'kiosk-counter');
    expect(counter.statusCode).toBe(400);
    const after = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
