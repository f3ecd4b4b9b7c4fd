import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

/** A stored oidc-provider object as the adapter hands it back: its payload and whether it was used. */
export type StoredIdpPayload = { payload: Record<string, unknown>; consumedAt: Date | null };

/** The lookups oidc-provider's adapter needs beside the payload. */
export type IdpPayloadIndexes = { grantId: string | null; uid: string | null; userCode: string | null };

/** One signing key row: the private JWK stays encrypted here; the caller decrypts it. */
export type StoredSigningKey = { alg: string; kid: string; privateJwkEncrypted: Buffer };

// Expired rows are invisible, whatever the sweep has or has not removed yet.
const live = sql<boolean>`(expires_at IS NULL OR expires_at > now())`;

/** One live row of a model by its id or by one of the adapter's lookup columns. */
const findLive = async (db: Db, model: string, column: 'id' | 'uid' | 'user_code', value: string): Promise<StoredIdpPayload | undefined> => {
  const row = await db
    .selectFrom('identity_idp_payloads')
    .select(['payload', 'consumed_at'])
    .where('model', '=', model)
    .where(column, '=', value)
    .where(live)
    .executeTakeFirst();
  return row ? { payload: row.payload as Record<string, unknown>, consumedAt: row.consumed_at } : undefined;
};

/** SQL of the embedded identity provider's storage (tables `identity_idp_*`). */
export const createIdpStorageRepository = (db: Db) => ({
  upsert: async (model: string, id: string, payload: Record<string, unknown>, indexes: IdpPayloadIndexes, expiresInSeconds: number | undefined) => {
    const expiresAt = expiresInSeconds === undefined ? null : sql<Date>`now() + make_interval(secs => ${expiresInSeconds})`;
    const json = sql<string>`${JSON.stringify(payload)}::jsonb`;
    await db
      .insertInto('identity_idp_payloads')
      .values({ model, id, payload: json, grant_id: indexes.grantId, uid: indexes.uid, user_code: indexes.userCode, expires_at: expiresAt })
      // oidc-provider re-saves a Session or an Interaction under the same id; a consumed code stays consumed.
      .onConflict((conflict) =>
        conflict
          .columns(['model', 'id'])
          .doUpdateSet({ payload: json, grant_id: indexes.grantId, uid: indexes.uid, user_code: indexes.userCode, expires_at: expiresAt }),
      )
      .execute();
  },

  find: (model: string, id: string) => findLive(db, model, 'id', id),

  findByUid: (model: string, uid: string) => findLive(db, model, 'uid', uid),

  findByUserCode: (model: string, userCode: string) => findLive(db, model, 'user_code', userCode),

  consume: async (model: string, id: string) => {
    await db
      .updateTable('identity_idp_payloads')
      .set({ consumed_at: sql<Date>`now()` })
      .where('model', '=', model)
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .execute();
  },

  destroy: async (model: string, id: string) => {
    await db.deleteFrom('identity_idp_payloads').where('model', '=', model).where('id', '=', id).execute();
  },

  revokeByGrantId: async (grantId: string) => {
    await db.deleteFrom('identity_idp_payloads').where('grant_id', '=', grantId).execute();
  },

  /** Removes expired rows; returns how many. Reads already ignore them, so this only frees space. */
  sweepExpired: async (): Promise<number> => {
    const result = await db.deleteFrom('identity_idp_payloads').where('expires_at', '<=', sql<Date>`now()`).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** Inserts the keys unless keys for those algorithms exist already (another instance was first). */
  insertSigningKeysIfAbsent: async (keys: readonly StoredSigningKey[]) => {
    if (keys.length === 0) return;
    await db
      .insertInto('identity_idp_keys')
      .values(keys.map((key) => ({ alg: key.alg, kid: key.kid, private_jwk_encrypted: key.privateJwkEncrypted })))
      .onConflict((conflict) => conflict.column('alg').doNothing())
      .execute();
  },

  listSigningKeys: async (): Promise<StoredSigningKey[]> => {
    const rows = await db.selectFrom('identity_idp_keys').select(['alg', 'kid', 'private_jwk_encrypted']).orderBy('alg', 'desc').execute();
    return rows.map((row) => ({ alg: row.alg, kid: row.kid, privateJwkEncrypted: row.private_jwk_encrypted }));
  },
});

/** The repository's type, for the adapter and the key store. */
export type IdpStorageRepository = ReturnType<typeof createIdpStorageRepository>;
