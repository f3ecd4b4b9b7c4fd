import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { type Actor, hasPermission, type RouteAccess } from '../../../../shared/src/identity/access.ts';
import { sendProblem } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Required on every route (deny by default); see RouteAccess. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Who is asking; anonymous on public routes, where no session is looked up. */
    actor: Actor;
    /** The session's CSRF token (for GET /api/me to hand to the web app); null without a session. */
    csrfToken: string | null;
  }
}

/** A session found for a request: the actor and the token that state-changing requests must echo. */
export type ResolvedSession = { actor: Actor; csrfToken: string };

/**
 * Looks up the session of a request (its cookie) and builds the actor; null without a valid session.
 * Provided by the identity module and passed in by the composition root, so the platform does not
 * depend on a module.
 */
export type SessionResolver = (request: FastifyRequest, reply: FastifyReply) => Promise<ResolvedSession | null>;

/** One registered route and what it requires, for the authorization matrix test and the docs. */
export type RouteAccessEntry = { method: string; url: string; access: RouteAccess };

export const anonymousActor: Actor = Object.freeze({ kind: 'anonymous' });

/** The header a browser sends back with the CSRF token it got from GET /api/me. */
export const csrfHeader = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes registered by trusted plugins that cannot carry our route options: the OpenAPI viewer and
 * the static files of the web build. Everything else must declare its access.
 */
const publicPluginRoute = (url: string) => url.startsWith('/api/docs') || (!url.startsWith('/api/') && !url.startsWith('/auth/') && !url.startsWith('/idp'));

const timingSafeEqualStrings = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
};

/**
 * Deny by default. Every route declares `config.access`; the app refuses to start when one under
 * /api, /auth or /idp does not (`trackRouteAccess`). Per request (`accessHook`, called from the
 * app's one onRequest hook):
 * - `public`: nothing is looked up (the catalogue and the health checks stay as fast as possible);
 * - otherwise the session is resolved, a state-changing request made with a session must carry the
 *   CSRF token (header `x-csrf-token`), and a permission is checked: 401 without a login, 403
 *   without the permission. Resource-level rules follow in each module's policy.
 */
export const trackRouteAccess = (app: FastifyInstance): RouteAccessEntry[] => {
  const table: RouteAccessEntry[] = [];
  const missing: string[] = [];
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = route.config?.access ?? (publicPluginRoute(route.url) ? 'public' : undefined);
    for (const method of methods) {
      // Fastify adds a HEAD route for every GET, with the GET's options.
      if (method === 'HEAD') continue;
      if (!access) missing.push(`${method} ${route.url}`);
      else table.push({ method, url: route.url, access });
    }
  });
  app.addHook('onReady', (done) => {
    done(
      missing.length > 0 ? new Error(`Routes without a declared access (deny by default, add config.access): ${[...new Set(missing)].join(', ')}`) : undefined,
    );
  });
  return table;
};

/** The per-request check; see trackRouteAccess. Callback style, so a public route costs one property read. */
export const accessHook =
  (resolveSession: SessionResolver) =>
  (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') {
      request.actor = anonymousActor;
      done();
      return;
    }
    resolveSession(request, reply).then(
      (session) => {
        request.actor = session?.actor ?? anonymousActor;
        request.csrfToken = session?.csrfToken ?? null;
        if (session && !safeMethods.has(request.method)) {
          const sent = request.headers[csrfHeader];
          if (typeof sent !== 'string' || !timingSafeEqualStrings(sent, session.csrfToken)) {
            request.log.warn({ actor: session.actor.kind, url: request.url }, 'state-changing request without a valid CSRF token');
            sendProblem(request, reply, 'csrf-token-invalid');
            return;
          }
        }
        if (typeof access === 'object' && !hasPermission(request.actor, access.permission)) {
          sendProblem(request, reply, request.actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
          return;
        }
        done();
      },
      (error: unknown) => done(error as Error),
    );
  };
