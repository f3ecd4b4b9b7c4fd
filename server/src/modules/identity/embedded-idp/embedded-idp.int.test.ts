import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.ts';
import { createDb, type Db } from '../../../platform/db/database.ts';
import { freePort } from '../../../platform/db/embedded.ts';
import { createIdpStorageRepository } from './idp-storage.repository.ts';
import {
  createEmbeddedIdp,
  type EmbeddedIdp,
  type EmbeddedIdpAccount,
  type EmbeddedIdpOptions,
  embeddedIdpProductionRefusal,
  embeddedIdpRoutes,
  IdpKeyDecryptionError,
  startStandaloneIdp,
} from './index.ts';

const secret = Buffer.from('embedded-idp-integration-test-secret-0123456789');
const appOrigin = 'http://app.test';
const residentRedirect = `${appOrigin}/auth/resident/callback`;
const staffRedirect = `${appOrigin}/auth/staff/callback`;
const loggedOut = `${appOrigin}/`;

const accounts: EmbeddedIdpAccount[] = [
  {
    sub: 'resident-pieter',
    audience: 'resident',
    label: {
      name: 'Pieter Vandenberghe',
      description: { nl: 'Gezin met twee kinderen, Bavikhove', fr: 'Famille avec deux enfants, Bavikhove', en: 'Family with two children, Bavikhove' },
    },
    claims: { rrn: '85073003328', given_name: 'Pieter', family_name: 'Vandenberghe', name: 'Pieter Vandenberghe', locale: 'nl' },
  },
  {
    sub: 'resident-lien',
    audience: 'resident',
    label: { name: 'Lien <Desmet> & "co"', description: { nl: 'Alleenstaand, Hulste', fr: 'Isolée, Hulste', en: 'Single, Hulste' } },
    claims: { rrn: '17073003384', given_name: 'Lien', family_name: 'Desmet', locale: 'nl' },
  },
  {
    sub: 'staff-els',
    audience: 'staff',
    label: { name: 'Els Claeys', description: { nl: 'Onthaal, loket', fr: 'Accueil, guichet', en: 'Reception, counter' } },
    claims: { email: 'els.claeys@harelbeke.be', name: 'Els Claeys' },
  },
];

const baseOptions = (db: Db): Omit<EmbeddedIdpOptions, 'issuer'> => ({
  db,
  secret,
  production: false,
  clients: [
    {
      clientId: 'portal',
      clientSecret: 'portal-secret-portal-secret-portal-secret',
      redirectUris: [residentRedirect],
      postLogoutRedirectUris: [loggedOut],
      audience: 'resident',
      scopes: ['profile', 'rrn'],
    },
    {
      clientId: 'werk',
      clientSecret: 'werk-secret-werk-secret-werk-secret-werk',
      redirectUris: [staffRedirect],
      postLogoutRedirectUris: [loggedOut],
      audience: 'staff',
      scopes: ['profile', 'email'],
      tokenEndpointAuthMethod: 'client_secret_basic',
    },
  ],
  accounts: {
    list: async (audience) => accounts.filter((account) => account.audience === audience),
    find: async (sub) => accounts.find((account) => account.sub === sub) ?? null,
  },
  claimsProfile: { scopes: { profile: ['given_name', 'family_name', 'name', 'locale'], rrn: ['rrn'], email: ['email'] } },
});

/**
 * A browser without JavaScript: follows nothing by itself, keeps cookies per path (the provider
 * scopes its interaction cookies to one login's paths), and sends the ones that apply.
 */
