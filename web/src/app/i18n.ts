import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/src/platform/language.ts';
import { languages, pickLanguage } from './language.rules.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };

declare module 'i18next' {
  // Module augmentation needs an interface.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}

export const resources = { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } } as const;

/** The app's one i18next instance; components use it through react-i18next's useTranslation. */
export const i18n = i18next.createInstance();

const storageKey = 'gastvrij.language';

/** localStorage throws in some private modes and when storage is disabled; the choice then lasts for the visit. */
export const storedLanguage = (): string | null => {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
};

export const storeLanguage = (language: Language): void => {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not stored: the language still applies to this visit.
  }
};

/** The language the app currently speaks, narrowed to the ones we have. */
export const currentLanguage = (): Language => {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (languages as readonly string[]).includes(language) ? (language as Language) : 'nl';
};

/**
 * Starts i18next synchronously (all three languages are bundled; together they are a few kB) in the
 * language from the address or the stored choice (else Dutch), and keeps <html lang> in step.
 */
export const initI18n = (): Language => {
  const language = pickLanguage({
    query: new URLSearchParams(window.location.search).get('lang'),
    stored: storedLanguage(),
  });
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const setHtmlLang = (lng: string) => {
    document.documentElement.lang = lng;
  };
  setHtmlLang(language);
  i18n.on('languageChanged', setHtmlLang);
  return language;
};
