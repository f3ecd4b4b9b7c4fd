import type { Language } from './language.ts';

// One formatter per language: building an Intl.DateTimeFormat costs far more than formatting with it.
const formats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A calendar date (YYYY-MM-DD) written out as residents read it, in Belgian usage: "12 mei 1985",
 * "12 mai 1985", "12 May 1985". The date is a day, not a moment: no time zone shifts it.
 */
export const writtenDate = (iso: string, lang: Language): string => {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(`${lang}-BE`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formats.set(lang, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
};
