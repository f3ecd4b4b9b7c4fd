import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { PopulationRegister } from '../register/index.ts';
import { demoIdpAccounts } from './demo-idp-accounts.ts';
import { createEmbeddedIdp, embeddedIdpRoutes } from './embedded-idp/index.ts';
import { inProcessFetch } from './in-process-fetch.ts';
import { surfaceHome } from './login.service.ts';
import { type Audience, embeddedClientIds, embeddedClientSecret, type FetchLike } from './oidc.client.ts';

/**
 * Starts the embedded demo identity provider at `<public URL>/idp` with a client for the portal and
 * one for the staff workspace, and mounts it in `context`. Returns what the relying party needs to
 * use it (its issuer, the shared secret and an in-process fetch). Demo and test only: the provider
 * itself refuses to start in production.
 */
export const mountEmbeddedIdp = async (
  app: FastifyInstance,
  context: FastifyInstance,
  options: { db: Db; register: PopulationRegister; publicUrl: string; secretKey: string; trustProxy: boolean; production?: boolean },
): Promise<{ issuer: string; secretKey: string; fetch: FetchLike }> => {
  const issuer = `${options.publicUrl}/idp`;
  const audiences: Audience[] = ['resident', 'staff'];
  const idp = await createEmbeddedIdp({
    db: options.db,
    issuer,
    secret: Buffer.from(options.secretKey),
    production: options.production ?? false,
    clients: audiences.map((audience) => ({
      clientId: embeddedClientIds[audience],
      clientSecret: embeddedClientSecret(options.secretKey, audience),
      redirectUris: [`${options.publicUrl}/auth/callback/${audience}`],
      postLogoutRedirectUris: Object.values(surfaceHome).map((home) => `${options.publicUrl}${home}`),
      audience,
      scopes: audience === 'resident' ? ['profile', 'rrn'] : ['profile', 'email'],
      tokenEndpointAuthMethod: 'client_secret_basic',
    })),
    accounts: demoIdpAccounts({ db: options.db, register: options.register }),
    // Like ACM/IDM: the national register number in claim `rrn` under scope `rrn`.
    claimsProfile: { scopes: { profile: ['given_name', 'family_name', 'name', 'locale'], rrn: ['rrn'], email: ['email'] } },
    trustProxy: options.trustProxy,
    logger: app.log,
  });
  app.addHook('onClose', async () => idp.close());
  await context.register(embeddedIdpRoutes, { idp });
  return { issuer, secretKey: options.secretKey, fetch: inProcessFetch(app, issuer) };
};
