import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Configuration, errors, type InteractionResults, interactionPolicy, type KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { Language } from '../../../../../shared/src/platform/language.ts';
import type { Db } from '../../../platform/db/database.ts';
import { idpMessages } from './idp.messages.ts';
import { createIdpAdapterFactory } from './idp-adapter.ts';
import { matchInteractionRoute, readForm, sendHtml, stripMountPath } from './idp-http.ts';
import { deriveIdpSecrets, loadOrCreateSigningKeys, signingAlgorithms } from './idp-keys.ts';
import { chooseIdpLanguage } from './idp-language.rules.ts';
import { type IdpAudience, pageContentSecurityPolicy, renderLoginPage, renderLogoutPage, renderMessagePage } from './idp-pages.view.ts';
import { createIdpStorageRepository } from './idp-storage.repository.ts';

/** A demo person who can log in through the embedded provider. */
export type EmbeddedIdpAccount = {
  /** The stable subject (`sub`) of the ID token. */
  sub: string;
  /** Which client's login page lists the person. */
  audience: IdpAudience;
  /** What the login page shows: the name, and a line such as "Gezin met twee kinderen, Bavikhove" or the roles. */
  label: { name: string; description: Record<Language, string> };
  /** The claims released for the scopes granted, e.g. `{ rrn, given_name, family_name, locale }` or `{ email, name }`. */
  claims: Record<string, unknown>;
};

/** A relying party registered with the provider (the portal, the staff workspace, a test). */
export type EmbeddedIdpClient = {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  audience: IdpAudience;
  /** The scopes it may ask for besides `openid`. */
  scopes: string[];
  /** How it authenticates at the token endpoint; openid-client 6 uses client_secret_post unless told otherwise. */
  tokenEndpointAuthMethod?: 'client_secret_post' | 'client_secret_basic';
};

/** Where the provider gets its demo people. */
export type EmbeddedIdpAccounts = {
  list: (audience: IdpAudience) => Promise<EmbeddedIdpAccount[]>;
  find: (sub: string) => Promise<EmbeddedIdpAccount | null>;
};

/** The few logger methods the provider uses (a pino logger fits). */
export type EmbeddedIdpLogger = { warn: (details: object, message: string) => void; error: (details: object, message: string) => void };

export type EmbeddedIdpOptions = {
  db: Db;
  /** The issuer identifier, e.g. `http://localhost:3000/idp`; its path is where the provider is mounted. */
  issuer: string;
  /** The app secret (at least 32 bytes): cookie keys and the key that encrypts the signing keys are derived from it. */
  secret: Buffer;
  /** True in production, where the provider refuses to start. */
  production: boolean;
  clients: EmbeddedIdpClient[];
  accounts: EmbeddedIdpAccounts;
  /** Scope → the claims it releases, e.g. `{ profile: [...], rrn: ['rrn'], email: ['email'] }` as ACM/IDM does. */
  claimsProfile: { scopes: Record<string, string[]> };
  /** Trust X-Forwarded-Proto/-Host (only behind a proxy that sets them); default false. */
  trustProxy?: boolean;
  logger?: EmbeddedIdpLogger;
};

/** A running provider: its issuer and the Node request handler for requests below the issuer's path. */
export type EmbeddedIdp = {
  issuer: string;
  /** Handles a request whose path starts with the issuer's path; anything else gets a 404. */
  callback: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops the periodic sweep of expired rows. The database belongs to the caller. */
  close: () => Promise<void>;
};

/** The message of the refusal in production. */
export const embeddedIdpProductionRefusal =
  'The embedded identity provider is for demo and tests only: anyone can log in on it as any demo person. ' +
  'Configure a real OpenID Connect provider for residents and for staff in production.';

// The lifetimes asked for in issue 3: a code is used within a minute, an ID token lives 10 minutes,
// a login at the provider 8 hours (a working day).
const TTL = { AuthorizationCode: 60, IdToken: 10 * 60, AccessToken: 10 * 60, Interaction: 15 * 60, Session: 8 * 60 * 60, Grant: 8 * 60 * 60 } as const;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

const nonce = () => randomBytes(16).toString('base64');

const uniqueOrigins = (clients: readonly EmbeddedIdpClient[]): string[] => [
  ...new Set(clients.flatMap((client) => [...client.redirectUris, ...client.postLogoutRedirectUris]).map((uri) => new URL(uri).origin)),
];

