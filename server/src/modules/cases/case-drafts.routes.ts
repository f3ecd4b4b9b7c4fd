import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { draftRequestSchema, draftResponseSchema } from '../../../../shared/src/cases/cases.contract.ts';
import { slugSchema } from '../../../../shared/src/cases/index.ts';
import type { Permission } from '../../../../shared/src/identity/access.ts';
import type { CasesService } from './cases.service.ts';

export type CaseDraftsRoutesOptions = { cases: CasesService };

const productParams = z.object({ product: slugSchema.max(100).describe('The product slug of the form.') });

/**
 * Drafts of request forms, one per person and product: `/api/drafts/:product` for a logged-in
 * resident, `/api/work/drafts/:product` for an employee's assisted intake. Nobody reads anyone
 * else's draft: the owner is the session's, never a parameter. No drafts without a login.
 */
export const caseDraftsRoutes: FastifyPluginAsync<CaseDraftsRoutesOptions> = async (app, { cases }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const surfaces: { prefix: string; surface: 'portal' | 'work'; permission: Permission; who: string }[] = [
    { prefix: '/api/drafts', surface: 'portal', permission: 'requests:create-basic', who: 'my' },
    { prefix: '/api/work/drafts', surface: 'work', permission: 'cases:work', who: 'my assisted-intake' },
  ];

  for (const { prefix, surface, permission, who } of surfaces) {
    routes.get(
      `${prefix}/:product`,
      {
        config: { access: { permission } },
        schema: {
          tags: ['cases'],
          summary: `Read ${who} draft of a product's form`,
          description: '`case-draft-not-found` when there is none, it was submitted or deleted, or it is older than 30 days.',
          params: productParams,
          response: { 200: draftResponseSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return cases.getDraft(request.actor, surface, request.params.product);
      },
    );

    routes.put(
      `${prefix}/:product`,
      {
        config: { access: { permission } },
        schema: {
          tags: ['cases'],
          summary: `Save ${who} answers so far (replaces the draft)`,
          description:
            'Partial answers are fine. Keys must be questions of the form (`case-draft-invalid`, with the field), at most 64 KiB (`case-draft-too-large`). The draft is deleted when the form is submitted.',
          params: productParams,
          body: draftRequestSchema,
          response: { 200: draftResponseSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return cases.saveDraft(request.actor, surface, request.params.product, request.body.answers);
      },
    );

    routes.delete(
      `${prefix}/:product`,
      {
        config: { access: { permission } },
        schema: {
          tags: ['cases'],
          summary: `Throw ${who} draft away ("start over")`,
          params: productParams,
          response: { 204: z.null().describe('Deleted, or there was none.') },
        },
      },
      async (request, reply) => {
        await cases.deleteDraft(request.actor, surface, request.params.product);
        return reply.status(204).send(null);
      },
    );
  }
};
