import { z } from 'zod';
import { languageSchema } from '../platform/language.ts';

/**
 * The documents API (issue 5, item 4): public verification of a document the city issued, and
 * downloading it. The verification answer holds only what is printed on the document itself, so
 * someone holding the paper learns nothing more from the page than from the paper.
 */

/** The certificates Gastvrij issues on its own, named after the product they answer. */
export const certificateKindSchema = z.enum(['attest-gezinssamenstelling', 'attest-woonst', 'uittreksel-strafregister', 'afschrift-akte']);
export type CertificateKind = z.infer<typeof certificateKindSchema>;

/** One block of a document as printed: a heading, paragraphs, label-value facts and a table. */
export const printedSectionSchema = z.object({
  heading: z.string().optional(),
  paragraphs: z.array(z.string()).optional(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).optional(),
});
export type PrintedSection = z.infer<typeof printedSectionSchema>;

/** Everything printed on a document besides its title, date and verification block. */
export const printedFactsSchema = z.object({
  issuer: z.object({ name: z.string(), addressLines: z.array(z.string()) }),
  /** The case reference printed under the title. */
  reference: z.string().nullable(),
  sections: z.array(printedSectionSchema),
});
export type PrintedFacts = z.infer<typeof printedFactsSchema>;

/** `GET /api/documents/verify/:code`. The code may be typed loosely (see parseVerificationCode). */
export const verifyParamsSchema = z.object({ code: z.string().max(64) });

export const verificationResponseSchema = z.object({
  /** True when the city issued this document and has not revoked it. */
  genuine: z.boolean(),
  status: z.enum(['valid', 'revoked']),
  /** The code in its printed form. */
  code: z.string(),
  kind: z.string(),
  title: z.string(),
  /** The document's language: the printed facts are in it. */
  language: languageSchema,
  issuedAt: z.iso.datetime({ offset: true }),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  /** SHA-256 of the PDF as issued (hex): a downloaded file with another hash was changed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  printed: printedFactsSchema,
});
export type VerificationResponse = z.infer<typeof verificationResponseSchema>;

/** `GET /api/documents/:id` and `GET /api/work/documents/:id`. */
export const documentParamsSchema = z.object({ id: z.string().max(64) });
