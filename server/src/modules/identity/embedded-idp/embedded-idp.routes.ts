import type { FastifyPluginAsync, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { EmbeddedIdp } from './embedded-idp.ts';

// What oidc-provider answers: pages and endpoints (GET, POST), CORS preflights (OPTIONS). Fastify
// adds HEAD for each GET.
const methods: HTTPMethods[] = ['GET', 'POST', 'OPTIONS'];

/**
 * Mounts the embedded identity provider under its issuer's path (e.g. `/idp` and `/idp/*`) in the
 * app, in demo and test mode only (the composition root decides). Fastify hands the untouched
 * request to oidc-provider (Koa), which reads the form bodies itself.
 */
export const embeddedIdpRoutes: FastifyPluginAsync<{ idp: EmbeddedIdp }> = async (app, { idp }) => {
  const mountPath = new URL(idp.issuer).pathname.replace(/\/+$/, '');
  if (mountPath === '') throw new Error(`Mount the embedded identity provider under a path of its own (issuer ${idp.issuer} has none, e.g. use …/idp)`);

  // In this plugin's context only: no body parsing, the stream stays unread for oidc-provider. A
  // parser that reads nothing also keeps Fastify from refusing urlencoded bodies with 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    // A hijacked reply skips Fastify's sending, so the headers the app's hooks put on the reply
    // (request id, security headers) are copied to the raw response first. oidc-provider adds the
    // hash of its inline script to that CSP; the provider's own pages set a CSP of their own.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    reply.hijack();
    idp.callback(request.raw, reply.raw);
  };
  const options = { method: methods, config: { access: 'public' as const }, schema: { hide: true }, handler };
  app.route({ ...options, url: mountPath });
  app.route({ ...options, url: `${mountPath}/*` });
};
