import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseVerificationCode } from '../../../../shared/src/documents/index.ts';
import { codeErrorKey, compareWithIssued, groupedHash, sha256Hex } from './verify.rules.ts';

describe('sha256Hex', () => {
  it('gives the same hex as the server for the same bytes', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 een attest');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256Hex(bytes.buffer)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('compareWithIssued', () => {
  it('says same only for the identical hash (case-insensitive hex)', () => {
    const hash = 'ab'.repeat(32);
    expect(compareWithIssued(hash, hash.toUpperCase())).toBe('same');
    expect(compareWithIssued(hash, `${'ab'.repeat(31)}ac`)).toBe('different');
  });
});

describe('groupedHash', () => {
  it('groups by eight characters', () => {
    expect(groupedHash('0123456789abcdef01')).toBe('01234567 89abcdef 01');
  });
});

describe('codeErrorKey', () => {
  it('names the reason a typed code is refused', () => {
    expect(codeErrorKey(parseVerificationCode(''))).toBe('documents.verify.codeErrors.empty');
    expect(codeErrorKey(parseVerificationCode('ABCD'))).toBe('documents.verify.codeErrors.wrong-length');
    expect(codeErrorKey(parseVerificationCode('0000-0000-0000-0000'))).toBeNull();
  });
});
