import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { importJWK, importPKCS8 } from 'jose';
import * as oidc from 'openid-client';
import type { OidcClientSettings } from '../../platform/config/config.ts';
import { type ResidentClaimProfile, residentClaimProfiles } from './claims.rules.ts';

/** Which population logs in: residents (eID/itsme) or staff and partners. */
export type Audience = 'resident' | 'staff';

/** Fetch as openid-client calls it. */
export type FetchLike = (
  url: string,
  init: { method?: string; headers?: Record<string, string> | Headers; body?: unknown; redirect?: string; signal?: AbortSignal },
) => Promise<Response>;

/** One identity provider as the relying party sees it. */
export type IdentityProvider = {
  audience: Audience;
  /** 'embedded' for the demo provider, otherwise the issuer URL: stored with the session for logout. */
  name: string;
  scopes: string[];
  residentProfile: ResidentClaimProfile | null;
  rolesClaim: string | null;
  /** A configuration from the cached discovery (retried after a failure), checking tokens against `now`. */
  configuration: (now?: Date) => Promise<oidc.Configuration>;
};

export const embeddedClientIds: Record<Audience, string> = { resident: 'gastvrij-portaal', staff: 'gastvrij-werk' };

/** The embedded provider's client secrets, derived from the app secret so both sides agree without configuration. */
export const embeddedClientSecret = (secretKey: string, audience: Audience): string =>
  createHmac('sha256', secretKey).update(`gastvrij embedded idp client ${audience}`).digest('base64url');

const loadPrivateKey = async (file: string) => {
  const text = (await readFile(file, 'utf8')).trim();
  if (text.startsWith('{')) {
    const jwk = JSON.parse(text) as { alg?: string; kid?: string };
    return { key: (await importJWK(jwk, jwk.alg ?? 'RS256')) as CryptoKey, kid: jwk.kid };
  }
  return { key: await importPKCS8(text, 'RS256') };
};

/**
 * An identity provider configured by the environment (ACM/IDM, FAS, Entra ID …) or the embedded
 * demo one. `fetch` replaces the network for the embedded provider, which answers in-process.
 */
export const createIdentityProvider = (options: {
  audience: Audience;
  settings: OidcClientSettings | null;
  embedded: { issuer: string; secretKey: string; fetch: FetchLike } | null;
  allowHttp: boolean;
}): IdentityProvider => {
  const { audience, settings, embedded } = options;
  const residentProfile = audience === 'resident' ? residentClaimProfiles[settings && settings.profile !== 'staff' ? settings.profile : 'acm-idm'] : null;
  const scopes = settings?.scopes ?? (audience === 'resident' ? (residentProfile?.scopes ?? ['openid']) : ['openid', 'profile', 'email']);
  let cached: Promise<Discovered> | null = null;

  const discover = async (): Promise<Discovered> => {
    const execute = options.allowHttp ? [oidc.allowInsecureRequests] : [];
    if (embedded) {
      const clientId = embeddedClientIds[audience];
      const auth = oidc.ClientSecretBasic(embeddedClientSecret(embedded.secretKey, audience));
      const config = await oidc.discovery(new URL(embedded.issuer), clientId, undefined, auth, {
        execute,
        [oidc.customFetch]: embedded.fetch as oidc.CustomFetch,
      });
      return { server: config.serverMetadata(), clientId, auth, fetch: embedded.fetch };
    }
    if (!settings) throw new Error(`No identity provider configured for ${audience}s`);
    const auth = settings.privateKeyPath
      ? oidc.PrivateKeyJwt(await loadPrivateKey(settings.privateKeyPath))
      : oidc.ClientSecretBasic(settings.clientSecret ?? undefined);
    const config = await oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, auth, { execute });
    return { server: config.serverMetadata(), clientId: settings.clientId, auth, fetch: null };
  };

  const discovered = () => {
    cached ??= discover().catch((error: unknown) => {
      cached = null;
      throw error;
    });
    return cached;
  };

  return {
    audience,
    name: embedded ? 'embedded' : (settings?.issuer ?? 'none'),
    scopes,
    residentProfile,
    rolesClaim: settings?.rolesClaim ?? null,
    configuration: async (now?: Date) => {
      const d = await discovered();
      // A configuration per use so the app's clock drives the token checks (clockSkew is fixed per configuration).
      const skew = now ? Math.round((now.getTime() - Date.now()) / 1000) : 0;
      const config = new oidc.Configuration(d.server, d.clientId, { [oidc.clockSkew]: skew }, d.auth);
      if (d.fetch) config[oidc.customFetch] = d.fetch as oidc.CustomFetch;
      if (options.allowHttp) oidc.allowInsecureRequests(config);
      return config;
    },
  };
};

type Discovered = { server: oidc.ServerMetadata; clientId: string; auth: oidc.ClientAuth; fetch: FetchLike | null };

/** What the redirect to the identity provider carries, kept server-side until its answer. */
export type LoginRequest = { url: URL; state: string; nonce: string; codeVerifier: string };

export const buildLoginRequest = async (
  provider: IdentityProvider,
  options: { redirectUri: string; language: string; prompt?: string },
): Promise<LoginRequest> => {
  const config = await provider.configuration();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: provider.scopes.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: options.language,
    ...(options.prompt ? { prompt: options.prompt } : {}),
  });
  return { url, state, nonce, codeVerifier };
};

/**
 * Exchanges the code and validates the ID token (signature, issuer, audience, expiry, nonce), with
 * the app's clock: `now` lets tests move time instead of waiting.
 */
export const completeLogin = async (
  provider: IdentityProvider,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
  now: Date,
): Promise<{ claims: Record<string, unknown>; idToken: string }> => {
  const config = await provider.configuration(now);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new Error('The identity provider answered without an ID token');
  return { claims: claims as Record<string, unknown>, idToken: tokens.id_token };
};

/** Where to send the browser to log out at the identity provider too; null when it has no end-session endpoint. */
export const buildLogoutUrl = async (provider: IdentityProvider, idToken: string | null, postLogoutRedirectUri: string): Promise<URL | null> => {
  const config = await provider.configuration();
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, {
    post_logout_redirect_uri: postLogoutRedirectUri,
    ...(idToken ? { id_token_hint: idToken } : {}),
  });
};
