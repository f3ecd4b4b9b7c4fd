import { randomUUID } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps, pdf, png, text } from '../../../test/fixtures/files.ts';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { fixedClock } from '../../platform/clock.ts';
import { loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';
import { demoResidents } from '../register/index.ts';

/**
 * Files of cases through the HTTP API on a real database: what an upload accepts (by content, not
 * by name), what it refuses (with the field and a message in the caller's language, storing
 * nothing), photos without their location, file answers that must be the caller's own uploads,
 * a missing document added to a case waiting for it, staff files (internal or shared), and who may
 * download what (404 and an audit row for everyone else).
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;
let pieter: TestLogin;
let lien: TestLogin;

type Upload = { id: string; name: string; size: number; type: string; sha256: string };

const multipart = (fileName: string, bytes: Buffer, declaredType = 'application/octet-stream') => {
  const boundary = `----gastvrij${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

const upload = (
  login: TestLogin | null,
  fileName: string,
  bytes: Buffer,
  options: { query?: string; lang?: string; declaredType?: string; headers?: Record<string, string> } = {},
) => {
  const body = multipart(fileName, bytes, options.declaredType);
  return t.app.inject({
    method: 'POST',
    url: `/api/uploads${options.query ? `?${options.query}` : ''}`,
    headers: { ...(login?.headers ?? {}), ...body.headers, ...(options.lang ? { 'accept-language': options.lang } : {}), ...options.headers },
    payload: body.payload,
  });
};

const uploaded = async (login: TestLogin, fileName: string, bytes: Buffer, query?: string): Promise<Upload> => {
  const response = await upload(login, fileName, bytes, query ? { query } : {});
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
};

const post = (url: string, login: TestLogin | null, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...(login?.headers ?? {}), ...headers }, payload: payload as object });
const get = (url: string, login: TestLogin | null) => t.app.inject({ method: 'GET', url, headers: login?.headers ?? {} });

const countUploads = async () =>
  (
    await t.db
      .selectFrom('case_attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

const auditRows = (action: string, actorId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('actor_id', '=', actorId).execute();

/** A report about litter with photos (the form's file question is `photos`: JPG, PNG or WEBP up to 10 MB). */
const report = (photos: unknown[]) => ({
  product: 'melding-openbaar-domein',
  answers: {
    category: 'litter',
    description: 'Een hoop zwerfvuil naast de glasbol aan de kerk.',
    location: { street: 'Marktstraat', number: '1', postcode: '8530' },
    photos,
    dangerous: false,
    wantsFeedback: false,
    email: 'pieter@test.example',
    contactConsent: true,
  },
});

const asAnswer = (file: Upload) => ({ name: file.name, size: file.size, type: file.type, id: file.id });

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  await seedDemoPopulation(t);
  pieter = await loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id });
  lien = await loginAsResident(t, { personId: demoResidents.lienDesmet.id });
});
afterAll(async () => t?.close());