const paramString = (params: unknown, name: string): string | undefined => {
  const value = (params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Starts the embedded OpenID Connect provider (oidc-provider 9): authorization code with PKCE
 * (S256) only, ID tokens signed RS256 with the claims of the granted scopes in them (as ACM/IDM
 * does), consent granted automatically for what the client asked, RP-initiated logout, and all
 * state in PostgreSQL. Refuses to start in production.
 */
export const createEmbeddedIdp = async (options: EmbeddedIdpOptions): Promise<EmbeddedIdp> => {
  if (options.production) throw new Error(embeddedIdpProductionRefusal);
  const issuerUrl = new URL(options.issuer);
  const mountPath = issuerUrl.pathname.replace(/\/+$/, '');
  const repository = createIdpStorageRepository(options.db);
  const secrets = deriveIdpSecrets(options.secret);
  const keys = await loadOrCreateSigningKeys(repository, secrets.keyEncryption);
  const clientsById = new Map(options.clients.map((client) => [client.clientId, client]));
  const formTargets = uniqueOrigins(options.clients);
  const log = options.logger;

  const policy = interactionPolicy.base();
  // Both clients share the provider's session cookie: a resident logged in at the provider must
  // not slip into the staff workspace (or the other way round) without the login page.
  policy.get('login')?.checks.add(
    new interactionPolicy.Check('audience_mismatch', 'the logged-in demo person belongs to the other login page', async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const account = await options.accounts.find(accountId);
      const client = ctx.oidc.client ? clientsById.get(ctx.oidc.client.clientId) : undefined;
      return account && client && account.audience === client.audience ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );

  const koaLanguage = (ctx: KoaContextWithOIDC): Language => {
    let uiLocales: string | undefined;
    try {
      uiLocales = paramString(ctx.oidc?.params, 'ui_locales');
    } catch {
      // Errors raised before the parameters were read have no ui_locales.
    }
    return chooseIdpLanguage(typeof ctx.query.lang === 'string' ? ctx.query.lang : undefined, uiLocales);
  };

  const configuration: Configuration = {
    adapter: createIdpAdapterFactory(repository),
    jwks: { keys },
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      scope: [...new Set(['openid', ...client.scopes])].join(' '),
      token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
    })),
    claims: { ...options.claimsProfile.scopes, openid: ['sub'] },
    // No offline_access: no refresh tokens; the scopes of claimsProfile are added by oidc-provider.
    scopes: ['openid'],
    // Claims in the ID token even when an access token is issued too, as ACM/IDM puts `rrn` there.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    allowOmittingSingleRegisteredRedirectUri: false,
    enabledJWA: { idTokenSigningAlgValues: [...signingAlgorithms], userinfoSigningAlgValues: [...signingAlgorithms] },
    ttl: { ...TTL },
    cookies: {
      // Names of our own, so they cannot clash with the app's cookies on the same host.
      names: { session: 'gastvrij_idp_session', interaction: 'gastvrij_idp_interaction', resume: 'gastvrij_idp_resume' },
      // The session cookie is only sent to the provider, not to the rest of the app.
      long: { httpOnly: true, sameSite: 'lax', path: mountPath || '/' },
      short: { httpOnly: true, sameSite: 'lax' },
      keys: secrets.cookieKeys,
    },
    discovery: { ui_locales_supported: ['nl', 'fr', 'en'] },
    clientBasedCORS: () => false,
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: false },
      introspection: { enabled: false },
      registration: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          const pageNonce = nonce();
          ctx.type = 'html';
          ctx.set('content-security-policy', pageContentSecurityPolicy(pageNonce, formTargets));
          // A validated id_token_hint means the client itself sent the person here: log out without asking.
          const automatic = paramString(ctx.oidc.params, 'id_token_hint') !== undefined;
          ctx.body = renderLogoutPage({ lang: koaLanguage(ctx), providerForm: form, automatic, nonce: pageNonce });
        },
        postLogoutSuccessSource: (ctx) => {
          const pageNonce = nonce();
          const lang = koaLanguage(ctx);
          ctx.type = 'html';
          ctx.set('content-security-policy', pageContentSecurityPolicy(pageNonce, formTargets));
          ctx.body = renderMessagePage({ lang, heading: idpMessages[lang].loggedOutHeading, text: idpMessages[lang].loggedOutText, nonce: pageNonce });
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}`, policy },
    findAccount: async (_ctx, sub) => {
      const account = await options.accounts.find(sub);
      if (!account) return undefined;
      // All claims; oidc-provider releases only those of the granted scopes.
      return { accountId: account.sub, claims: () => ({ ...account.claims, sub: account.sub }) };
    },
    renderError: (ctx, out) => {
      const pageNonce = nonce();
      const lang = koaLanguage(ctx);
      const description = typeof out.error_description === 'string' ? ` (${out.error_description})` : '';
      ctx.type = 'html';
      ctx.set('content-security-policy', pageContentSecurityPolicy(pageNonce, formTargets));
      ctx.body = renderMessagePage({
        lang,
        heading: idpMessages[lang].errorHeading,
        text: idpMessages[lang].errorGeneric,
        code: `${String(out.error)}${description}`,
        nonce: pageNonce,
      });
    },
  };

  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy ?? false;
  provider.on('server_error', (_ctx: unknown, error: unknown) => log?.error({ err: error }, 'embedded identity provider: server error'));
  // Koa's own 'error' event (missing from the provider's types); with a listener Koa no longer prints to stderr itself.
  (provider as unknown as EventEmitter).on('error', (error: unknown) => {
    if (log) log.error({ err: error }, 'embedded identity provider: request failed');
    else console.error('embedded identity provider: request failed', error);
  });
  const handleProvider = provider.callback();

  const messagePage = (res: ServerResponse, status: number, lang: Language, text: string) => {
    const pageNonce = nonce();
    sendHtml(
      res,
      status,
      renderMessagePage({ lang, heading: idpMessages[lang].errorHeading, text, nonce: pageNonce }),
      pageContentSecurityPolicy(pageNonce, formTargets),
    );
  };

  const handleInteraction = async (req: IncomingMessage, res: ServerResponse, uid: string, action: 'show' | 'login' | 'abort', query: URLSearchParams) => {
    let lang = chooseIdpLanguage(query.get('lang'), null);
    try {
      const form = action === 'login' ? await readForm(req) : null;
      if (form) lang = chooseIdpLanguage(form.get('lang'), null);
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) throw new errors.SessionNotFound('interaction cookie of another login');
      lang = chooseIdpLanguage(form?.get('lang') ?? query.get('lang'), paramString(details.params, 'ui_locales'));
      const client = clientsById.get(paramString(details.params, 'client_id') ?? '');
      if (!client) throw new errors.InvalidClient('client not found');

      if (action === 'abort') {
        const result: InteractionResults = { error: 'access_denied', error_description: 'The person cancelled the login at the demo identity provider' };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
        return;
      }

      if (details.prompt.name === 'consent') {
        // No consent screen: grant what the client asked for, through the Grant API.
        const accountId = details.session?.accountId;
        if (!accountId) throw new errors.SessionNotFound('no login to grant for');
        const grant =
          (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId: client.clientId });
        const missing = details.prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
          missingResourceScopes?: Record<string, string[]>;
        };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }

      if (action === 'login') {
        const account = await options.accounts.find(form?.get('sub') ?? '');
        if (!account || account.audience !== client.audience) {
          messagePage(res, 400, lang, idpMessages[lang].errorUnknownAccount);
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
        return;
      }

      const accounts = await options.accounts.list(client.audience);
      const pageNonce = nonce();
      const base = `${mountPath}/interaction/${encodeURIComponent(uid)}`;
      const html = renderLoginPage({
        lang,
        audience: client.audience,
        accounts: accounts.map((account) => ({ sub: account.sub, name: account.label.name, description: account.label.description[lang] })),
        loginAction: `${base}/login`,
        cancelHref: `${base}/abort?lang=${lang}`,
        languageHref: (other) => `${base}?lang=${other}`,
        nonce: pageNonce,
      });
      sendHtml(res, 200, html, pageContentSecurityPolicy(pageNonce, formTargets));
    } catch (error) {
      // The interaction cookie is gone or belongs to another login: the person must start again.
      if (error instanceof errors.SessionNotFound) {
        messagePage(res, 400, lang, idpMessages[lang].errorExpired);
        return;
      }
      // A login form that is not ours (another content type, too large).
      if (error instanceof RangeError) {
        messagePage(res, 400, lang, idpMessages[lang].errorGeneric);
        return;
      }
      log?.error({ err: error }, 'embedded identity provider: interaction failed');
      if (!res.headersSent) messagePage(res, 500, lang, idpMessages[lang].errorGeneric);
      else res.end();
    }
  };

  const callback = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const below = stripMountPath(url, mountPath);
    if (below === null) {
      res.statusCode = 404;
      res.end();
      return;
    }
    // As Express does for a mounted app: the full URL in originalUrl, the rest in url. oidc-provider
    // derives the mount path from the two when it builds its own URLs.
    Object.assign(req, { originalUrl: url });
    req.url = below;
    const [path = '/', search = ''] = below.split('?', 2);
    const interaction = matchInteractionRoute(req.method ?? 'GET', path);
    if (interaction) {
      void handleInteraction(req, res, interaction.uid, interaction.action, new URLSearchParams(search));
      return;
    }
    void handleProvider(req, res);
  };

  await repository.sweepExpired();
  const sweep = setInterval(() => {
    repository.sweepExpired().catch((error: unknown) => log?.warn({ err: error }, 'embedded identity provider: sweep of expired rows failed'));
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  return {
    issuer: provider.issuer,
    callback,
    close: async () => {
      clearInterval(sweep);
    },
  };
};
