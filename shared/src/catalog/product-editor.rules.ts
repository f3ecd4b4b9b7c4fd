import type { z } from 'zod';
import type { Language } from '../platform/language.ts';
import { type Product, productSchema } from './product.schema.ts';

/**
 * Validation of a product definition as the catalogue editor sends it: the loader's schema
 * (productSchema) plus the rules that need the rest of the catalogue, with every message in nl, fr
 * and en. Pure, so the server (PUT, preview) and the web form (zodResolver with catalogErrorMap)
 * report the same problems in the same words.
 */

type Messages = Record<Language, string>;

/** One invalid field: `field` is the dotted path the form uses (`title.nl`, `costs.0.amountEur`). */
export type EditorIssue = { field: string; code: string; message: Messages };

/** What the rules need to know about the rest of the catalogue. */
export type EditorContext = {
  /** The slug of the product being edited; absent when a new product is created. */
  currentSlug?: string;
  /** Every slug in the catalogue, published or not. */
  existingSlugs: readonly string[];
};

/** Longest slug we accept: it ends up in URLs, file names and case references. */
export const maxSlugLength = 80;

const languageNames: Record<Language, Messages> = {
  nl: { nl: 'Nederlandse', fr: 'en néerlandais', en: 'Dutch' },
  fr: { nl: 'Franse', fr: 'en français', en: 'French' },
  en: { nl: 'Engelse', fr: 'en anglais', en: 'English' },
};

const isLanguage = (part: unknown): part is Language => part === 'nl' || part === 'fr' || part === 'en';

const required: Messages = { nl: 'Vul dit in.', fr: 'Ce champ est obligatoire.', en: 'This field is required.' };

const textRequired = (language: Language): Messages => ({
  nl: `Vul de ${languageNames[language].nl} tekst in.`,
  fr: `Indiquez le texte ${languageNames[language].fr}.`,
  en: `Fill in the ${languageNames[language].en} text.`,
});

const identifierFormat: Messages = {
  nl: 'Gebruik kleine letters, cijfers en koppeltekens, zonder spaties, bijvoorbeeld "attest-woonst".',
  fr: 'Utilisez des minuscules, des chiffres et des traits d’union, sans espaces, par exemple « attest-woonst ».',
  en: 'Use lowercase letters, digits and hyphens, no spaces, for example "attest-woonst".',
};

// Fields whose regex is the kebab-case identifier (slug, team, partner).
const identifierFields = new Set(['slug', 'relatedProducts', 'responsibleTeam', 'partnerId']);

