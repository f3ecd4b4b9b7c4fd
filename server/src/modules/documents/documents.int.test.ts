import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormAnswers } from '../../../../shared/src/forms/index.ts';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createAuditLog } from '../../platform/audit/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { CertificatePdfInput } from '../../platform/documents/certificate-pdf.ts';
import { inspectPdf } from '../../platform/documents/pdf-structure.test-support.ts';
import { createCasesService, loadCasesSetup } from '../cases/index.ts';
import { createCatalogService, loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';
import { createLocalRegister, createNationalNumberVault, demoResidents } from '../register/index.ts';
import {
  CertificateRefusal,
  type CertificateRequest,
  createCertificateAutomation,
  createDocumentsService,
  type DocumentsService,
  type IssuedCaseDocument,
} from './index.ts';

/**
 * Issuing certificates from the demo register (a PDF that passes the structure check, stored with
 * its code), public verification, who may download, and the two automation paths: in the request
 * (the cases module's hook, a failing renderer sending the case to a person) and the sweep that
 * finishes what a stopped process left.
 */

let t: TestApp;
let pieter: TestLogin;
let lien: TestLogin;
let documents: DocumentsService;

const register = () => createLocalRegister({ db: t.db, vault: createNationalNumberVault(t.config.secretKey), nisCode: t.city.nisCode });
const documentsWith = (render?: (input: CertificatePdfInput) => Promise<{ bytes: Buffer; sha256: string }>) =>
  createDocumentsService({
    db: t.db,
    audit: createAuditLog(),
    clock: systemClock,
    city: t.city,
    register: register(),
    publicUrl: t.config.publicUrl,
    ...(render ? { render } : {}),
  });

const householdAnswers = { purpose: 'school', documentLanguage: 'nl', onEarlierDate: false };

/** A certificate case submitted by Pieter through the API (no automation wired in the app: it waits for a person). */
const newCase = async (product = 'attest-gezinssamenstelling', answers: FormAnswers = householdAnswers): Promise<CertificateRequest> => {
  const response = await t.app.inject({ method: 'POST', url: '/api/cases', headers: pieter.headers, payload: { product, answers } });
  expect(response.statusCode, response.body).toBe(201);
  const receipt = response.json() as { id: string; reference: string };
  return { caseId: receipt.id, reference: receipt.reference, product, personId: demoResidents.pieterVandenberghe.id, answers, language: 'nl' };
};

const get = (url: string, login?: TestLogin | null, lang?: string) =>
  t.app.inject({ method: 'GET', url, headers: { ...(login?.headers ?? {}), ...(lang ? { 'accept-language': lang } : {}) } });

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoPopulation(t);
  await syncCatalog(t.db, await loadCatalogFromDirectory(path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke')), { source: 'test' });
  pieter = await loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id });
  lien = await loginAsResident(t, { personId: demoResidents.lienDesmet.id });
  documents = documentsWith();
});
afterAll(async () => t?.close());

