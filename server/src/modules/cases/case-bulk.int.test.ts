import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';

/**
 * Bulk assignment through the HTTP API: each case through the single assignment's policy and rule,
 * one line per case, a timeline entry and an audit row per assigned case.
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;
let resident: TestLogin;
let bart: TestLogin;
let bea: TestLogin;
let coordinator: TestLogin;
let otherCoordinator: TestLogin;
let olga: TestLogin;
let contactCentre: TestLogin;

const post = (url: string, login: TestLogin, payload: object) => t.app.inject({ method: 'POST', url, headers: login.headers, payload });
const get = (url: string, login: TestLogin) => t.app.inject({ method: 'GET', url, headers: login.headers });

/** A request for an identity card: it waits in the Burgerzaken queue. */
const cardCase = async () => {
  const response = await post('/api/cases', resident, {
    product: 'identiteitskaart',
    answers: { description: 'Nieuwe identiteitskaart, de oude is verlopen.' },
  });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.json().owner.id).toBe('burgerzaken');
  return response.json() as { id: string; reference: string };
};

type Line = { caseId: string; result: 'assigned' | 'refused'; code?: string; title?: string; reference: string | null };

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  await seedDemoPopulation(t);
  resident = await loginAsResident(t, { email: 'bulk@test.example' });
  bart = await loginAsStaff(t, [{ role: 'back-office', team: 'burgerzaken' }], 'city', 'Bart Burgerzaken');
  bea = await loginAsStaff(t, [{ role: 'back-office', team: 'burgerzaken' }], 'city', 'Bea Burgerzaken');
  coordinator = await loginAsStaff(t, [{ role: 'coordinator', team: 'burgerzaken' }], 'city', 'Koen Coördinator');
  // Coordinates Omgeving, and also works (but does not coordinate) at Burgerzaken.
  otherCoordinator = await loginAsStaff(
    t,
    [
      { role: 'coordinator', team: 'omgeving' },
      { role: 'back-office', team: 'burgerzaken' },
    ],
    'city',
    'Oscar Omgeving',
  );
  olga = await loginAsStaff(t, [{ role: 'back-office', team: 'omgeving' }], 'city', 'Olga Omgeving');
  contactCentre = await loginAsStaff(t, [{ role: 'contact-centre', team: 'contactcenter' }], 'city', 'Carla Contact');
});
afterAll(async () => t?.close());

