import { z } from 'zod';

/**
 * Text a resident reads, in every language Gastvrij speaks. All three are required for catalogue
 * content: a missing translation would silently fall back to Dutch in the middle of a French page.
 * Dutch is plain language (B1) and addresses the reader formally ("u").
 */
export const localizedTextSchema = z.strictObject({
  nl: z.string().trim().min(1),
  fr: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Search terms per language: synonyms, colloquial and old names, abbreviations and short phrases as
 * residents type them. Kept per language so the Dutch text search configuration never stems French.
 */
export const localizedKeywordsSchema = z.strictObject({
  nl: z.array(z.string().trim().min(1)),
  fr: z.array(z.string().trim().min(1)),
  en: z.array(z.string().trim().min(1)),
});
export type LocalizedKeywords = z.infer<typeof localizedKeywordsSchema>;