describe('issuing a certificate for a case', () => {
  it('renders an accessible PDF from the register, stores it with its code and hash, and audits the issue', async () => {
    const request = await newCase();
    const issued = await documents.issueForCase(request);
    expect(issued).toMatchObject({
      title: 'Attest van gezinssamenstelling',
      fileName: `attest-gezinssamenstelling-${request.reference}.pdf`,
      downloadUrl: `/api/documents/${issued.id}`,
    });

    const row = await t.db.selectFrom('documents').selectAll().where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      case_id: request.caseId,
      kind: 'attest-gezinssamenstelling',
      language: 'nl',
      subject_person_id: request.personId,
      revoked_at: null,
    });
    expect(row.verification_code).toBe(issued.verificationCode);
    expect(row.sha256).toBe(createHash('sha256').update(row.bytes).digest('hex'));

    const report = await inspectPdf(row.bytes);
    expect(report).toMatchObject({
      hasStructTree: true,
      marked: true,
      lang: 'nl-BE',
      title: 'Attest van gezinssamenstelling',
      pdfa: '2A',
      fontsEmbedded: true,
    });
    const text = report.text.join('\n');
    for (const expected of [
      'Vandenberghe, Pieter',
      'Desmet, Lien',
      'Vandenberghe, Lotte',
      'Vandenberghe, Warre',
      'Marktstraat 41, 8530 Harelbeke',
      request.reference,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(`${t.config.publicUrl}/verify/${issued.verificationCode}`);

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'documents.document.issued')
      .where('resource_id', '=', issued.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: 'system', subject_person_id: request.personId });
  });

  it('issues once per case, also when two runs race (a retry after a crash finds the first document)', async () => {
    const request = await newCase();
    const [a, b] = await Promise.all([documents.issueForCase(request), documents.issueForCase(request)]);
    expect(b.id).toBe(a.id);
    expect((await documents.issueForCase(request)).id).toBe(a.id);
    const rows = await t.db.selectFrom('documents').select('id').where('case_id', '=', request.caseId).execute();
    expect(rows).toHaveLength(1);
  });

  it.each([
    [
      'attest-woonst',
      { withHistory: true, historyFrom: '2010-01-01', documentLanguage: 'fr' },
      'fr-BE',
      'Certificat de résidence',
      'Stationsstraat 12 boîte 2',
    ],
    ['uittreksel-strafregister', { model: '595', documentLanguage: 'en' }, 'en', 'Extract from the criminal record (model 595)', 'No convictions.'],
    [
      'afschrift-akte',
      { actType: 'birth', copyKind: 'extract', relation: 'self', persons: [{ familyName: 'Vandenberghe', givenNames: 'Pieter', birthDate: '1985-07-30' }] },
      'nl-BE',
      'Uittreksel van de geboorteakte',
      'Databank van de Akten',
    ],
  ] as const)('issues %s in the chosen language', async (product, answers, lang, title, printed) => {
    const issued = await documents.issueForCase(await newCase(product, answers as unknown as FormAnswers));
    const row = await t.db.selectFrom('documents').select('bytes').where('id', '=', issued.id).executeTakeFirstOrThrow();
    const report = await inspectPdf(row.bytes);
    expect(report).toMatchObject({ hasStructTree: true, lang, title });
    expect(report.text.join(' ')).toContain(printed);
  });

  it('refuses what a person must handle, before rendering anything', async () => {
    const request = await newCase('uittreksel-strafregister', { model: '596.1', activity: 'Trainer', organisation: 'KSV', documentLanguage: 'nl' });
    await expect(documents.issueForCase(request)).rejects.toBeInstanceOf(CertificateRefusal);
    expect(await t.db.selectFrom('documents').select('id').where('case_id', '=', request.caseId).execute()).toEqual([]);
  });
});

describe('public verification', () => {
  let issued: IssuedCaseDocument;
  beforeAll(async () => {
    issued = await documents.issueForCase(await newCase());
  });

  it('confirms a genuine document with its issue moment, hash and exactly what is printed on it', async () => {
    const response = await get(`/api/documents/verify/${issued.verificationCode}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    const row = await t.db.selectFrom('documents').select(['sha256', 'issued_at']).where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(Object.keys(body).sort()).toEqual(['code', 'genuine', 'issuedAt', 'kind', 'language', 'printed', 'revokedAt', 'sha256', 'status', 'title']);
    expect(body).toMatchObject({
      genuine: true,
      status: 'valid',
      code: issued.verificationCode,
      kind: 'attest-gezinssamenstelling',
      title: 'Attest van gezinssamenstelling',
      language: 'nl',
      issuedAt: new Date(row.issued_at).toISOString(),
      revokedAt: null,
      sha256: row.sha256,
    });
    expect(body.printed.issuer.name).toBe('Stad Harelbeke');
    expect(body.printed.sections[2].table.rows).toContainEqual(['Desmet, Lien', '11 februari 1987', 'Partner']);
    // Nothing that is not printed: no register ids, no national numbers, no case id.
    const raw = response.body;
    expect(raw).not.toContain(demoResidents.pieterVandenberghe.id);
    expect(raw).not.toContain(demoResidents.pieterVandenberghe.nationalNumber);
    expect(raw).not.toContain(issued.id);
  });

  it('reads a code typed loosely: lower case, without dashes', async () => {
    const typed = issued.verificationCode.replace(/-/g, '').toLowerCase();
    const response = await get(`/api/documents/verify/${typed}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().code).toBe(issued.verificationCode);
  });

  it('shows a revoked document as no longer valid', async () => {
    const other = await documents.issueForCase(await newCase());
    await t.db.updateTable('documents').set({ revoked_at: new Date() }).where('id', '=', other.id).execute();
    const body = (await get(`/api/documents/verify/${other.verificationCode}`)).json();
    expect(body).toMatchObject({ genuine: false, status: 'revoked', revokedAt: expect.any(String) });
  });

  it('answers 404 for a well-formed code the city never issued', async () => {
    const response = await get('/api/documents/verify/0000-0000-0000-0000');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('document-code-unknown');
  });

  it('answers 400 with a field error, in the caller’s language, for a code whose check character fails or whose length is wrong', async () => {
    const compact = issued.verificationCode.replace(/-/g, '');
    const wrongFirst = (compact[0] === 'A' ? 'B' : 'A') + compact.slice(1);
    const typo = await get(`/api/documents/verify/${wrongFirst}`, null, 'fr');
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({
      code: 'document-code-invalid',
      errors: [{ field: 'code', code: 'bad-check', message: expect.stringContaining('faute de frappe') }],
    });
    const short = await get('/api/documents/verify/ABCD-EFGH');
    expect(short.json()).toMatchObject({ code: 'document-code-invalid', errors: [{ field: 'code', code: 'wrong-length' }] });
  });
});