describe('uploading a file', () => {
  it('accepts a PDF, a PNG and a JPEG by their content, whatever the browser declares', async () => {
    const scan = await uploaded(pieter, 'Inplantingsplan.pdf', pdf());
    expect(scan).toMatchObject({ name: 'Inplantingsplan.pdf', type: 'application/pdf', size: pdf().length });
    const screenshot = await upload(pieter, 'scherm', await png(), { declaredType: 'application/pdf', query: 'form=melding-openbaar-domein&field=photos' });
    expect(screenshot.statusCode, screenshot.body).toBe(201);
    expect(screenshot.json()).toMatchObject({ name: 'scherm.png', type: 'image/png' });
    const photo = await uploaded(pieter, 'IMG_2041.JPG', await jpegWithGps(), 'form=melding-openbaar-domein&field=photos');
    // The extension is written the usual way; the rest of the name stays as the person gave it.
    expect(photo).toMatchObject({ name: 'IMG_2041.jpg', type: 'image/jpeg' });
  });

  it('stores a phone photo without its EXIF: no GPS position, camera or owner', async () => {
    const original = await jpegWithGps();
    const photo = await uploaded(pieter, 'markt.jpg', original);
    const stored = await t.db.selectFrom('case_attachments').select(['bytes', 'sha256', 'size_bytes']).where('id', '=', photo.id).executeTakeFirstOrThrow();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect((await sharp(stored.bytes).metadata()).exif).toBeUndefined();
    expect(stored.bytes.includes(Buffer.from('An Peeters'))).toBe(false);
    expect(stored.bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    expect(stored.size_bytes).toBe(stored.bytes.length);
    expect(photo.sha256).toBe(stored.sha256);
  });

  it('refuses a .pdf that holds a PNG, or text, naming the field in the caller’s language, and stores nothing', async () => {
    const before = await countUploads();
    const png_ = await upload(pieter, 'plan.pdf', await png(), { query: 'form=evenement&field=sitePlan', lang: 'fr', declaredType: 'application/pdf' });
    expect(png_.statusCode).toBe(422);
    expect(png_.headers['content-type']).toContain('application/problem+json');
    expect(png_.json()).toMatchObject({
      code: 'upload-refused',
      title: 'Nous ne pouvons pas accepter ce fichier.',
      errors: [
        {
          field: 'sitePlan',
          code: 'file-content-mismatch',
          message: "Le nom de ce fichier ne correspond pas à son contenu : c'est un fichier PNG. Choisissez le bon fichier.",
        },
      ],
    });

    const letter = await upload(pieter, 'plan.pdf', text(), { query: 'form=evenement&field=sitePlan', lang: 'en', declaredType: 'application/pdf' });
    expect(letter.statusCode).toBe(422);
    expect(letter.json().errors).toEqual([
      { field: 'sitePlan', code: 'file-type-not-allowed', message: 'We cannot accept this type of file. Use PDF, JPG, PNG.' },
    ]);

    const wrongQuestion = await upload(pieter, 'plan.pdf', pdf(), { query: 'form=melding-openbaar-domein&field=photos' });
    expect(wrongQuestion.json().errors).toEqual([
      { field: 'photos', code: 'file-type-not-allowed', message: 'Dit soort bestand kunnen we niet aannemen. Gebruik JPG, PNG, WEBP.' },
    ]);
    expect(await countUploads()).toBe(before);
  });

  it('refuses a file above the limit with 413 and the limit in the message, and stores nothing', async () => {
    const before = await countUploads();
    const big = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload(pieter, 'groot.pdf', big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'upload-too-large',
      errors: [{ field: 'file', code: 'file-too-large', message: 'Dit bestand is te groot. Het mag hoogstens 10 MB zijn.' }],
    });
    expect(await countUploads()).toBe(before);
  });

  it('wants a file, a real file question, and from someone without a login the scope of their form', async () => {
    expect((await post('/api/uploads', pieter, {})).json().code).toBe('upload-file-missing');
    expect((await upload(pieter, 'a.pdf', pdf(), { query: 'form=melding-openbaar-domein&field=description' })).json().code).toBe('upload-field-unknown');
    const anonymous = await upload(null, 'a.pdf', pdf());
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().code).toBe('upload-scope-required');
    const scoped = await upload(null, 'a.pdf', pdf(), { headers: { 'x-upload-scope': 'k'.repeat(40) } });
    expect(scoped.statusCode).toBe(201);
  });

  it('needs the CSRF token with a session cookie', async () => {
    const body = multipart('a.pdf', pdf());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { cookie: pieter.headers.cookie, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf-token-invalid');
  });
});