type IssueLike = {
  code?: string;
  path?: PropertyKey[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  format?: string;
  params?: Record<string, unknown>;
};

/**
 * The text of a zod issue of productSchema in every language. Cross-field issues carry their own
 * (`params.messages`); the built-in ones get short plain-language texts that fit the field.
 */
export const catalogIssueMessages = (issue: IssueLike): Messages => {
  const own = issue.params?.messages as Messages | undefined;
  if (own) return own;
  const path = issue.path ?? [];
  const last = path[path.length - 1];
  const named = path.findLast((part) => typeof part === 'string');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return { nl: 'Vul een getal in.', fr: 'Indiquez un nombre.', en: 'Enter a number.' };
      return isLanguage(last) ? textRequired(last) : required;
    case 'too_small':
      if (issue.origin === 'number')
        return {
          nl: `Vul een getal in van ${String(issue.minimum)} of meer; een bedrag kan niet negatief zijn.`,
          fr: `Indiquez un nombre supérieur ou égal à ${String(issue.minimum)} ; un montant ne peut pas être négatif.`,
          en: `Enter a number of ${String(issue.minimum)} or more; an amount cannot be negative.`,
        };
      if (issue.origin === 'array') return { nl: 'Vul er minstens één in.', fr: 'Ajoutez-en au moins un.', en: 'Add at least one.' };
      return isLanguage(last) ? textRequired(last) : required;
    case 'too_big':
      return {
        nl: `Dit is te lang: hoogstens ${String(issue.maximum)}.`,
        fr: `C’est trop long : au maximum ${String(issue.maximum)}.`,
        en: `This is too long: at most ${String(issue.maximum)}.`,
      };
    case 'not_multiple_of':
      return { nl: 'Gebruik hoogstens twee cijfers na de komma.', fr: 'Utilisez au maximum deux décimales.', en: 'Use at most two decimals.' };
    case 'invalid_format':
      if (issue.format === 'url')
        return {
          nl: 'Vul een volledig webadres in dat begint met https://, bijvoorbeeld https://www.vlaanderen.be/.',
          fr: 'Indiquez une adresse web complète commençant par https://, par exemple https://www.vlaanderen.be/.',
          en: 'Enter a full web address starting with https://, for example https://www.vlaanderen.be/.',
        };
      if (issue.format === 'email')
        return { nl: 'Vul een geldig e-mailadres in.', fr: 'Indiquez une adresse e-mail valide.', en: 'Enter a valid e-mail address.' };
      if (named === 'phone')
        return {
          nl: 'Vul een telefoonnummer in met cijfers en spaties, bijvoorbeeld 056 73 33 11.',
          fr: 'Indiquez un numéro de téléphone avec des chiffres et des espaces, par exemple 056 73 33 11.',
          en: 'Enter a phone number with digits and spaces, for example 056 73 33 11.',
        };
      if (typeof named === 'string' && identifierFields.has(named)) return identifierFormat;
      return { nl: 'Deze waarde heeft niet de juiste vorm.', fr: 'Cette valeur n’a pas le bon format.', en: 'This value does not have the right format.' };
    case 'invalid_value':
      return { nl: 'Kies een van de mogelijke waarden.', fr: 'Choisissez une des valeurs possibles.', en: 'Choose one of the possible values.' };
    case 'unrecognized_keys':
      return { nl: 'Dit veld kennen we niet.', fr: 'Ce champ n’est pas connu.', en: 'This field is not known.' };
    default:
      return { nl: 'Deze waarde is niet geldig.', fr: 'Cette valeur n’est pas valide.', en: 'This value is not valid.' };
  }
};

/**
 * A zod error map in one language, for `productSchema.safeParse(x, { error: catalogErrorMap(lang) })`
 * and zodResolver's schema options. The catalogue loader uses the English one.
 */
export const catalogErrorMap =
  (lang: Language): z.core.$ZodErrorMap =>
  (issue) =>
    catalogIssueMessages(issue as IssueLike)[lang];

/** `costs.0.amountEur`: the path as react-hook-form and the problem+json `errors[].field` name it. */
export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Issues of productSchema as editor issues; unknown keys become one issue per key. */
export const productIssues = (error: z.ZodError): EditorIssue[] =>
  error.issues.flatMap((issue) => {
    const code = (issue as { params?: { code?: string } }).params?.code ?? issue.code;
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ field: fieldPath([...issue.path, key]), code, message: catalogIssueMessages(issue as IssueLike) }));
    return [{ field: fieldPath(issue.path) || '(root)', code, message: catalogIssueMessages(issue as IssueLike) }];
  });

/**
 * The rules that need the rest of the catalogue: a new product's slug is not taken, an existing
 * product keeps its slug (it is in URLs, exports and cases, and the catalogue file is named after
 * it), and related products exist. Run on the raw input, so they are reported together with the
 * schema's problems.
 */
