import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { documentParamsSchema, verificationResponseSchema, verifyParamsSchema } from '../../../../shared/src/documents/index.ts';
import type { DocumentsService } from './documents.service.ts';

export type DocumentsRoutesOptions = { documents: DocumentsService };

/**
 * Public verification of a document by its code, and downloading a document: by the resident it
 * is about (or who may see its case), and by staff working the case (a separate route, so each
 * declares the permission it needs and the route × role matrix stays exact).
 */
export const documentsRoutes: FastifyPluginAsync<DocumentsRoutesOptions> = async (app, { documents }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/documents/verify/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['documents'],
        summary: 'Verify a document the city issued, by the code printed on it',
        description:
          'Whether the document is genuine (issued and not revoked), when it was issued, its SHA-256 and what is printed on it, nothing more. The code may be typed loosely (lower case, without dashes, O for 0). 400 `document-code-invalid` with a field error on `code` for something that cannot be a code (its check character fails); 404 `document-code-unknown`.',
        params: verifyParamsSchema,
        response: { 200: verificationResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await documents.verify(request.params.code);
      // A revocation must show at once: no cache may keep a "valid" answer.
      reply.header('cache-control', 'no-store');
      return result;
    },
  );

  const sendPdf = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const { bytes, fileName } = await documents.download(request.actor, request.params.id, { requestId: String(request.id) });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(bytes);
  };

  routes.get(
    '/api/documents/:id',
    {
      config: { access: { permission: 'self:read' } },
      schema: {
        tags: ['documents'],
        summary: 'Download a document as the resident it is about (or who may see its case)',
        description: 'The PDF as issued. 404 `document-not-found` for a document the resident may not have (the attempt is audited).',
        params: documentParamsSchema,
      },
    },
    sendPdf,
  );

  routes.get(
    '/api/work/documents/:id',
    {
      config: { access: { permission: 'cases:work' } },
      schema: {
        tags: ['documents'],
        summary: "Download a document of a case the employee's team may see (audited)",
        description: "The PDF as issued; the download is written to the audit log as a read of the person's file. 404 `document-not-found` otherwise.",
        params: documentParamsSchema,
      },
    },
    sendPdf,
  );
};