class Browser {
  private cookies = new Map<string, { name: string; value: string; path: string }>();

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const cookie = [...this.cookies.values()]
      .filter((c) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line, target);
    const text = await response.text();
    const location = response.headers.get('location');
    return { status: response.status, headers: response.headers, text, location: location ? new URL(location, target) : null };
  }

  private store(line: string, from: URL) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute('path') ?? from.pathname.replace(/\/[^/]*$/, '') ?? '/';
    const expires = attribute('expires');
    const key = `${name};${path}`;
    if (value === '' || (expires && new Date(expires).getTime() < Date.now())) this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }

  /**
   * Follows redirects (303/302) until a page or a URL outside the provider is reached. Like a
   * browser with script, it also submits oidc-provider's self-submitting forms (it ends the old
   * provider session that way when someone logs in as another person).
   */
  async follow(url: string | URL, stopAt: string) {
    let response = await this.request(url);
    for (let hops = 0; ; hops++) {
      if (hops > 10) throw new Error('too many redirects');
      if (response.location && !response.location.href.startsWith(stopAt)) {
        response = await this.request(response.location);
        continue;
      }
      const selfSubmitting = response.status === 200 && response.text.includes('document.forms[0].submit()');
      if (!selfSubmitting) return response;
      const action = /<form method="post" action="([^"]+)">/.exec(response.text)?.[1] ?? '';
      const inputs = Object.fromEntries([...response.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]));
      response = await this.request(action.replaceAll('&amp;', '&'), { form: inputs });
    }
  }
}

const formActions = (html: string) => [...html.matchAll(/<form method="post" action="([^"]+)">/g)].map((m) => m[1]?.replaceAll('&amp;', '&') ?? '');
const accountSubs = (html: string) => [...html.matchAll(/name="sub" value="([^"]+)"/g)].map((m) => m[1]);

type Login = { config: oidc.Configuration; verifier: string; state: string; nonce: string; authorizationUrl: URL };

const startLogin = async (issuer: string, client: 'portal' | 'werk', extra: Record<string, string> = {}): Promise<Login> => {
  const registered = client === 'portal' ? baseOptions(null as unknown as Db).clients[0] : baseOptions(null as unknown as Db).clients[1];
  if (!registered) throw new Error('no client');
  const config = await oidc.discovery(
    new URL(issuer),
    registered.clientId,
    registered.clientSecret,
    registered.tokenEndpointAuthMethod === 'client_secret_basic' ? oidc.ClientSecretBasic() : undefined,
    { execute: [oidc.allowInsecureRequests] },
  );
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: registered.redirectUris[0] ?? '',
    scope: `openid ${registered.scopes.join(' ')}`,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { config, verifier, state, nonce, authorizationUrl };
};

/** Authorization request → login page → choose a person → (automatic consent) → back at the client with a code. */
const loginAs = async (browser: Browser, login: Login, sub: string) => {
  const page = await browser.follow(login.authorizationUrl, appOrigin);
  expect(page.status).toBe(200);
  const action = formActions(page.text)[0];
  if (!action) throw new Error(`no login form in ${page.text}`);
  const posted = await browser.request(new URL(action, login.authorizationUrl), { form: { sub, lang: 'nl' } });
  expect(posted.status).toBe(303);
  if (!posted.location) throw new Error('no redirect after login');
  const back = await browser.follow(posted.location, appOrigin);
  if (!back.location) throw new Error(`not sent back to the client: ${back.status} ${back.text}`);
  return back.location;
};

/** The client's side of the callback: exchanges the code with the checks of its login. */
const redeem = (login: Login, callback: URL, verifier = login.verifier) =>
  oidc.authorizationCodeGrant(login.config, callback, { pkceCodeVerifier: verifier, expectedState: login.state, expectedNonce: login.nonce });

/** A whole login for a client: authorization, choice of a person, code exchange. */
const logIn = async (browser: Browser, issuer: string, client: 'portal' | 'werk', sub: string) => {
  const login = await startLogin(issuer, client);
  const callback = await loginAs(browser, login, sub);
  return { login, callback, tokens: await redeem(login, callback) };
};

const idTokenHeader = (idToken: string) => JSON.parse(Buffer.from(idToken.split('.')[0] ?? '', 'base64url').toString('utf8')) as { alg: string; kid: string };

