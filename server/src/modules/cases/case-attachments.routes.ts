import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAttachmentsRequestSchema,
  staffAddAttachmentsRequestSchema,
  uploadQuerySchema,
  uploadResponseSchema,
  uploadScopeHeader,
} from '../../../../shared/src/cases/attachments.contract.ts';
import { queueItemSchema, residentCaseSchema } from '../../../../shared/src/cases/cases.contract.ts';
import { maxUploadBytes } from '../../../../shared/src/forms/index.ts';
import { languageSchema } from '../../../../shared/src/platform/language.ts';
import { requestLanguage } from '../../platform/http/problem.ts';
import type { AttachmentDownload, DownloadRoute, ReadFile } from './case-attachments.service.ts';
import type { CasesService } from './cases.service.ts';

export type CaseAttachmentsRoutesOptions = { cases: CasesService };

const noStore = 'no-store';
const langQuery = z.object({ lang: languageSchema.optional() });
const attachmentParams = z.object({ id: z.string().min(1).max(64) });
/** The `x-upload-scope` header: without a login, the secret scope a browser made for one form's uploads. */
export const scopeHeader = z.looseObject({
  [uploadScopeHeader]: z.string().optional().describe('Without a login: the secret scope the browser made for this form (at least 32 characters).'),
});

/** The request's upload scope, when it sent one. */
export const scopeOf = (request: FastifyRequest): string | undefined => {
  const value = request.headers[uploadScopeHeader];
  return typeof value === 'string' ? value : undefined;
};

/** Reads the one file of a multipart request, stopping at `maxBytes`. */
const readFile = async (request: FastifyRequest, maxBytes: number): Promise<ReadFile> => {
  if (!request.isMultipart()) return { ok: false, reason: 'missing' };
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
  if (!part) return { ok: false, reason: 'missing' };
  try {
    return { ok: true, fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return { ok: false, reason: 'too-large' };
    throw error;
  }
};

/** `filename` for old clients (ASCII only) and `filename*` with the real name (RFC 6266). */
const contentDisposition = (fileName: string) => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

const sendFile = (reply: FastifyReply, file: AttachmentDownload) =>
  reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    // Opened in a tab anyway, the file runs nothing and reaches nothing.
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.bytes);

/**
 * Uploads and case files (issue 5). `POST /api/uploads` takes one file as multipart/form-data
 * (only here: the multipart parser is registered in this plugin's context) and answers with its id;
 * a form answer or an "add a document" step names that id. Downloads exist per audience, so each
 * route declares the permission it needs and the route × role matrix stays exact.
 */
export const caseAttachmentsRoutes: FastifyPluginAsync<CaseAttachmentsRoutesOptions> = async (app, { cases }) => {
  // The largest file a form may allow; each upload is then read with its own question's limit.
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1 } });
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/uploads',
    {
      config: { access: 'session' },
      schema: {
        tags: ['cases'],
        summary: 'Upload a file for a form question or for a case',
        description:
          'multipart/form-data with one part `file`. With `form` and `field` the question’s size limit and types apply, otherwise 10 MB of PDF, JPG or PNG. The type is read from the content, never from the name; a name that says otherwise (`plan.pdf` holding a PNG) is refused. Photos are re-encoded without their metadata (EXIF, GPS). Refusals are `upload-refused` (422) or `upload-too-large` (413) with `errors[].field` naming the question (or `file`); nothing is stored. Without a login send `x-upload-scope`. An upload nobody attaches is removed after a day.',
        querystring: uploadQuerySchema,
        headers: scopeHeader,
        response: { 201: uploadResponseSchema },
      },
    },
    async (request, reply) => {
      const upload = await cases.upload(request.actor, {
        query: request.query,
        scope: scopeOf(request),
        read: (maxBytes) => readFile(request, maxBytes),
      });
      return reply.status(201).header('cache-control', noStore).send(upload);
    },
  );

  routes.post(
    '/api/cases/:ref/attachments',
    {
      config: { access: { permission: 'requests:create-basic' } },
      schema: {
        tags: ['cases'],
        summary: 'Add documents to one of my cases (a case waiting for me runs again)',
        description:
          'Names uploads of the caller (`POST /api/uploads`). An upload that is not theirs, unknown or already used is `attachment-not-found` (audited when it is someone else’s).',
        params: z.object({ ref: z.string().min(1).max(40) }),
        querystring: langQuery,
        body: addAttachmentsRequestSchema,
        response: { 200: residentCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.addAttachmentsAsResident(request.actor, request.params.ref, request.body, requestLanguage(request));
    },
  );

  routes.post(
    '/api/questions/:token/attachments',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cases'],
        summary: 'Add documents to a question followed by its secret link',
        description: 'Names uploads made with the same `x-upload-scope`.',
        params: z.object({ token: z.string().min(1).max(100) }),
        querystring: langQuery,
        headers: scopeHeader,
        body: addAttachmentsRequestSchema,
        response: { 200: residentCaseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return cases.addAttachmentsByToken(request.actor, request.params.token, scopeOf(request), request.body, requestLanguage(request));
    },
  );

  routes.post(
    '/api/work/cases/:id/attachments',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: 'Add files to a case: for the requester (e-mailed) or internal',
        params: z.object({ id: z.string().min(1).max(40) }),
        querystring: langQuery,
        body: staffAddAttachmentsRequestSchema,
        response: { 200: queueItemSchema },
      },
    },
    async (request) => cases.addAttachmentsAsStaff(request.actor, request.params.id, request.body, requestLanguage(request)),
  );

  const download = (route: (request: FastifyRequest) => DownloadRoute) => async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) =>
    sendFile(reply, await cases.downloadAttachment(request.actor, request.params.id, route(request), { requestId: String(request.id) }));

  routes.get(
    '/api/attachments/:id',
    {
      config: { access: { permission: 'self:read' } },
      schema: {
        tags: ['cases'],
        summary: 'Download a file of one of my cases',
        description: 'Files of the case meant for the requester. Otherwise `attachment-not-found` (audited).',
        params: attachmentParams,
      },
    },
    download(() => ({ kind: 'resident' })),
  );

  routes.get(
    '/api/questions/:token/attachments/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cases'],
        summary: 'Download a file of a question followed by its secret link',
        params: z.object({ token: z.string().min(1).max(100), id: z.string().min(1).max(64) }),
      },
    },
    download((request) => ({ kind: 'token', token: (request.params as { token: string }).token })),
  );

  routes.get(
    '/api/work/attachments/:id',
    {
      config: { access: { permission: 'workspace:use' } },
      schema: {
        tags: ['cases'],
        summary: "Download a file of a case the employee's team may see (audited)",
        description: "Written to the audit log as a read of the requester's file. Otherwise `attachment-not-found` (audited).",
        params: attachmentParams,
      },
    },
    download(() => ({ kind: 'staff' })),
  );
};
