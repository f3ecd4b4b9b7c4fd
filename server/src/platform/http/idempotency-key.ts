import type { FastifyRequest } from 'fastify';

/**
 * The `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key-header): up to 200 visible ASCII
 * characters. Undefined when absent; `invalid` when present but not such a key (each module answers
 * that with its own problem code).
 */
export const readIdempotencyKey = (request: FastifyRequest): string | undefined | { invalid: true } => {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) return { invalid: true };
  return value;
};
