import {
  type CaseDocumentView,
  type QueueQuery,
  type ResidentCase,
  type ResidentCaseSummary,
  staffStatusEventSchema,
  type TimelineEntry,
} from '../../../../shared/src/cases/cases.contract.ts';
import {
  type CaseChannel,
  type CaseOutcome,
  type CaseStatus,
  caseChannels,
  caseOutcomesByFamily,
  caseStatuses,
  type ProductFamily,
} from '../../../../shared/src/cases/index.ts';
import { type AnswerValue, type FormDefinition, type FormField, localize } from '../../../../shared/src/forms/index.ts';
import type { Permission } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';

/**
 * How cases look on screen: the colour of a status, which timeline entries are messages and which
 * are internal, answers as readable rows, whether a page must wait for an automated certificate,
 * and the work queue's filters in the address bar. Pure: the pages put the words around them.
 */

export type Tone = 'neutral' | 'success' | 'warning' | 'danger';

/** The badge colour of a status; the word always says it too. */
export const statusTone = (status: CaseStatus): Tone => {
  switch (status) {
    case 'decided':
    case 'closed':
      return 'success';
    case 'waiting-for-resident':
      return 'warning';
    case 'rejected':
      return 'danger';
    default:
      return 'neutral';
  }
};

/** The badge colour of a deadline flag; `null` for cases that need no flag (on track or finished). */
export const deadlineTone = (flag: 'on-track' | 'due-soon' | 'overdue' | 'paused' | 'done'): Tone | null => {
  switch (flag) {
    case 'overdue':
      return 'danger';
    case 'due-soon':
      return 'warning';
    case 'paused':
      return 'neutral';
    default:
      return null;
  }
};

/** "Mijn dossiers" in two lists: still being worked on, and finished. The server's order is kept. */
export const splitByOpen = <T extends Pick<ResidentCaseSummary, 'open'>>(items: readonly T[]): { open: T[]; closed: T[] } => ({
  open: items.filter((item) => item.open),
  closed: items.filter((item) => !item.open),
});

/** How a timeline entry is shown: a message from the city, one from the requester, an internal note, or a step. */
export type TimelineKind = 'city-message' | 'requester-message' | 'note' | 'step';

export const timelineKind = (entry: Pick<TimelineEntry, 'type'>): TimelineKind => {
  switch (entry.type) {
    case 'message':
      return 'city-message';
    case 'resident-message':
      return 'requester-message';
    case 'note':
      return 'note';
    default:
      return 'step';
  }
};

/** The timeline oldest first, as a conversation reads; entries at the same moment keep the server's order. */
export const chronological = <T extends Pick<TimelineEntry, 'at'>>(entries: readonly T[]): T[] =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);

/** The documents issued in a case (certificates), newest last. */
export const caseDocuments = (timeline: readonly TimelineEntry[]): CaseDocumentView[] =>
  timeline.flatMap((entry) => (entry.type === 'document' && entry.document ? [entry.document] : []));

/**
 * Whether a freshly submitted case is still being handled by the platform on its own (an
 * automated certificate): received, no document yet and no failure. The confirmation page then
 * keeps asking, so the download link appears within seconds.
 */
export const awaitingAutomation = (found: Pick<ResidentCase, 'status' | 'timeline'>, family: ProductFamily): boolean =>
  family === 'certificate' &&
  found.status === 'received' &&
  !found.timeline.some((entry) => entry.type === 'document' || entry.type === 'automation-failed' || entry.type === 'owner-changed');

/** What stands between the person and an online request for a product. */
export type LoginNeed = 'none' | 'login' | 'stronger-login' | 'not-a-resident';

/**
 * Whether the person may submit online now: a visitor must log in, someone logged in with an
 * e-mail link must log in with eID or itsme for a product that needs `requests:create`, and staff
 * use assisted intake in the workspace instead.
 */
export const loginNeed = (
  required: 'requests:create' | 'requests:create-basic',
  me: { actor: { kind: 'anonymous' | 'resident' | 'staff' }; permissions: readonly Permission[] },
): LoginNeed => {
  if (me.actor.kind === 'anonymous') return 'login';
  if (me.actor.kind === 'staff') return 'not-a-resident';
  return me.permissions.includes(required) ? 'none' : 'stronger-login';
};

/**
 * The address of the online form for a product, when it has one and the catalogue offers the
 * product online: the general question has its own page (anyone may ask, no login).
 */
export const onlineRequestPath = (product: { slug: string; channels: { online?: { available: boolean } | undefined } }, hasForm: boolean): string | null => {
  if (!hasForm || product.channels.online?.available !== true) return null;
  return product.slug === 'vraag' ? '/vraag' : `/aanvragen/${encodeURIComponent(product.slug)}`;
};

/** One answer as a row of the case page: its question and the answer in words, or a list of item rows for a group. */
export type AnswerRow =
  | { id: string; label: string; kind: 'text'; text: string }
  | { id: string; label: string; kind: 'items'; items: { label: string; rows: AnswerRow[] }[] };

