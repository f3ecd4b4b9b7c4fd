import { z } from 'zod';

/** The languages Gastvrij speaks; Dutch is the default and the fallback. */
export const languageSchema = z.enum(['nl', 'fr', 'en']);
export type Language = z.infer<typeof languageSchema>;
export const defaultLanguage: Language = 'nl';

/**
 * Picks the best supported language from an Accept-Language header (RFC 9110 §12.5.4), honouring
 * q-values and region subtags (`fr-BE` counts as `fr`). Falls back to Dutch.
 */
export const negotiateLanguage = (header: string | undefined | null, supported: readonly Language[] = languageSchema.options): Language => {
  if (!header) return supported.includes(defaultLanguage) ? defaultLanguage : (supported[0] ?? defaultLanguage);
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isNaN(quality) ? 0 : quality, index };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const match = supported.find((l) => l === range.base);
    if (match) return match;
  }
  return supported.includes(defaultLanguage) ? defaultLanguage : (supported[0] ?? defaultLanguage);
};
