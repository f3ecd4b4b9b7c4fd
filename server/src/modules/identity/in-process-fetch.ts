import type { FastifyInstance } from 'fastify';
import type { FetchLike } from './oidc.client.ts';

const bodyOf = (body: unknown): string | Buffer | undefined => {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return Buffer.from(body);
  return String(body);
};

/**
 * Fetch that answers requests to the embedded identity provider inside this process (Fastify's
 * inject), and anything else over the network. The app then talks to its own demo provider
 * without depending on its public URL being reachable from the server itself (a proxy, a
 * container port mapping).
 */
export const inProcessFetch =
  (app: FastifyInstance, issuer: string): FetchLike =>
  async (url, init) => {
    const base = new URL(issuer);
    const target = new URL(url);
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) {
      return fetch(url, init as RequestInit);
    }
    const headers: Record<string, string> = {};
    new Headers(init.headers as HeadersInit | undefined).forEach((value, key) => {
      headers[key] = value;
    });
    const response = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${target.pathname}${target.search}`,
      headers: { ...headers, host: target.host },
      ...(init.body === undefined || init.body === null ? {} : { payload: bodyOf(init.body) }),
    });
    const responseHeaders = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(key, String(v));
    }
    const empty = response.statusCode === 204 || response.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers: responseHeaders });
  };