describe('downloading', () => {
  let issued: IssuedCaseDocument;
  beforeAll(async () => {
    issued = await documents.issueForCase(await newCase());
  });

  it('gives the resident it is about the PDF as issued, private and not stored by caches', async () => {
    const response = await get(issued.downloadUrl, pieter);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${issued.fileName}"`);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const row = await t.db.selectFrom('documents').select('sha256').where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(row.sha256);
  });

  it('answers 404 to another resident (even of the same household) and audits the attempt; 401 without login', async () => {
    const other = await get(issued.downloadUrl, lien);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('document-not-found');
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'documents.document.denied')
      .where('resource_id', '=', issued.id)
      .where('actor_id', '=', lien.id)
      .execute();
    expect(denied).toHaveLength(1);
    expect(denied[0]?.details).toEqual({ exists: true });

    expect((await get('/api/documents/00000000-0000-4000-8000-000000000000', pieter)).statusCode).toBe(404);
    expect((await get('/api/documents/not-a-uuid', pieter)).statusCode).toBe(404);
    const anonymous = await get(issued.downloadUrl, null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
  });

  it('lets staff of the owning team download through the workspace route, audited as a read of the person’s file; others get 404', async () => {
    const burgerzaken = await loginAsStaff(t, [{ role: 'back-office', team: 'burgerzaken' }]);
    const response = await get(`/api/work/documents/${issued.id}`, burgerzaken);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'documents.document.downloaded')
      .where('actor_id', '=', burgerzaken.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_person_id: demoResidents.pieterVandenberghe.id, resource_id: issued.id, team: 'burgerzaken' });

    const elsewhere = await loginAsStaff(t, [{ role: 'back-office', team: 'openbaar-domein' }]);
    expect((await get(`/api/work/documents/${issued.id}`, elsewhere)).statusCode).toBe(404);
    expect((await get(`/api/work/documents/${issued.id}`, pieter)).statusCode).toBe(403);
  });
});

