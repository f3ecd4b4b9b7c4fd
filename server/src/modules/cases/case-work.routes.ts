import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assigneesResponseSchema,
  assignRequestSchema,
  assistedSubmissionRequestSchema,
  bulkAssignRequestSchema,
  bulkAssignResponseSchema,
  caseMessageTemplatesQuerySchema,
  caseMessageTemplatesResponseSchema,
  caseReceiptSchema,
  claimRequestSchema,
  handOverRequestSchema,
  messageRequestSchema,
  queueItemSchema,
  queueQuerySchema,
  queueResponseSchema,
  routingTestQuerySchema,
  routingTestResponseSchema,
  staffCaseSchema,
  statusRequestSchema,
} from '../../../../shared/src/cases/cases.contract.ts';
import { languageSchema } from '../../../../shared/src/platform/language.ts';
import { requestLanguage } from '../../platform/http/problem.ts';
import { idempotencyKeyOf } from './cases.routes.ts';
import type { CasesService } from './cases.service.ts';

export type CaseWorkRoutesOptions = { cases: CasesService };

const noStore = 'no-store';
const langQuery = z.object({ lang: languageSchema.optional() });
const caseParams = z.object({ id: z.string().min(1).max(40).describe('The case id (uuid) or its reference.') });

/**
 * The staff workspace's case API under /api/work. Routes that partners also use (reading, notes,
 * status, hand-over back to the city) require `workspace:use`; the cases policy then decides per
 * case (a case the caller may not see is a 404, audited). Claiming and assisted submission need
 * `cases:work`, assigning `cases:assign`.
 */
