import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createAuditLog } from '../../platform/audit/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createCatalogService, loadCatalogFromDirectory, syncCatalog } from '../catalog/index.ts';
import { createLocalRegister, createNationalNumberVault, demoResidents } from '../register/index.ts';
import { createAppointmentsService } from './index.ts';

/**
 * Appointments through the HTTP API on a real database, at a fixed "now": Monday 7 December 2026,
 * 08:00 in Harelbeke (07:00 UTC). The counter is open by appointment 08:30-12:00 and 13:30-16:30
 * on Mondays, serves three at a time (loket-1..3), books from two hours ahead, up to 60 days.
 */

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');
const clock = fixedClock('2026-12-07T07:00:00Z');

let t: TestApp;
let pieter: TestLogin;
let lien: TestLogin;
let maria: TestLogin;
let anOnline: TestLogin;
let burgerzaken: TestLogin;

const post = (url: string, login: TestLogin | null, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...(login?.headers ?? {}), ...headers }, payload: payload as object });
const get = (url: string, login: TestLogin | null = null, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...(login?.headers ?? {}), ...headers } });

/** The service as the app's sweep runs it, on the test app's database and clock. */
const reminderService = () =>
  createAppointmentsService({
    db: t.db,
    audit: createAuditLog(),
    clock,
    city: t.city,
    mail: t.mail,
    register: createLocalRegister({ db: t.db, vault: createNationalNumberVault(t.config.secretKey), nisCode: t.city.nisCode }),
    products: createCatalogService({ db: t.db, clock }),
    publicUrl: t.config.publicUrl,
  });

