import type { z } from 'zod';
import { en, fr, nl } from 'zod/locales';
import type { Language } from './language.ts';

const zodLocales = { nl: nl(), fr: fr(), en: en() };

/** What localizeIssue needs of a zod issue: its code and message, and the params of a custom one. */
export type LocalizableIssue = { code: string; message: string; params?: Record<string, unknown> | undefined } & Record<string, unknown>;

/**
 * A zod issue in the reader's language. Our own refinements carry their translations in
 * `params.messages` ({ nl, fr, en }) and win; zod's built-in checks (too short, wrong type) use
 * zod's locale for that language; a custom issue without translations keeps its own message.
 * The web forms use it for client-side validation, so a field says the same as the server would.
 */
export const localizeIssue = (issue: LocalizableIssue | z.core.$ZodIssue, lang: Language): string => {
  const params = (issue as LocalizableIssue).params;
  const messages = params?.messages as Partial<Record<Language, string>> | undefined;
  if (messages) return messages[lang] ?? messages.nl ?? issue.message;
  if (issue.code === 'custom') return issue.message;
  const localized = zodLocales[lang].localeError(issue as never);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
};

/** The stable code of an issue: `params.code` of our refinements, else zod's issue code. */
export const issueCode = (issue: LocalizableIssue | z.core.$ZodIssue): string => {
  const code = (issue as LocalizableIssue).params?.code;
  return typeof code === 'string' ? code : issue.code;
};
