import { describe, expect, it } from 'vitest';
import { createNationalNumberVault, NationalNumberDecryptionError } from './national-number.crypto.ts';

const secret = 'test-secret-of-at-least-thirty-two-bytes!';
const vault = createNationalNumberVault(secret);
const number = '85073003328';

describe('national number vault', () => {
  it('decrypts what it encrypted', () => {
    expect(vault.decrypt(vault.encrypt(number))).toBe(number);
  });

  it('stores iv, tag and ciphertext, without the digits in clear', () => {
    const encrypted = vault.encrypt(number);
    expect(encrypted.length).toBe(12 + 16 + 11);
    expect(encrypted.toString('latin1')).not.toContain('0730033');
  });

  it('gives different bytes each time, so equal numbers cannot be spotted in the table', () => {
    expect(vault.encrypt(number).equals(vault.encrypt(number))).toBe(false);
  });

  it('hashes the same number the same way, whatever separators were typed', () => {
    expect(vault.hash('85.07.30-033.28').equals(vault.hash(number))).toBe(true);
    expect(vault.hash(number)).toHaveLength(32);
    expect(vault.hash(number).equals(vault.hash('85073003427'))).toBe(false);
  });

  it('hashes differently under another key, so the hash cannot be recomputed without it', () => {
    const other = createNationalNumberVault('another-secret-of-at-least-thirty-two-bytes');
    expect(other.hash(number).equals(vault.hash(number))).toBe(false);
  });

  it.each([
    ['the iv', 0],
    ['the tag', 12],
    ['the ciphertext', 30],
  ])('detects a flipped bit in %s', (_part, index) => {
    const encrypted = vault.encrypt(number);
    encrypted[index] = (encrypted[index] as number) ^ 0x01;
    expect(() => vault.decrypt(encrypted)).toThrow(NationalNumberDecryptionError);
  });

  it('refuses truncated bytes and bytes encrypted under another key', () => {
    expect(() => vault.decrypt(vault.encrypt(number).subarray(0, 28))).toThrow(NationalNumberDecryptionError);
    const other = createNationalNumberVault('another-secret-of-at-least-thirty-two-bytes');
    expect(() => other.decrypt(vault.encrypt(number))).toThrow(NationalNumberDecryptionError);
  });

  it('refuses a short secret and input that is not 11 digits', () => {
    expect(() => createNationalNumberVault('too short')).toThrow(RangeError);
    expect(() => vault.hash('8507300332')).toThrow(RangeError);
    expect(() => vault.encrypt('abc')).toThrow(RangeError);
  });
});
