import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseReceiptSchema,
  messageRequestSchema,
  myCasesQuerySchema,
  myCasesResponseSchema,
  questionRequestSchema,
  residentCaseSchema,
  submitCaseRequestSchema,
  withdrawRequestSchema,
} from '../../../../shared/src/cases/cases.contract.ts';
import { productFamilySchema } from '../../../../shared/src/cases/index.ts';
import { languageSchema } from '../../../../shared/src/platform/language.ts';
import { readIdempotencyKey } from '../../platform/http/idempotency-key.ts';
import { requestLanguage } from '../../platform/http/problem.ts';
import { scopeHeader, scopeOf } from './case-attachments.routes.ts';
import { casesError } from './cases.errors.ts';
import type { CasesService } from './cases.service.ts';

export type CasesRoutesOptions = { cases: CasesService };

const noStore = 'no-store';
const langQuery = z.object({ lang: languageSchema.optional() });
const referenceParams = z.object({ ref: z.string().min(1).max(40) });
const tokenParams = z.object({ token: z.string().min(1).max(100) });

/** The `Idempotency-Key` header; `case-idempotency-key-invalid` when it is not a valid key. */
export const idempotencyKeyOf = (request: FastifyRequest): string | undefined => {
  const key = readIdempotencyKey(request);
  if (typeof key === 'object') throw casesError('case-idempotency-key-invalid');
  return key;
};

const idempotencyHeader = z.looseObject({
  'idempotency-key': z.string().optional().describe('Makes a retry return the first receipt instead of a second case.'),
});

/**
 * The requester's side: submitting a request (a logged-in resident) or a general question (anyone),
 * "Mijn dossiers", a case's page with its visible timeline, replying and withdrawing. Someone
 * else's case answers 404 and is written to the audit log.
 */
export const casesRoutes: FastifyPluginAsync<CasesRoutesOptions> = async (app, { cases }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/forms/:product',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cases'],
        summary: "A product's request form, its family and the login it needs",
        description:
          'The form definition (shared/src/forms) the portal, kiosk and staff workspace render and the server validates against; `requiredPermission` `requests:create` means eID or itsme. A product without its own form gets a one-question form.',
        params: z.object({ product: z.string().min(1).max(100) }),
        response: {
          200: z.object({
            product: z.string(),
            family: productFamilySchema,
            requiredPermission: z.enum(['requests:create', 'requests:create-basic']),
            form: z.unknown(),
          }),
        },
      },
    },
    async (request, reply) => {
      const described = await cases.describeProduct(request.params.product);
      reply.header('cache-control', 'public, max-age=300');
      return { product: described.product.slug, family: described.family, requiredPermission: described.requiredPermission, form: described.form };
    },
  );

  routes.post(
    '/api/cases',
    {
      config: { access: { permission: 'requests:create-basic' } },
      schema: {
        tags: ['cases'],
        summary: 'Submit a request as a logged-in resident',
        description:
          'Answers are checked against the product form: field errors come back as `validation-failed` with `errors[].field` = `answers.<path>` and nothing is stored. Certificates, permits and forms with register data need `requests:create` (eID/itsme): `case-assurance-too-low`. With an `Idempotency-Key` header a retry answers 200 with the first receipt; the same key with another body is `case-idempotency-key-reused`.',
        headers: idempotencyHeader,
        body: submitCaseRequestSchema,
        response: { 200: caseReceiptSchema, 201: caseReceiptSchema },
      },
    },
    async (request, reply) => {
      const result = await cases.submit(request.actor, request.body, { idempotencyKey: idempotencyKeyOf(request), requestLanguage: requestLanguage(request) });
      return reply
        .status(result.created ? 201 : 200)
        .header('cache-control', noStore)
        .header('location', result.receipt.self)
        .send(result.receipt);
    },
  );

  routes.get(
    '/api/me/cases',
    {
      config: { access: { permission: 'self:read' } },
      schema: {
        tags: ['cases'],
        summary: 'Mijn dossiers: my open and closed cases and those of the minors of my household',
        querystring: myCasesQuerySchema,
        response: { 200: myCasesResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.listMine(request.actor, request.query, requestLanguage(request));
    },
  );

  routes.get(
    '/api/cases/:ref',
    {
      config: { access: { permission: 'self:read' } },
      schema: {
        tags: ['cases'],
        summary: 'One of my cases with the timeline I may see',
        description:
          'By reference (HB-2026-000123; spaces and missing zeros forgiven). Someone else’s case is `case-not-found`, audited as `cases.case.denied`.',
        params: referenceParams,
        querystring: langQuery,
        response: { 200: residentCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.getMine(request.actor, request.params.ref, requestLanguage(request));
    },
  );

  routes.post(
    '/api/cases/:ref/messages',
    {
      config: { access: { permission: 'requests:create-basic' } },
      schema: {
        tags: ['cases'],
        summary: 'Reply in one of my cases (a case waiting for me runs again)',
        params: referenceParams,
        querystring: langQuery,
        body: messageRequestSchema,
        response: { 200: residentCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.replyAsResident(request.actor, request.params.ref, request.body.text, requestLanguage(request));
    },
  );

  routes.post(
    '/api/cases/:ref/withdraw',
    {
      config: { access: { permission: 'requests:create-basic' } },
      schema: {
        tags: ['cases'],
        summary: 'Withdraw one of my requests',
        params: referenceParams,
        querystring: langQuery,
        body: withdrawRequestSchema,
        response: { 200: residentCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.withdrawAsResident(request.actor, request.params.ref, request.body.reason, requestLanguage(request));
    },
  );

  routes.post(
    '/api/questions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cases'],
        summary: 'Ask the city a general question, or make a report, without a login',
        description:
          'The `vraag` form, or with `product` a report anyone may make (`melding-openbaar-domein`; a product that needs a login is `case-product-not-found`). `channel: kiosk` says it was filled in at the self-service PC at city hall (a label for routing and figures only). The receipt’s `followUrl` holds a secret link to follow the answer; it is shown only here and in the e-mail. Rate-limited with the rest of the API.',
        headers: idempotencyHeader.extend(scopeHeader.shape),
        body: questionRequestSchema,
        response: { 200: caseReceiptSchema, 201: caseReceiptSchema },
      },
    },
    async (request, reply) => {
      const result = await cases.askQuestion(request.actor, request.body, {
        idempotencyKey: idempotencyKeyOf(request),
        requestLanguage: requestLanguage(request),
        // Without a login, file answers name uploads made with the same secret scope (a report's photos).
        uploadScope: scopeOf(request),
      });
      return reply
        .status(result.created ? 201 : 200)
        .header('cache-control', noStore)
        .send(result.receipt);
    },
  );

  routes.get(
    '/api/questions/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cases'],
        summary: 'A question followed by its secret link',
        params: tokenParams,
        querystring: langQuery,
        response: { 200: residentCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore).header('referrer-policy', 'no-referrer');
      return cases.getByToken(request.params.token, requestLanguage(request));
    },
  );

  routes.post(
    '/api/questions/:token/messages',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cases'],
        summary: 'Reply to the city in a question followed by its secret link',
        params: tokenParams,
        querystring: langQuery,
        body: messageRequestSchema,
        response: { 200: residentCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.replyByToken(request.actor, request.params.token, request.body.text, requestLanguage(request));
    },
  );
};
