import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createAuditLog } from '../../platform/audit/audit.ts';
import { createCatalogService, loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';
import { createLocalRegister, createNationalNumberVault, demoResidents } from '../register/index.ts';
import { type CaseAutomation, createCasesService, loadCasesSetup } from './index.ts';

/**
 * The staff side through the HTTP API: team queues, hand-over, the status machine's refusals,
 * claim and assign, assisted submission with consent, the audited case detail with the 360° strip,
 * the routing tester; and the automation hook through the service.
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;
let resident: TestLogin;
let pieter: TestLogin;
let contactCentre: TestLogin;
let reception: TestLogin;
let burgerzaken: TestLogin;
let burgerzakenColleague: TestLogin;
let coordinator: TestLogin;
let omgeving: TestLogin;
let police: TestLogin;
let admin: TestLogin;
let editor: TestLogin;

const post = (url: string, login: TestLogin | null, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...(login?.headers ?? {}), ...headers }, payload: payload as object });
const get = (url: string, login: TestLogin | null) => t.app.inject({ method: 'GET', url, headers: login?.headers ?? {} });

const ask = async (text: string, login: TestLogin = resident) => {
  const response = await post('/api/cases', login, { product: 'vraag', answers: { question: text, replyBy: 'none' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string };
};

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  await seedDemoPopulation(t);
  resident = await loginAsResident(t, { email: 'vrager@test.example' });
  pieter = await loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id });
  contactCentre = await loginAsStaff(t, [{ role: 'contact-centre', team: 'contactcenter' }], 'city', 'Carla Contact');
  reception = await loginAsStaff(t, [{ role: 'reception', team: 'onthaal' }], 'city', 'Rita Onthaal');
  burgerzaken = await loginAsStaff(t, [{ role: 'back-office', team: 'burgerzaken' }], 'city', 'Bart Burgerzaken');
  burgerzakenColleague = await loginAsStaff(t, [{ role: 'back-office', team: 'burgerzaken' }], 'city', 'Bea Burgerzaken');
  coordinator = await loginAsStaff(t, [{ role: 'coordinator', team: 'burgerzaken' }], 'city', 'Koen Coördinator');
  omgeving = await loginAsStaff(t, [{ role: 'back-office', team: 'omgeving' }], 'city', 'Olga Omgeving');
  police = await loginAsStaff(t, [{ role: 'partner' }], 'politiezone-gavers', 'Inspecteur Peeters');
  admin = await loginAsStaff(t, [{ role: 'admin' }], 'city', 'Ada Admin');
  editor = await loginAsStaff(t, [{ role: 'catalogue-editor', team: 'communicatie' }], 'city', 'Eddy Editor');
});
afterAll(async () => t?.close());

describe('work queues', () => {
  it('shows a team its own queue only; reception and the contact centre share the general question queue', async () => {
    const { id, reference } = await ask('Wie maait het gras aan de kerk?');
    const queue = await get('/api/work/queues/contactcenter', contactCentre);
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toMatchObject({ team: { id: 'contactcenter', name: 'Contactcenter' } });
    expect(queue.json().items.map((item: { reference: string }) => item.reference)).toContain(reference);
    expect((await get('/api/work/queues/contactcenter', reception)).statusCode).toBe(200);

    const other = await get('/api/work/queues/contactcenter', burgerzaken);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('case-queue-not-allowed');
    expect((await get('/api/work/queues/contactcenter', editor)).json().code).toBe('case-queue-not-allowed');
    expect((await get('/api/work/queues/geen-team', contactCentre)).statusCode).toBe(404);

    // A case of another team is not there at all: 404, audited.
    const peek = await get(`/api/work/cases/${id}`, burgerzaken);
    expect(peek.statusCode).toBe(404);
    const denied = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'cases.case.denied').where('actor_id', '=', burgerzaken.id).execute();
    expect(denied).toHaveLength(1);
  });

  it('filters by product, status, channel, sub-municipality and assignee', async () => {
    const { id } = await ask('Filtertest');
    const base = '/api/work/queues/contactcenter';
    const ids = async (query: string) => (await get(`${base}?${query}`, contactCentre)).json().items.map((item: { id: string }) => item.id);
    expect(await ids('product=vraag')).toContain(id);
    expect(await ids('product=melding-openbaar-domein')).not.toContain(id);
    expect(await ids('status=received&channel=online')).toContain(id);
    expect(await ids('channel=phone')).not.toContain(id);
    expect(await ids('assignee=none')).toContain(id);
    expect(await ids('assignee=me')).not.toContain(id);
    expect(await ids('due=overdue')).not.toContain(id);
    expect(await ids('due=due-soon')).not.toContain(id);
    expect(await ids('subMunicipality=Bavikhove')).not.toContain(id);
  });
});

describe('hand-over', () => {
  it('needs a reason, keeps the history and the count, moves the case to the new queue and tells the resident who has it now', async () => {
    const { id, reference } = await ask('Hoe vraag ik een nieuwe identiteitskaart aan?');
    await post(`/api/work/cases/${id}/claim`, contactCentre, {});

    const noReason = await post(`/api/work/cases/${id}/hand-over`, contactCentre, { to: { kind: 'team', id: 'burgerzaken' }, reason: ' ok ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'case-reason-required', errors: [{ field: 'reason' }] });
    expect((await t.db.selectFrom('cases').select('hand_over_count').where('id', '=', id).executeTakeFirstOrThrow()).hand_over_count).toBe(0);

    const unknown = await post(`/api/work/cases/${id}/hand-over`, contactCentre, { to: { kind: 'team', id: 'brandweer' }, reason: 'Dit is voor de brandweer' });
    expect(unknown.json().code).toBe('case-owner-unknown');

    const handed = await post(`/api/work/cases/${id}/hand-over`, contactCentre, {
      to: { kind: 'team', id: 'burgerzaken' },
      reason: 'Vraag over identiteitskaart: Burgerzaken',
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ owner: { id: 'burgerzaken', name: 'Burgerzaken' }, handOverCount: 1, assignee: null });

    expect((await get(`/api/work/cases/${id}`, contactCentre)).statusCode).toBe(404);
    expect((await get('/api/work/queues/burgerzaken', burgerzaken)).json().items.map((item: { id: string }) => item.id)).toContain(id);
    const again = await post(`/api/work/cases/${id}/hand-over`, burgerzaken, { to: { kind: 'team', id: 'burgerzaken' }, reason: 'Nog eens naar onszelf' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('case-same-owner');

    const detail = (await get(`/api/work/cases/${id}`, burgerzaken)).json();
    const handOver = detail.timeline.find((entry: { type: string }) => entry.type === 'hand-over');
    expect(handOver).toMatchObject({
      visibility: 'internal',
      reason: 'Vraag over identiteitskaart: Burgerzaken',
      owner: { id: 'burgerzaken' },
      previousOwner: { id: 'contactcenter' },
      actor: { name: 'Carla Contact' },
    });
    expect(detail.timeline.map((entry: { type: string }) => entry.type)).toEqual(['submitted', 'routed', 'assigned', 'hand-over', 'owner-changed']);

    const seen = (await get(`/api/cases/${reference}`, resident)).json();
    expect(seen.owner).toEqual({ kind: 'team', id: 'burgerzaken', name: 'Burgerzaken' });
    expect(seen.timeline.map((entry: { type: string }) => entry.type)).toEqual(['submitted', 'owner-changed']);
    expect(JSON.stringify(seen)).not.toContain('identiteitskaart: Burgerzaken');
    expect(JSON.stringify(seen)).not.toContain('Carla');

    // Handed to a partner: the police zone sees and works it, the team no longer does; handing back counts too.
    const toPolice = await post(`/api/work/cases/${id}/hand-over`, burgerzaken, {
      to: { kind: 'partner', id: 'politiezone-gavers' },
      reason: 'Verlies van identiteitskaart door diefstal: aangifte',
    });
    expect(toPolice.json()).toMatchObject({ owner: { kind: 'partner', id: 'politiezone-gavers' }, handOverCount: 2 });
    expect((await get('/api/work/queues/politiezone-gavers', police)).json().items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await get('/api/work/queues/politiezone-gavers', burgerzaken)).statusCode).toBe(403);
    const partnerView = (await get(`/api/work/cases/${id}`, police)).json();
    expect(partnerView.otherOpenCases).toEqual([]);
    expect(partnerView.recentContacts).toEqual([]);
    const back = await post(`/api/work/cases/${id}/hand-over`, police, {
      to: { kind: 'team', id: 'burgerzaken' },
      reason: 'Aangifte opgenomen, verder door Burgerzaken',
    });
    expect(back.json()).toMatchObject({ owner: { id: 'burgerzaken' }, handOverCount: 3 });
    expect((await get(`/api/work/cases/${id}`, police)).statusCode).toBe(404);
  });
});

describe('status machine through the API', () => {
  it('refuses steps the machine does not allow with a clear code, and e-mails the requester on changes and messages', async () => {
    const { id, reference } = await ask('Status machine');
    const close = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'close' });
    expect(close.statusCode).toBe(409);
    expect(close.json().code).toBe('case-transition-not-allowed');
    const advice = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'request-advice', partner: 'politiezone-gavers' });
    expect(advice.json().code).toBe('case-transition-not-in-family');
    const noPartner = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'request-advice' });
    expect(noPartner.json().code).toBe('case-partner-unknown');

    const started = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'start' });
    expect(started.json()).toMatchObject({ status: 'in-progress', assignee: { name: 'Carla Contact' } });
    const wrongOutcome = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'decide', outcome: 'granted' });
    expect(wrongOutcome.statusCode).toBe(422);
    expect(wrongOutcome.json()).toMatchObject({ code: 'case-outcome-invalid', errors: [{ field: 'outcome' }] });
    const noReason = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'reject', reason: 'x' });
    expect(noReason.json().code).toBe('case-reason-required');

    const before = await t.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'vrager@test.example').execute();
    const asked = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'ask-resident', message: 'Over welke straat gaat het?' });
    expect(asked.json()).toMatchObject({ status: 'waiting-for-resident', deadline: { flag: 'paused' } });
    expect(await t.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'vrager@test.example').execute()).toHaveLength(before.length + 1);

    const replied = await post(`/api/cases/${reference}/messages`, resident, { text: 'De Marktstraat.' });
    expect(replied.json().status).toBe('in-progress');

    await post(`/api/work/cases/${id}/notes`, contactCentre, { text: 'Intern: navragen bij Openbaar Domein' });
    await post(`/api/work/cases/${id}/messages`, contactCentre, { text: 'Het gras wordt volgende week gemaaid.' });
    const decided = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'decide', outcome: 'answered' });
    expect(decided.json()).toMatchObject({ status: 'decided', deadline: { flag: 'done' } });
    expect((await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'close' })).json().status).toBe('closed');
    const final = await post(`/api/work/cases/${id}/status`, contactCentre, { event: 'start' });
    expect(final.statusCode).toBe(409);
    expect(final.json().code).toBe('case-is-final');

    const seen = (await get(`/api/cases/${reference}`, resident)).json();
    expect(seen).toMatchObject({ status: 'closed', outcome: 'answered', open: false });
    expect(seen.timeline.map((entry: { type: string }) => entry.type)).toEqual([
      'submitted',
      'status-changed',
      'status-changed',
      'message',
      'resident-message',
      'status-changed',
      'message',
      'status-changed',
      'status-changed',
    ]);
    expect(JSON.stringify(seen)).not.toContain('navragen');
    // Submitted, started, asked (with a message), message, decided, closed: one mail each, none with the
    // content; the resident's own reply sends none.
    const mails = await t.db.selectFrom('mail_outbox').selectAll().where('subject', '=', `Uw dossier ${reference}`).execute();
    expect(mails).toHaveLength(6);
    expect(
      mails.every((mail) => !mail.text_body.includes('gras') && !mail.text_body.includes('straat') && mail.text_body.includes(`/mijn-dossiers/${reference}`)),
    ).toBe(true);
  });
});

describe('claim and assign', () => {
  it('lets a team member claim, refuses a second claim, and lets the team’s coordinator assign and take over', async () => {
    const { reference } = (
      await post('/api/cases', pieter, { product: 'attest-gezinssamenstelling', answers: { purpose: 'work', documentLanguage: 'nl', onEarlierDate: false } })
    ).json();
    const { id } = await t.db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();

    expect((await post(`/api/work/cases/${id}/claim`, burgerzaken, {})).json().assignee).toMatchObject({ id: burgerzaken.id, name: 'Bart Burgerzaken' });
    const second = await post(`/api/work/cases/${id}/claim`, burgerzakenColleague, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('case-already-claimed');
    // Only a coordinator may take over.
    expect((await post(`/api/work/cases/${id}/claim`, burgerzakenColleague, { takeOver: true })).json().code).toBe('case-already-claimed');
    expect((await post(`/api/work/cases/${id}/claim`, omgeving, {})).statusCode).toBe(404);

    const outsider = await post(`/api/work/cases/${id}/assign`, coordinator, { staffId: omgeving.id });
    expect(outsider.statusCode).toBe(409);
    expect(outsider.json().code).toBe('case-not-in-owner-team');
    const assigned = await post(`/api/work/cases/${id}/assign`, coordinator, { staffId: burgerzakenColleague.id });
    expect(assigned.json().assignee).toMatchObject({ id: burgerzakenColleague.id, name: 'Bea Burgerzaken' });
    expect((await post(`/api/work/cases/${id}/claim`, coordinator, { takeOver: true })).json().assignee.id).toBe(coordinator.id);
    expect((await post(`/api/work/cases/${id}/assign`, burgerzaken, { staffId: burgerzaken.id })).statusCode).toBe(403);
  });
});

describe('assisted submission', () => {
  it('records the channel, the employee and the resident’s consent; without consent nothing is stored', async () => {
    const body = {
      product: 'vraag',
      channel: 'phone',
      requester: { kind: 'person', personId: demoResidents.mariaVerhaeghe.id },
      answers: { question: 'Mevrouw vraagt of de thuisdienst ook op zaterdag komt.', replyBy: 'phone', phone: '056 73 33 11', contactConsent: true },
      consent: { given: true, method: 'verbal', note: 'Telefonisch toegestemd' },
    };
    const without = await post('/api/work/cases', contactCentre, { ...body, consent: undefined });
    expect(without.statusCode).toBe(400);
    expect(without.json().errors.map((error: { field: string }) => error.field)).toContain('consent');

    const response = await post('/api/work/cases', contactCentre, body);
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt.self).toBe(`/api/work/cases/${receipt.id}`);
    const detail = (await get(`/api/work/cases/${receipt.id}`, contactCentre)).json();
    expect(detail).toMatchObject({
      channel: 'phone',
      subMunicipality: 'Hulste',
      submittedBy: { id: contactCentre.id, name: 'Carla Contact' },
      consent: { given: true, method: 'verbal', note: 'Telefonisch toegestemd' },
      requester: { kind: 'resident', personId: demoResidents.mariaVerhaeghe.id, name: 'Maria Verhaeghe', follows: 'account' },
    });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'cases.case.submitted-assisted').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: contactCentre.id, subject_person_id: demoResidents.mariaVerhaeghe.id });

    const unknownPerson = await post('/api/work/cases', contactCentre, { ...body, requester: { kind: 'person', personId: crypto.randomUUID() } });
    expect(unknownPerson.json().errors[0].field).toBe('requester.personId');
    expect((await post('/api/work/cases', police, body)).statusCode).toBe(403);
  });
});

describe('case detail for staff', () => {
  it('shows the requester’s other open cases and recent contacts, and audits each read with the person', async () => {
    // (A residence certificate would complete by itself; an open case needs a person.)
    const first = (
      await post('/api/cases', pieter, { product: 'vraag', answers: { question: 'Wanneer wordt het grofvuil opgehaald?', replyBy: 'none' } })
    ).json();
    const second = (
      await post('/api/cases', pieter, { product: 'vraag', answers: { question: 'Mag mijn buurman een carport bouwen?', replyBy: 'none' } })
    ).json();
    expect(first.reference ?? first.code).toBeDefined();
    // A message each way on the first question: contacts of the same person, shown on the second.
    expect((await post(`/api/work/cases/${first.id}/messages`, contactCentre, { text: 'Op de tweede dinsdag van de maand.' })).statusCode).toBe(200);
    expect((await post(`/api/cases/${first.reference}/messages`, pieter, { text: 'Dank u wel.' })).statusCode).toBe(200);
    const detail = await get(`/api/work/cases/${second.reference}`, contactCentre);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.requester).toMatchObject({ personId: demoResidents.pieterVandenberghe.id, name: 'Pieter Vandenberghe' });
    expect(body.otherOpenCases.length).toBeGreaterThan(0);
    expect(body.otherOpenCases.every((other: { reference: string }) => other.reference !== second.reference)).toBe(true);
    // Recent contacts over all of Pieter's cases, newest first: each message, each request with its channel.
    const contacts = body.recentContacts.filter((contact: { reference: string }) => [first.reference, second.reference].includes(contact.reference));
    expect(contacts.map((contact: { kind: string; reference: string }) => [contact.kind, contact.reference])).toEqual([
      ['from-requester', first.reference],
      ['to-requester', first.reference],
      ['request', second.reference],
      ['request', first.reference],
    ]);
    expect(contacts[1]).toMatchObject({ by: 'Carla Contact', channel: null, product: { slug: 'vraag' } });
    expect(contacts[2]).toMatchObject({ channel: 'online', by: null, caseId: second.id });
    const reads = await t.db
      .selectFrom('audit_log')
      .select(['action', 'subject_person_id', 'purpose'])
      .where('actor_id', '=', contactCentre.id)
      .where('action', 'in', ['cases.case.read', 'cases.open-cases.read', 'cases.contacts.read'])
      .where('resource_id', '=', second.id)
      .execute();
    expect(reads).toEqual(
      expect.arrayContaining([
        { action: 'cases.case.read', subject_person_id: demoResidents.pieterVandenberghe.id, purpose: 'case-handling' },
        { action: 'cases.open-cases.read', subject_person_id: demoResidents.pieterVandenberghe.id, purpose: 'case-handling' },
        { action: 'cases.contacts.read', subject_person_id: demoResidents.pieterVandenberghe.id, purpose: 'case-handling' },
      ]),
    );
    // Pieter sees who looked, under "who saw my data".
    const seenBy = (await get('/api/me/data-access', pieter)).json();
    expect(JSON.stringify(seenBy)).toContain('cases.case.read');
  });
});

describe('routing tester', () => {
  it('says where a case would go and why, for staff who work cases or manage routing', async () => {
    const bavikhove = (await get('/api/work/routing/test?product=melding-openbaar-domein&subMunicipality=Bavikhove', contactCentre)).json();
    expect(bavikhove).toMatchObject({
      family: 'report',
      team: { id: 'openbaar-domein' },
      source: 'rule',
      rule: { id: 'meldingen-bavikhove' },
      requiredPermission: 'requests:create-basic',
    });
    const counter = (await get('/api/work/routing/test?product=vraag&channel=counter', admin)).json();
    expect(counter).toMatchObject({ team: { id: 'onthaal', name: 'Onthaal' }, source: 'rule', serviceNormDays: 5 });
    const responsible = (await get('/api/work/routing/test?product=attest-woonst', contactCentre)).json();
    expect(responsible).toMatchObject({
      team: { id: 'burgerzaken' },
      source: 'responsible-team',
      family: 'certificate',
      requiredPermission: 'requests:create',
    });
    const refused = await get('/api/work/routing/test?product=vraag', editor);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('case-routing-not-allowed');
  });

  it('routes a report by the place it is about', async () => {
    const response = await post('/api/cases', resident, {
      product: 'melding-openbaar-domein',
      answers: {
        category: 'road-damage',
        description: 'Diepe put in het fietspad',
        location: { street: 'Kervijnstraat', number: '8', postcode: '8531' },
        dangerous: true,
        wantsFeedback: false,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().owner.id).toBe('openbaar-domein');
    const row = await t.db.selectFrom('cases').select(['sub_municipality', 'family']).where('id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ sub_municipality: 'Bavikhove', family: 'report' });
  });
});

describe('automation hook', () => {
  const serviceWith = async (automation: CaseAutomation) => {
    const catalog = createCatalogService({ db: t.db, clock: { now: () => new Date() } });
    return createCasesService({
      db: t.db,
      audit: createAuditLog(),
      clock: { now: () => new Date() },
      city: t.city,
      mail: t.mail,
      register: createLocalRegister({ db: t.db, vault: createNationalNumberVault(t.config.secretKey), nisCode: t.city.nisCode }),
      products: catalog,
      setup: await loadCasesSetup({ cityProfilePath: t.config.cityProfilePath, city: t.city }),
      publicUrl: t.config.publicUrl,
      secretKey: t.config.secretKey,
      automation,
    });
  };
  const actor = {
    kind: 'resident' as const,
    accountId: '',
    personId: demoResidents.pieterVandenberghe.id,
    assurance: 'high' as const,
    name: 'Pieter Vandenberghe',
    email: null,
    surface: 'portal' as const,
    sessionId: 'test',
  };
  const answers = { purpose: 'school', documentLanguage: 'nl', onEarlierDate: false };

  it('completes an automated certificate with its document before the submission returns', async () => {
    const account = await t.db
      .selectFrom('resident_accounts')
      .select('id')
      .where('register_person_id', '=', demoResidents.pieterVandenberghe.id)
      .executeTakeFirstOrThrow();
    const service = await serviceWith({
      handles: (product) => product === 'attest-gezinssamenstelling',
      prepare: async (request, options) => {
        expect(options).toEqual({ fresh: true });
        const document = {
          id: `doc-${request.caseId}`,
          title: { nl: 'Attest', fr: 'Certificat', en: 'Certificate' },
          fileName: 'attest.pdf',
          downloadUrl: `/api/documents/doc-${request.caseId}`,
          verificationCode: 'ABCD-EFGH',
        };
        return { document, store: async () => document };
      },
    });
    const result = await service.submit({ ...actor, accountId: account.id }, { product: 'attest-gezinssamenstelling', answers }, { requestLanguage: 'nl' });
    // One transaction stored the case, its document and its closing: the receipt already says closed.
    expect(result.receipt.status).toBe('closed');
    const seen = (await get(`/api/cases/${result.receipt.reference}`, pieter)).json();
    expect(seen).toMatchObject({ status: 'closed', outcome: 'issued' });
    expect(seen.timeline.map((entry: { type: string }) => entry.type)).toEqual(['submitted', 'document', 'status-changed', 'status-changed']);
    expect(seen.timeline[1].document).toMatchObject({ title: 'Attest', fileName: 'attest.pdf', verificationCode: 'ABCD-EFGH' });
    expect(await service.completeWithDocument(result.receipt.id, { id: 'again', title: 'x', fileName: 'x.pdf', downloadUrl: '/x' })).toBeNull();
  });

  it('sends a certificate whose automation fails to the team’s queue, with the error for staff and a plain word for the resident', async () => {
    const account = await t.db
      .selectFrom('resident_accounts')
      .select('id')
      .where('register_person_id', '=', demoResidents.pieterVandenberghe.id)
      .executeTakeFirstOrThrow();
    const service = await serviceWith({
      handles: () => true,
      prepare: async () => {
        throw new Error('PDF rendering failed: font missing');
      },
    });
    const result = await service.submit({ ...actor, accountId: account.id }, { product: 'attest-gezinssamenstelling', answers }, { requestLanguage: 'nl' });
    const seen = (await get(`/api/cases/${result.receipt.reference}`, pieter)).json();
    expect(seen).toMatchObject({ status: 'received', open: true });
    expect(seen.timeline.map((entry: { type: string }) => entry.type)).toEqual(['submitted', 'automation-failed']);
    expect(JSON.stringify(seen)).not.toContain('font missing');
    const staff = (await get(`/api/work/cases/${result.receipt.id}`, burgerzaken)).json();
    expect(staff).toMatchObject({ handling: 'human', status: 'received' });
    expect(staff.timeline.find((entry: { type: string }) => entry.type === 'note').text).toContain('font missing');
    expect((await get('/api/work/queues/burgerzaken', burgerzaken)).json().items.map((item: { id: string }) => item.id)).toContain(result.receipt.id);
  });
});
