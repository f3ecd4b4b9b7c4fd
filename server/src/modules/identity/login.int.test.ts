import * as oidc from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPopulation } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { TestBrowser } from '../../../test/test-browser.ts';
import { fixedClock } from '../../platform/clock.ts';
import { demoResidents } from '../register/index.ts';
import { demoStaff } from './demo-staff.data.ts';
import { demoStaffSeeder } from './demo-staff.seeder.ts';
import { startStandaloneIdp } from './embedded-idp/index.ts';

const origin = 'http://localhost:3000';
const pieter = demoResidents.pieterVandenberghe;
const pieterSub = `resident-${pieter.id}`;

const loginAsDemoResident = async (browser: TestBrowser, sub: string, start = '/auth/login/resident?returnTo=/mijn-gegevens') => {
  const page = await browser.follow(start, `${origin}/auth/callback/`);
  // Still logged in at the provider (single sign-on): it sends the browser straight back.
  if (page.location?.href.startsWith(`${origin}/auth/callback/`)) return page.location;
  expect(page.status).toBe(200);
  const atCallback = await browser.chooseAccount(page, sub, `${origin}/auth/callback/`);
  if (!atCallback.location) throw new Error(`the provider did not send the browser back: ${atCallback.status} ${atCallback.text.slice(0, 300)}`);
  return atCallback.location;
};

