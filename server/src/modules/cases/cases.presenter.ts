import type { AttachmentView } from '../../../../shared/src/cases/attachments.contract.ts';
import type {
  CaseDocumentView,
  OwnerView,
  QueueItem,
  ResidentCase,
  ResidentCaseSummary,
  TimelineEntry,
  TimelineEntryType,
} from '../../../../shared/src/cases/cases.contract.ts';
import {
  type CaseChannel,
  type CaseOutcome,
  type CaseStatus,
  deadlineStatus,
  isOpenStatus,
  type OwnerUnit,
  type ProductFamily,
} from '../../../../shared/src/cases/index.ts';
import type { CityProfile, LocalizedText } from '../../../../shared/src/city/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { AttachmentInfo } from './case-attachments.repository.ts';
import type { CaseEventRow, CaseRow } from './cases.repository.ts';

/**
 * Cases and their timeline as each audience sees them. The resident view leaves out internal
 * entries, hand-over reasons, error details and employees' names (they see the team); staff see
 * everything. Texts are resolved in the caller's language here, never stored translated.
 */

/** What a presenter needs besides the rows. */
export type PresentContext = {
  city: CityProfile;
  lang: Language;
  now: Date;
  /** Product titles by slug (published products; others show their slug). */
  productTitle: (slug: string) => LocalizedText | undefined;
  /** The requester's download route of a file (someone following by a secret link has another one). */
  attachmentUrl?: (id: string) => string;
};

/** The download route of a case file for staff, and for a logged-in requester. */
export const staffAttachmentUrl = (id: string): string => `/api/work/attachments/${id}`;
export const residentAttachmentUrl = (id: string): string => `/api/attachments/${id}`;

/** A file of a case as the timeline stores it (without the route, which depends on who reads). */
export type StoredAttachment = Omit<AttachmentView, 'downloadUrl'>;

export const storedAttachmentOf = (row: AttachmentInfo): StoredAttachment => ({
  id: row.id,
  fileName: row.file_name,
  mediaType: row.media_type as AttachmentView['mediaType'],
  sizeBytes: row.size_bytes,
  visibility: row.visibility as AttachmentView['visibility'],
  field: row.form_field,
  addedAt: new Date(row.attached_at ?? row.created_at).toISOString(),
  addedBy: row.uploaded_by_kind as AttachmentView['addedBy'],
});

/** A file with the download route of this reader. */
export const attachmentViewOf = (stored: StoredAttachment, context: Pick<PresentContext, 'attachmentUrl'>, forResident: boolean): AttachmentView => ({
  ...stored,
  downloadUrl: forResident ? (context.attachmentUrl ?? residentAttachmentUrl)(stored.id) : staffAttachmentUrl(stored.id),
});

const pick = (text: LocalizedText | undefined, lang: Language, fallback: string) => (text ? (text[lang] ?? text.nl) : fallback);

/** A team or partner with its name in `lang`. */
export const ownerView = (city: CityProfile, unit: OwnerUnit, lang: Language): OwnerView => {
  const found = unit.kind === 'team' ? city.teams.find((team) => team.id === unit.id) : city.partners.find((partner) => partner.id === unit.id);
  return { kind: unit.kind, id: unit.id, name: pick(found?.name, lang, unit.id) };
};

export const ownerOf = (row: CaseRow): OwnerUnit => ({ kind: row.owner_kind as OwnerUnit['kind'], id: row.owner_id });

const productView = (row: Pick<CaseRow, 'product_slug'>, context: PresentContext) => ({
  slug: row.product_slug,
  title: pick(context.productTitle(row.product_slug), context.lang, row.product_slug),
});

const iso = (value: Date | string) => new Date(value).toISOString();

/** The deadline flag of a case at `now`: decided and final cases are `done`. */
export const deadlineView = (row: CaseRow, context: PresentContext): QueueItem['deadline'] => {
  const status = row.status as CaseStatus;
  if (!isOpenStatus(status)) return { dueDate: row.due_date, flag: 'done', workingDaysLeft: 0 };
  const deadline = deadlineStatus(
    context.city,
    { receivedAt: row.created_at, serviceNormDays: row.service_norm_days, pauses: row.pauses as { from: string; to?: string }[] },
    context.now,
  );
  return { dueDate: deadline.dueDate, flag: deadline.flag, workingDaysLeft: deadline.workingDaysLeft };
};

