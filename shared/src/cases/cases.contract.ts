import { z } from 'zod';
import { upcomingAppointmentSchema } from '../appointments/appointments.contract.ts';
import { languageSchema } from '../platform/language.ts';
import { attachmentViewSchema } from './attachments.contract.ts';
import { caseChannelSchema, caseStatusSchema, instantSchema, productFamilySchema } from './case.schema.ts';
import { ownerUnitSchema } from './case-ownership.rules.ts';
import { caseHandlingSchema, caseOutcomeSchema } from './case-status.rules.ts';

/**
 * Contract of the cases API: residents (`/api/cases`, `/api/me/cases`), people without a login
 * (`/api/questions`) and staff (`/api/work/...`). Output schemas are plain objects, so the
 * serializer strips whatever a handler did not mean to send. Texts (product titles, team names)
 * are in the caller's language (`lang` or Accept-Language).
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const text = (max: number) => z.string().trim().min(1).max(max);

/** Free answers keyed by field id; the product's form definition validates them on the server. */
export const answersInputSchema = z.record(z.string(), z.unknown());

/** KBO/BCE enterprise number, dots and spaces allowed; output: the 10 digits. */
export const kboNumberSchema = z
  .string()
  .regex(/^[01]\d{3}[. ]?\d{3}[. ]?\d{3}$/, 'must be a KBO number of 10 digits, e.g. 0207.492.502')
  .transform((value) => value.replace(/[. ]/g, ''))
  .refine((digits) => 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8)), { message: 'has a wrong check number' });

// ---------------------------------------------------------------------------------------------
// Submitting

/** `POST /api/cases` (a logged-in resident). Send an `Idempotency-Key` header to make retries safe. */
export const submitCaseRequestSchema = z.object({
  product: slug,
  answers: answersInputSchema.default({}),
  /** Language of the case and its e-mails; default: the language of the request. */
  language: languageSchema.optional(),
  /** A minor of the resident's household the request is for (a Kids-ID for a child); default: the resident. */
  forPersonId: z.uuid().optional(),
  /** Asking on behalf of an organisation (a club, a company). */
  organisation: z.object({ kbo: kboNumberSchema, name: text(200) }).optional(),
});
export type SubmitCaseRequest = z.infer<typeof submitCaseRequestSchema>;

/**
 * `POST /api/questions` (anyone, no login): a general question (`vraag`), or a report anyone may
 * make (anonymousSubmissionAllowed), followed by a secret link.
 */
export const questionRequestSchema = z.object({
  /** Default `vraag`. */
  product: slug.optional(),
  answers: answersInputSchema,
  language: languageSchema.optional(),
  /**
   * Where it was filled in: `kiosk` for the self-service PC at city hall (default `online`). Only a
   * label for routing and figures: it opens nothing, and a login's own surface is not asked here.
   */
  channel: z.enum(['online', 'kiosk']).optional(),
});
export type QuestionRequest = z.infer<typeof questionRequestSchema>;

/** How the resident agreed that an employee fills in the request for them. */
export const assistedConsentSchema = z.object({
  given: z.literal(true),
  method: z.enum(['verbal', 'written', 'signed']),
  note: text(500).optional(),
});
export type AssistedConsent = z.infer<typeof assistedConsentSchema>;

/** Channels through which an employee registers a case for someone. */
export const assistedChannelSchema = z.enum(['phone', 'counter', 'quick-desk', 'home', 'kiosk', 'email']);

/** Who an assisted case is for: a register person (found by a register look-up first), a contact, or an organisation. */
export const assistedRequesterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: z.uuid(), email: z.email().optional() }),
  z.object({ kind: z.literal('contact'), email: z.email().optional() }),
  z.object({ kind: z.literal('organisation'), kbo: kboNumberSchema, name: text(200), email: z.email().optional() }),
]);
export type AssistedRequester = z.infer<typeof assistedRequesterSchema>;

/** `POST /api/work/cases`: an employee fills in the form for a resident at the desk, on the phone or at home. */
export const assistedSubmissionRequestSchema = z.object({
  product: slug,
  answers: answersInputSchema.default({}),
  channel: assistedChannelSchema,
  requester: assistedRequesterSchema,
  consent: assistedConsentSchema,
  language: languageSchema.default('nl'),
});
export type AssistedSubmissionRequest = z.infer<typeof assistedSubmissionRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Views

/** The owner of a case with its name in the caller's language ("Burgerzaken"). */
export const ownerViewSchema = z.object({ kind: z.enum(['team', 'partner']), id: slug, name: z.string() });
export type OwnerView = z.infer<typeof ownerViewSchema>;

export const productViewSchema = z.object({ slug, title: z.string() });

