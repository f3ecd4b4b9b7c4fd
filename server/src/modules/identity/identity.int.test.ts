import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsResident, loginAsStaff, seedDemoPopulation } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { fixedClock } from '../../platform/clock.ts';
import { demoResidents } from '../register/index.ts';

const pieter = demoResidents.pieterVandenberghe;

describe('sessions, CSRF and the audit log', () => {
  let t: TestApp;
  const clock = fixedClock('2026-11-25T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock });
    await seedDemoPopulation(t);
  });
  afterAll(async () => t?.close());

  it('tells an anonymous visitor who they are and offers the e-mail login', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ actor: { kind: 'anonymous' }, permissions: [], csrfToken: null, login: { email: true } });
  });

  it('refuses a state-changing request with a session but without the CSRF token: 403 problem+json', async () => {
    const login = await loginAsResident(t, { personId: pieter.id });
    const payload = { preferredLanguage: 'fr', contactChannels: ['email'], email: 'pieter@example.be', phone: null };
    const without = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { cookie: login.headers.cookie }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.headers['content-type']).toContain('application/problem+json');
    expect(without.json()).toMatchObject({ code: 'csrf-token-invalid' });
    const wrong = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { ...login.headers, 'x-csrf-token': 'x'.repeat(43) }, payload });
    expect(wrong.json()).toMatchObject({ code: 'csrf-token-invalid' });
    const right = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: login.headers, payload });
    expect(right.statusCode).toBe(200);
    expect(right.json().preferences).toMatchObject({ preferredLanguage: 'fr', email: 'pieter@example.be' });
  });

  it('ends a staff session after 30 idle minutes (the kiosk 2 minutes: see session.rules.test.ts)', async () => {
    const staff = await loginAsStaff(t, [{ role: 'reception', team: 'onthaal' }]);
    // loginAsStaff stores the session at the wall clock time; move our clock there.
    clock.set(new Date());
    clock.advance(29 * 60 * 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: staff.headers })).json().actor.kind).toBe('staff');
    clock.advance(29 * 60 * 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: staff.headers })).json().actor.kind).toBe('staff');
    clock.advance(31 * 60 * 1000);
    const expired = await t.app.inject({ method: 'GET', url: '/api/me', headers: staff.headers });
    expect(expired.json().actor.kind).toBe('anonymous');
    expect(String(expired.headers['set-cookie'])).toMatch(/gv_session=;.*Max-Age=0/);
  });

  it('gives each login a new session id and ends it at logout', async () => {
    clock.set(new Date());
    const login = await loginAsResident(t, { personId: pieter.id });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: login.headers });
    expect(me.json()).toMatchObject({ actor: { kind: 'resident', name: 'Pieter Vandenberghe', assurance: 'high', hasRegisterFile: true } });
    expect(me.json().csrfToken).toBe(login.headers['x-csrf-token']);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: login.headers });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ redirectTo: '/' });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: login.headers })).json().actor.kind).toBe('anonymous');
  });

  it('keeps the audit log append-only: the application role cannot update, delete or truncate it', async () => {
    await t.db.insertInto('audit_log').values({ actor_kind: 'system', actor_name: 'test', action: 'test.row' }).execute();
    await expect(sql`UPDATE audit_log SET action = 'test.changed'`.execute(t.db)).rejects.toThrow(/append-only|permission denied/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only|permission denied/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only|permission denied/);
    const rows = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'test.row').execute();
    expect(rows).toHaveLength(1);
  });
});

