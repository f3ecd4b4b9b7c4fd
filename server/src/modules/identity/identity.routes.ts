import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CityProfile } from '../../../../shared/src/city/city-profile.schema.ts';
import { type Actor, permissionsOf, type Surface, teamsOf } from '../../../../shared/src/identity/access.ts';
import {
  type ActorView,
  dataAccessResponseSchema,
  emailLinkRequestSchema,
  emailLoginRequestSchema,
  loginQuerySchema,
  meResponseSchema,
  preferencesSchema,
  profileResponseSchema,
  redirectResponseSchema,
  staffListResponseSchema,
  staffMemberInputSchema,
  staffMemberSchema,
} from '../../../../shared/src/identity/identity.contract.ts';
import { requestLanguage } from '../../platform/http/problem.ts';
import type { IdentityService } from './identity.service.ts';
import { LoginError, type LoginService, loginPage } from './login.service.ts';
import type { Audience } from './oidc.client.ts';

export type IdentityRoutesOptions = {
  login: LoginService;
  identity: IdentityService;
  city: CityProfile;
  loginOptions: { resident: boolean; staff: boolean; email: boolean; demo: boolean };
};

const audienceParams = z.object({ audience: z.enum(['resident', 'staff']) });
const noStore = 'no-store';

const toActorView = (actor: Actor): ActorView => {
  if (actor.kind === 'anonymous') return { kind: 'anonymous' };
  if (actor.kind === 'resident') {
    return {
      kind: 'resident',
      name: actor.name,
      assurance: actor.assurance,
      email: actor.email,
      surface: actor.surface,
      hasRegisterFile: actor.personId !== null,
    };
  }
  return { kind: 'staff', name: actor.name, email: actor.email, organisation: actor.organisation, roles: actor.roles, surface: actor.surface };
};

const loginFailed = (reply: FastifyReply, error: unknown, surface: Surface) => {
  if (!(error instanceof LoginError)) throw error;
  return reply.header('cache-control', noStore).redirect(`${loginPage[error.surface ?? surface]}?fout=${error.failure}`, 303);
};

/**
 * Login, logout, "who am I", "Mijn gegevens" and the staff directory. Browser redirects live under
 * /auth (they answer with redirects, never JSON); everything else under /api.
 */
export const identityRoutes: FastifyPluginAsync<IdentityRoutesOptions> = async (app, options) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { login, identity } = options;

  routes.get(
    '/auth/login/:audience',
    {
      config: { access: 'public' },
      schema: { hide: true, params: audienceParams, querystring: loginQuerySchema },
    },
    async (request, reply) => {
      const { audience } = request.params;
      const surface: Surface = audience === 'staff' ? 'werk' : request.query.surface === 'werk' ? 'portal' : request.query.surface;
      try {
        const url = await login.begin(request, reply, {
          audience: audience as Audience,
          surface,
          returnTo: request.query.returnTo,
          // Dutch unless the page asked otherwise (the portal's rule: Dutch first, whatever the browser says).
          language: request.query.lang ?? 'nl',
        });
        return reply.header('cache-control', noStore).redirect(url, 303);
      } catch (error) {
        return loginFailed(reply, error, surface);
      }
    },
  );

  routes.get('/auth/callback/:audience', { config: { access: 'public' }, schema: { hide: true, params: audienceParams } }, async (request, reply) => {
    const audience = request.params.audience as Audience;
    try {
      const returnTo = await login.finish(request, reply, audience);
      return reply.header('cache-control', noStore).redirect(returnTo, 303);
    } catch (error) {
      return loginFailed(reply, error, audience === 'staff' ? 'werk' : 'portal');
    }
  });

  routes.get(
    '/api/me',
    {
      config: { access: 'session' },
      schema: { tags: ['identity'], summary: 'Who is logged in, their permissions and the CSRF token', response: { 200: meResponseSchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      const actor = request.actor;
      const teamOrder = options.city.teams.map((t) => t.id);
      return {
        actor: toActorView(actor),
        permissions: [...permissionsOf(actor)].sort(),
        teams: teamsOf(actor).sort((a, b) => teamOrder.indexOf(a) - teamOrder.indexOf(b)),
        csrfToken: request.csrfToken,
        login: options.loginOptions,
      };
    },
  );

  routes.post(
    '/api/auth/logout',
    {
      config: { access: 'session' },
      schema: { tags: ['identity'], summary: 'Log out (also at the identity provider)', response: { 200: redirectResponseSchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return { redirectTo: await login.logout(request, reply) };
    },
  );

  routes.post(
    '/api/auth/email-link',
    {
      config: { access: 'session' },
      schema: {
        tags: ['identity'],
        summary: 'Send a one-time login link by e-mail (lower assurance: reports and questions only)',
        description: 'Always 202, known address or not. 429 `email-login-rate-limited` after 5 links per address or 20 per IP address in an hour.',
        body: emailLinkRequestSchema,
        response: { 202: z.object({ sent: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const language = request.body.lang ?? requestLanguage(request);
      await login.requestEmailLink(request, { email: request.body.email, returnTo: request.body.returnTo, language });
      return reply.status(202).send({ sent: true });
    },
  );

  routes.post(
    '/api/auth/email-login',
    {
      config: { access: 'session' },
      schema: {
        tags: ['identity'],
        summary: 'Log in with the token of an e-mail link',
        description: '400 `email-link-invalid` when the link is unknown, used or older than 15 minutes.',
        body: emailLoginRequestSchema,
        response: { 200: redirectResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return { redirectTo: await login.useEmailLink(request, reply, request.body.token) };
    },
  );

  routes.get(
    '/api/me/profile',
    {
      config: { access: { permission: 'self:read' } },
      schema: { tags: ['identity'], summary: 'Mijn gegevens: my data in the register and my preferences', response: { 200: profileResponseSchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return identity.profile(request.actor);
    },
  );

  routes.put(
    '/api/me/preferences',
    {
      config: { access: { permission: 'self:update' } },
      schema: {
        tags: ['identity'],
        summary: 'Change my language and how the city contacts me',
        body: preferencesSchema,
        response: { 200: profileResponseSchema },
      },
    },
    async (request) => identity.updatePreferences(request.actor, request.body, request.id),
  );

  routes.get(
    '/api/me/data-access',
    {
      config: { access: { permission: 'self:read' } },
      schema: {
        tags: ['identity'],
        summary: 'Who saw my data: organisations and teams that read or changed my file',
        response: { 200: dataAccessResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return identity.dataAccess(request.actor);
    },
  );

  routes.get(
    '/api/staff',
    {
      config: { access: { permission: 'staff:manage' } },
      schema: { tags: ['identity'], summary: 'The staff directory', response: { 200: staffListResponseSchema } },
    },
    async () => ({ items: await identity.listStaff() }),
  );

  routes.post(
    '/api/staff',
    {
      config: { access: { permission: 'staff:manage' } },
      schema: {
        tags: ['identity'],
        summary: 'Add a staff member or invite a partner account',
        body: staffMemberInputSchema,
        response: { 201: staffMemberSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await identity.saveStaff(request.actor, request.body, null, request.id)),
  );

  routes.put(
    '/api/staff/:id',
    {
      config: { access: { permission: 'staff:manage' } },
      schema: {
        tags: ['identity'],
        summary: 'Change a staff member: name, organisation, roles, active',
        params: z.object({ id: z.uuid() }),
        body: staffMemberInputSchema,
        response: { 200: staffMemberSchema },
      },
    },
    async (request) => identity.saveStaff(request.actor, request.body, request.params.id, request.id),
  );
};
