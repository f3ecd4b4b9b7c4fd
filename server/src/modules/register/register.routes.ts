import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../../../../shared/src/identity/access.ts';
import { personFileResponseSchema, personLookupRequestSchema } from '../../../../shared/src/identity/identity.contract.ts';
import { streetSchema } from '../../../../shared/src/register/register.contract.ts';
import type { AuditLog } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { registerError } from './register.errors.ts';
import type { PopulationRegister } from './register.port.ts';
import { toAddressHistoryResponse, toHouseholdResponse, toPersonResponse } from './register.presenter.ts';

export type RegisterRoutesOptions = { register: PopulationRegister; audit: AuditLog; db: Db };

/**
 * Staff look-ups in the population register, each with a purpose and each written to the audit
 * log (the resident sees it under "who saw my data"), and street suggestions for address fields.
 */
export const registerRoutes: FastifyPluginAsync<RegisterRoutesOptions> = async (app, { register, audit, db }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/register/person-lookups',
    {
      config: { access: { permission: 'register:read' } },
      schema: {
        tags: ['register'],
        summary: "Open a person's file by national register number, with the purpose (audited)",
        description:
          'A POST so the number never appears in a URL or access log. The full number is shown only to roles that need it (counter, back-office, coordinator). 404 `person-not-found`.',
        body: personLookupRequestSchema,
        response: { 200: personFileResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const actor = request.actor;
      const person = await register.findPersonByNationalNumber(request.body.nationalNumber);
      if (!person) {
        await audit.record(db, actor, { action: 'register.person.not-found', purpose: request.body.purpose, requestId: request.id });
        throw registerError('person-not-found');
      }
      const file = await register.getPersonFile(person.id);
      const household = file?.household ?? null;
      const history = file?.history ?? [];
      const disclosure = { revealNationalNumber: hasPermission(actor, 'register:read-national-number') };
      await audit.record(db, actor, {
        action: 'register.person.read',
        subjectPersonId: person.id,
        resourceType: 'person',
        resourceId: person.id,
        purpose: request.body.purpose,
        requestId: request.id,
      });
      return {
        person: toPersonResponse(person, disclosure),
        household: household ? toHouseholdResponse(household, disclosure) : null,
        addressHistory: toAddressHistoryResponse(history),
      };
    },
  );

  routes.get(
    '/api/register/streets',
    {
      config: { access: 'public' },
      schema: {
        tags: ['register'],
        summary: 'Streets of the city starting with a prefix (address suggestions)',
        querystring: z.object({ prefix: z.string().trim().min(1).max(60), limit: z.coerce.number().int().min(1).max(20).default(10) }),
        response: { 200: z.object({ items: z.array(streetSchema) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { items: await register.searchStreets(request.query.prefix, request.query.limit) };
    },
  );
};