describe('register look-ups by staff and "who saw my data"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoPopulation(t);
  });
  afterAll(async () => t?.close());

  it('answers an invalid national register number with a field error in the caller language', async () => {
    const staff = await loginAsStaff(t, [{ role: 'counter', team: 'burgerzaken' }]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/register/person-lookups',
      headers: { ...staff.headers, 'accept-language': 'fr' },
      payload: { nationalNumber: '12345678901', purpose: 'Aanvraag identiteitskaart' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation-failed');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'nationalNumber', code: 'bad-checksum' })]);
    expect(body.errors[0].message).toMatch(/derniers chiffres ne correspondent pas/);
    const noPurpose = await t.app.inject({
      method: 'POST',
      url: '/api/register/person-lookups',
      headers: staff.headers,
      payload: { nationalNumber: pieter.nationalNumber, purpose: '' },
    });
    expect(noPurpose.json().errors).toEqual([expect.objectContaining({ field: 'purpose', code: 'purpose-required' })]);
  });

  it('shows the full number only to roles that need it, audits every look-up, and the resident sees who looked', async () => {
    const counter = await loginAsStaff(t, [{ role: 'counter', team: 'burgerzaken' }], 'city', 'Chloë Loket');
    const reception = await loginAsStaff(t, [{ role: 'reception', team: 'onthaal' }], 'city', 'An Onthaal');
    const lookup = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/register/person-lookups',
        headers,
        payload: { nationalNumber: '85.07.30-033.28', purpose: 'Afspraak identiteitskaart' },
      });

    const byCounter = await lookup(counter.headers);
    expect(byCounter.statusCode).toBe(200);
    expect(byCounter.json().person).toMatchObject({ givenName: 'Pieter', nationalNumber: '85073003328', nationalNumberMasked: expect.any(String) });
    expect(byCounter.json().household.members.length).toBeGreaterThan(1);
    const byReception = await lookup(reception.headers);
    expect(byReception.json().person.nationalNumber).toBeUndefined();

    const resident = await loginAsResident(t, { personId: pieter.id });
    const seen = await t.app.inject({ method: 'GET', url: '/api/me/data-access', headers: resident.headers });
    expect(seen.statusCode).toBe(200);
    const { items, employeeNamesShown } = seen.json();
    expect(employeeNamesShown).toBe(false);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      organisation: { id: 'city', name: { nl: 'Stad Harelbeke' } },
      team: { id: 'onthaal' },
      action: 'register.person.read',
      purpose: 'Afspraak identiteitskaart',
      employee: null,
    });
    expect(items[1]).toMatchObject({ team: { id: 'burgerzaken', name: { nl: 'Burgerzaken' } } });
    expect(JSON.stringify(items)).not.toContain('Chloë');
  });

  it('lets staff with audit:search find who read a person, and audits that search too', async () => {
    const admin = await loginAsStaff(t, [{ role: 'admin' }]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/audit/searches',
      headers: admin.headers,
      payload: { nationalNumber: pieter.nationalNumber, action: 'register.' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((r: { action: string }) => r.action)).toEqual(['register.person.read', 'register.person.read']);
    const searches = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'audit.search').execute();
    expect(searches).toHaveLength(1);
  });

  it('shows a resident their register file and household, and nothing of the register after an e-mail login', async () => {
    const high = await loginAsResident(t, { personId: pieter.id });
    const profile = (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: high.headers })).json();
    expect(profile.person).toMatchObject({ givenName: 'Pieter', familyName: 'Vandenberghe', nationalNumber: '85073003328' });
    expect(profile.household.members.find((m: { givenName: string }) => m.givenName === 'Lien').nationalNumber).toBeUndefined();
    expect(profile.addressHistory.length).toBeGreaterThan(0);

    const low = await loginAsResident(t, { email: 'iemand@example.be' });
    const lowProfile = (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: low.headers })).json();
    expect(lowProfile).toMatchObject({ person: null, household: null, addressHistory: [], preferences: { email: 'iemand@example.be' } });
  });

  it('refuses preferences that cannot work, naming the field in the caller language', async () => {
    const resident = await loginAsResident(t, { personId: pieter.id });
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/me/preferences',
      headers: { ...resident.headers, 'accept-language': 'en' },
      payload: { preferredLanguage: 'nl', contactChannels: ['sms'], email: null, phone: null },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'phone', code: 'phone-required', message: expect.stringMatching(/mobile number/) }),
    ]);
  });
});