describe('login through the embedded identity provider (demo and tests)', () => {
  let t: TestApp;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    t = await createTestApp({ clock });
    await seedDemoPopulation(t);
    await demoStaffSeeder.run({ db: t.db, mail: t.mail, clock, city: t.city, config: t.config });
  });
  afterAll(async () => t?.close());
  afterEach(() => clock.set(new Date()));

  it('logs a demo resident in with PKCE, state and nonce, on a new session, and back out at the provider', async () => {
    const browser = new TestBrowser(t.app, origin);
    const start = await browser.request('/auth/login/resident?returnTo=/mijn-gegevens');
    expect(start.status).toBe(303);
    const authorize = start.location as URL;
    expect(authorize.pathname).toBe('/idp/auth');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('openid profile rrn');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const callback = await loginAsDemoResident(browser, pieterSub);
    const before = browser.cookie('gv_session');
    const done = await browser.request(callback);
    expect(done.status).toBe(303);
    expect(done.location?.pathname).toBe('/mijn-gegevens');
    expect(browser.cookie('gv_session')).toBeTruthy();
    expect(browser.cookie('gv_session')).not.toBe(before);
    expect(done.setCookies.join('\n')).toMatch(/gv_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);

    const me = JSON.parse((await browser.request('/api/me')).text);
    expect(me.actor).toMatchObject({ kind: 'resident', name: 'Pieter Vandenberghe', assurance: 'high', hasRegisterFile: true });
    const login = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'identity.login').execute();
    expect(login).toHaveLength(1);

    const out = await browser.request('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    const { redirectTo } = JSON.parse(out.text);
    const endSession = new URL(redirectTo);
    expect(endSession.pathname).toBe('/idp/session/end');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/`);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(JSON.parse((await browser.request('/api/me')).text).actor.kind).toBe('anonymous');
  });

  it('logs a staff member in with the roles of the staff directory', async () => {
    const browser = new TestBrowser(t.app, origin);
    const page = await browser.follow('/auth/login/staff?returnTo=/werk', `${origin}/auth/callback/`);
    const callback = (await browser.chooseAccount(page, `staff-${demoStaff.civilAffairs.email}`, `${origin}/auth/callback/`)).location as URL;
    const done = await browser.request(callback);
    expect(done.location?.pathname).toBe('/werk');
    const me = JSON.parse((await browser.request('/api/me')).text);
    expect(me.actor).toMatchObject({ kind: 'staff', name: 'Chloë Vermeulen', organisation: 'city' });
    expect(me.teams).toEqual(['burgerzaken']);
    expect(me.permissions).toContain('register:read-national-number');
    expect(me.permissions).not.toContain('staff:manage');
  });

  it('refuses an answer with an unknown state, and the same answer twice', async () => {
    const browser = new TestBrowser(t.app, origin);
    const callback = await loginAsDemoResident(browser, pieterSub);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    const wrongState = await browser.request(forged);
    expect(wrongState.status).toBe(303);
    expect(`${wrongState.location?.pathname}${wrongState.location?.search}`).toBe('/aanmelden?fout=login-expired');

    expect((await browser.request(callback)).location?.pathname).toBe('/mijn-gegevens');
    const replay = await browser.request(callback);
    expect(`${replay.location?.pathname}${replay.location?.search}`).toBe('/aanmelden?fout=login-expired');
  });

  it('refuses a tampered code, a replayed code and an answer that reaches another browser', async () => {
    const browser = new TestBrowser(t.app, origin);
    const callback = await loginAsDemoResident(browser, pieterSub);
    const tampered = new URL(callback);
    tampered.searchParams.set('code', `${callback.searchParams.get('code')}x`);
    expect((await browser.request(tampered)).location?.search).toBe('?fout=login-failed');

    // A new login (new state) fed with the old, now used, code.
    const second = await loginAsDemoResident(browser, pieterSub);
    const replayedCode = new URL(second);
    replayedCode.searchParams.set('code', callback.searchParams.get('code') as string);
    expect((await browser.request(replayedCode)).location?.search).toBe('?fout=login-failed');

    const third = await loginAsDemoResident(browser, pieterSub);
    const otherBrowser = new TestBrowser(t.app, origin);
    expect((await otherBrowser.request(third)).location?.search).toBe('?fout=login-expired');
  });

  it('refuses an expired ID token (the app clock 11 minutes on; the token lives 10)', async () => {
    const browser = new TestBrowser(t.app, origin);
    const callback = await loginAsDemoResident(browser, pieterSub);
    clock.advance(11 * 60 * 1000);
    const answer = await browser.request(callback);
    expect(answer.location?.search).toBe('?fout=login-failed');
    expect(browser.cookie('gv_session')).toBeUndefined();
  });

  it('refuses a staff login that is not (or no longer) in the staff directory', async () => {
    await t.db.updateTable('staff_members').set({ active: false }).where('email', '=', demoStaff.publicSpace.email).execute();
    const browser = new TestBrowser(t.app, origin);
    const page = await browser.follow('/auth/login/staff', `${origin}/auth/callback/`);
    // Inactive members are not even listed by the demo provider; a token for them is refused all the same.
    expect(page.text).not.toContain(demoStaff.publicSpace.displayName);
    await t.db.updateTable('staff_members').set({ active: true }).where('email', '=', demoStaff.publicSpace.email).execute();
    const again = await browser.follow('/auth/login/staff', `${origin}/auth/callback/`);
    const callback = (await browser.chooseAccount(again, `staff-${demoStaff.publicSpace.email}`, `${origin}/auth/callback/`)).location as URL;
    await t.db.updateTable('staff_members').set({ active: false }).where('email', '=', demoStaff.publicSpace.email).execute();
    // The demo provider itself no longer knows the person at the token exchange; an external one
    // that still does gets `staff-unknown` (tested below against the separately started provider).
    expect((await browser.request(callback)).location?.href).toBe(`${origin}/werk/aanmelden?fout=login-failed`);
    expect(browser.cookie('gv_session')).toBeUndefined();
  });

  it('sends a cancelled login back to the login page with a reason', async () => {
    const browser = new TestBrowser(t.app, origin);
    const page = await browser.follow('/auth/login/resident', `${origin}/auth/callback/`);
    const cancel = /href="([^"]*abort[^"]*)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
    expect(cancel).toBeTruthy();
    const back = await browser.follow(new URL(cancel as string, page.url), `${origin}/auth/callback/`);
    const answer = await browser.request(back.location as URL);
    expect(answer.location?.search).toBe('?fout=login-cancelled');
  });
});

describe('login against a separately started identity provider configured like ACM/IDM (claim rrn)', () => {
  let t: TestApp;
  let idp: { issuer: string; close: () => Promise<void> };
  const clientSecret = 'acm-idm-client-secret-for-the-integration-test';
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    const { createTestDatabase } = await import('../../../test/test-database.ts');
    const { createDb } = await import('../../platform/db/database.ts');
    // The provider keeps its own database, as a real one would.
    const idpDatabase = await createTestDatabase();
    const { db: idpDb } = createDb(idpDatabase.url, { max: 3 });
    const started = await startStandaloneIdp({
      db: idpDb,
      secret: Buffer.from('acm-idm-lookalike-secret-0123456789abcdef'),
      production: false,
      clients: [
        {
          clientId: 'harelbeke-gastvrij',
          clientSecret,
          redirectUris: [`${origin}/auth/callback/resident`],
          postLogoutRedirectUris: [`${origin}/`],
          audience: 'resident',
          scopes: ['profile', 'rrn'],
          tokenEndpointAuthMethod: 'client_secret_basic',
        },
        {
          clientId: 'harelbeke-werk',
          clientSecret,
          redirectUris: [`${origin}/auth/callback/staff`],
          postLogoutRedirectUris: [`${origin}/werk`],
          audience: 'staff',
          scopes: ['profile', 'email'],
          tokenEndpointAuthMethod: 'client_secret_basic',
        },
        {
          clientId: 'another-application',
          clientSecret: 'another-application-secret-0123456789abcdef',
          redirectUris: ['http://another.test/callback'],
          postLogoutRedirectUris: [],
          audience: 'resident',
          scopes: ['profile', 'rrn'],
          tokenEndpointAuthMethod: 'client_secret_basic',
        },
      ],
      accounts: {
        list: async (audience) => (audience === 'resident' ? [pieterAccount] : [strangerAccount]),
        find: async (sub) => [pieterAccount, strangerAccount].find((a) => a.sub === sub) ?? null,
      },
      claimsProfile: { scopes: { profile: ['given_name', 'family_name', 'name', 'locale'], rrn: ['rrn'], email: ['email'] } },
    });
    idp = {
      issuer: started.issuer,
      close: async () => {
        await started.close();
        await idpDb.destroy();
        await idpDatabase.drop();
      },
    };
    t = await createTestApp({
      env: {
        GASTVRIJ_OIDC_RESIDENT_ISSUER: idp.issuer,
        GASTVRIJ_OIDC_RESIDENT_PROFILE: 'acm-idm',
        GASTVRIJ_OIDC_RESIDENT_CLIENT_ID: 'harelbeke-gastvrij',
        GASTVRIJ_OIDC_RESIDENT_CLIENT_SECRET: clientSecret,
        GASTVRIJ_OIDC_STAFF_ISSUER: idp.issuer,
        GASTVRIJ_OIDC_STAFF_CLIENT_ID: 'harelbeke-werk',
        GASTVRIJ_OIDC_STAFF_CLIENT_SECRET: clientSecret,
      },
    });
    await seedDemoPopulation(t);
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await t?.close();
    await idp?.close();
  });

  const pieterAccount = {
    sub: 'acm-opaque-subject-4711',
    audience: 'resident' as const,
    label: { name: 'Pieter Vandenberghe', description: { nl: 'Burger met eID', fr: 'Citoyen avec eID', en: 'Citizen with eID' } },
    claims: { rrn: pieter.nationalNumber, given_name: 'Pieter', family_name: 'Vandenberghe', locale: 'nl' },
  };

  const strangerAccount = {
    sub: 'entra-object-id-not-in-directory',
    audience: 'staff' as const,
    label: { name: 'Iemand Anders', description: { nl: 'Niet in de personeelslijst', fr: 'Pas dans la liste', en: 'Not in the directory' } },
    claims: { email: 'iemand.anders@harelbeke.be', name: 'Iemand Anders' },
  };

  it('refuses a staff login the identity provider vouches for but the staff directory does not know', async () => {
    const browser = new TestBrowser(t.app, origin);
    const page = await browser.follow('/auth/login/staff', `${origin}/auth/callback/`);
    const callback = (await browser.chooseAccount(page, strangerAccount.sub, `${origin}/auth/callback/`)).location as URL;
    expect((await browser.request(callback)).location?.href).toBe(`${origin}/werk/aanmelden?fout=staff-unknown`);
    expect(browser.cookie('gv_session')).toBeUndefined();
  });

  it('logs in over the network: discovery, code exchange, JWKS and the rrn claim', async () => {
    const browser = new TestBrowser(t.app, origin);
    const start = await browser.request('/auth/login/resident?returnTo=/mijn-gegevens');
    expect(start.location?.href.startsWith(idp.issuer)).toBe(true);
    const callback = await loginAsDemoResident(browser, pieterAccount.sub);
    const done = await browser.request(callback);
    expect(done.location?.pathname).toBe('/mijn-gegevens');
    const me = JSON.parse((await browser.request('/api/me')).text);
    expect(me.actor).toMatchObject({ kind: 'resident', name: 'Pieter Vandenberghe', hasRegisterFile: true });
  });

  it('refuses an ID token issued to another application, even when correctly signed', async () => {
    const browser = new TestBrowser(t.app, origin);
    const start = await browser.request('/auth/login/resident');
    const nonce = start.location?.searchParams.get('nonce') as string;
    const page = await browser.follow(start.location as URL, `${origin}/auth/callback/`);
    const callback = (await browser.chooseAccount(page, pieterAccount.sub, `${origin}/auth/callback/`)).location as URL;

    // Another application logs the same person in, with the same nonce: a genuine token, for another audience.
    const other = await oidc.discovery(
      new URL(idp.issuer),
      'another-application',
      undefined,
      oidc.ClientSecretBasic('another-application-secret-0123456789abcdef'),
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(other, {
      redirect_uri: 'http://another.test/callback',
      scope: 'openid profile rrn',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const otherBrowser = new TestBrowser(t.app, origin);
    const otherPage = await otherBrowser.follow(url, 'http://another.test/');
    const otherCallback = otherPage.location ?? (await otherBrowser.chooseAccount(otherPage, pieterAccount.sub, 'http://another.test/')).location;
    const foreign = await oidc.authorizationCodeGrant(other, otherCallback as URL, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    expect(foreign.claims()?.aud).toBe('another-application');

    // The network answers our token request with that token instead of ours.
    globalThis.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (!String(input instanceof Request ? input.url : input).endsWith('/token')) return response;
      const body = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...body, id_token: foreign.id_token }), { status: response.status, headers: response.headers });
    };
    try {
      const answer = await browser.request(callback);
      expect(answer.location?.search).toBe('?fout=login-failed');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