describe('bulk assignment', () => {
  it('assigns each case the coordinator may assign, refuses the others on their own line, and writes a timeline entry and an audit row per case', async () => {
    const first = await cardCase();
    const second = await cardCase();
    const claimed = await cardCase();
    expect((await post(`/api/work/cases/${claimed.id}/claim`, bart, {})).statusCode).toBe(200);
    const question = await post('/api/cases', resident, { product: 'vraag', answers: { question: 'Een vraag voor het contactcenter', replyBy: 'none' } });
    const elsewhere = question.json() as { id: string; reference: string };
    const unknown = crypto.randomUUID();

    const response = await post('/api/work/bulk-assignments', coordinator, {
      caseIds: [first.id, second.id, claimed.id, elsewhere.id, unknown, first.id],
      staffId: bea.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { assignee: { id: string; name: string }; assigned: number; refused: number; results: Line[] };
    expect(body).toMatchObject({ assignee: { id: bea.id, name: 'Bea Burgerzaken' }, assigned: 3, refused: 2 });
    expect(body.results).toEqual([
      { caseId: first.id, result: 'assigned', reference: first.reference },
      { caseId: second.id, result: 'assigned', reference: second.reference },
      // A coordinator may give a case a colleague works on to someone else, as with a single assignment.
      { caseId: claimed.id, result: 'assigned', reference: claimed.reference },
      // Another team's case and an unknown id look the same: no reference, nothing to probe.
      { caseId: elsewhere.id, result: 'refused', code: 'case-not-found', title: 'Dit dossier bestaat niet.', reference: null },
      { caseId: unknown, result: 'refused', code: 'case-not-found', title: 'Dit dossier bestaat niet.', reference: null },
    ]);

    const queue = (await get('/api/work/queues/burgerzaken', bea)).json() as { items: { id: string; assignee: { id: string } | null }[] };
    for (const id of [first.id, second.id, claimed.id]) expect(queue.items.find((item) => item.id === id)?.assignee?.id).toBe(bea.id);

    const events = await t.db
      .selectFrom('case_events')
      .select(['case_id', 'payload', 'actor_id'])
      .where('type', '=', 'assigned')
      .where('case_id', 'in', [first.id, second.id, claimed.id])
      .where('actor_id', '=', coordinator.id)
      .execute();
    expect(events).toHaveLength(3);
    expect(events.find((event) => event.case_id === claimed.id)?.payload).toMatchObject({
      how: 'assign',
      assignee: { id: bea.id },
      previousAssigneeId: bart.id,
    });

    const audit = await t.db.selectFrom('audit_log').select(['action', 'resource_id', 'details']).where('actor_id', '=', coordinator.id).execute();
    expect(audit.filter((row) => row.action === 'cases.case.assigned').map((row) => row.resource_id)).toEqual(
      expect.arrayContaining([first.id, second.id, claimed.id]),
    );
    expect(audit.filter((row) => row.action === 'cases.case.assigned')).toHaveLength(3);
    expect(audit.find((row) => row.action === 'cases.cases.bulk-assigned')?.details).toMatchObject({
      assigneeId: bea.id,
      requested: 5,
      assigned: 3,
      refused: 2,
      refusedByCode: { 'case-not-found': 2 },
    });
    expect(audit.filter((row) => row.action === 'cases.case.denied')).toHaveLength(2);
  });

  it('refuses each case to a coordinator of another team who only works in this one, and changes nothing', async () => {
    const first = await cardCase();
    const second = await cardCase();
    const response = await post('/api/work/bulk-assignments', otherCoordinator, { caseIds: [first.id, second.id], staffId: bart.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      assigned: 0,
      refused: 2,
      results: [
        { caseId: first.id, result: 'refused', code: 'case-action-not-allowed', title: 'U kunt dit niet doen in dit dossier.', reference: first.reference },
        { caseId: second.id, result: 'refused', code: 'case-action-not-allowed', reference: second.reference },
      ],
    });
    const rows = await t.db.selectFrom('cases').select('assignee_staff_id').where('id', 'in', [first.id, second.id]).execute();
    expect(rows.every((row) => row.assignee_staff_id === null)).toBe(true);
    const assigned = await t.db.selectFrom('case_events').select('id').where('type', '=', 'assigned').where('case_id', 'in', [first.id, second.id]).execute();
    expect(assigned).toHaveLength(0);

    // Without the permission at all, the route refuses.
    const backOffice = await post('/api/work/bulk-assignments', bart, { caseIds: [first.id], staffId: bart.id });
    expect(backOffice.statusCode).toBe(403);
    expect(backOffice.json().code).toBe('forbidden');
  });

  it('refuses per case an assignee outside the owning team, and the whole request for an unknown assignee or too many cases', async () => {
    const one = await cardCase();
    const outsider = await post('/api/work/bulk-assignments', coordinator, { caseIds: [one.id], staffId: olga.id });
    expect(outsider.json().results).toEqual([
      { caseId: one.id, result: 'refused', code: 'case-not-in-owner-team', title: expect.any(String), reference: one.reference },
    ]);

    const nobody = await t.app.inject({
      method: 'POST',
      url: '/api/work/bulk-assignments',
      headers: { ...coordinator.headers, 'accept-language': 'fr' },
      payload: { caseIds: [one.id], staffId: crypto.randomUUID() },
    });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json()).toMatchObject({ code: 'case-assignee-not-found', title: "Ce membre du personnel n'existe pas.", errors: [{ field: 'staffId' }] });

    const tooMany = await post('/api/work/bulk-assignments', coordinator, {
      caseIds: Array.from({ length: 101 }, () => crypto.randomUUID()),
      staffId: bart.id,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('caseIds');
  });

  it('lists who a coordinator can give the team’s cases to, for their own team only', async () => {
    const response = await get('/api/work/teams/burgerzaken/assignees', coordinator);
    expect(response.statusCode, response.body).toBe(200);
    const names = (response.json() as { items: { name: string }[] }).items.map((item) => item.name);
    expect(names).toEqual(expect.arrayContaining(['Bart Burgerzaken', 'Bea Burgerzaken', 'Koen Coördinator', 'Oscar Omgeving']));
    expect(names).not.toContain('Olga Omgeving');
    expect(names).not.toContain('Carla Contact');
    expect((await get('/api/work/teams/omgeving/assignees', coordinator)).json().code).toBe('case-queue-not-allowed');
    expect((await get('/api/work/teams/geen-team/assignees', coordinator)).statusCode).toBe(404);
    expect((await get('/api/work/teams/burgerzaken/assignees', contactCentre)).statusCode).toBe(403);
  });
});