describe('staff directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('adds a member with roles per team, refuses roles that do not fit the city profile, and audits the change', async () => {
    const admin = await loginAsStaff(t, [{ role: 'admin' }]);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: admin.headers,
      payload: {
        email: 'nieuw@harelbeke.be',
        displayName: 'Nieuwe Collega',
        organisation: 'city',
        roles: [{ role: 'back-office' }, { role: 'counter', team: 'bestaat-niet' }, { role: 'partner' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'roles.0.team:team-required',
      'roles.1.team:team-unknown',
      'roles.2.role:partner-role-for-partners',
    ]);
    expect(await t.db.selectFrom('staff_members').select('id').where('email', '=', 'nieuw@harelbeke.be').execute()).toHaveLength(0);

    const good = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: admin.headers,
      payload: {
        email: 'nieuw@harelbeke.be',
        displayName: 'Nieuwe Collega',
        organisation: 'city',
        roles: [
          { role: 'back-office', team: 'burgerzaken' },
          { role: 'counter', team: 'burgerzaken' },
        ],
      },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({
      displayName: 'Nieuwe Collega',
      hasLoggedIn: false,
      roles: [
        { role: 'back-office', team: 'burgerzaken' },
        { role: 'counter', team: 'burgerzaken' },
      ],
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: admin.headers,
      payload: { email: 'NIEUW@harelbeke.be', displayName: 'Dubbel', organisation: 'city', roles: [] },
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'resource_id']).where('action', 'like', 'identity.staff.%').execute();
    expect(audit).toEqual([{ action: 'identity.staff.create', resource_id: good.json().id }]);
  });

  it('takes a deactivated member out at once: their session stops working', async () => {
    const admin = await loginAsStaff(t, [{ role: 'admin' }]);
    const member = await loginAsStaff(t, [{ role: 'reception', team: 'onthaal' }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: member.headers })).json().actor.kind).toBe('staff');
    const row = await t.db.selectFrom('staff_members').select(['email', 'display_name']).where('id', '=', member.id).executeTakeFirstOrThrow();
    const update = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/${member.id}`,
      headers: admin.headers,
      payload: { email: row.email, displayName: row.display_name, organisation: 'city', active: false, roles: [{ role: 'reception', team: 'onthaal' }] },
    });
    expect(update.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: member.headers })).json().actor.kind).toBe('anonymous');
  });
});

describe('e-mail login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ workers: false });
  });
  afterAll(async () => t?.close());

  const linkFor = async (email: string) => {
    const mails = await t.mail.recent(50);
    const mail = mails.find((m) => m.to_address === email);
    const match = /token=([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '');
    if (!match?.[1]) throw new Error(`no login link mailed to ${email}`);
    return match[1];
  };

  it('mails a one-time link that gives a lower-assurance session, usable once', async () => {
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-link',
      payload: { email: 'Sarah@Example.be', returnTo: '/mijn-gegevens', lang: 'en' },
    });
    expect(asked.statusCode).toBe(202);
    const mails = await t.mail.recent(5);
    expect(mails[0]).toMatchObject({ to_address: 'Sarah@Example.be', subject: 'Your login link for City of Harelbeke' });
    const token = await linkFor('Sarah@Example.be');

    const used = await t.app.inject({ method: 'POST', url: '/api/auth/email-login', payload: { token } });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toEqual({ redirectTo: '/mijn-gegevens' });
    const cookie = String(used.headers['set-cookie']).split(';')[0] as string;
    expect(String(used.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(used.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    expect(me.actor).toMatchObject({ kind: 'resident', assurance: 'low', email: 'Sarah@Example.be', hasRegisterFile: false });
    expect(me.permissions).toContain('requests:create-basic');
    expect(me.permissions).not.toContain('requests:create');
    expect(me.permissions).not.toContain('self:read-register');

    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/email-login', payload: { token } });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('email-link-invalid');
  });

  it('answers a malformed address with a field error and limits links per address and per IP address', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/email-link', headers: { 'accept-language': 'nl' }, payload: { email: 'geen-adres' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'email-invalid', message: expect.stringContaining('e-mailadres') })]);

    const ask = (email: string, ip: string) => t.app.inject({ method: 'POST', url: '/api/auth/email-link', remoteAddress: ip, payload: { email } });
    for (let i = 0; i < 5; i++) expect((await ask('doelwit@example.be', `10.0.0.${i + 1}`)).statusCode).toBe(202);
    const sixth = await ask('doelwit@example.be', '10.0.0.99');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('email-login-rate-limited');

    for (let i = 0; i < 20; i++) await ask(`persoon${i}@example.be`, '10.9.9.9');
    const fromSameIp = await ask('nog-iemand@example.be', '10.9.9.9');
    expect(fromSameIp.statusCode).toBe(429);
  });
});