describe('file answers of a form', () => {
  it('attaches the uploads to the case on submission, with the stored name, size and type, and lets the requester download them', async () => {
    const photo = await uploaded(pieter, 'zwerfvuil.jpg', await jpegWithGps(), 'form=melding-openbaar-domein&field=photos');
    // What the browser declares is replaced by what was stored.
    const response = await post('/api/cases', pieter, report([{ ...asAnswer(photo), name: 'anders.png', size: 1, type: 'image/png' }]));
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();

    const row = await t.db.selectFrom('case_attachments').select(['case_id', 'form_field', 'visibility']).where('id', '=', photo.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ case_id: receipt.id, form_field: 'photos', visibility: 'resident' });
    const stored = await t.db.selectFrom('cases').select('answers').where('id', '=', receipt.id).executeTakeFirstOrThrow();
    expect((stored.answers as { photos: unknown }).photos).toEqual([asAnswer(photo)]);

    const mine = (await get(`/api/cases/${receipt.reference}`, pieter)).json();
    expect(mine.attachments).toEqual([
      expect.objectContaining({
        id: photo.id,
        fileName: 'zwerfvuil.jpg',
        mediaType: 'image/jpeg',
        field: 'photos',
        addedBy: 'resident',
        downloadUrl: `/api/attachments/${photo.id}`,
      }),
    ]);
    const download = await get(`/api/attachments/${photo.id}`, pieter);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="zwerfvuil.jpg"; filename*=UTF-8''zwerfvuil.jpg`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.length).toBe(photo.size);

    // Used once: the same upload cannot go into a second case.
    const again = await post('/api/cases', pieter, report([asAnswer(photo)]));
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toContainEqual(expect.objectContaining({ field: 'answers.photos.0', code: 'file-upload-unknown' }));
  });

  it('refuses an unknown upload id or someone else’s with a field error, stores no case, and audits the foreign one', async () => {
    const casesBefore = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const unknown = await post('/api/cases', pieter, report([{ name: 'x.jpg', size: 10, type: 'image/jpeg', id: randomUUID() }]), { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'answers.photos.0', code: 'file-upload-unknown', message: 'We cannot find this file (any more). Add it again.' }],
    });

    const liensPhoto = await uploaded(lien, 'tuin.png', await png(), 'form=melding-openbaar-domein&field=photos');
    const foreign = await post('/api/cases', pieter, report([asAnswer(liensPhoto)]));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'answers.photos.0', code: 'file-upload-unknown' })]);
    const denied = await auditRows('cases.attachment.denied', pieter.id);
    expect(denied.some((entry) => JSON.stringify(entry.details).includes(liensPhoto.id))).toBe(true);

    const casesAfter = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(casesAfter.n).toBe(casesBefore.n);
    const still = await t.db.selectFrom('case_attachments').select('case_id').where('id', '=', liensPhoto.id).executeTakeFirstOrThrow();
    expect(still.case_id).toBeNull();
  });

  it('refuses an upload the question does not allow (a PDF as a photo)', async () => {
    const scan = await uploaded(pieter, 'scan.pdf', pdf());
    const response = await post('/api/cases', pieter, report([{ ...asAnswer(scan), type: 'image/jpeg' }]));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'answers.photos.0', code: 'file-type-not-allowed' })]);
  });
});

describe('files of an assisted request and of a question followed by its link', () => {
  it('lets an employee attach the photo they uploaded at the desk, never a resident’s upload', async () => {
    const counter = await loginAsStaff(t, [{ role: 'counter', team: 'onthaal' }]);
    const photo = await uploaded(counter, 'balie.png', await png(), 'form=melding-openbaar-domein&field=photos');
    const residentsPhoto = await uploaded(pieter, 'thuis.png', await png(), 'form=melding-openbaar-domein&field=photos');
    const body = (photos: unknown[]) => ({
      ...report(photos),
      channel: 'counter',
      requester: { kind: 'person', personId: demoResidents.pieterVandenberghe.id },
      consent: { given: true, method: 'verbal' },
    });
    const foreign = await post('/api/work/cases', counter, body([asAnswer(residentsPhoto)]));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'answers.photos.0', code: 'file-upload-unknown' })]);

    const response = await post('/api/work/cases', counter, body([asAnswer(photo)]));
    expect(response.statusCode, response.body).toBe(201);
    const row = await t.db.selectFrom('case_attachments').select(['case_id', 'uploaded_by_staff_id']).where('id', '=', photo.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ case_id: response.json().id, uploaded_by_staff_id: counter.id });
  });

  it('takes the photos of a report made without a login, uploaded with the same scope; another scope’s upload is a field error', async () => {
    const scope = { 'x-upload-scope': 'r'.repeat(40) };
    const photo = await upload(null, 'lantaarnpaal.png', await png(), { headers: scope, query: 'form=melding-openbaar-domein&field=photos' });
    expect(photo.statusCode, photo.body).toBe(201);
    const report = {
      product: 'melding-openbaar-domein',
      language: 'nl',
      answers: {
        category: 'street-light',
        description: 'De lantaarnpaal aan de kerk brandt niet.',
        location: { street: 'Marktstraat', number: '1', postcode: '8530' },
        photos: [asAnswer(photo.json())],
        dangerous: false,
        wantsFeedback: false,
      },
    };
    const foreign = await post('/api/questions', null, report, { 'x-upload-scope': 's'.repeat(40) });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'answers.photos.0', code: 'file-upload-unknown' })]);

    const made = await post('/api/questions', null, report, scope);
    expect(made.statusCode, made.body).toBe(201);
    const row = await t.db.selectFrom('case_attachments').select('case_id').where('id', '=', photo.json().id).executeTakeFirstOrThrow();
    expect(row.case_id).toBe(made.json().id);
  });

  it('lets someone without a login add a file to their question with the scope they uploaded it with, and nobody else', async () => {
    const receipt = (await post('/api/questions', null, { answers: { question: 'Moet ik mijn huurcontract nog bezorgen?', replyBy: 'none' } })).json();
    const token = /\/vragen\/([A-Za-z0-9_-]+)/.exec(receipt.followUrl)?.[1] as string;
    const scope = { 'x-upload-scope': 'a'.repeat(48) };
    const contract = await upload(null, 'huurcontract.pdf', pdf(), { headers: scope });
    expect(contract.statusCode).toBe(201);
    const id = contract.json().id as string;

    const otherScope = await post(`/api/questions/${token}/attachments`, null, { uploads: [id] }, { 'x-upload-scope': 'b'.repeat(48) });
    expect(otherScope.statusCode).toBe(404);
    expect(otherScope.json().code).toBe('attachment-not-found');
    // A logged-in resident who learned the id cannot use it either.
    expect((await post(`/api/cases/${receipt.reference}/attachments`, pieter, { uploads: [id] })).statusCode).toBe(404);

    const added = await post(`/api/questions/${token}/attachments`, null, { uploads: [id], text: 'Hierbij mijn huurcontract.' }, scope);
    expect(added.statusCode, added.body).toBe(200);
    const file = added.json().attachments[0];
    expect(file).toMatchObject({ id, fileName: 'huurcontract.pdf', addedBy: 'anonymous', downloadUrl: `/api/questions/${token}/attachments/${id}` });
    const download = await get(file.downloadUrl, null);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf())).toBe(true);
    // The link of another question does not open it.
    const other = (await post('/api/questions', null, { answers: { question: 'Een andere vraag over afval.', replyBy: 'none' } })).json();
    const otherToken = /\/vragen\/([A-Za-z0-9_-]+)/.exec(other.followUrl)?.[1] as string;
    expect((await get(`/api/questions/${otherToken}/attachments/${id}`, null)).statusCode).toBe(404);
  });
});

describe('files added to a case', () => {
  const submitReport = async () => {
    const receipt = (await post('/api/cases', pieter, report([]))).json();
    const staff = await loginAsStaff(t, [{ role: 'back-office', team: receipt.owner.id }]);
    return { receipt, staff };
  };

  it('lets the resident send a missing document: the case runs again, the timeline shows it, and staff download it (audited)', async () => {
    const { receipt, staff } = await submitReport();
    expect((await post(`/api/work/cases/${receipt.id}/status`, staff, { event: 'start' })).statusCode).toBe(200);
    const asked = await post(`/api/work/cases/${receipt.id}/status`, staff, { event: 'ask-resident', message: 'Stuur ons een foto van de plek.' });
    expect(asked.json().status).toBe('waiting-for-resident');

    const photo = await uploaded(pieter, 'plek.jpg', await jpegWithGps());
    const added = await post(`/api/cases/${receipt.reference}/attachments`, pieter, { uploads: [photo.id], text: 'Hier is de foto.' });
    expect(added.statusCode, added.body).toBe(200);
    const mine = added.json();
    expect(mine.status).toBe('in-progress');
    const entry = mine.timeline.find((item: { type: string }) => item.type === 'attachment-added');
    expect(entry).toMatchObject({
      text: 'Hier is de foto.',
      attachments: [{ id: photo.id, fileName: 'plek.jpg', downloadUrl: `/api/attachments/${photo.id}` }],
    });
    expect(mine.attachments.map((file: { id: string }) => file.id)).toEqual([photo.id]);

    const staffCase = (await get(`/api/work/cases/${receipt.id}`, staff)).json();
    expect(staffCase.attachments).toEqual([expect.objectContaining({ id: photo.id, downloadUrl: `/api/work/attachments/${photo.id}` })]);
    const download = await get(`/api/work/attachments/${photo.id}`, staff);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    const audited = await auditRows('cases.attachment.downloaded', staff.id);
    expect(audited).toEqual([
      expect.objectContaining({ resource_id: photo.id, subject_person_id: demoResidents.pieterVandenberghe.id, purpose: 'case-handling' }),
    ]);
  });

  it('keeps internal staff files from the resident and shares the others', async () => {
    const { receipt, staff } = await submitReport();
    const note = await uploaded(staff, 'werkbon.pdf', pdf());
    const letter = await uploaded(staff, 'antwoord.pdf', pdf());
    expect((await post(`/api/work/cases/${receipt.id}/attachments`, staff, { uploads: [note.id], visibility: 'internal' })).statusCode).toBe(200);
    const shared = await post(`/api/work/cases/${receipt.id}/attachments`, staff, { uploads: [letter.id], visibility: 'resident', text: 'Onze brief.' });
    expect(shared.statusCode, shared.body).toBe(200);

    const mine = (await get(`/api/cases/${receipt.reference}`, pieter)).json();
    expect(mine.attachments.map((file: { id: string }) => file.id)).toEqual([letter.id]);
    expect(JSON.stringify(mine.timeline)).not.toContain(note.id);
    expect((await get(`/api/attachments/${letter.id}`, pieter)).statusCode).toBe(200);
    expect((await get(`/api/attachments/${note.id}`, pieter)).statusCode).toBe(404);

    const staffCase = (await get(`/api/work/cases/${receipt.id}`, staff)).json();
    expect(staffCase.attachments.map((file: { id: string; visibility: string }) => [file.id, file.visibility])).toEqual([
      [note.id, 'internal'],
      [letter.id, 'resident'],
    ]);
  });

  it('never lets another resident or another team download a file, or anyone attach someone else’s upload: 404, audited', async () => {
    const { receipt, staff } = await submitReport();
    const photo = await uploaded(pieter, 'plek.png', await png());
    expect((await post(`/api/cases/${receipt.reference}/attachments`, pieter, { uploads: [photo.id] })).statusCode).toBe(200);

    const liensCase = (await post('/api/cases', lien, { ...report([]), answers: { ...report([]).answers, email: 'lien@test.example' } })).json();
    const liensUpload = await uploaded(lien, 'eigen.pdf', pdf());

    const theirs = await get(`/api/attachments/${photo.id}`, lien);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('attachment-not-found');
    expect(await auditRows('cases.attachment.denied', lien.id)).toContainEqual(expect.objectContaining({ resource_id: photo.id }));

    // Pieter's (attached) upload into Lien's case, and Lien's upload into Pieter's case.
    const steal = await post(`/api/cases/${liensCase.reference}/attachments`, lien, { uploads: [photo.id] });
    expect(steal.statusCode).toBe(404);
    expect(steal.json().code).toBe('attachment-not-found');
    const intoOther = await post(`/api/cases/${receipt.reference}/attachments`, lien, { uploads: [liensUpload.id] });
    expect(intoOther.statusCode).toBe(404);
    expect(intoOther.json().code).toBe('case-not-found');
    const pieterUsesLiens = await post(`/api/cases/${receipt.reference}/attachments`, pieter, { uploads: [liensUpload.id] });
    expect(pieterUsesLiens.statusCode).toBe(404);
    expect(await auditRows('cases.attachment.denied', pieter.id)).toContainEqual(
      expect.objectContaining({ details: expect.objectContaining({ foreign: [liensUpload.id] }) }),
    );
    const unchanged = await t.db.selectFrom('case_attachments').select('case_id').where('id', '=', liensUpload.id).executeTakeFirstOrThrow();
    expect(unchanged.case_id).toBeNull();

    const otherTeam = await loginAsStaff(t, [{ role: 'back-office', team: receipt.owner.id === 'burgerzaken' ? 'omgeving' : 'burgerzaken' }]);
    expect((await get(`/api/work/attachments/${photo.id}`, otherTeam)).statusCode).toBe(404);
    expect(await auditRows('cases.attachment.denied', otherTeam.id)).toHaveLength(1);
    expect((await get(`/api/work/attachments/${photo.id}`, staff)).statusCode).toBe(200);
  });
});

describe('abandoned uploads', () => {
  it('are removed a day after nobody attached them, while attached files stay', async () => {
    // Now: the test sessions are stored with the wall clock.
    const clock = fixedClock(new Date());
    const own = await createTestApp({ workers: false, clock });
    try {
      await syncCatalog(own.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
      await seedDemoPopulation(own);
      const resident = await loginAsResident(own, { personId: demoResidents.pieterVandenberghe.id });
      const send = async (fileName: string, headers: Record<string, string> = resident.headers) => {
        const body = multipart(fileName, pdf());
        const response = await own.app.inject({
          method: 'POST',
          url: '/api/uploads',
          headers: { ...headers, ...body.headers },
          payload: body.payload,
        });
        expect(response.statusCode, response.body).toBe(201);
        return (response.json() as Upload).id;
      };
      const forgotten = await send('vergeten.pdf');
      const kept = await send('bewaard.pdf');
      const receipt = (await own.app.inject({ method: 'POST', url: '/api/cases', headers: resident.headers, payload: report([]) })).json();
      const added = await own.app.inject({
        method: 'POST',
        url: `/api/cases/${receipt.reference}/attachments`,
        headers: resident.headers,
        payload: { uploads: [kept] },
      });
      expect(added.statusCode, added.body).toBe(200);

      // A day later the resident's session is gone; someone without a login uploads.
      clock.advance(25 * 60 * 60 * 1000);
      const fresh = await send('nieuw.pdf', { 'x-upload-scope': 's'.repeat(40) });
      const left = await own.db.selectFrom('case_attachments').select('id').execute();
      expect(left.map((row) => row.id).sort()).toEqual([kept, fresh].sort());
      expect(left.map((row) => row.id)).not.toContain(forgotten);
    } finally {
      await own.close();
    }
  });
});
