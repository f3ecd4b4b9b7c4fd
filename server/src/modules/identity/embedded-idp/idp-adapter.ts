import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import type { IdpStorageRepository, StoredIdpPayload } from './idp-storage.repository.ts';

// The models whose rows belong to a grant and go when it is revoked (as in oidc-provider's memory adapter).
const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode']);

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const toAdapterPayload = (stored: StoredIdpPayload | undefined): AdapterPayload | undefined => {
  if (!stored) return undefined;
  // oidc-provider only tests `consumed` for truthiness; the epoch seconds match what its own adapter stores.
  return stored.consumedAt ? { ...stored.payload, consumed: Math.floor(stored.consumedAt.getTime() / 1000) } : stored.payload;
};

/**
 * oidc-provider's storage adapter on PostgreSQL: one factory call per model (Session, Interaction,
 * AuthorizationCode …). Static clients come from the configuration, so 'Client' finds nothing here.
 */
export const createIdpAdapterFactory =
  (repository: IdpStorageRepository): AdapterFactory =>
  (model: string): Adapter => ({
    upsert: async (id, payload, expiresIn) => {
      const record = payload as Record<string, unknown>;
      await repository.upsert(
        model,
        id,
        record,
        { grantId: grantable.has(model) ? text(record.grantId) : null, uid: text(record.uid), userCode: text(record.userCode) },
        expiresIn,
      );
    },
    find: async (id) => toAdapterPayload(await repository.find(model, id)),
    findByUid: async (uid) => toAdapterPayload(await repository.findByUid(model, uid)),
    findByUserCode: async (userCode) => toAdapterPayload(await repository.findByUserCode(model, userCode)),
    consume: (id) => repository.consume(model, id),
    destroy: (id) => repository.destroy(model, id),
    revokeByGrantId: (grantId) => repository.revokeByGrantId(grantId),
  });