/**
 * What a submission answers, the same on every retry with the same Idempotency-Key. `followUrl`
 * is the page to follow the case: `/mijn-dossiers/<ref>`, or for someone without a login a secret
 * link (`/vragen/<token>`) that is shown only here and in the e-mail.
 */
export const caseReceiptSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  product: slug,
  status: caseStatusSchema,
  receivedAt: instantSchema,
  dueDate: z.iso.date(),
  owner: ownerViewSchema,
  followUrl: z.string(),
  /** The API resource of the case for this caller. */
  self: z.string(),
});
export type CaseReceipt = z.infer<typeof caseReceiptSchema>;

/** Kinds of timeline entries. */
export const timelineEntryTypes = [
  /** The case came in. */
  'submitted',
  /** Which team routing gave it, and by which rule (internal). */
  'routed',
  /** The status changed (with the outcome when decided). */
  'status-changed',
  /** A message from the city to the requester. */
  'message',
  /** A message from the requester. */
  'resident-message',
  /** An internal note between employees. */
  'note',
  /** Handed to another team or partner, with the reason (internal). */
  'hand-over',
  /** The new owner as the requester sees it: "Uw vraag wordt behandeld door …". */
  'owner-changed',
  /** An employee took the case, or a coordinator gave it to someone. */
  'assigned',
  /** A partner was asked for advice (permits). */
  'advice-requested',
  /** A document was issued (a certificate). */
  'document',
  /** The automated handling failed; a person takes over. */
  'automation-failed',
  /** Files added to the case after it came in (a missing document, an employee's file). */
  'attachment-added',
] as const;
export const timelineEntryTypeSchema = z.enum(timelineEntryTypes);
export type TimelineEntryType = z.infer<typeof timelineEntryTypeSchema>;

export const caseDocumentViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  downloadUrl: z.string(),
  verificationCode: z.string().nullable(),
});
export type CaseDocumentView = z.infer<typeof caseDocumentViewSchema>;