/** Words the rows need in the reader's language: yes, no, the box of an address ("bus") and a group item without a label of its own. */
export type AnswerWords = { yes: string; no: string; box: string; item: (n: number) => string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const answerText = (field: FormField, value: unknown, lang: Language, words: AnswerWords): string => {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if ((field.type === 'choice' || field.type === 'multiple-choice') && 'options' in field) {
    const values = Array.isArray(value) ? value : [value];
    return values
      .map((item) => field.options.find((option) => option.value === item)?.label)
      .map((label, index) => (label ? localize(label, lang) : String(values[index])))
      .join(', ');
  }
  if (field.type === 'address' && isRecord(value)) {
    const { street = '', number = '', box, postcode = '', municipality } = value as Record<string, string | undefined>;
    const line = `${street} ${number}${box ? ` ${words.box} ${box}` : ''}`.trim();
    return [line, `${postcode}${municipality ? ` ${municipality}` : ''}`.trim()].filter(Boolean).join(', ');
  }
  if (field.type === 'file' && Array.isArray(value)) return value.map((file) => (isRecord(file) ? String(file.name) : '')).join(', ');
  if (Array.isArray(value)) return value.map(String).join(', ');
  return value === undefined || value === null ? '' : String(value);
};

/**
 * The answers of a case as rows in form order, labelled with the questions in the reader's
 * language. Answers the definition no longer knows are shown last under their key, so nothing
 * the person wrote is hidden from the employee.
 */
export const answerRows = (definition: FormDefinition | null, answers: Record<string, unknown>, lang: Language, words: AnswerWords): AnswerRow[] => {
  const rows: AnswerRow[] = [];
  const seen = new Set<string>();
  const leafRow = (field: FormField, value: unknown, id: string): AnswerRow => ({
    id,
    label: localize(field.label, lang),
    kind: 'text',
    text: answerText(field, value, lang, words),
  });
  for (const field of definition?.fields ?? []) {
    const value = answers[field.id];
    if (value === undefined) continue;
    seen.add(field.id);
    if (field.type === 'group') {
      const items = Array.isArray(value) ? value : [];
      rows.push({
        id: field.id,
        label: localize(field.label, lang),
        kind: 'items',
        items: items.map((item, index) => ({
          label: field.itemLabel ? localize(field.itemLabel, lang).replace('{n}', String(index + 1)) : words.item(index + 1),
          rows: field.fields
            .filter((child) => isRecord(item) && item[child.id] !== undefined)
            .map((child) => leafRow(child, (item as Record<string, unknown>)[child.id], `${field.id}.${index}.${child.id}`)),
        })),
      });
    } else {
      rows.push(leafRow(field, value as AnswerValue, field.id));
    }
  }
  for (const [key, value] of Object.entries(answers)) {
    if (seen.has(key)) continue;
    rows.push({ id: key, label: key, kind: 'text', text: typeof value === 'object' ? JSON.stringify(value) : String(value) });
  }
  return rows;
};

/** What a status step needs besides the click. */
export type StatusStepNeeds = { outcome: boolean; reason: boolean; partner: boolean };

export const statusStepNeeds = (event: string): StatusStepNeeds => ({
  outcome: event === 'decide',
  reason: event === 'reject',
  partner: event === 'request-advice',
});

/** The outcomes a decision may have for this family. */
export const outcomesFor = (family: ProductFamily): readonly CaseOutcome[] => caseOutcomesByFamily[family];

export type StaffStatusEvent = (typeof staffStatusEventSchema.options)[number];

/** The steps the server offers that the status form knows how to send, in the server's order. */
export const staffSteps = (available: readonly string[]): StaffStatusEvent[] =>
  available.filter((name): name is StaffStatusEvent => (staffStatusEventSchema.options as readonly string[]).includes(name));

/** The work queue's filters as they live in the address bar (so a filtered queue can be shared and reloaded). */
export type QueueFilters = Pick<QueueQuery, 'product' | 'status' | 'due' | 'channel' | 'subMunicipality' | 'assignee'> & { page: number };

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  value !== null && (options as readonly string[]).includes(value) ? (value as T) : undefined;

/** The filters in `?product=…&status=…`; unknown values are ignored (a hand-edited address filters nothing). */
export const queueFiltersOf = (params: URLSearchParams): QueueFilters => {
  const page = Number(params.get('page'));
  const product = params.get('product');
  const place = params.get('subMunicipality')?.trim();
  return {
    product: product && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(product) ? product : undefined,
    status: oneOf<CaseStatus>(caseStatuses, params.get('status')),
    due: oneOf(['overdue', 'due-soon'] as const, params.get('due')),
    channel: oneOf<CaseChannel>(caseChannels, params.get('channel')),
    subMunicipality: place ? place : undefined,
    assignee: oneOf(['me', 'none'] as const, params.get('assignee')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
};

/** The API query string for the filters (only what is set). */
export const queueQueryString = (filters: QueueFilters, lang: Language): string => {
  const params = new URLSearchParams();
  for (const key of ['product', 'status', 'due', 'channel', 'subMunicipality', 'assignee'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  params.set('lang', lang);
  return params.toString();
};

/** Whether any filter is set (the page then offers to clear them). */
export const hasQueueFilters = (filters: QueueFilters): boolean =>
  Boolean(filters.product || filters.status || filters.due || filters.channel || filters.subMunicipality || filters.assignee);

/** The path of an address on this site (the server writes follow links with its public URL). */
export const sitePath = (url: string): string => {
  try {
    const parsed = new URL(url, 'http://localhost');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
};

/** Staff download a case's documents through the workspace's own route (its own permission, audited as staff). */
export const staffDownloadUrl = (url: string): string => url.replace(/^\/api\/documents\//, '/api/work/documents/');