/** 10:00 on Monday 7 December in Harelbeke, and so on. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+01:00`).toISOString();

beforeAll(async () => {
  t = await createTestApp({ workers: false, clock });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  await seedDemoPopulation(t);
  pieter = await loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id, at: clock.now() });
  lien = await loginAsResident(t, { personId: demoResidents.lienDesmet.id, at: clock.now() });
  maria = await loginAsResident(t, { personId: demoResidents.mariaVerhaeghe.id, at: clock.now() });
  anOnline = await loginAsResident(t, { email: 'an.afspraak@test.example', at: clock.now() });
  burgerzaken = await loginAsStaff(t, [{ role: 'back-office', team: 'burgerzaken' }], 'city', 'Bart Burgerzaken', clock.now());
});
afterAll(async () => t?.close());

describe('what can be booked, and when', () => {
  it('lists the products the catalogue offers by appointment, with their channels and length', async () => {
    const response = await get('/api/appointments/products');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { slug: string; channels: string[]; minutes: number; required: boolean }[];
    expect(items.find((item) => item.slug === 'identiteitskaart')).toMatchObject({
      title: 'Identiteitskaart (eID) aanvragen of vernieuwen',
      channels: ['counter'],
      minutes: 15,
      required: true,
    });
    expect(items.find((item) => item.slug === 'huwelijk')).toMatchObject({ minutes: 45 });
    expect(items.find((item) => item.slug === 'thuisdienst')?.channels).toContain('home');
    // An online certificate needs no appointment.
    expect(items.some((item) => item.slug === 'attest-gezinssamenstelling')).toBe(false);
  });

  it('offers the counter hours on a 15-minute grid from two hours ahead, and nothing on a public holiday or after 12:00 on Christmas Eve', async () => {
    const monday = (await get('/api/appointments/slots?product=identiteitskaart&from=2026-12-07&days=1')).json();
    expect(monday.lastBookableDate).toBe('2027-02-05');
    const times = monday.days[0].slots.map((slot: { time: string }) => slot.time);
    expect(times[0]).toBe('10:00');
    expect(times).toContain('11:45');
    expect(times).not.toContain('12:00');
    expect(times).toContain('13:30');
    expect(times.at(-1)).toBe('16:15');
    expect(monday.days[0].slots[0]).toEqual({ time: '10:00', start: at('2026-12-07', '10:00'), end: at('2026-12-07', '10:15') });

    const christmas = (await get('/api/appointments/slots?product=identiteitskaart&from=2026-12-24&days=2', null, { 'accept-language': 'fr' })).json();
    expect(christmas.days[0].slots.map((slot: { time: string }) => slot.time).at(-1)).toBe('11:45');
    expect(christmas.days[0].closedReason).toBe('Réveillon de Noël');
    expect(christmas.days[1]).toMatchObject({ date: '2026-12-25', slots: [], closedReason: 'Noël' });

    // A marriage takes 45 minutes: its last start on a Monday morning is 11:15.
    const marriage = (await get('/api/appointments/slots?product=huwelijk&from=2026-12-08&days=1')).json();
    expect(marriage.days[0].slots.map((slot: { time: string }) => slot.time).at(-1)).toBe('11:15');
  });

  it('refuses a product without appointments and a channel the product is not booked on, naming the field', async () => {
    const product = await get('/api/appointments/slots?product=attest-gezinssamenstelling');
    expect(product.statusCode).toBe(422);
    expect(product.json()).toMatchObject({ code: 'appointment-product-not-bookable', errors: [{ field: 'product' }] });
    const channel = await get('/api/appointments/slots?product=identiteitskaart&channel=home');
    expect(channel.json()).toMatchObject({ code: 'appointment-channel-not-offered', errors: [{ field: 'channel' }] });
  });
});

describe('booking', () => {
  it('books a free slot, confirms it by e-mail, lists it in Mijn afspraken, and answers a retry with the same booking', async () => {
    const key = crypto.randomUUID();
    const body = { product: 'identiteitskaart', channel: 'counter', start: at('2026-12-08', '09:00'), note: 'Mijn oude kaart is gestolen.' };
    const response = await post('/api/appointments', anOnline, body, { 'idempotency-key': key });
    expect(response.statusCode, response.body).toBe(201);
    const appointment = response.json();
    expect(appointment).toMatchObject({
      product: { slug: 'identiteitskaart', title: 'Identiteitskaart (eID) aanvragen of vernieuwen' },
      channel: 'counter',
      start: at('2026-12-08', '09:00'),
      end: at('2026-12-08', '09:15'),
      status: 'booked',
      place: 'Stad Harelbeke, Marktstraat 29, 8530 Harelbeke',
      note: 'Mijn oude kaart is gestolen.',
      cancellable: true,
      calendarUrl: `/api/me/appointments/${appointment.id}/calendar.ics`,
    });

    const again = await post('/api/appointments', anOnline, body, { 'idempotency-key': key });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(appointment.id);
    const other = await post('/api/appointments', anOnline, { ...body, start: at('2026-12-08', '09:15') }, { 'idempotency-key': key });
    expect(other.json().code).toBe('appointment-idempotency-key-reused');

    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'an.afspraak@test.example').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('Uw afspraak op dinsdag 8 december om 09:00');
    expect(mail[0]?.text_body).toContain('Stad Harelbeke, Marktstraat 29, 8530 Harelbeke');
    expect(mail[0]?.text_body).toContain(`${t.config.publicUrl}/mijn-afspraken`);
    // What the appointment is for stays out of the mail.
    expect(mail[0]?.text_body).not.toContain('Identiteitskaart');

    const mine = (await get('/api/me/appointments', anOnline)).json();
    expect(mine.upcoming.map((item: { id: string }) => item.id)).toEqual([appointment.id]);
    expect(mine.earlier).toEqual([]);

    // One upcoming appointment per product.
    const second = await post('/api/appointments', anOnline, { ...body, start: at('2026-12-09', '09:00') });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'appointment-already-booked', errors: [{ field: 'product' }] });
    // And one desk at a time: another product at an overlapping hour is refused, the next quarter is fine.
    const overlapping = await post('/api/appointments', anOnline, { product: 'rijbewijs', start: at('2026-12-08', '09:00') });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({ code: 'appointment-overlaps-own', errors: [{ field: 'start' }] });
    expect((await post('/api/appointments', anOnline, { product: 'rijbewijs', start: at('2026-12-08', '09:15') })).statusCode).toBe(201);
  });

  it('gives the last places of a time to exactly as many residents as there are desks, even when they book at the same moment', async () => {
    const start = at('2026-12-10', '10:30');
    const residents = [pieter, lien, maria, await loginAsResident(t, { email: 'vierde@test.example', at: clock.now() })];
    const responses = await Promise.all(residents.map((login) => post('/api/appointments', login, { product: 'reispas', start })));
    const codes = responses.map((response) => response.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 409]);
    const refused = responses.find((response) => response.statusCode === 409);
    expect(refused?.json()).toMatchObject({
      code: 'appointment-slot-taken',
      errors: [{ field: 'start', message: expect.stringContaining('net door iemand anders') }],
    });
    const slots = (await get('/api/appointments/slots?product=reispas&from=2026-12-10&days=1')).json();
    expect(slots.days[0].slots.map((slot: { time: string }) => slot.time)).not.toContain('10:30');
    // An eID appointment of 15 minutes cannot overlap the full 10:30 either; 10:45 is free again.
    const eid = (await get('/api/appointments/slots?product=identiteitskaart&from=2026-12-10&days=1')).json();
    expect(eid.days[0].slots.map((slot: { time: string }) => slot.time)).toEqual(expect.arrayContaining(['10:15', '10:45']));
    expect(eid.days[0].slots.map((slot: { time: string }) => slot.time)).not.toContain('10:30');
  });

  it('refuses a time off the grid, too soon, too far ahead or on a holiday, in the resident’s language, and stores nothing', async () => {
    const before = await t.db.selectFrom('appointments').select('id').execute();
    const book = (start: string, headers: Record<string, string> = {}) => post('/api/appointments', maria, { product: 'rijbewijs', start }, headers);
    expect((await book(at('2026-12-08', '09:07'))).json()).toMatchObject({ code: 'appointment-not-a-slot', errors: [{ field: 'start' }] });
    expect((await book(at('2026-12-07', '09:00'))).json()).toMatchObject({ code: 'appointment-too-soon', errors: [{ field: 'start' }] });
    expect((await book(at('2027-03-01', '09:00'))).json()).toMatchObject({ code: 'appointment-too-far', errors: [{ field: 'start' }] });
    const holiday = await book(at('2026-12-25', '09:00'), { 'accept-language': 'en' });
    expect(holiday.statusCode).toBe(422);
    expect(holiday.json()).toMatchObject({
      code: 'appointment-not-a-slot',
      errors: [{ field: 'start', message: 'You cannot book an appointment at this time.' }],
    });
    const notADate = await post('/api/appointments', maria, { product: 'rijbewijs', start: 'morgen' });
    expect(notADate.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'start' }] });
    expect(await t.db.selectFrom('appointments').select('id').execute()).toHaveLength(before.length);
  });

  it('needs a login to book, and an eID login for a home visit', async () => {
    expect((await post('/api/appointments', null, { product: 'identiteitskaart', start: at('2026-12-08', '10:00') })).statusCode).toBe(401);
    const home = await post('/api/appointments', anOnline, { product: 'thuisdienst', channel: 'home', start: at('2026-12-08', '09:00') });
    expect(home.statusCode).toBe(403);
    expect(home.json().code).toBe('appointment-home-needs-register');
    const visit = await post('/api/appointments', pieter, { product: 'thuisdienst', channel: 'home', start: at('2026-12-08', '09:00') });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json()).toMatchObject({ place: 'bij u thuis', end: at('2026-12-08', '10:00') });
  });
});

describe('my appointments', () => {
  it('cancels my own appointment (and mails it), gives the calendar file, and answers someone else 404 in the audit log', async () => {
    const booked = (await post('/api/appointments', lien, { product: 'identiteitskaart', start: at('2026-12-14', '14:00') })).json();
    const calendar = await get(`/api/me/appointments/${booked.id}/calendar.ics`, lien);
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(calendar.headers['content-disposition']).toBe('attachment; filename="afspraak-2026-12-14.ics"');
    expect(calendar.body).toContain('BEGIN:VCALENDAR');
    expect(calendar.body).toContain(`UID:${booked.id}@`);
    expect(calendar.body).toContain('DTSTART:20261214T130000Z');
    expect(calendar.body).toContain('STATUS:CONFIRMED');

    const stranger = await post(`/api/me/appointments/${booked.id}/cancel`, maria, {});
    expect(stranger.statusCode).toBe(404);
    expect((await get(`/api/me/appointments/${booked.id}/calendar.ics`, maria)).statusCode).toBe(404);
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'appointments.appointment.denied')
      .where('resource_id', '=', booked.id)
      .execute();
    expect(denied).toHaveLength(2);

    const cancelled = await post(`/api/me/appointments/${booked.id}/cancel`, lien, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancellable: false });
    expect((await post(`/api/me/appointments/${booked.id}/cancel`, lien, {})).json().code).toBe('appointment-not-cancellable');
    expect((await get(`/api/me/appointments/${booked.id}/calendar.ics`, lien)).body).toContain('STATUS:CANCELLED');
    const mine = (await get('/api/me/appointments', lien)).json();
    expect(mine.earlier.map((item: { id: string }) => item.id)).toContain(booked.id);
    // The place is free again.
    const slots = (await get('/api/appointments/slots?product=identiteitskaart&from=2026-12-14&days=1')).json();
    expect(slots.days[0].slots.map((slot: { time: string }) => slot.time)).toContain('14:00');
  });

  it('keeps an appointment that starts within two hours from being cancelled online', async () => {
    const booked = (await post('/api/appointments', maria, { product: 'nationaliteit', start: at('2026-12-07', '13:30') })).json();
    expect(booked.cancellable).toBe(true);
    clock.set('2026-12-07T11:00:00Z');
    try {
      const later = await loginAsResident(t, { personId: demoResidents.mariaVerhaeghe.id, at: clock.now() });
      const late = await post(`/api/me/appointments/${booked.id}/cancel`, later, {});
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('appointment-not-cancellable');
    } finally {
      clock.set('2026-12-07T07:00:00Z');
    }
  });
});

describe('reminders', () => {
  it('e-mails each appointment booked at least a day ahead once, the day before, and none booked the same day', async () => {
    // Booked on Monday: Wednesday 10:00 (two days ahead) and, for another resident, Monday 15:00.
    const wednesday = (await post('/api/appointments', anOnline, { product: 'reispas', start: at('2026-12-09', '10:00') })).json();
    expect(wednesday.id).toBeDefined();
    const sameDay = await post('/api/appointments', await loginAsResident(t, { email: 'vandaag@test.example', at: clock.now() }), {
      product: 'reispas',
      start: at('2026-12-07', '15:00'),
    });
    expect(sameDay.statusCode).toBe(201);
    const reminders = () => t.db.selectFrom('mail_outbox').selectAll().where('subject', 'like', 'Herinnering:%').execute();
    const before = (await reminders()).length;

    // Monday 08:00: nothing yet (Wednesday is more than a day away; the 15:00 one was booked today).
    expect(await reminderService().sendReminders()).toBe(0);
    // Tuesday 11:00: Wednesday 10:00 is within a day.
    clock.set('2026-12-08T10:00:00Z');
    try {
      expect(await reminderService().sendReminders()).toBeGreaterThanOrEqual(1);
      expect(await reminderService().sendReminders()).toBe(0);
      const sent = (await reminders()).slice(before);
      const mine = sent.filter((mail) => mail.to_address === 'an.afspraak@test.example');
      expect(mine.map((mail) => mail.subject)).toEqual(['Herinnering: uw afspraak op woensdag 9 december om 10:00']);
      expect(mine[0]?.text_body).toContain(`${t.config.publicUrl}/mijn-afspraken`);
      expect(sent.some((mail) => mail.to_address === 'vandaag@test.example')).toBe(false);
    } finally {
      clock.set('2026-12-07T07:00:00Z');
    }
  });
});

describe('the staff', () => {
  it("see a day's agenda with names, each person's read in the audit log", async () => {
    const response = await get('/api/work/appointments?date=2026-12-10', burgerzaken);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { person: { name: string }; product: { slug: string }; start: string }[];
    expect(items).toHaveLength(3);
    expect(items.every((item) => item.product.slug === 'reispas' && item.start === at('2026-12-10', '10:30'))).toBe(true);
    expect(items.map((item) => item.person.name)).toEqual(expect.arrayContaining(['Pieter Vandenberghe']));
    const reads = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'appointments.agenda.read').execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect((await get('/api/work/appointments?date=2026-12-10', pieter)).statusCode).toBe(403);
  });

  it('book for a person in the register on the phone: it is theirs (Mijn afspraken after an eID login), audited with the employee', async () => {
    const febe = demoResidents.febeDeclercq.id;
    const response = await post(
      '/api/work/appointments',
      burgerzaken,
      { personId: febe, product: 'rijbewijs', start: at('2026-12-11', '09:30'), note: 'Belde zelf; komt met haar oude rijbewijs.' },
      { 'idempotency-key': 'call-1' },
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ product: { slug: 'rijbewijs' }, start: at('2026-12-11', '09:30'), status: 'booked' });
    const again = await post(
      '/api/work/appointments',
      burgerzaken,
      { personId: febe, product: 'rijbewijs', start: at('2026-12-11', '09:30'), note: 'Belde zelf; komt met haar oude rijbewijs.' },
      { 'idempotency-key': 'call-1' },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(response.json().id);

    const mine = (await get('/api/me/appointments', await loginAsResident(t, { personId: febe, at: clock.now() }))).json();
    expect(mine.upcoming.map((item: { id: string }) => item.id)).toEqual([response.json().id]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'appointments.appointment.booked-for').execute();
    expect(audit).toMatchObject([{ actor_kind: 'staff', subject_person_id: febe, resource_id: response.json().id }]);

    const unknown = await post('/api/work/appointments', burgerzaken, {
      personId: crypto.randomUUID(),
      product: 'rijbewijs',
      start: at('2026-12-11', '10:00'),
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'appointment-person-not-found', errors: [{ field: 'personId' }] });
    // A resident cannot book for someone else.
    expect((await post('/api/work/appointments', pieter, { personId: febe, product: 'reispas', start: at('2026-12-11', '10:00') })).statusCode).toBe(403);
  });

  it("show the requester's upcoming appointments in a case's 360° strip, and log the read", async () => {
    const submitted = await post('/api/cases', pieter, { product: 'vraag', answers: { question: 'Moet ik mijn oude reispas meebrengen?', replyBy: 'none' } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const detail = await get(
      `/api/work/cases/${submitted.json().reference}`,
      await loginAsStaff(t, [{ role: 'contact-centre', team: 'contactcenter' }], 'city', 'Carla Contact', clock.now()),
    );
    expect(detail.statusCode, detail.body).toBe(200);
    const upcoming = detail.json().upcomingAppointments as { product: { slug: string }; channel: string; start: string }[];
    expect(upcoming.map((item) => [item.product.slug, item.channel, item.start])).toEqual([
      ['thuisdienst', 'home', at('2026-12-08', '09:00')],
      ['reispas', 'counter', at('2026-12-10', '10:30')],
    ]);
    const read = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cases.appointments.read')
      .where('subject_person_id', '=', demoResidents.pieterVandenberghe.id)
      .execute();
    expect(read).toHaveLength(1);
  });
});
