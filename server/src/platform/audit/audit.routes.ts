import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditSearchQuerySchema, auditSearchResponseSchema } from '../../../../shared/src/identity/identity.contract.ts';
import type { Db } from '../db/database.ts';
import type { AuditLog } from './audit.ts';

export type AuditRoutesOptions = {
  db: Db;
  audit: AuditLog;
  /** The register person with this national register number (the register module answers it). */
  findPersonId: (nationalNumber: string) => Promise<string | null>;
};

/** Searching the audit log, for staff with `audit:search`; the search itself is audited too. */
export const auditRoutes: FastifyPluginAsync<AuditRoutesOptions> = async (app, { db, audit, findPersonId }) => {
  // A POST, so a national register number searched for never appears in a URL or an access log.
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/audit/searches',
    {
      config: { access: { permission: 'audit:search' } },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        description:
          'Filter by person (national register number), actor, action prefix and dates (Europe/Brussels days are given as UTC dates here). Page with `before` = the last id.',
        body: auditSearchQuerySchema,
        response: { 200: auditSearchResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const q = request.body;
      const subjectPersonId = q.nationalNumber ? await findPersonId(q.nationalNumber) : undefined;
      if (q.nationalNumber && !subjectPersonId) return { items: [] };
      const rows = await audit.search(db, {
        ...(subjectPersonId ? { subjectPersonId } : {}),
        ...(q.actorId ? { actorId: q.actorId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.from ? { from: new Date(`${q.from}T00:00:00Z`) } : {}),
        ...(q.to ? { to: new Date(`${q.to}T00:00:00Z`) } : {}),
        ...(q.before ? { before: q.before } : {}),
        limit: q.limit,
      });
      await audit.record(db, request.actor, {
        action: 'audit.search',
        ...(subjectPersonId ? { subjectPersonId } : {}),
        requestId: request.id,
        details: { filters: { ...q, nationalNumber: q.nationalNumber ? 'given' : undefined } },
        team: null,
      });
      return { items: rows.map(({ details: _details, ...row }) => ({ ...row, at: row.at.toISOString() })) };
    },
  );
};
