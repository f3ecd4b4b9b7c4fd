import type { ProductChannelId } from '../../../../shared/src/catalog/product.schema.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { locales } from '../../app/language.rules.ts';

/**
 * Pure helpers of the catalogue editor's form: what the form's raw values become before they are
 * checked and sent, which control an error points at, and how a field path reads in words.
 */

type Draft = Record<string, unknown>;

const languages = ['nl', 'fr', 'en'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An optional text field left empty is absent, not "": the schema would call "" an invalid URL or code. */
const optionalString = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An empty number input gives NaN (valueAsNumber): absent for optional numbers, left for the schema to refuse when required. */
const optionalNumber = (value: unknown): unknown => ((typeof value === 'number' && Number.isNaN(value)) || value === '' || value === null ? undefined : value);

/** A translation left empty in all three languages is absent (an optional text); partly filled stays for the schema to name the gap. */
const optionalText = (value: unknown): unknown =>
  isRecord(value) && languages.every((language) => typeof value[language] !== 'string' || (value[language] as string).trim() === '') ? undefined : value;

/** Lines of a textarea as a list: trimmed, empty lines left out. */
export const linesToList = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const cleanLines = (value: unknown): unknown => (Array.isArray(value) ? value.filter((item) => typeof item !== 'string' || item.trim() !== '') : value);

const cleanChannel = (channel: Record<string, unknown>) => ({
  ...channel,
  conditions: optionalText(channel.conditions),
  leadTime: optionalText(channel.leadTime),
  appointment: optionalString(channel.appointment),
  url: optionalString(channel.url),
  partnerId: optionalString(channel.partnerId),
});

const cleanContact = (contact: unknown): unknown => {
  if (!isRecord(contact)) return undefined;
  const cleaned = {
    label: optionalText(contact.label),
    email: optionalString(contact.email),
    phone: optionalString(contact.phone),
    url: optionalString(contact.url),
  };
  return Object.values(cleaned).some((value) => value !== undefined) ? cleaned : undefined;
};

/**
 * The form's values in the shape of a product definition: empty optional fields absent (an empty
 * URL, an unused translation, a channel set to "not mentioned"), empty lines of the keyword and
 * note lists dropped. Everything else is left as typed, so the schema reports what is missing.
 */
export const normalizeProductDraft = (draft: Draft): Draft => {
  const keywords = isRecord(draft.keywords)
    ? Object.fromEntries(Object.entries(draft.keywords).map(([language, words]) => [language, cleanLines(words)]))
    : draft.keywords;
  const channels = isRecord(draft.channels)
    ? Object.fromEntries(Object.entries(draft.channels).flatMap(([id, channel]) => (isRecord(channel) ? [[id, cleanChannel(channel)]] : [])))
    : draft.channels;
  const processingTime = isRecord(draft.processingTime)
    ? { ...draft.processingTime, workingDays: optionalNumber(draft.processingTime.workingDays) }
    : draft.processingTime;
  return {
    ...draft,
    keywords,
    channels,
    processingTime,
    exampleNotes: cleanLines(draft.exampleNotes),
    costs: list(draft.costs).map((cost) => (isRecord(cost) ? { ...cost, channel: optionalString(cost.channel) } : cost)),
    financialAdvantages: list(draft.financialAdvantages).map((advantage) =>
      isRecord(advantage) ? { ...advantage, amountEur: optionalNumber(advantage.amountEur) } : advantage,
    ),
    contactPoint: cleanContact(draft.contactPoint),
  };
};

const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, item[key]]),
        )
      : item,
  ) ?? '';

/**
 * Whether the form holds something else than the saved definition, compared the way the server
 * compares versions (tidied, key order ignored). react-hook-form's own isDirty also counts an
 * untouched empty field ("" where the definition has nothing) as a change.
 */
export const differsFromSaved = (values: Draft, saved: Draft): boolean =>
  canonicalJson(normalizeProductDraft(values)) !== canonicalJson(normalizeProductDraft(saved));

/** The form's id; every control's id is `fieldDomId(editorFormId, path)`. */
export const editorFormId = 'product-editor';

/** Fields chosen from a list of checkboxes: an error on one item points at the group. */
const choiceLists = new Set(['themes', 'targetAudiences', 'lifeEvents', 'relatedProducts']);
/** Lists typed as lines in one text area. */
const lineLists = new Set(['keywords', 'exampleNotes']);

/**
 * The field path of the control (or group) an error should lead to: `relatedProducts.2` is the
 * related-products group, `keywords.nl.4` the Dutch keywords box, `procedure.root` the procedure
 * list; a path that is a control's own path stays as it is.
 */
export const errorTarget = (path: string): string => {
  const parts = path.split('.').filter((part) => part !== 'root');
  const [first = 'root'] = parts;
  if (first === '(root)') return 'root';
  if (choiceLists.has(first)) return first;
  if (first === 'exampleNotes') return first;
  if (lineLists.has(first)) return parts.slice(0, 2).join('.');
  return parts.join('.') || 'root';
};

/** The order of the form's sections, for the error summary (top to bottom). */
export const editorFieldOrder: readonly string[] = [
  'root',
  'slug',
  'title',
  'shortAnswer',
  'description',
  'keywords',
  'channels',
  'costs',
  'processingTime',
  'requirements',
  'evidence',
  'procedure',
  'legalBasis',
  'relatedProducts',
  'type',
  'themes',
  'targetAudiences',
  'lifeEvents',
  'responsibleTeam',
  'financialAdvantages',
  'contactPoint',
  'exampleValues',
  'exampleNotes',
  'published',
];

const channelIds: ReadonlySet<string> = new Set<ProductChannelId>(['online', 'phone', 'counter', 'quickDesk', 'kiosk', 'home', 'partner']);

/**
 * A field path in words for the error summary: `costs.0.amountEur` -> "Costs 1 › Amount". Each
 * part is looked up through `translate` (field names, languages, channel names); a number is the
 * item's position counted from 1.
 */
export const fieldLabel = (path: string, translate: (key: string) => string): string => {
  const parts = path.split('.').filter((part) => part !== 'root' && part !== '(root)');
  const words: string[] = [];
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    if (/^\d+$/.test(part)) {
      const last = words.pop() ?? '';
      words.push(`${last} ${Number(part) + 1}`.trim());
    } else if ((languages as readonly string[]).includes(part)) words.push(translate(`catalogEditor.languages.${part}`));
    else if (previous === 'channels' && channelIds.has(part)) words.push(translate(`catalogEditor.channels.${part}`));
    else words.push(translate(`catalogEditor.fields.${part}`));
  });
  return words.join(' › ');
};

/** A moment of the history in the city's time zone, short: "25/11/26 14:30". */
export const formatDateTime = (iso: string, language: Language): string =>
  new Intl.DateTimeFormat(locales[language], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));
