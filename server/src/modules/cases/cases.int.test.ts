import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsResident, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';
import { demoResidents } from '../register/index.ts';

/**
 * The requester's side of cases through the HTTP API: submitting (valid, invalid, idempotent,
 * concurrent), "Mijn dossiers", isolation between residents, the household's minors, withdrawing,
 * and a general question followed by its secret link.
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;
let emailResident: TestLogin;
let pieter: TestLogin;
let lien: TestLogin;
let maria: TestLogin;

const question = (text = 'Wanneer is het containerpark open op zaterdag?') => ({ question: text, replyBy: 'none' });

const post = (url: string, login: TestLogin | null, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...(login?.headers ?? {}), ...headers }, payload: payload as object });
const get = (url: string, login: TestLogin | null) => t.app.inject({ method: 'GET', url, headers: login?.headers ?? {} });

const countCases = async () =>
  (
    await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  await seedDemoPopulation(t);
  emailResident = await loginAsResident(t, { email: 'an.peeters@test.example' });
  pieter = await loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id });
  lien = await loginAsResident(t, { personId: demoResidents.lienDesmet.id });
  maria = await loginAsResident(t, { personId: demoResidents.mariaVerhaeghe.id });
});
afterAll(async () => t?.close());

describe('submitting a request', () => {
  it('stores a valid request, routes it, answers 201 with a receipt, lists it in Mijn dossiers and mails a link without personal data', async () => {
    const response = await post('/api/cases', emailResident, { product: 'vraag', answers: { question: 'Wanneer ophaling grofvuil?', replyBy: 'none' } });
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({ product: 'vraag', status: 'received', owner: { kind: 'team', id: 'contactcenter', name: 'Contactcenter' } });
    expect(receipt.reference).toMatch(/^HB-\d{4}-\d{6}$/);
    expect(receipt.followUrl).toBe(`${t.config.publicUrl}/mijn-dossiers/${receipt.reference}`);
    expect(response.headers.location).toBe(`/api/cases/${receipt.reference}`);

    const mine = (await get('/api/me/cases', emailResident)).json();
    expect(mine.items.map((item: { reference: string }) => item.reference)).toContain(receipt.reference);
    const line = mine.items.find((item: { reference: string }) => item.reference === receipt.reference);
    expect(line).toMatchObject({
      status: 'received',
      open: true,
      owner: { name: 'Contactcenter' },
      product: { slug: 'vraag', title: 'Een vraag stellen aan de stad' },
    });

    const detail = await get(`/api/cases/${receipt.reference}`, emailResident);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().timeline.map((entry: { type: string }) => entry.type)).toEqual(['submitted']);
    expect(detail.json().answers).toEqual({ question: 'Wanneer ophaling grofvuil?', replyBy: 'none' });

    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'an.peeters@test.example').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(`Uw dossier ${receipt.reference}`);
    expect(mail[0]?.text_body).toContain(`${t.config.publicUrl}/mijn-dossiers/${receipt.reference}`);
    expect(mail[0]?.text_body).not.toContain('grofvuil');
  });

  it('refuses answers that break the form with field-level errors in the caller’s language, and stores nothing', async () => {
    const before = await countCases();
    const response = await post(
      '/api/cases',
      emailResident,
      {
        product: 'melding-openbaar-domein',
        answers: {
          category: 'volcano',
          description: 'kort',
          location: { street: 'Marktstraat', number: '1', postcode: '9000' },
          dangerous: 'maybe',
          wantsFeedback: false,
          photos: [{ name: 'a.jpg', size: 50_000_000, type: 'image/jpeg' }],
        },
      },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('validation-failed');
    const fields = Object.fromEntries(problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]));
    expect(fields).toMatchObject({
      'answers.category': 'not-an-option',
      'answers.description': 'too-short',
      'answers.location.postcode': 'postcode-not-allowed',
      'answers.dangerous': 'wrong-type',
      'answers.photos.0': 'file-too-large',
    });
    expect(problem.errors.every((error: { message: string }) => error.message.length > 0)).toBe(true);
    expect(await countCases()).toBe(before);

    const missing = await post('/api/cases', emailResident, { product: 'vraag', answers: {} });
    expect(missing.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'answers.question', code: 'required' }),
        expect.objectContaining({ field: 'answers.replyBy', code: 'choose-one' }),
      ]),
    );
    expect(await countCases()).toBe(before);
  });

  it('returns the same case for a retry with the same Idempotency-Key, and refuses the key for another request', async () => {
    const key = crypto.randomUUID();
    const body = { product: 'vraag', answers: question('Is de bib open op maandag?') };
    const first = await post('/api/cases', emailResident, body, { 'idempotency-key': key });
    const again = await post('/api/cases', emailResident, body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await t.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute()).toHaveLength(1);

    const other = await post('/api/cases', emailResident, { product: 'vraag', answers: question('Iets heel anders') }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('case-idempotency-key-reused');

    const bad = await post('/api/cases', emailResident, body, { 'idempotency-key': 'with space' });
    expect(bad.json().code).toBe('case-idempotency-key-invalid');
  });

  it('makes one case of concurrent retries with the same key', async () => {
    const key = crypto.randomUUID();
    const body = { product: 'vraag', answers: question('Tien keer tegelijk verstuurd') };
    const responses = await Promise.all(Array.from({ length: 8 }, () => post('/api/cases', emailResident, body, { 'idempotency-key': key })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((response) => response.json().reference)).size).toBe(1);
    expect(await t.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute()).toHaveLength(1);
    // The submissions that lost the race left nothing behind: one acknowledgement mail, for the one case.
    const reference = responses[0]?.json().reference as string;
    expect(await t.db.selectFrom('mail_outbox').select('id').where('text_body', 'like', `%${reference}%`).execute()).toHaveLength(1);
  });

  it('gives every case its own reference, in order', async () => {
    const refs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post('/api/cases', emailResident, { product: 'vraag', answers: question(`Vraag ${i}`) }).then((r) => r.json().reference as string),
      ),
    );
    expect(new Set(refs).size).toBe(6);
    const rows = await t.db.selectFrom('cases').select(['reference']).orderBy('created_at').execute();
    const sequences = rows.map((row) => Number(row.reference.slice(-6)));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('asks eID or itsme for a certificate; issues it at once when it can, and routes it to the responsible team when a person must look', async () => {
    const answers = { purpose: 'school', documentLanguage: 'nl', onEarlierDate: false };
    const low = await post('/api/cases', emailResident, { product: 'attest-gezinssamenstelling', answers });
    expect(low.statusCode).toBe(403);
    expect(low.json().code).toBe('case-assurance-too-low');

    const high = await post('/api/cases', pieter, { product: 'attest-gezinssamenstelling', answers });
    expect(high.statusCode, high.body).toBe(201);
    const row = await t.db.selectFrom('cases').selectAll().where('reference', '=', high.json().reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      family: 'certificate',
      handling: 'automated',
      status: 'closed',
      outcome: 'issued',
      requester_person_id: demoResidents.pieterVandenberghe.id,
      sub_municipality: 'Harelbeke',
      channel: 'online',
    });
    const documents = await t.db.selectFrom('documents').select(['kind', 'sha256']).where('case_id', '=', row.id).execute();
    expect(documents).toEqual([expect.objectContaining({ kind: 'attest-gezinssamenstelling' })]);

    // A household composition on an earlier date needs a person: it goes to Burgerzaken's queue.
    const earlier = await post('/api/cases', pieter, {
      product: 'attest-gezinssamenstelling',
      answers: { ...answers, onEarlierDate: true, referenceDate: '2020-01-15' },
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(earlier.json()).toMatchObject({ owner: { id: 'burgerzaken' }, dueDate: expect.any(String) });
    const human = await t.db.selectFrom('cases').select(['status', 'owner_id']).where('reference', '=', earlier.json().reference).executeTakeFirstOrThrow();
    expect(human.status).not.toBe('closed');
  });

  it('refuses an unknown product', async () => {
    const response = await post('/api/cases', emailResident, { product: 'bestaat-niet', answers: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('case-product-not-found');
  });
});

describe('who sees which case', () => {
  it('answers 404 to a resident who guesses another resident’s reference, and audits it', async () => {
    const mine = (await post('/api/cases', pieter, { product: 'vraag', answers: question('Mag ik mijn haag snoeien in april?') })).json();
    const guess = await get(`/api/cases/${mine.reference}`, maria);
    expect(guess.statusCode).toBe(404);
    expect(guess.json().code).toBe('case-not-found');
    const unknown = await get('/api/cases/HB-2020-999999', maria);
    expect(unknown.statusCode).toBe(404);

    const denied = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'cases.case.denied').where('actor_kind', '=', 'resident').execute();
    expect(denied.map((row) => row.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reference: mine.reference, exists: true }),
        expect.objectContaining({ reference: 'HB-2020-999999', exists: false }),
      ]),
    );
    expect((await get('/api/me/cases', maria)).json().items.map((item: { reference: string }) => item.reference)).not.toContain(mine.reference);

    // Replying or withdrawing someone else's case is the same 404.
    expect((await post(`/api/cases/${mine.reference}/messages`, maria, { text: 'hallo' })).statusCode).toBe(404);
    expect((await post(`/api/cases/${mine.reference}/withdraw`, maria, {})).statusCode).toBe(404);
  });

  it('lets parents follow the cases of the minors of their household, not of other people', async () => {
    const forLotte = await post('/api/cases', pieter, {
      product: 'vraag',
      forPersonId: demoResidents.lotteVandenberghe.id,
      answers: question('Kan Lotte een kids-ID krijgen?'),
    });
    expect(forLotte.statusCode, forLotte.body).toBe(201);
    const reference = forLotte.json().reference;
    // Lien is Lotte's mother in the same household: she follows it too.
    expect((await get(`/api/cases/${reference}`, lien)).statusCode).toBe(200);
    expect((await get('/api/me/cases', lien)).json().items.map((item: { reference: string }) => item.reference)).toContain(reference);
    expect((await get(`/api/cases/${reference}`, maria)).statusCode).toBe(404);

    const notMine = await post('/api/cases', maria, { product: 'vraag', forPersonId: demoResidents.lotteVandenberghe.id, answers: question() });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('case-person-not-allowed');
  });

  it('pages Mijn dossiers and splits open from closed', async () => {
    const page = (await get('/api/me/cases?pageSize=2&page=1', emailResident)).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const second = (await get('/api/me/cases?pageSize=2&page=2', emailResident)).json();
    expect(second.items[0].reference).not.toBe(page.items[0].reference);
    expect((await get('/api/me/cases?state=closed', emailResident)).json().total).toBe(0);
  });
});

describe('the requester acts on their case', () => {
  it('replies and withdraws; a withdrawn case refuses further steps with a clear code', async () => {
    const { reference } = (await post('/api/cases', emailResident, { product: 'vraag', answers: question('Ik trek dit later in') })).json();
    const replied = await post(`/api/cases/${reference}/messages`, emailResident, { text: 'Nog een detail: het gaat om Hulste.' });
    expect(replied.statusCode).toBe(200);
    expect(replied.json().timeline.map((entry: { type: string }) => entry.type)).toEqual(['submitted', 'resident-message']);

    const withdrawn = await post(`/api/cases/${reference}/withdraw`, emailResident, { reason: 'Al opgelost' });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', open: false, actions: { reply: false, withdraw: false } });

    const again = await post(`/api/cases/${reference}/withdraw`, emailResident, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('case-is-final');
    const late = await post(`/api/cases/${reference}/messages`, emailResident, { text: 'Toch nog iets' });
    expect(late.json().code).toBe('case-closed-for-replies');
    expect((await get('/api/me/cases?state=closed', emailResident)).json().items.map((item: { reference: string }) => item.reference)).toContain(reference);
  });
});

describe('a general question without a login', () => {
  it('is answered with a secret follow link that shows the case, mailed to the asker, and nothing else opens it', async () => {
    const response = await post(
      '/api/questions',
      null,
      {
        answers: { question: 'Waar kan ik mijn oude fiets kwijt?', replyBy: 'email', name: 'Sam', email: 'sam@test.example', contactConsent: true },
        language: 'fr',
      },
      { 'idempotency-key': 'vraag-1' },
    );
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt.owner.id).toBe('contactcenter');
    const token = /\/vragen\/([A-Za-z0-9_-]{43})$/.exec(receipt.followUrl)?.[1];
    expect(token).toBeDefined();
    expect(receipt.self).toBe(`/api/questions/${token}`);

    // A retry shows the same link; the database keeps only its hash.
    const retry = await post(
      '/api/questions',
      null,
      {
        answers: { question: 'Waar kan ik mijn oude fiets kwijt?', replyBy: 'email', name: 'Sam', email: 'sam@test.example', contactConsent: true },
        language: 'fr',
      },
      { 'idempotency-key': 'vraag-1' },
    );
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(receipt);
    const row = await t.db.selectFrom('cases').selectAll().where('reference', '=', receipt.reference).executeTakeFirstOrThrow();
    expect(row.access_token_hash?.toString('hex')).not.toContain(Buffer.from(token ?? '').toString('hex'));
    expect(row).toMatchObject({ requester_account_id: null, contact_email: 'sam@test.example', language: 'fr' });

    const followed = await get(`/api/questions/${token}`, null);
    expect(followed.statusCode).toBe(200);
    expect(followed.json()).toMatchObject({ reference: receipt.reference, status: 'received' });
    expect((await get(`/api/questions/${'x'.repeat(43)}`, null)).statusCode).toBe(404);
    expect((await get('/api/questions/short', null)).statusCode).toBe(404);

    const reply = await post(`/api/questions/${token}/messages`, null, { text: 'Het is een gewone stadsfiets.' });
    expect(reply.statusCode).toBe(200);

    const [mail] = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'sam@test.example').execute();
    expect(mail).toMatchObject({ language: 'fr', subject: `Votre dossier ${receipt.reference}` });
    expect(mail?.text_body).toContain(receipt.followUrl);
    expect(mail?.text_body).not.toContain('fiets');
  });

  it('validates the question like any form', async () => {
    const response = await post('/api/questions', null, { answers: { replyBy: 'email', email: 'geen-adres' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['answers.question', 'answers.email', 'answers.contactConsent']),
    );
  });
});

describe('form definitions', () => {
  it('serves the form of a product with its family and the login it needs', async () => {
    const attest = (await get('/api/forms/attest-gezinssamenstelling', null)).json();
    expect(attest).toMatchObject({ product: 'attest-gezinssamenstelling', family: 'certificate', requiredPermission: 'requests:create' });
    const melding = (await get('/api/forms/melding-openbaar-domein', null)).json();
    expect(melding).toMatchObject({ family: 'report', requiredPermission: 'requests:create-basic' });
    const generic = (await get('/api/forms/grofvuil', null)).json();
    expect(generic.form.fields.map((field: { id: string }) => field.id)).toEqual(['description']);
    expect((await get('/api/forms/bestaat-niet', null)).statusCode).toBe(404);
  });
});

describe('API documentation', () => {
  it('documents the cases routes in the OpenAPI document', async () => {
    const response = await get('/api/openapi.json', null);
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/cases',
        '/api/me/cases',
        '/api/cases/{ref}',
        '/api/questions',
        '/api/work/queues/{team}',
        '/api/work/cases/{id}/hand-over',
        '/api/work/routing/test',
      ]),
    );
  });
});