describe('the embedded identity provider', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, { max: 6 }).db;
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('refuses to start in production', async () => {
    await expect(createEmbeddedIdp({ ...baseOptions(db), issuer: 'http://localhost:3000/idp', production: true })).rejects.toThrow(
      embeddedIdpProductionRefusal,
    );
    await expect(startStandaloneIdp({ ...baseOptions(db), production: true })).rejects.toThrow(/demo and tests only/);
  });

  describe('started on its own, configured like ACM/IDM', () => {
    let issuer: string;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ issuer, close } = await startStandaloneIdp({ ...baseOptions(db) }));
    });

    afterAll(async () => {
      await close?.();
    });

    it('publishes discovery for the code flow with PKCE S256, RS256 ID tokens and logout', async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      const discovery = (await response.json()) as Record<string, unknown>;
      expect(discovery).toMatchObject({
        issuer,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
        end_session_endpoint: `${issuer}/session/end`,
        ui_locales_supported: ['nl', 'fr', 'en'],
      });
      expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'rrn', 'email']));
      expect(discovery.scopes_supported).not.toContain('offline_access');
    });

    it('logs a resident in with code + PKCE and puts rrn and the profile in the ID token', async () => {
      const browser = new Browser();
      const login = await startLogin(issuer, 'portal');
      const callback = await loginAs(browser, login, 'resident-pieter');
      expect(callback.origin + callback.pathname).toBe(residentRedirect);

      const tokens = await redeem(login, callback);
      const claims = tokens.claims();
      expect(claims).toMatchObject({
        iss: issuer,
        aud: 'portal',
        sub: 'resident-pieter',
        rrn: '85073003328',
        given_name: 'Pieter',
        family_name: 'Vandenberghe',
        locale: 'nl',
      });
      expect(claims).not.toHaveProperty('email');
      expect((claims?.exp ?? 0) - (claims?.iat ?? 0)).toBe(600);
      expect(idTokenHeader(tokens.id_token ?? '').alg).toBe('RS256');

      // A replayed code is refused (and oidc-provider revokes what the first use gave).
      await expect(redeem(login, callback)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    });

    it('refuses an authorization request without PKCE', async () => {
      const login = await startLogin(issuer, 'portal');
      const url = new URL(login.authorizationUrl);
      url.searchParams.delete('code_challenge');
      url.searchParams.delete('code_challenge_method');
      const response = await new Browser().request(url);
      expect(response.status).toBe(303);
      expect(response.location?.searchParams.get('error')).toBe('invalid_request');
      expect(response.location?.searchParams.get('error_description')).toMatch(/PKCE/);
    });

    it('refuses a code with the wrong PKCE verifier', async () => {
      const login = await startLogin(issuer, 'portal');
      const callback = await loginAs(new Browser(), login, 'resident-lien');
      await expect(redeem(login, callback, oidc.randomPKCECodeVerifier())).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it('shows an accessible login page in Dutch, listing only the residents, with escaped names', async () => {
      const login = await startLogin(issuer, 'portal');
      const page = await new Browser().follow(login.authorizationUrl, appOrigin);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(page.text).toContain('<html lang="nl">');
      expect(page.text).toContain('<h1>Aanmelden als inwoner</h1>');
      expect(page.text).toContain('Gezin met twee kinderen, Bavikhove');
      expect(page.text).toContain('Lien &lt;Desmet&gt; &amp; &quot;co&quot;');
      expect(accountSubs(page.text)).toEqual(['resident-pieter', 'resident-lien']);
      expect(page.text).not.toContain('Els Claeys');
    });

    it('speaks French when the client asks with ui_locales, and switches with ?lang=', async () => {
      const browser = new Browser();
      const login = await startLogin(issuer, 'portal', { ui_locales: 'fr-BE en' });
      const page = await browser.follow(login.authorizationUrl, appOrigin);
      expect(page.text).toContain('<html lang="fr">');
      expect(page.text).toContain('Famille avec deux enfants, Bavikhove');
      const englishHref = /<a href="([^"]+)" lang="en"/.exec(page.text)?.[1];
      if (!englishHref) throw new Error('no English link');
      const english = await browser.request(new URL(englishHref.replaceAll('&amp;', '&'), issuer));
      expect(english.text).toContain('<html lang="en">');
      expect(english.text).toContain('<h1>Log in as a resident</h1>');
    });

    it('explains an expired login, and refuses a login form that is not urlencoded', async () => {
      const browser = new Browser();
      const page = await browser.follow((await startLogin(issuer, 'portal')).authorizationUrl, appOrigin);
      const action = new URL(formActions(page.text)[0] ?? '', issuer);
      const notAForm = await browser.request(action, { method: 'POST' });
      expect(notAForm.status).toBe(400);
      expect(notAForm.text).toContain('Er ging iets mis bij het aanmelden.');
      const withoutCookie = await new Browser().request(action, { form: { sub: 'resident-pieter' } });
      expect(withoutCookie.status).toBe(400);
      expect(withoutCookie.text).toContain('Deze aanmelding is verlopen of al afgerond.');
    });

    it('sends the person back with access_denied when they cancel', async () => {
      const browser = new Browser();
      const login = await startLogin(issuer, 'portal');
      const page = await browser.follow(login.authorizationUrl, appOrigin);
      const cancel = /<a href="([^"]+\/abort[^"]*)"/.exec(page.text)?.[1];
      if (!cancel) throw new Error('no cancel link');
      const back = await browser.follow(new URL(cancel.replaceAll('&amp;', '&'), issuer), appOrigin);
      expect(back.location?.searchParams.get('error')).toBe('access_denied');
      expect(back.location?.searchParams.get('state')).toBe(login.state);
    });

    it('keeps a resident session away from the staff client, and a resident cannot log in as staff', async () => {
      const browser = new Browser();
      await loginAs(browser, await startLogin(issuer, 'portal'), 'resident-pieter');

      const staffLogin = await startLogin(issuer, 'werk');
      const page = await browser.follow(staffLogin.authorizationUrl, appOrigin);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Aanmelden als medewerker');
      expect(accountSubs(page.text)).toEqual(['staff-els']);

      const action = formActions(page.text)[0] ?? '';
      const refused = await browser.request(new URL(action, issuer), { form: { sub: 'resident-pieter' } });
      expect(refused.status).toBe(400);

      const { tokens } = await logIn(browser, issuer, 'werk', 'staff-els');
      expect(tokens.claims()).toMatchObject({ sub: 'staff-els', aud: 'werk', email: 'els.claeys@harelbeke.be', name: 'Els Claeys' });
      expect(tokens.claims()).not.toHaveProperty('rrn');
    });

    it('logs out on an RP-initiated logout and sends the person to the registered URL', async () => {
      const browser = new Browser();
      const { login, tokens } = await logIn(browser, issuer, 'portal', 'resident-pieter');

      const endSession = oidc.buildEndSessionUrl(login.config, {
        id_token_hint: tokens.id_token ?? '',
        post_logout_redirect_uri: loggedOut,
        state: 'bye',
        ui_locales: 'fr',
      });
      const confirm = await browser.request(endSession);
      expect(confirm.status).toBe(200);
      expect(confirm.text).toContain('<html lang="fr">');
      // The client sent the ID token: the page presses "yes" itself, allowed by its nonce.
      const nonce = /<script nonce="([^"]+)">/.exec(confirm.text)?.[1];
      expect(confirm.headers.get('content-security-policy')).toContain(`script-src 'nonce-${nonce}'`);
      expect(confirm.headers.get('content-security-policy')).toContain(`form-action 'self' ${appOrigin}`);
      const form = /<form id="op.logoutForm" method="post" action="([^"]+)"><input type="hidden" name="xsrf" value="([^"]+)"\/><\/form>/.exec(confirm.text);
      if (!form?.[1] || !form[2]) throw new Error(`no logout form in ${confirm.text}`);
      const done = await browser.request(form[1], { form: { xsrf: form[2], logout: 'yes' } });
      expect(done.status).toBe(303);
      expect(done.location?.href).toBe(`${loggedOut}?state=bye`);

      // The provider's session is gone: the next login shows the page again.
      const again = await browser.follow((await startLogin(issuer, 'portal')).authorizationUrl, appOrigin);
      expect(again.status).toBe(200);
      expect(accountSubs(again.text)).toContain('resident-pieter');
    });

    it('keeps its state in PostgreSQL, and encrypts the private keys there', async () => {
      const models = await db.selectFrom('identity_idp_payloads').select('model').distinct().execute();
      expect(models.map((row) => row.model)).toEqual(expect.arrayContaining(['Session', 'Grant', 'AuthorizationCode', 'Interaction']));
      const keys = await db.selectFrom('identity_idp_keys').select(['alg', 'kid', 'private_jwk_encrypted']).orderBy('alg').execute();
      expect(keys.map((key) => key.alg)).toEqual(['ES256', 'RS256']);
      for (const key of keys) expect(key.private_jwk_encrypted.toString('latin1')).not.toMatch(/"d"|"kty"/);
    });
  });

  it('keeps its signing keys across a restart on the same database, and refuses them under another secret', async () => {
    const first = await startStandaloneIdp({ ...baseOptions(db) });
    const kidsBefore = ((await (await fetch(`${first.issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
    const { tokens } = await logIn(new Browser(), first.issuer, 'portal', 'resident-pieter');
    await first.close();

    const second = await startStandaloneIdp({ ...baseOptions(db) });
    const kidsAfter = ((await (await fetch(`${second.issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
    await second.close();
    expect(kidsAfter).toEqual(kidsBefore);
    expect(kidsBefore).toContain(idTokenHeader(tokens.id_token ?? '').kid);

    await expect(startStandaloneIdp({ ...baseOptions(db), secret: Buffer.from('another-secret-of-at-least-thirty-two-bytes!') })).rejects.toThrow(
      IdpKeyDecryptionError,
    );
  });

  it('lets two instances on one database share keys, logins and sessions (a load balancer alternating between them)', async () => {
    // A fresh database: both instances start together with no keys yet.
    const other = await createTestDatabase();
    const otherDb = createDb(other.url, { max: 6 }).db;
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/idp`;
    const instances: EmbeddedIdp[] = await Promise.all([
      createEmbeddedIdp({ ...baseOptions(otherDb), issuer }),
      createEmbeddedIdp({ ...baseOptions(otherDb), issuer }),
    ]);
    const served: number[] = [];
    let next = 0;
    server.on('request', (req, res) => {
      const index = next++ % 2;
      served.push(index);
      instances[index]?.callback(req, res);
    });
    try {
      const keys = await otherDb.selectFrom('identity_idp_keys').select('kid').execute();
      expect(keys).toHaveLength(2);

      const browser = new Browser();
      const { tokens } = await logIn(browser, issuer, 'portal', 'resident-lien');
      expect(tokens.claims()).toMatchObject({ sub: 'resident-lien', rrn: '17073003384' });

      // The provider session made on one instance is found by the other: no login page the second time.
      const again = await startLogin(issuer, 'portal');
      const back = await browser.follow(again.authorizationUrl, appOrigin);
      expect(back.location?.searchParams.get('code')).toBeTruthy();
      expect(new Set(served)).toEqual(new Set([0, 1]));
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await otherDb.destroy();
      await other.drop();
    }
  });

  it('ignores expired rows and sweeps them', async () => {
    const repository = createIdpStorageRepository(db);
    await repository.upsert('AccessToken', 'expired-token', { jti: 'expired-token' }, { grantId: null, uid: null, userCode: null }, 60);
    await sql`UPDATE identity_idp_payloads SET expires_at = now() - interval '1 second' WHERE id = 'expired-token'`.execute(db);
    expect(await repository.find('AccessToken', 'expired-token')).toBeUndefined();
    expect(await repository.sweepExpired()).toBeGreaterThanOrEqual(1);
    const left = await db.selectFrom('identity_idp_payloads').select('id').where('id', '=', 'expired-token').execute();
    expect(left).toEqual([]);
  });

  describe('mounted in a Fastify app under /idp', () => {
    let app: FastifyInstance;
    let idp: EmbeddedIdp;
    let issuer: string;

    beforeAll(async () => {
      const port = await freePort();
      issuer = `http://127.0.0.1:${port}/idp`;
      idp = await createEmbeddedIdp({ ...baseOptions(db), issuer });
      app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
      // Like the app: headers set by an onRequest hook, and a JSON parser in the root context.
      app.addHook('onRequest', (request, reply, done) => {
        reply.header('x-request-id', request.id);
        reply.header('content-security-policy', "default-src 'self'; script-src 'self'");
        done();
      });
      app.post('/api/echo', { config: { access: 'public' } }, async (request) => request.body);
      await app.register(embeddedIdpRoutes, { idp });
      await app.listen({ port, host: '127.0.0.1' });
    });

    afterAll(async () => {
      await app?.close();
      await idp?.close();
    });

    it('runs the whole login through Fastify: urlencoded POSTs reach oidc-provider unread', async () => {
      const login = await startLogin(issuer, 'portal');
      const browser = new Browser();
      const callback = await loginAs(browser, login, 'resident-pieter');
      const tokens = await redeem(login, callback);
      expect(tokens.claims()).toMatchObject({ iss: issuer, sub: 'resident-pieter', rrn: '85073003328' });
      // The rest of the app still parses its JSON bodies.
      const echo = await fetch(new URL('/api/echo', issuer), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(await echo.json()).toEqual({ a: 1 });
    });

    it('keeps the app hooks’ headers on the hijacked answers, and the session cookie on the provider’s path', async () => {
      const discovery = await fetch(`${issuer}/.well-known/openid-configuration`);
      expect(discovery.headers.get('x-request-id')).toBeTruthy();
      const body = (await discovery.json()) as Record<string, unknown>;
      expect(body.authorization_endpoint).toBe(`${issuer}/auth`);
      expect(body.token_endpoint).toBe(`${issuer}/token`);

      const browser = new Browser();
      const login = await startLogin(issuer, 'portal');
      const first = await browser.request(login.authorizationUrl);
      expect(first.status).toBe(303);
      expect(first.location?.pathname).toMatch(/^\/idp\/interaction\//);
      const page = await browser.request(first.location ?? '');
      expect(page.headers.get('x-request-id')).toBeTruthy();
      // The page's own policy replaces the app's, so its nonce'd style applies.
      expect(page.headers.get('content-security-policy')).toMatch(/style-src 'nonce-/);
      const posted = await fetch(new URL(formActions(page.text)[0] ?? '', issuer), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: first.headers
            .getSetCookie()
            .map((c) => c.split(';')[0])
            .join('; '),
        },
        body: 'sub=resident-pieter',
        redirect: 'manual',
      });
      expect(posted.status).toBe(303);
      const resumed = await browser.request(new URL(posted.headers.get('location') ?? '', issuer));
      const sessionCookie = resumed.headers.getSetCookie().find((c) => c.startsWith('gastvrij_idp_session='));
      expect(sessionCookie).toMatch(/path=\/idp;/i);
      expect(sessionCookie).toMatch(/httponly/i);
      expect(sessionCookie).toMatch(/samesite=lax/i);
    });

    it('answers 404 outside its issuer path and registers its routes as public', async () => {
      const response = await fetch(new URL('/idpx', issuer));
      expect(response.status).toBe(404);
      const routes = app.printRoutes({ commonPrefix: false });
      expect(routes).toContain('/idp');
    });
  });
});
