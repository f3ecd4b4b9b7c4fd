import type { Language } from '../../../../shared/src/platform/language.ts';

/**
 * Why a login did not go through. The server sends the browser back to the login page with
 * `?fout=<code>` (identity module, LoginFailure) and answers `email-link-invalid` for a used or
 * expired e-mail link; the page explains each in plain words with what to do next.
 */
export const loginFailures = [
  'login-cancelled',
  'login-expired',
  'login-failed',
  'not-in-register',
  'staff-unknown',
  'idp-unavailable',
  'email-link-invalid',
] as const;
export type LoginFailure = (typeof loginFailures)[number];

/** The failure named in `?fout=`, or null for none or an unknown code (a hand-edited address says nothing). */
export const loginFailureOf = (value: string | null | undefined): LoginFailure | null =>
  (loginFailures as readonly string[]).includes(value ?? '') ? (value as LoginFailure) : null;

/** The translation keys of a failure's heading and explanation. */
export const loginFailureKeys = (failure: LoginFailure) =>
  ({ title: `identity.failures.${failure}.title`, text: `identity.failures.${failure}.text` }) as const;

export type LoginSurface = 'portal' | 'werk';

/** Where each surface keeps its login page; the server uses the same addresses (loginPage). */
export const loginPagePath: Record<LoginSurface, string> = { portal: '/aanmelden', werk: '/werk/aanmelden' };

const maxReturnTo = 500;

// Pages a login must never return to: the login pages themselves (a loop) and the server's redirects.
const portalExcluded = ['/aanmelden', '/auth', '/werk', '/idp'];

const startsWithSegment = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);

/**
 * A page of this app to come back to after logging in, or undefined. Only a path on this site (no
 * `//host` or `/\host` a browser would read as another site), within the surface (the portal does
 * not send a resident into /werk), and never a login page. The server checks it again.
 */
export const safeReturnTo = (value: string | null | undefined, surface: LoginSurface): string | undefined => {
  if (!value || value.length > maxReturnTo || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  const path = value.split('#')[0] ?? value;
  if (surface === 'werk') return startsWithSegment(path, '/werk') && !startsWithSegment(path, '/werk/aanmelden') ? path : undefined;
  return portalExcluded.some((prefix) => startsWithSegment(path, prefix)) ? undefined : path;
};

/** The login page of a surface, remembering where the person wanted to go. */
export const loginPageHref = (surface: LoginSurface, returnTo?: string | null): string => {
  const safe = safeReturnTo(returnTo, surface);
  return safe ? `${loginPagePath[surface]}?${new URLSearchParams({ returnTo: safe })}` : loginPagePath[surface];
};

/**
 * The server's start of an OpenID Connect login (a full page navigation, never fetch: the browser
 * must follow the redirects to the identity provider and keep its cookies).
 */
export const oidcLoginHref = (audience: 'resident' | 'staff', options: { returnTo?: string | null | undefined; language: Language }): string => {
  const params = new URLSearchParams();
  const safe = safeReturnTo(options.returnTo, audience === 'staff' ? 'werk' : 'portal');
  if (safe) params.set('returnTo', safe);
  params.set('lang', options.language);
  return `/auth/login/${audience}?${params}`;
};

/**
 * How serious a failure looks: stopping on purpose is no error, a timeout is a warning, the rest
 * are errors. Warnings and errors are announced at once (role="alert").
 */
export const loginFailureSeverity = (failure: LoginFailure): 'info' | 'warning' | 'error' =>
  failure === 'login-cancelled' ? 'info' : failure === 'login-expired' || failure === 'email-link-invalid' ? 'warning' : 'error';
