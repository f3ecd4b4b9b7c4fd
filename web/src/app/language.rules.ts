import { defaultLanguage, type Language, languageSchema } from '../../../shared/src/platform/language.ts';

export const languages: readonly Language[] = languageSchema.options;

/** Each language's name in that language: a switch shows "Français", never "Frans". */
export const languageNames: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/** The BCP 47 locale for dates and numbers: Belgian Dutch and French, British English. */
export const locales: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (languages as readonly string[]).includes(value);

export type LanguageSources = {
  /** `?lang=` from the address: a shared link wins over everything. */
  query?: string | null;
  /** The preference the resident chose earlier (localStorage). */
  stored?: string | null;
  /** The languages this city offers; defaults to all three. */
  supported?: readonly Language[];
};

const offeredIn =
  (supported: readonly Language[]) =>
  (value: string | null | undefined): Language | undefined => {
    const base = value?.trim().toLowerCase().split('-')[0];
    return isLanguage(base) && supported.includes(base) ? base : undefined;
  };

/**
 * The language to start in: an explicit choice (the address, then the stored preference), else
 * Dutch. The browser's language does not decide: a Flemish city's administrative language is Dutch
 * (language legislation), and French and English are offered on request, so a resident's first
 * page is always Dutch unless they chose otherwise.
 */
export const pickLanguage = ({ query, stored, supported = languages }: LanguageSources): Language => {
  const offered = offeredIn(supported);
  return offered(query) ?? offered(stored) ?? (supported.includes(defaultLanguage) ? defaultLanguage : (supported[0] ?? defaultLanguage));
};

/** The address with `lang` set, so a shared link opens in the same language; other parameters stay. */
export const withLanguageQuery = (search: string, language: Language): string => {
  const params = new URLSearchParams(search);
  params.set('lang', language);
  return `?${params.toString()}`;
};