/** One line of "Mijn dossiers". */
export const toResidentSummary = (row: CaseRow, context: PresentContext): ResidentCaseSummary => ({
  id: row.id,
  reference: row.reference,
  product: productView(row, context),
  status: row.status as CaseStatus,
  open: isOpenStatus(row.status as CaseStatus),
  owner: ownerView(context.city, ownerOf(row), context.lang),
  dueDate: row.due_date,
  outcome: row.outcome as CaseOutcome | null,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

type Payload = Record<string, unknown>;

const documentView = (value: unknown, lang: Language): CaseDocumentView | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const document = value as { id: string; title: LocalizedText | string; fileName: string; downloadUrl: string; verificationCode?: string | null };
  return {
    id: document.id,
    title: typeof document.title === 'string' ? document.title : pick(document.title, lang, document.fileName),
    fileName: document.fileName,
    downloadUrl: document.downloadUrl,
    verificationCode: document.verificationCode ?? null,
  };
};

/** A timeline entry; `forResident` hides employees' names and internal details. */
export const toTimelineEntry = (event: CaseEventRow, context: PresentContext, forResident: boolean): TimelineEntry => {
  const payload = event.payload as Payload;
  const actorKind = event.actor_kind as TimelineEntry['actor']['kind'];
  const entry: TimelineEntry = {
    id: String(event.id),
    type: event.type as TimelineEntryType,
    at: iso(event.at),
    visibility: event.visibility as TimelineEntry['visibility'],
    actor: { kind: actorKind, name: forResident && actorKind === 'staff' ? null : event.actor_name },
  };
  if (typeof payload.text === 'string') entry.text = payload.text;
  if (typeof payload.from === 'string') entry.from = payload.from as CaseStatus;
  if (typeof payload.to === 'string') entry.to = payload.to as CaseStatus;
  if (typeof payload.outcome === 'string') entry.outcome = payload.outcome as CaseOutcome;
  if (typeof payload.channel === 'string') entry.channel = payload.channel as CaseChannel;
  const owner = (payload.owner ?? payload.toOwner) as OwnerUnit | undefined;
  if (owner) entry.owner = ownerView(context.city, owner, context.lang);
  const document = documentView(payload.document, context.lang);
  if (document) entry.document = document;
  if (Array.isArray(payload.attachments)) {
    entry.attachments = (payload.attachments as StoredAttachment[]).map((stored) => attachmentViewOf(stored, context, forResident));
  }
  // A rejection's reason is told to the resident; hand-over reasons and errors are for colleagues.
  const reasonVisible = !forResident || event.type === 'status-changed';
  if (typeof payload.reason === 'string' && reasonVisible) entry.reason = payload.reason;
  if (!forResident) {
    const previous = payload.fromOwner as OwnerUnit | undefined;
    if (previous) entry.previousOwner = ownerView(context.city, previous, context.lang);
    const assignee = payload.assignee as { id: string; name: string } | undefined;
    if (assignee) entry.assignee = assignee;
  }
  return entry;
};

/** A case as its requester sees it. */
export const toResidentCase = (
  row: CaseRow,
  events: readonly CaseEventRow[],
  context: PresentContext,
  attachments: readonly AttachmentInfo[] = [],
): ResidentCase => {
  const status = row.status as CaseStatus;
  return {
    ...toResidentSummary(row, context),
    channel: row.channel as CaseChannel,
    answers: row.answers as Record<string, unknown>,
    timeline: events.filter((event) => event.visibility === 'resident').map((event) => toTimelineEntry(event, context, true)),
    attachments: attachments
      .filter((attachment) => attachment.visibility === 'resident')
      .map((attachment) => attachmentViewOf(storedAttachmentOf(attachment), context, true)),
    actions: {
      reply: isOpenStatus(status),
      withdraw: ['received', 'in-progress', 'waiting-for-resident', 'waiting-for-advice'].includes(status),
    },
  };
};

/** One line of a work queue. */
export const toQueueItem = (row: CaseRow, context: PresentContext): QueueItem => ({
  id: row.id,
  reference: row.reference,
  product: productView(row, context),
  family: row.family as ProductFamily,
  status: row.status as CaseStatus,
  channel: row.channel as CaseChannel,
  subMunicipality: row.sub_municipality,
  owner: ownerView(context.city, ownerOf(row), context.lang),
  assignee: row.assignee_staff_id && row.assignee_name ? { id: row.assignee_staff_id, name: row.assignee_name } : null,
  deadline: deadlineView(row, context),
  handOverCount: row.hand_over_count,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});
