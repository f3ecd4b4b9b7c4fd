import { z } from 'zod';
import { languageSchema } from '../platform/language.ts';
import { instantSchema, slugSchema } from './case.schema.ts';
import { attachmentMediaTypeSchema, maxAttachmentsPerStep } from './case-attachment.rules.ts';

/**
 * Contract of uploads and case attachments (issue 5). A file is uploaded first (`POST /api/uploads`,
 * multipart with one part `file`) and answered with an id; a form answer or an "add a document"
 * step then names that id. Only who uploaded a file can use it, once.
 */

/**
 * The header with which someone without a login binds their uploads to the question they send: a
 * random value their browser makes once per form (at least 32 visible characters), sent with every
 * upload and with the question. Only its SHA-256 is stored.
 */
export const uploadScopeHeader = 'x-upload-scope';
export const uploadScopeSchema = z.string().regex(/^[\x21-\x7e]{32,200}$/);

/** `POST /api/uploads` query: the form question the file answers (its limits apply), or nothing for "add a document". */
export const uploadQuerySchema = z
  .object({
    form: slugSchema.optional().describe('The product whose form the file is for.'),
    field: z
      .string()
      .max(200)
      .regex(/^[A-Za-z][A-Za-z0-9_-]*(\.(\d+|[A-Za-z][A-Za-z0-9_-]*))*$/)
      .optional()
      .describe('The question, as a dotted path: `sitePlan`, `stands.0.photo`.'),
    lang: languageSchema.optional(),
  })
  .refine((query) => (query.form === undefined) === (query.field === undefined), { message: 'form and field go together', path: ['field'] });
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

/** What an upload answers: the file as stored, in the shape of a form's file answer (`FileAnswer`). */
export const uploadResponseSchema = z.object({
  id: z.uuid(),
  /** The cleaned name, with the extension of what the file is. */
  name: z.string(),
  /** Bytes as stored (a re-encoded photo differs from what was sent). */
  size: z.number().int(),
  /** Detected from the content. */
  type: attachmentMediaTypeSchema,
  sha256: z.string(),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

/** A file of a case as its requester or staff see it. */
export const attachmentViewSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: attachmentMediaTypeSchema,
  sizeBytes: z.number().int(),
  /** `internal` files are only for staff. */
  visibility: z.enum(['resident', 'internal']),
  /** The form question it answers; null when it was added to the case later. */
  field: z.string().nullable(),
  addedAt: instantSchema,
  addedBy: z.enum(['resident', 'staff', 'anonymous']),
  /** The download route for this caller. */
  downloadUrl: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

const uploadIds = z
  .array(z.uuid())
  .min(1)
  .max(maxAttachmentsPerStep)
  .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, { message: 'each file once' });

/** `POST /api/cases/:ref/attachments` (and by the secret link): the requester adds files they uploaded, with a note. */
export const addAttachmentsRequestSchema = z.object({
  uploads: uploadIds,
  text: z.string().trim().min(1).max(5000).optional(),
});
export type AddAttachmentsRequest = z.infer<typeof addAttachmentsRequestSchema>;

/** `POST /api/work/cases/:id/attachments`: an employee adds files, for the requester to see or internal. */
export const staffAddAttachmentsRequestSchema = addAttachmentsRequestSchema.extend({
  visibility: z.enum(['resident', 'internal']),
});
export type StaffAddAttachmentsRequest = z.infer<typeof staffAddAttachmentsRequestSchema>;
