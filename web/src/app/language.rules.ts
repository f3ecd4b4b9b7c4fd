import { defaultLanguage, type Language, languageSchema, negotiateLanguage } from '../../../shared/src/platform/language.ts';

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
  /** `navigator.languages`, best first. */
  browser?: readonly string[];
  /** The languages this city offers; defaults to all three. */
  supported?: readonly Language[];
};

/** The language to start in: an explicit choice first, then the browser, then Dutch. */
export const pickLanguage = ({ query, stored, browser = [], supported = languages }: LanguageSources): Language => {
  const offered = (value: string | null | undefined): Language | undefined => {
    const base = value?.trim().toLowerCase().split('-')[0];
    return isLanguage(base) && supported.includes(base) ? base : undefined;
  };
  // navigator.languages is already ordered, and negotiateLanguage keeps equal q-values in order.
  return offered(query) ?? offered(stored) ?? negotiateLanguage(browser.join(','), supported.length > 0 ? supported : [defaultLanguage]);
};

/** The address with `lang` set, so a shared link opens in the same language; other parameters stay. */
export const withLanguageQuery = (search: string, language: Language): string => {
  const params = new URLSearchParams(search);
  params.set('lang', language);
  return `?${params.toString()}`;
};
