import { createHash, createHmac, createSecretKey, hkdfSync } from 'node:crypto';

/**
 * The secret link by which someone without a login follows their case (`/vragen/<token>`). The
 * token is an HMAC of the case id under a key derived from GASTVRIJ_SECRET_KEY: the same case
 * always gets the same token (an idempotent retry can show it again, an e-mail can repeat it), and
 * the database keeps only its SHA-256, so a copy of the database does not open anyone's case.
 */
export type FollowTokens = {
  /** The token for a case: 43 URL-safe characters. */
  tokenFor: (caseId: string) => string;
  /** What the database stores and looks up: SHA-256 of the token. */
  hash: (token: string) => Buffer;
};

export const createFollowTokens = (secretKey: string): FollowTokens => {
  const key = createSecretKey(Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), 'gastvrij', 'cases/follow-token/v1', 32)));
  return {
    tokenFor: (caseId) => createHmac('sha256', key).update(caseId).digest('base64url'),
    hash: (token) => createHash('sha256').update(token).digest(),
  };
};

/** Whether a string can be a follow token at all (checked before any database look-up). */
export const looksLikeFollowToken = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);
