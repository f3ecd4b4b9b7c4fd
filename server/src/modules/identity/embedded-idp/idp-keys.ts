import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  generateKeyPairSync,
  hash,
  hkdfSync,
  type JsonWebKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import type { IdpStorageRepository, StoredSigningKey } from './idp-storage.repository.ts';

/** The algorithms the embedded provider signs with: RS256 (the default for ID tokens) and ES256. */
export const signingAlgorithms = ['RS256', 'ES256'] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];

/** A private signing key as oidc-provider's `jwks` option takes it. */
export type SigningJwk = JsonWebKey & { kid: string; alg: SigningAlgorithm; use: 'sig' };

/** The stored keys could not be decrypted: the app secret changed, or the rows were altered. */
export class IdpKeyDecryptionError extends Error {
  override name = 'IdpKeyDecryptionError';
}

const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const MIN_SECRET_BYTES = 32;

/** The keys the embedded provider derives from the app secret, each for one purpose. */
export type IdpSecrets = { keyEncryption: KeyObject; cookieKeys: string[] };

/**
 * Derives, with HKDF, the key that encrypts the signing keys at rest and the key that signs the
 * provider's cookies, so neither is the app secret itself and neither says anything about the other.
 */
export const deriveIdpSecrets = (secret: Buffer): IdpSecrets => {
  if (secret.length < MIN_SECRET_BYTES) throw new RangeError(`The embedded identity provider needs a secret of at least ${MIN_SECRET_BYTES} bytes`);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'gastvrij', info, 32));
  return {
    keyEncryption: createSecretKey(derive('identity/embedded-idp/signing-keys/v1')),
    cookieKeys: [derive('identity/embedded-idp/cookies/v1').toString('base64url')],
  };
};

// The algorithm and kid are bound to the ciphertext, so a row's key cannot be swapped into another row.
const aadFor = (alg: string, kid: string) => Buffer.from(`gastvrij:identity:embedded-idp:signing-key:v1:${alg}:${kid}`);

/** AES-256-GCM: iv (12) + tag (16) + ciphertext of the JWK's JSON. */
export const encryptSigningKey = (key: KeyObject, jwk: SigningJwk): Buffer => {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aadFor(jwk.alg, jwk.kid));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
};

/** The JWK back; throws IdpKeyDecryptionError under another key or when the bytes were altered. */
export const decryptSigningKey = (key: KeyObject, stored: StoredSigningKey): SigningJwk => {
  const bytes = stored.privateJwkEncrypted;
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_LENGTH), { authTagLength: TAG_LENGTH });
  decipher.setAAD(aadFor(stored.alg, stored.kid));
  decipher.setAuthTag(bytes.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
  try {
    const json = Buffer.concat([decipher.update(bytes.subarray(IV_LENGTH + TAG_LENGTH)), decipher.final()]).toString('utf8');
    return JSON.parse(json) as SigningJwk;
  } catch (error) {
    throw new IdpKeyDecryptionError(
      `The embedded identity provider's ${stored.alg} signing key (kid ${stored.kid}) cannot be decrypted: the secret key changed since it was made, or the row was altered. ` +
        'Restore the secret, or delete the rows of identity_idp_keys so new keys are made at the next start (tokens already issued then stop validating).',
      { cause: error },
    );
  }
};

/** RFC 7638 thumbprint, the kid oidc-provider would compute itself. */
const thumbprint = (jwk: JsonWebKey): string => {
  const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return hash('sha256', JSON.stringify(members), 'base64url');
};

/** A fresh private key for one algorithm, as a JWK. */
export const generateSigningKey = (alg: SigningAlgorithm): SigningJwk => {
  const { privateKey } = alg === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: thumbprint(jwk), alg, use: 'sig' };
};

/**
 * The signing keys: read from the database, made and stored on the first start. Two instances
 * starting together both try to insert; the database keeps the first and both read that back.
 */
export const loadOrCreateSigningKeys = async (repository: IdpStorageRepository, encryptionKey: KeyObject): Promise<SigningJwk[]> => {
  let stored = await repository.listSigningKeys();
  const missing = signingAlgorithms.filter((alg) => !stored.some((key) => key.alg === alg));
  if (missing.length > 0) {
    const fresh = missing.map((alg) => generateSigningKey(alg));
    await repository.insertSigningKeysIfAbsent(
      fresh.map((jwk) => ({ alg: jwk.alg, kid: jwk.kid, privateJwkEncrypted: encryptSigningKey(encryptionKey, jwk) })),
    );
    stored = await repository.listSigningKeys();
  }
  return stored.map((key) => decryptSigningKey(encryptionKey, key));
};