/** One entry of the timeline; which fields are set depends on `type`. */
export const timelineEntrySchema = z.object({
  id: z.string(),
  type: timelineEntryTypeSchema,
  at: instantSchema,
  visibility: z.enum(['resident', 'internal']),
  /** Residents see the team, not the employee's name: `name` is null for staff in the resident view. */
  actor: z.object({ kind: z.enum(['resident', 'staff', 'system', 'anonymous']), name: z.string().nullable() }),
  text: z.string().optional(),
  from: caseStatusSchema.optional(),
  to: caseStatusSchema.optional(),
  outcome: caseOutcomeSchema.optional(),
  owner: ownerViewSchema.optional(),
  previousOwner: ownerViewSchema.optional(),
  reason: z.string().optional(),
  assignee: z.object({ id: z.string(), name: z.string() }).optional(),
  channel: caseChannelSchema.optional(),
  document: caseDocumentViewSchema.optional(),
  attachments: z.array(attachmentViewSchema).optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Where a case stands against its due date (shared/src/cases deadlineStatus); `done` once decided. */
export const deadlineViewSchema = z.object({
  dueDate: z.iso.date(),
  flag: z.enum(['on-track', 'due-soon', 'overdue', 'paused', 'done']),
  workingDaysLeft: z.number().int(),
});

/** One line of "Mijn dossiers". */
export const residentCaseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  product: productViewSchema,
  status: caseStatusSchema,
  /** Still being worked on (not decided, closed, rejected or withdrawn). */
  open: z.boolean(),
  owner: ownerViewSchema,
  dueDate: z.iso.date(),
  outcome: caseOutcomeSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ResidentCaseSummary = z.infer<typeof residentCaseSummarySchema>;

/** A case as the requester sees it: only resident-visible timeline entries. */
export const residentCaseSchema = residentCaseSummarySchema.extend({
  channel: caseChannelSchema,
  answers: z.record(z.string(), z.unknown()),
  timeline: z.array(timelineEntrySchema),
  /** The files of the case the requester may see: their own and those the city shared, oldest first. */
  attachments: z.array(attachmentViewSchema),
  /** What the requester can do now. */
  actions: z.object({ reply: z.boolean(), withdraw: z.boolean() }),
});
export type ResidentCase = z.infer<typeof residentCaseSchema>;

const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: languageSchema.optional(),
};

/** `GET /api/me/cases` */
export const myCasesQuerySchema = z.object({
  state: z.enum(['open', 'closed', 'all']).default('all'),
  ...pageQuery,
});
export type MyCasesQuery = z.infer<typeof myCasesQuerySchema>;

export const pagedSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const myCasesResponseSchema = pagedSchema(residentCaseSummarySchema);
export type MyCasesResponse = z.infer<typeof myCasesResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Staff workspace

/** `GET /api/work/queues/:team` filters. `assignee`: `me`, `none` (in the queue) or any. */
export const queueQuerySchema = z.object({
  product: slug.optional(),
  status: caseStatusSchema.optional(),
  due: z.enum(['overdue', 'due-soon']).optional(),
  channel: caseChannelSchema.optional(),
  subMunicipality: z.string().trim().min(1).max(100).optional(),
  assignee: z.enum(['me', 'none']).optional(),
  ...pageQuery,
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

const staffRef = z.object({ id: z.string(), name: z.string() });

/** One case in a work queue: no personal data, only what is needed to pick the next case. */
export const queueItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  product: productViewSchema,
  family: productFamilySchema,
  status: caseStatusSchema,
  channel: caseChannelSchema,
  subMunicipality: z.string().nullable(),
  owner: ownerViewSchema,
  assignee: staffRef.nullable(),
  deadline: deadlineViewSchema,
  handOverCount: z.number().int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueResponseSchema = pagedSchema(queueItemSchema).extend({ team: ownerViewSchema });
export type QueueResponse = z.infer<typeof queueResponseSchema>;

/** Who asked, as staff see it (read audited). */
export const requesterViewSchema = z.object({
  kind: z.enum(['resident', 'organisation', 'anonymous']),
  personId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  kbo: z.string().nullable(),
  organisationName: z.string().nullable(),
  /** The requester follows the case in "Mijn dossiers" (an account) or by a secret link. */
  follows: z.enum(['account', 'link', 'none']),
});

/** The resident's 360° strip: their other open cases. */
export const otherCaseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  product: productViewSchema,
  status: caseStatusSchema,
  owner: ownerViewSchema,
  dueDate: z.iso.date(),
});

/**
 * A moment the requester and the city were in touch, from the timelines of their cases (the 360°
 * strip): a request through a channel, a message from them, or a message to them.
 */
export const recentContactSchema = z.object({
  at: instantSchema,
  kind: z.enum(['request', 'from-requester', 'to-requester']),
  /** The channel of a request; null for messages (on the portal or by e-mail). */
  channel: caseChannelSchema.nullable(),
  /** Who wrote a message to the requester. */
  by: z.string().nullable(),
  caseId: z.uuid(),
  reference: z.string(),
  product: productViewSchema,
});
export type RecentContact = z.infer<typeof recentContactSchema>;

/** `GET /api/work/cases/:id` */
export const staffCaseSchema = queueItemSchema.extend({
  handling: caseHandlingSchema,
  outcome: caseOutcomeSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  closedAt: instantSchema.nullable(),
  language: languageSchema,
  answers: z.record(z.string(), z.unknown()),
  requester: requesterViewSchema,
  submittedBy: staffRef.nullable(),
  consent: assistedConsentSchema.extend({ recordedAt: instantSchema }).nullable(),
  sharedWith: z.array(ownerViewSchema),
  timeline: z.array(timelineEntrySchema),
  /** Status events this employee can trigger now (for buttons). */
  availableEvents: z.array(z.string()),
  otherOpenCases: z.array(otherCaseSchema),
  /** The requester's last contacts with the city over all their cases, newest first (city staff only). */
  recentContacts: z.array(recentContactSchema),
  /** The requester's upcoming appointments, soonest first (city staff only). */
  upcomingAppointments: z.array(upcomingAppointmentSchema),
  /** Every file of the case, internal ones too, oldest first. */
  attachments: z.array(attachmentViewSchema),
});
export type StaffCase = z.infer<typeof staffCaseSchema>;

/** `POST /api/work/cases/:id/claim`: take it; `takeOver` also from a colleague who has it. */
export const claimRequestSchema = z.object({ takeOver: z.boolean().default(false) });

/** `POST /api/work/cases/:id/assign` (cases:assign): give it to a member of the owning team. */
export const assignRequestSchema = z.object({ staffId: z.uuid() });

/** `POST /api/work/cases/:id/hand-over`: to another team or a partner, with a reason for the next owner. */
export const handOverRequestSchema = z.object({ to: ownerUnitSchema, reason: z.string().trim().max(2000) });
export type HandOverRequest = z.infer<typeof handOverRequestSchema>;

/** Status events staff can send; the shared status machine decides whether they apply. */
export const staffStatusEventSchema = z.enum([
  'start',
  'ask-resident',
  'resident-replied',
  'request-advice',
  'advice-received',
  'decide',
  'reject',
  'withdraw',
  'close',
]);

/**
 * `POST /api/work/cases/:id/status`. `decide` needs an outcome of the case's family, `reject` a
 * reason, `request-advice` a partner. `message` goes to the requester with the change.
 */
export const statusRequestSchema = z.object({
  event: staffStatusEventSchema,
  outcome: caseOutcomeSchema.optional(),
  reason: z.string().trim().max(2000).optional(),
  partner: slug.optional(),
  message: text(5000).optional(),
});
export type StatusRequest = z.infer<typeof statusRequestSchema>;

/** A message to the requester, an internal note, or the requester's reply. */
export const messageRequestSchema = z.object({ text: text(5000) });

/** `POST /api/cases/:ref/withdraw` */
export const withdrawRequestSchema = z.object({ reason: z.string().trim().max(2000).optional() });

/** `GET /api/work/routing/test`: where would a new case go? */
export const routingTestQuerySchema = z.object({
  product: slug,
  subMunicipality: z.string().trim().min(1).max(100).optional(),
  channel: caseChannelSchema.default('online'),
  lang: languageSchema.optional(),
});

export const routingTestResponseSchema = z.object({
  product: productViewSchema,
  family: productFamilySchema,
  team: ownerViewSchema,
  source: z.enum(['rule', 'responsible-team', 'default']),
  rule: z.object({ id: z.string(), note: z.string().nullable() }).nullable(),
  /** Working days within which the case must be decided (the product's service norm). */
  serviceNormDays: z.number().int(),
  /** The permission an online request needs (requests:create means eID or itsme). */
  requiredPermission: z.enum(['requests:create', 'requests:create-basic']),
});
export type RoutingTestResponse = z.infer<typeof routingTestResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Message templates, bulk assignment and drafts

/** One message template for a case: the title in the caller's language, the text in the case's (resident's) language. */
export const caseMessageTemplateSchema = z.object({
  id: slug,
  title: z.string(),
  /** The language of `text`: the case's. */
  language: languageSchema,
  /** Ready to put in the message box; the employee may still change it. */
  text: z.string(),
  /** The same template in every language (with `?languages=all`), for a resident who prefers another. */
  translations: z.array(z.object({ language: languageSchema, text: z.string() })).optional(),
});
export type CaseMessageTemplate = z.infer<typeof caseMessageTemplateSchema>;

/** `GET /api/work/cases/:id/message-templates` */
export const caseMessageTemplatesQuerySchema = z.object({
  lang: languageSchema.optional(),
  languages: z.enum(['case', 'all']).default('case'),
});

export const caseMessageTemplatesResponseSchema = z.object({ caseLanguage: languageSchema, items: z.array(caseMessageTemplateSchema) });
export type CaseMessageTemplatesResponse = z.infer<typeof caseMessageTemplatesResponseSchema>;

/** `POST /api/work/bulk-assignments` (cases:assign): give up to 100 cases to one member of their team. */
export const bulkAssignRequestSchema = z.object({
  caseIds: z.array(z.uuid()).min(1).max(100),
  staffId: z.uuid(),
});
export type BulkAssignRequest = z.infer<typeof bulkAssignRequestSchema>;

/** One line per case, in the order asked: assigned, or refused with the code and title a single assignment would have answered. */
export const bulkAssignResultSchema = z.discriminatedUnion('result', [
  z.object({ caseId: z.uuid(), result: z.literal('assigned'), reference: z.string() }),
  z.object({ caseId: z.uuid(), result: z.literal('refused'), code: z.string(), title: z.string(), reference: z.string().nullable() }),
]);

export const bulkAssignResponseSchema = z.object({
  assignee: staffRef,
  assigned: z.number().int(),
  refused: z.number().int(),
  results: z.array(bulkAssignResultSchema),
});
export type BulkAssignResponse = z.infer<typeof bulkAssignResponseSchema>;

/** `GET /api/work/teams/:team/assignees` (cases:assign): who a coordinator can give the team's cases to. */
export const assigneesResponseSchema = z.object({ team: ownerViewSchema, items: z.array(staffRef) });
export type AssigneesResponse = z.infer<typeof assigneesResponseSchema>;

/**
 * `PUT /api/drafts/:product` (and `/api/work/drafts/:product` for assisted intake): the answers so far.
 * Not checked for completeness; the keys must be questions of the product's form, at most 64 KiB.
 */
export const draftRequestSchema = z.object({ answers: z.record(z.string().min(1).max(100), z.unknown()) });
export type DraftRequest = z.infer<typeof draftRequestSchema>;

export const draftResponseSchema = z.object({
  product: slug,
  answers: z.record(z.string(), z.unknown()),
  updatedAt: instantSchema,
  /** After this moment the draft is gone. */
  expiresAt: instantSchema,
});
export type DraftResponse = z.infer<typeof draftResponseSchema>;