describe('automation in the request (the cases module’s hook)', () => {
  const casesWith = async (docs: DocumentsService) =>
    createCasesService({
      db: t.db,
      audit: createAuditLog(),
      clock: systemClock,
      city: t.city,
      mail: t.mail,
      register: register(),
      products: createCatalogService({ db: t.db, clock: systemClock }),
      setup: await loadCasesSetup({ cityProfilePath: t.config.cityProfilePath, city: t.city }),
      publicUrl: t.config.publicUrl,
      secretKey: t.config.secretKey,
      automation: createCertificateAutomation(docs),
    });
  const actorOf = (login: TestLogin) => ({
    kind: 'resident' as const,
    accountId: login.id,
    personId: demoResidents.pieterVandenberghe.id,
    assurance: 'high' as const,
    name: 'Pieter Vandenberghe',
    email: null,
    surface: 'portal' as const,
    sessionId: 'test',
  });

  /** Puts a completed automated case back to `received`, five minutes old, with only its `submitted` entry: what the sweep looks for. */
  const leaveReceived = async (caseId: string) => {
    await t.db
      .updateTable('cases')
      .set({ status: 'received', outcome: null, decided_at: null, closed_at: null, created_at: new Date(Date.now() - 5 * 60_000) })
      .where('id', '=', caseId)
      .execute();
    await t.db.deleteFrom('case_events').where('case_id', '=', caseId).where('type', '!=', 'submitted').execute();
  };

  it('closes the case with the certificate, which the resident then downloads and anyone verifies', async () => {
    const cases = await casesWith(documents);
    const { receipt } = await cases.submit(actorOf(pieter), { product: 'attest-gezinssamenstelling', answers: householdAnswers }, { requestLanguage: 'nl' });
    const seen = (await get(`/api/cases/${receipt.reference}`, pieter)).json();
    expect(seen).toMatchObject({ status: 'closed', outcome: 'issued' });
    const document = seen.timeline.find((entry: { type: string }) => entry.type === 'document').document;
    const download = await get(document.downloadUrl, pieter);
    expect(download.statusCode).toBe(200);
    const verified = (await get(`/api/documents/verify/${document.verificationCode}`)).json();
    expect(verified.sha256).toBe(createHash('sha256').update(download.rawPayload).digest('hex'));
  });

  it('finishes a case that a stopped process left between its commit and its document, once, with the first document', async () => {
    const cases = await casesWith(documents);
    const { receipt } = await cases.submit(actorOf(pieter), { product: 'attest-gezinssamenstelling', answers: householdAnswers }, { requestLanguage: 'nl' });
    const first = await t.db.selectFrom('documents').select('id').where('case_id', '=', receipt.id).executeTakeFirstOrThrow();
    // As the process would have left it: committed and automated, the PDF stored, the case not yet closed.
    await leaveReceived(receipt.id);

    // Two instances sweeping at the same moment still close it once.
    const [a, b] = await Promise.all([cases.resumeAutomation(), cases.resumeAutomation()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const seen = (await get(`/api/cases/${receipt.reference}`, pieter)).json();
    expect(seen).toMatchObject({ status: 'closed', outcome: 'issued' });
    expect(seen.timeline.filter((entry: { type: string }) => entry.type === 'document')).toHaveLength(1);
    expect(await t.db.selectFrom('documents').select('id').where('case_id', '=', receipt.id).execute()).toEqual([first]);
    expect(await cases.resumeAutomation()).toBe(0);
  });

  it('makes the certificate anew for a case left received without one, and stores it with the case’s closing', async () => {
    const cases = await casesWith(documents);
    const { receipt } = await cases.submit(actorOf(pieter), { product: 'attest-gezinssamenstelling', answers: householdAnswers }, { requestLanguage: 'nl' });
    // As an older version would have left it: the case committed `received`, no document yet.
    await t.db.deleteFrom('documents').where('case_id', '=', receipt.id).execute();
    await leaveReceived(receipt.id);

    expect(await cases.resumeAutomation()).toBeGreaterThanOrEqual(1);
    const seen = (await get(`/api/cases/${receipt.reference}`, pieter)).json();
    expect(seen).toMatchObject({ status: 'closed', outcome: 'issued' });
    const [document] = await t.db.selectFrom('documents').select(['id', 'verification_code']).where('case_id', '=', receipt.id).execute();
    expect(seen.timeline.find((entry: { type: string }) => entry.type === 'document').document).toMatchObject({
      id: document?.id,
      verificationCode: document?.verification_code,
    });
  });

  it('stores the case, its certificate and its closing in one go, and mails the requester once', async () => {
    const cases = await casesWith(documents);
    const email = `pieter.${Date.now()}@test.example`;
    const { receipt } = await cases.submit(
      { ...actorOf(pieter), email },
      { product: 'attest-gezinssamenstelling', answers: householdAnswers },
      { requestLanguage: 'nl' },
    );
    expect(receipt.status).toBe('closed');
    const mails = await t.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', email).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).toContain(`Er is nieuws over uw dossier ${receipt.reference}.`);
    // Every timeline entry the resident sees counts as told by that one mail.
    const untold = await t.db
      .selectFrom('case_events')
      .select('type')
      .where('case_id', '=', receipt.id)
      .where('visibility', '=', 'resident')
      .where('notified_at', 'is', null)
      .execute();
    expect(untold).toEqual([]);
    const actions = await t.db.selectFrom('audit_log').select('action').where('resource_id', 'in', [receipt.id]).orderBy('id').execute();
    expect(actions.map((row) => row.action)).toEqual(['cases.case.submitted', 'cases.case.completed-automatically']);
  });

  it('sends the case to the team’s queue when the PDF cannot be rendered: the error for staff, a plain word for the resident', async () => {
    const cases = await casesWith(
      documentsWith(async () => {
        throw new Error('PDF rendering failed: font missing');
      }),
    );
    const { receipt } = await cases.submit(actorOf(pieter), { product: 'attest-gezinssamenstelling', answers: householdAnswers }, { requestLanguage: 'nl' });
    const seen = (await get(`/api/cases/${receipt.reference}`, pieter)).json();
    expect(seen).toMatchObject({ status: 'received', open: true, owner: { id: 'burgerzaken' } });
    expect(seen.timeline.map((entry: { type: string }) => entry.type)).toEqual(['submitted', 'automation-failed']);
    const note = await t.db.selectFrom('case_events').select('payload').where('case_id', '=', receipt.id).where('type', '=', 'note').executeTakeFirstOrThrow();
    expect(JSON.stringify(note.payload)).toContain('font missing');
    expect(await t.db.selectFrom('documents').select('id').where('case_id', '=', receipt.id).execute()).toEqual([]);
  });
});
