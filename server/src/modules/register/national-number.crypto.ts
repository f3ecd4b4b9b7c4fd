import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keeps national register numbers out of the database in clear: a keyed hash to find a person by
 * number, and authenticated encryption to show the number to those allowed to see it.
 */
export type NationalNumberVault = {
  /** HMAC-SHA256 of the 11 digits (separators ignored): 32 bytes, the same for the same number and key. */
  hash: (nationalNumber: string) => Buffer;
  /** AES-256-GCM with a fresh IV: iv (12) + tag (16) + ciphertext. Two calls never give the same bytes. */
  encrypt: (nationalNumber: string) => Buffer;
  /** The 11 digits back; throws NationalNumberDecryptionError when the bytes were altered or the key is another one. */
  decrypt: (encrypted: Uint8Array) => string;
};

/** The stored bytes could not be decrypted: tampered with, truncated, or encrypted under another key. */
export class NationalNumberDecryptionError extends Error {
  override name = 'NationalNumberDecryptionError';
}

const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const MIN_SECRET_BYTES = 32;
// Binds a ciphertext to this use, so bytes encrypted for another purpose under the same key do not decrypt here.
const AAD = Buffer.from('gastvrij:register:national-number:v1');

const digitsOf = (nationalNumber: string): string => {
  const digits = nationalNumber.replace(/[\s.\-/]/g, '');
  // Refuse rather than hash or encrypt something else: a typo must not silently become a different key.
  if (!/^\d{11}$/.test(digits)) throw new RangeError('A national register number has 11 digits');
  return digits;
};

/**
 * Builds the vault from one secret (GASTVRIJ_SECRET_KEY, at least 32 bytes). HKDF derives two
 * independent keys from it, so the hash key and the encryption key are never the same bytes and a
 * leak of one says nothing about the other.
 */
export const createNationalNumberVault = (secret: string | Uint8Array): NationalNumberVault => {
  const material = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (material.length < MIN_SECRET_BYTES) {
    throw new RangeError(`The secret key must be at least ${MIN_SECRET_BYTES} bytes; generate one with \`openssl rand -base64 48\``);
  }
  // KeyObjects, not Buffers: node:crypto then skips importing the key on every call (about 3x faster when seeding).
  const derive = (info: string) => createSecretKey(Buffer.from(hkdfSync('sha256', material, 'gastvrij', info, 32)));
  const hashKey = derive('register/national-number/hash/v1');
  const encryptionKey = derive('register/national-number/encrypt/v1');
  // IVs come from the CSPRNG a few hundred at a time: one call per IV costs more than the encryption itself.
  let ivPool = Buffer.alloc(0);
  let ivOffset = 0;
  const nextIv = () => {
    if (ivOffset + IV_LENGTH > ivPool.length) {
      ivPool = randomBytes(IV_LENGTH * 256);
      ivOffset = 0;
    }
    ivOffset += IV_LENGTH;
    return ivPool.subarray(ivOffset - IV_LENGTH, ivOffset);
  };

  return {
    hash: (nationalNumber) => createHmac('sha256', hashKey).update(digitsOf(nationalNumber)).digest(),

    encrypt: (nationalNumber) => {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_LENGTH });
      cipher.setAAD(AAD);
      const ciphertext = Buffer.concat([cipher.update(digitsOf(nationalNumber), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
    },

    decrypt: (encrypted) => {
      const bytes = Buffer.from(encrypted);
      if (bytes.length <= IV_LENGTH + TAG_LENGTH) throw new NationalNumberDecryptionError('The encrypted national register number is truncated');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, bytes.subarray(0, IV_LENGTH), { authTagLength: TAG_LENGTH });
      decipher.setAAD(AAD);
      decipher.setAuthTag(bytes.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_LENGTH + TAG_LENGTH)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new NationalNumberDecryptionError('The encrypted national register number was altered or belongs to another key', { cause: error });
      }
    },
  };
};
