import { describe, expect, it } from 'vitest';
import { decryptSigningKey, deriveIdpSecrets, encryptSigningKey, generateSigningKey, IdpKeyDecryptionError } from './idp-keys.ts';

const secret = Buffer.from('a-test-secret-of-at-least-thirty-two-bytes');

describe('the signing keys at rest', () => {
  const { keyEncryption } = deriveIdpSecrets(secret);
  const rsa = generateSigningKey('RS256');
  const ec = generateSigningKey('ES256');

  it('are private JWKs with their algorithm and an RFC 7638 kid', () => {
    expect(rsa).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', d: expect.any(String) });
    expect(ec).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', d: expect.any(String) });
    expect(rsa.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSigningKey('RS256').kid).not.toBe(rsa.kid);
  });

  it('decrypt to the same JWK, and the ciphertext shows nothing of it', () => {
    const encrypted = encryptSigningKey(keyEncryption, rsa);
    expect(encrypted.toString('latin1')).not.toContain(rsa.n?.slice(0, 20));
    expect(decryptSigningKey(keyEncryption, { alg: 'RS256', kid: rsa.kid, privateJwkEncrypted: encrypted })).toEqual(rsa);
  });

  it('refuse to decrypt under another secret, with another kid, or when altered', () => {
    const encrypted = encryptSigningKey(keyEncryption, ec);
    const other = deriveIdpSecrets(Buffer.from('another-test-secret-of-at-least-32-bytes')).keyEncryption;
    expect(() => decryptSigningKey(other, { alg: 'ES256', kid: ec.kid, privateJwkEncrypted: encrypted })).toThrow(IdpKeyDecryptionError);
    expect(() => decryptSigningKey(keyEncryption, { alg: 'ES256', kid: rsa.kid, privateJwkEncrypted: encrypted })).toThrow(IdpKeyDecryptionError);
    const altered = Buffer.from(encrypted);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => decryptSigningKey(keyEncryption, { alg: 'ES256', kid: ec.kid, privateJwkEncrypted: altered })).toThrow(IdpKeyDecryptionError);
  });

  it('derive different cookie and encryption keys, and refuse a short secret', () => {
    const secrets = deriveIdpSecrets(secret);
    expect(secrets.cookieKeys).toHaveLength(1);
    expect(Buffer.from(secrets.cookieKeys[0] ?? '', 'base64url').equals(secrets.keyEncryption.export())).toBe(false);
    expect(() => deriveIdpSecrets(Buffer.from('too short'))).toThrow(RangeError);
  });
});
