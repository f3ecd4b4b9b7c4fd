import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';
import { demoResidents } from '../register/index.ts';

/**
 * Message templates through the HTTP API: filled in in the resident's language, only those that fit
 * the case, with nothing of the requester's personal data, and only for who may send a message.
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;
let pieter: TestLogin;
let contactCentre: TestLogin;
let burgerzaken: TestLogin;

const post = (url: string, login: TestLogin, payload: object) => t.app.inject({ method: 'POST', url, headers: login.headers, payload });
const get = (url: string, login: TestLogin, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...login.headers, ...headers } });

type Template = { id: string; title: string; language: string; text: string; translations?: { language: string; text: string }[] };

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  await seedDemoPopulation(t);
  pieter = await loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id });
  contactCentre = await loginAsStaff(t, [{ role: 'contact-centre', team: 'contactcenter' }], 'city', 'Carla Contact');
  burgerzaken = await loginAsStaff(t, [{ role: 'back-office', team: 'burgerzaken' }], 'city', 'Bart Burgerzaken');
});
afterAll(async () => t?.close());

describe('message templates', () => {
  it('fills the templates in the language of a French-speaking case, with the picker in the employee’s language', async () => {
    const asked = await post('/api/cases', pieter, {
      product: 'vraag',
      answers: { question: 'Quand le parc à conteneurs est-il ouvert ?', replyBy: 'none' },
      language: 'fr',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id, reference, dueDate } = asked.json() as { id: string; reference: string; dueDate: string };

    const response = await get(`/api/work/cases/${id}/message-templates`, contactCentre);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { caseLanguage: string; items: Template[] };
    expect(body.caseLanguage).toBe('fr');
    // A general question: everything but the eID appointment (identity documents only).
    expect(body.items.map((item) => item.id)).toEqual([
      'ontbrekend-document',
      'antwoord-vraag',
      'doorgegeven',
      'beslissing-positief',
      'beslissing-negatief',
      'wacht-op-u',
      'afsluiten',
    ]);
    const answer = body.items.find((item) => item.id === 'antwoord-vraag') as Template;
    expect(answer).toMatchObject({ title: 'Antwoord op uw vraag', language: 'fr' });
    expect(answer.text).toContain(`Merci pour votre question (dossier ${reference})`);
    expect(answer.text).toContain('Carla Contact\nCentre de contact, Ville de Harelbeke');
    const dueInFrench = new Intl.DateTimeFormat('fr-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${dueDate}T00:00:00Z`),
    );
    expect((body.items.find((item) => item.id === 'doorgegeven') as Template).text).toContain(`au plus tard le ${dueInFrench}`);
    // Nothing of the requester: not their name, nor what they asked.
    const all = JSON.stringify(body);
    expect(all).not.toMatch(/Pieter|Vandenberghe|conteneurs|\{\{/);

    // The picker in English for an English-speaking employee; every language on request.
    const english = (await get(`/api/work/cases/${id}/message-templates?languages=all`, contactCentre, { 'accept-language': 'en' })).json() as {
      items: Template[];
    };
    const translated = english.items.find((item) => item.id === 'antwoord-vraag') as Template;
    expect(translated.title).toBe('Answer to your question');
    expect(translated.text).toContain('Merci pour votre question');
    expect(translated.translations?.map((item) => item.language)).toEqual(['nl', 'fr', 'en']);
    expect(translated.translations?.[0]?.text).toContain(`Bedankt voor uw vraag (dossier ${reference})`);
  });

  it('offers the eID appointment for an identity card, and answers 404 (audited) to staff who cannot see the case', async () => {
    const card = await post('/api/cases', pieter, { product: 'identiteitskaart', answers: { description: 'Mijn kaart vervalt volgende maand.' } });
    expect(card.statusCode, card.body).toBe(201);
    const { id } = card.json() as { id: string };
    const items = ((await get(`/api/work/cases/${id}/message-templates`, burgerzaken)).json() as { items: Template[] }).items;
    expect(items.map((item) => item.id)).toContain('afspraak-eid');
    expect((items.find((item) => item.id === 'afspraak-eid') as Template).text).toContain('Maak een afspraak bij Burgerzaken');

    const other = await get(`/api/work/cases/${id}/message-templates`, contactCentre);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('case-not-found');
    const denied = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'cases.case.denied')
      .where('actor_id', '=', contactCentre.id)
      .execute();
    expect(denied.map((row) => (row.details as { caseId?: string }).caseId)).toContain(id);
  });
});
