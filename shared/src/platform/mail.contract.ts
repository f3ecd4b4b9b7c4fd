import { z } from 'zod';
import { languageSchema } from './language.ts';

/** One outgoing e-mail as staff see it on the "sent mail" page. */
export const sentMailSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  language: languageSchema,
  status: z.enum(['queued', 'sent', 'kept', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const sentMailListSchema = z.object({ items: z.array(sentMailSchema) });
export type SentMail = z.infer<typeof sentMailSchema>;