export const catalogContextIssues = (input: unknown, context: EditorContext): EditorIssue[] => {
  if (!isRecord(input)) return [];
  const issues: EditorIssue[] = [];
  const slug = input.slug;
  if (typeof slug === 'string') {
    if (slug.length > maxSlugLength)
      issues.push({
        field: 'slug',
        code: 'catalog.slug-too-long',
        message: {
          nl: `Gebruik hoogstens ${maxSlugLength} tekens.`,
          fr: `Utilisez au maximum ${maxSlugLength} caractères.`,
          en: `Use at most ${maxSlugLength} characters.`,
        },
      });
    if (context.currentSlug !== undefined && slug !== context.currentSlug)
      issues.push({
        field: 'slug',
        code: 'catalog.slug-changed',
        message: {
          nl: `De korte naam in de webadressen blijft "${context.currentSlug}": links, exports en dossiers gebruiken hem.`,
          fr: `Le nom court dans les adresses web reste « ${context.currentSlug} » : les liens, les exports et les dossiers l’utilisent.`,
          en: `The short name in web addresses stays "${context.currentSlug}": links, exports and cases use it.`,
        },
      });
    if (context.currentSlug === undefined && context.existingSlugs.includes(slug))
      issues.push({
        field: 'slug',
        code: 'catalog.duplicate-slug',
        message: {
          nl: `Er bestaat al een dienst met de korte naam "${slug}". Kies een andere.`,
          fr: `Un service avec le nom court « ${slug} » existe déjà. Choisissez-en un autre.`,
          en: `A product with the short name "${slug}" already exists. Choose another one.`,
        },
      });
  }
  if (Array.isArray(input.relatedProducts)) {
    input.relatedProducts.forEach((related, index) => {
      if (typeof related === 'string' && related !== slug && !context.existingSlugs.includes(related))
        issues.push({
          field: `relatedProducts.${index}`,
          code: 'catalog.unknown-related-product',
          message: {
            nl: `De dienst "${related}" staat niet in de catalogus.`,
            fr: `Le service « ${related} » n’est pas dans le catalogue.`,
            en: `The product "${related}" is not in the catalogue.`,
          },
        });
    });
  }
  return issues;
};

/**
 * Checks a product definition from the editor: productSchema (the same as the catalogue files)
 * and catalogContextIssues. Returns the parsed product, or every problem at once with one issue
 * per field and message.
 */
export const checkProductDefinition = (input: unknown, context: EditorContext): { ok: true; product: Product } | { ok: false; issues: EditorIssue[] } => {
  const parsed = productSchema.safeParse(input);
  const issues = [...(parsed.success ? [] : productIssues(parsed.error)), ...catalogContextIssues(input, context)];
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = `${issue.field}\u0000${issue.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > 0 || !parsed.success) return { ok: false, issues: unique };
  return { ok: true, product: parsed.data };
};

const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The editor's list filter: by status (`all` by default) and by text, matched without case or
 * accents against the slug and the title in every language.
 */
export const matchesEditorFilter = (
  item: { slug: string; published: boolean; title: Record<Language, string> },
  filter: { status?: 'all' | 'published' | 'unpublished' | undefined; q?: string | undefined },
): boolean => {
  if (filter.status === 'published' && !item.published) return false;
  if (filter.status === 'unpublished' && item.published) return false;
  const q = foldText(filter.q?.trim() ?? '');
  if (!q) return true;
  return [item.slug, item.title.nl, item.title.fr, item.title.en].some((text) => foldText(text ?? '').includes(q));
};

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, item[key]]),
        )
      : item,
  ) ?? 'undefined';

// Texts residents read first are compared per language, so the history says which translation changed.
const perLanguageFields = new Set(['title', 'shortAnswer', 'description', 'keywords']);

/**
 * Which fields differ between two versions of a product, for the version history: `title.nl`,
 * `keywords.fr`, `channels.online`, `costs`, `published`… In the order of the product's fields.
 * An empty list for the first version.
 */
export const changedFields = (previous: Product | undefined, next: Product): string[] => {
  if (!previous) return [];
  const before = previous as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.flatMap((key) => {
    const a = before[key];
    const b = after[key];
    if (canonical(a) === canonical(b)) return [];
    if ((perLanguageFields.has(key) || key === 'channels') && isRecord(a) && isRecord(b)) {
      const parts = [...new Set([...Object.keys(b), ...Object.keys(a)])];
      return parts.filter((part) => canonical(a[part]) !== canonical(b[part])).map((part) => `${key}.${part}`);
    }
    return [key];
  });
};