export const caseWorkRoutes: FastifyPluginAsync<CaseWorkRoutesOptions> = async (app, { cases }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/work/queues/:team',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: "A team's (or partner's) work queue, soonest due first",
        description:
          'Only for who works that queue (`case-queue-not-allowed`). `due`: `overdue` or `due-soon` (two working days or less); cases waiting for the resident are neither.',
        params: z.object({ team: z.string().min(1).max(60) }),
        querystring: queueQuerySchema,
        response: { 200: queueResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.queue(request.actor, request.params.team, request.query, requestLanguage(request));
    },
  );

  routes.get(
    '/api/work/cases/:id',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: "A case with its full timeline and the requester's other open cases (audited)",
        params: caseParams,
        querystring: langQuery,
        response: { 200: staffCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.getForStaff(request.actor, request.params.id, requestLanguage(request), String(request.id));
    },
  );

  routes.post(
    '/api/work/cases',
    {
      config: { access: { permission: 'cases:work' } },
      schema: {
        tags: ['cases'],
        summary: 'Register a request for someone (desk, phone, home visit), with their consent',
        headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
        body: assistedSubmissionRequestSchema,
        response: { 200: caseReceiptSchema, 201: caseReceiptSchema },
      },
    },
    async (request, reply) => {
      const result = await cases.submitAssisted(request.actor, request.body, {
        idempotencyKey: idempotencyKeyOf(request),
        requestLanguage: requestLanguage(request),
      });
      return reply
        .status(result.created ? 201 : 200)
        .header('cache-control', noStore)
        .header('location', result.receipt.self)
        .send(result.receipt);
    },
  );

  routes.post(
    '/api/work/cases/:id/claim',
    {
      config: { access: { permission: 'cases:work' } },
      schema: {
        tags: ['cases'],
        summary: 'Take the case from the queue',
        params: caseParams,
        querystring: langQuery,
        body: claimRequestSchema,
        response: { 200: queueItemSchema },
      },
    },
    async (request) => cases.claim(request.actor, request.params.id, request.body, requestLanguage(request)),
  );

  routes.post(
    '/api/work/cases/:id/assign',
    {
      config: { access: { permission: 'cases:assign' } },
      schema: {
        tags: ['cases'],
        summary: 'Give the case to a member of the owning team',
        params: caseParams,
        querystring: langQuery,
        body: assignRequestSchema,
        response: { 200: queueItemSchema },
      },
    },
    async (request) => cases.assign(request.actor, request.params.id, request.body.staffId, requestLanguage(request)),
  );

  routes.post(
    '/api/work/cases/:id/hand-over',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: 'Hand the case to another team or a partner, with a reason',
        params: caseParams,
        querystring: langQuery,
        body: handOverRequestSchema,
        response: { 200: queueItemSchema },
      },
    },
    async (request) => cases.handOver(request.actor, request.params.id, request.body, requestLanguage(request)),
  );

  routes.post(
    '/api/work/cases/:id/status',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: 'Take a step of the status machine (start, ask the resident, decide, close …)',
        description: 'Refusals are 409 with a code per reason (`case-transition-not-allowed`, `case-is-final` …); a missing reason or outcome is 422.',
        params: caseParams,
        querystring: langQuery,
        body: statusRequestSchema,
        response: { 200: queueItemSchema },
      },
    },
    async (request) => cases.changeStatus(request.actor, request.params.id, request.body, requestLanguage(request)),
  );

  routes.post(
    '/api/work/cases/:id/messages',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: 'Send the requester a message (they get an e-mail with a link)',
        params: caseParams,
        querystring: langQuery,
        body: messageRequestSchema,
        response: { 200: queueItemSchema },
      },
    },
    async (request) => cases.addMessage(request.actor, request.params.id, request.body.text, { internal: false }, requestLanguage(request)),
  );

  routes.post(
    '/api/work/cases/:id/notes',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: 'Add an internal note (never shown to the requester)',
        params: caseParams,
        querystring: langQuery,
        body: messageRequestSchema,
        response: { 200: queueItemSchema },
      },
    },
    async (request) => cases.addMessage(request.actor, request.params.id, request.body.text, { internal: true }, requestLanguage(request)),
  );

  routes.get(
    '/api/work/cases/:id/message-templates',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: 'Message templates that fit the case, filled in in the case’s language',
        description:
          'For who may send the case a message (`case-action-not-allowed` for a partner asked for advice). `title` is in the caller’s language, `text` in the case’s (the resident’s); `languages=all` adds every language.',
        params: z.object({ id: z.uuid() }),
        querystring: caseMessageTemplatesQuerySchema,
        response: { 200: caseMessageTemplatesResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.messageTemplates(request.actor, request.params.id, { lang: requestLanguage(request), all: request.query.languages === 'all' });
    },
  );

  routes.post(
    '/api/work/bulk-assignments',
    {
      config: { access: { permission: 'cases:assign' } },
      schema: {
        tags: ['cases'],
        summary: 'Give up to 100 cases to one member of their team',
        description:
          'Each case is assigned on its own, as by `POST /api/work/cases/{id}/assign` (same policy, timeline entry and audit row): one line per case, `assigned` or `refused` with that code. An unknown assignee refuses the whole request (`case-assignee-not-found`).',
        querystring: langQuery,
        body: bulkAssignRequestSchema,
        response: { 200: bulkAssignResponseSchema },
      },
    },
    async (request) => cases.bulkAssign(request.actor, request.body, requestLanguage(request)),
  );

  routes.get(
    '/api/work/teams/:team/assignees',
    {
      config: { access: { permission: 'cases:assign' } },
      schema: {
        tags: ['cases'],
        summary: 'Who a coordinator can give the team’s cases to',
        description: 'Only for a coordinator of that team (`case-queue-not-allowed`).',
        params: z.object({ team: z.string().min(1).max(60) }),
        querystring: langQuery,
        response: { 200: assigneesResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.assignees(request.actor, request.params.team, requestLanguage(request));
    },
  );

  routes.get(
    '/api/work/routing/test',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: '"Where would this go?": the team a new case would get, and why',
        description: 'For staff with `cases:work` or `routing:manage`.',
        querystring: routingTestQuerySchema,
        response: { 200: routingTestResponseSchema },
      },
    },
    async (request) => cases.testRouting(request.actor, request.query, requestLanguage(request)),
  );
};
