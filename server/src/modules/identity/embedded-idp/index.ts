/**
 * The embedded OpenID Connect identity provider for demo and tests (issue 3, item 2): oidc-provider
 * with its state and keys in PostgreSQL and an accessible login page listing demo people. Refused
 * in production.
 */

export { embeddedIdpRoutes } from './embedded-idp.routes.ts';
export {
  createEmbeddedIdp,
  type EmbeddedIdp,
  type EmbeddedIdpAccount,
  type EmbeddedIdpAccounts,
  type EmbeddedIdpClient,
  type EmbeddedIdpLogger,
  type EmbeddedIdpOptions,
  embeddedIdpProductionRefusal,
} from './embedded-idp.ts';
export { IdpKeyDecryptionError } from './idp-keys.ts';
export type { IdpAudience } from './idp-pages.view.ts';
export { type StandaloneIdp, type StandaloneIdpOptions, startStandaloneIdp } from './standalone-idp.ts';
