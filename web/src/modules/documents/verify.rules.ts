import type { VerificationCodeParseResult } from '../../../../shared/src/documents/index.ts';

/**
 * The browser side of checking a document: the SHA-256 of a PDF the reader picks (computed on
 * their device with Web Crypto; the file never leaves it) and how it compares with the hash the
 * city stored when it issued the document.
 */

/** SHA-256 of the bytes as lower-case hex, like the server's. */
export const sha256Hex = async (bytes: ArrayBuffer | Uint8Array): Promise<string> => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes instanceof Uint8Array ? (bytes as Uint8Array<ArrayBuffer>) : bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** `same` when the file is exactly the issued document; any change to it gives `different`. */
export const compareWithIssued = (issuedSha256: string, fileSha256: string): 'same' | 'different' =>
  issuedSha256.toLowerCase() === fileSha256.toLowerCase() ? 'same' : 'different';

/** A long hash in groups of eight, so it wraps and can be read aloud and compared by eye. */
export const groupedHash = (hex: string): string => hex.match(/.{1,8}/g)?.join(' ') ?? hex;

/** The translation key for why a typed code cannot be a code, or null when it is well-formed. */
export const codeErrorKey = (result: VerificationCodeParseResult) => (result.ok ? null : (`documents.verify.codeErrors.${result.error}` as const));
