import { z } from 'zod';
import { writtenDate } from '../platform/dates.ts';
import type { Language } from '../platform/language.ts';
import { type ProductFamily, productFamilySchema, slugSchema } from './case.schema.ts';

/**
 * Message templates ("sjablonen"): ready answers an employee picks to fill the message to the
 * resident, then edits before sending. They are city data (`config/templates/<city>.yaml`), written
 * in Dutch, French and English, with placeholders in one syntax: `{{reference}}`.
 *
 * A placeholder is filled from facts about the case that the resident already sees in "Mijn
 * dossiers" (reference, product, team, due date, city) and the name of the employee who sends the
 * message. `TemplateFacts` has no field for the requester's name, address, national number or
 * answers, so a template cannot put personal data into a message, whatever its text says.
 * Unknown placeholders are refused when the file is loaded, so a typo never reaches a resident.
 */

/** Every placeholder a template may use, with what fills it. */
export const templatePlaceholders = [
  /** The case reference, `HB-2026-000123`. */
  'reference',
  /** The product's title in the resident's language. */
  'product',
  /** The team (or partner) that owns the case, in the resident's language. */
  'team',
  /** The name of the employee who sends the message (they sign with it). */
  'employee',
  /** The due date, written out in the resident's language ("15 januari 2027"). */
  'dueDate',
  /** The city's name in the resident's language. */
  'city',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a text uses, in order of appearance (known or not). */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(placeholderPattern)].map((match) => match[1] ?? '');

/**
 * What is wrong with a template text: unknown placeholders, or braces that do not form one (`{{reference}`,
 * `{reference}`). Empty when the text is fine.
 */
export const templateTextIssues = (text: string): string[] => {
  const issues = placeholdersIn(text)
    .filter((name) => !(templatePlaceholders as readonly string[]).includes(name))
    .map((name) => `uses the unknown placeholder {{${name}}}; use one of ${templatePlaceholders.map((known) => `{{${known}}}`).join(', ')}`);
  const rest = text.replace(placeholderPattern, '');
  if (/[{}]/.test(rest)) issues.push('has a brace that is not part of a placeholder; write placeholders as {{reference}}');
  return issues;
};

const localizedTemplateText = (max: number) =>
  z.strictObject({
    nl: z.string().trim().min(1).max(max),
    fr: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
  });

/** Which cases a template is offered for; every scope that is given must match. */
export const templateScopeSchema = z.strictObject({
  products: z.array(slugSchema).min(1).optional(),
  families: z.array(productFamilySchema).min(1).optional(),
  teams: z.array(slugSchema).min(1).optional(),
});
export type TemplateScope = z.infer<typeof templateScopeSchema>;

export const messageTemplateSchema = z
  .strictObject({
    id: slugSchema,
    /** What the employee sees in the picker, per language. */
    title: localizedTemplateText(120),
    /** The message, per language: Dutch formal ("u") and plain (B1). */
    body: localizedTemplateText(5000),
    /** Without a scope the template is offered for every case. */
    scope: templateScopeSchema.optional(),
  })
  .superRefine((template, ctx) => {
    for (const part of ['title', 'body'] as const) {
      for (const language of ['nl', 'fr', 'en'] as const) {
        for (const message of templateTextIssues(template[part][language])) ctx.addIssue({ code: 'custom', path: [part, language], message });
      }
    }
  });
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

/** The templates file of a city. Ids are unique: the web keeps the picked one by id. */
export const messageTemplateFileSchema = z.strictObject({ templates: z.array(messageTemplateSchema).default([]) }).superRefine((file, ctx) => {
  const seen = new Map<string, number>();
  file.templates.forEach((template, index) => {
    const first = seen.get(template.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['templates', index, 'id'], message: `is already used by template ${first}` });
    seen.set(template.id, index);
  });
});
export type MessageTemplateFile = z.infer<typeof messageTemplateFileSchema>;

/** A text per language, as the case's product, team and city names come. */
export type TextPerLanguage = Readonly<Record<Language, string>>;

/** What the placeholders are filled from: only what the resident already sees, plus the sender's name. */
export type TemplateFacts = {
  reference: string;
  product: TextPerLanguage;
  team: TextPerLanguage;
  /** The employee who sends the message. */
  employee: string;
  /** YYYY-MM-DD */
  dueDate: string;
  city: TextPerLanguage;
};

/** The case a template is considered for. */
export type TemplateCase = { product: string; family: ProductFamily; team: string };

/** Whether the template is offered for this case: every scope it names must include the case. */
export const templateApplies = (template: Pick<MessageTemplate, 'scope'>, found: TemplateCase): boolean => {
  const scope = template.scope;
  if (!scope) return true;
  if (scope.products && !scope.products.includes(found.product)) return false;
  if (scope.families && !scope.families.includes(found.family)) return false;
  if (scope.teams && !scope.teams.includes(found.team)) return false;
  return true;
};

/** The templates offered for a case, in the order of the file. */
export const templatesFor = <T extends Pick<MessageTemplate, 'scope'>>(templates: readonly T[], found: TemplateCase): T[] =>
  templates.filter((template) => templateApplies(template, found));

/** A calendar date written out in `language` ("15 januari 2027", "15 janvier 2027", "15 January 2027"). */
export const formatTemplateDate = writtenDate;

const placeholderValue = (name: TemplatePlaceholder, facts: TemplateFacts, language: Language): string => {
  switch (name) {
    case 'reference':
      return facts.reference;
    case 'employee':
      return facts.employee;
    case 'dueDate':
      return formatTemplateDate(facts.dueDate, language);
    default:
      return facts[name][language];
  }
};

/** Fills the placeholders of one text in `language`. Unknown names (refused at load) are left as they are. */
export const fillPlaceholders = (text: string, facts: TemplateFacts, language: Language): string =>
  text.replace(placeholderPattern, (whole, name: string) =>
    (templatePlaceholders as readonly string[]).includes(name) ? placeholderValue(name as TemplatePlaceholder, facts, language) : whole,
  );

/** A template rendered in one language. */
export type RenderedTemplate = { id: string; language: Language; title: string; text: string };

/** The template in `language`, its placeholders filled from the case. */
export const renderTemplate = (template: MessageTemplate, facts: TemplateFacts, language: Language): RenderedTemplate => ({
  id: template.id,
  language,
  title: fillPlaceholders(template.title[language], facts, language),
  text: fillPlaceholders(template.body[language], facts, language),
});
