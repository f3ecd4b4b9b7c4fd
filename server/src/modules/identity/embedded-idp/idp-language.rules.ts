import { type Language, languageSchema, negotiateLanguage } from '../../../../../shared/src/platform/language.ts';

/**
 * The language of the provider's pages: an explicit `?lang=` choice first (the switch links), then
 * the client's `ui_locales` (space-separated, in order of preference, region subtags allowed),
 * then Dutch.
 */
export const chooseIdpLanguage = (requested: string | undefined | null, uiLocales: string | undefined | null): Language => {
  const explicit = languageSchema.safeParse(requested?.trim().toLowerCase());
  if (explicit.success) return explicit.data;
  // ui_locales is an ordered list without weights: the same ranking as an Accept-Language header.
  return negotiateLanguage(uiLocales?.trim().split(/\s+/).join(',') || null);
};
