import { createHash } from 'node:crypto';
import type {
  AssistedSubmissionRequest,
  CaseReceipt,
  HandOverRequest,
  MyCasesQuery,
  MyCasesResponse,
  QueueItem,
  QueueQuery,
  QueueResponse,
  ResidentCase,
  RoutingTestResponse,
  StaffCase,
  StatusRequest,
  SubmitCaseRequest,
} from '../../../../shared/src/cases/cases.contract.ts';
import {
  assign as assignRule,
  availableEvents,
  type CaseEvent,
  type CaseHandling,
  type CaseOutcome,
  type CasePause,
  type CaseState,
  type CaseStatus,
  caseReferenceYear,
  claim as claimRule,
  dueDate,
  formatCaseReference,
  handOver as handOverRule,
  initialOwnership,
  isOpenStatus,
  newCaseState,
  type OwnerUnit,
  type ProductFamily,
  parseCaseReference,
  pausedWorkingDays,
  productFamilyOf,
  requiredRequestPermission,
  route,
  transition,
} from '../../../../shared/src/cases/index.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import { addWorkingDays, type CityProfile, type LocalizedText, localDate } from '../../../../shared/src/city/index.ts';
import { type FormAnswers, type FormDefinition, validateAnswers } from '../../../../shared/src/forms/index.ts';
import { type Actor, hasPermission, type ResidentActor, type StaffActor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { AuditActor, AuditLog } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { MailService } from '../../platform/mail/mail.service.ts';
import { createIdentityRepository } from '../identity/index.ts';
import type { PopulationRegister } from '../register/index.ts';
import { createFollowTokens, looksLikeFollowToken } from './case-follow-token.ts';
import { firstAddressAnswer, genericForm, subMunicipalityOf } from './case-intake.rules.ts';
import { type CaseMailKind, caseMail } from './case-mail.messages.ts';
import { casesError, ownershipError, transitionError } from './cases.errors.ts';
import {
  type CaseAccessFacts,
  canSeeQueue,
  canStaff,
  canTestRouting,
  minorsOf,
  type PolicyContext,
  residentMaySee,
  type StaffCaseAction,
  staffCaseAccess,
  workTeamsOf,
} from './cases.policy.ts';
import { ownerOf, ownerView, type PresentContext, toQueueItem, toResidentCase, toResidentSummary, toTimelineEntry } from './cases.presenter.ts';
import { type CaseRow, type CasesRepository, createCasesRepository, type NewCaseEvent } from './cases.repository.ts';
import type { CasesSetup } from './cases.setup.ts';

/**
 * The use cases of the cases module: submitting (online, anonymous, assisted), following a case
 * as its requester, and working it as staff (claim, assign, hand over, status, messages, notes).
 * Every change locks the case row, applies the shared pure rules (status machine, ownership,
 * deadlines), writes the timeline and the audit row, and queues the resident's e-mail, all in
 * one transaction: a submission is acknowledged only after it committed.
 */

/** A document an automated step issued for a case (a certificate), as the timeline shows it. */
export type CaseDocument = {
  id: string;
  /** The document's title, per language or as one text. */
  title: LocalizedText | string;
  fileName: string;
  /** Where the requester downloads it (the documents module checks who may). */
  downloadUrl: string;
  verificationCode?: string | null;
};

/** What an automated step gets to work with. */
export type AutomationRequest = {
  caseId: string;
  reference: string;
  product: string;
  /** The register person the certificate is about (always set: automation needs a high-assurance resident). */
  personId: string;
  accountId: string | null;
  answers: FormAnswers;
  language: Language;
  receivedAt: Date;
};

/**
 * The hook through which certificates complete on their own at any hour (issue 5, item 4). `run`
 * produces and stores the document and returns it; it must be idempotent per case (a retry after a
 * crash calls it again). Throwing sends the case to its team's queue with the error in the timeline.
 */
export type CaseAutomation = {
  /** Whether this product is completed automatically (for a resident logged in with eID or itsme). */
  handles: (productSlug: string) => boolean;
  run: (request: AutomationRequest) => Promise<CaseDocument>;
};

/** Products as the catalogue holds them (the catalogue service satisfies this). */
export type CaseProducts = {
  findPublished: (slug: string) => Promise<Product | undefined>;
  listForExport: () => Promise<Product[]>;
};

export type CasesDeps = {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  city: CityProfile;
  mail: MailService;
  register: PopulationRegister;
  products: CaseProducts;
  setup: CasesSetup;
  /** Base URL of the portal, for links in e-mails (`/mijn-dossiers/<ref>`, `/vragen/<token>`). */
  publicUrl: string;
  /** GASTVRIJ_SECRET_KEY: follow-link tokens are derived from it. */
  secretKey: string;
  automation?: CaseAutomation;
};

/** A submission's result: `created` is false for an idempotent retry, which returns the first receipt. */
export type SubmissionResult = { created: boolean; receipt: CaseReceipt };

/** Service norm for a product whose catalogue entry names none, in working days. */
export const defaultServiceNormDays = 20;

/** How long an automated case may stay `received` before `resumeAutomation` picks it up again. */
const automationGraceMs = 60_000;

const systemActor: AuditActor = { kind: 'system', name: 'cases' };

type EventActor = { kind: 'resident' | 'staff' | 'system' | 'anonymous'; id: string | null; name: string | null };

const eventActorOf = (actor: Actor | AuditActor): EventActor => {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.staffId, name: actor.name };
  if (actor.kind === 'resident') return { kind: 'resident', id: actor.accountId, name: actor.name };
  if (actor.kind === 'system') return { kind: 'system', id: null, name: actor.name };
  return { kind: 'anonymous', id: null, name: null };
};

/** One timeline entry to write; the case id and the moment are added by `change`. */
type PendingEvent = { type: string; visibility: 'resident' | 'internal'; payload?: Record<string, unknown>; actor?: EventActor };

/** What a change does, besides locking and reading the case. */
type ChangeOutcome = {
  patch?: Parameters<CasesRepository['update']>[1];
  events: PendingEvent[];
  audit: { action: string; details?: Record<string, unknown> };
  /** The e-mail to the requester, if this change warrants one (at most one per change). */
  notify?: CaseMailKind;
};

const stableStringify = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
};

const requestHashOf = (input: unknown) => createHash('sha256').update(stableStringify(input)).digest('hex');

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const stateOf = (row: CaseRow): CaseState => ({
  family: row.family as ProductFamily,
  status: row.status as CaseStatus,
  handling: row.handling as CaseHandling,
  statusChangedAt: new Date(row.status_changed_at).toISOString(),
  pauses: row.pauses as CasePause[],
  outcome: row.outcome as CaseOutcome | null,
  decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
});

const factsOf = (row: CaseRow): CaseAccessFacts => ({
  owner: ownerOf(row),
  requesterAccountId: row.requester_account_id,
  requesterPersonId: row.requester_person_id,
  sharedWithPartners: row.shared_with_partners,
});

export const createCasesService = (deps: CasesDeps) => {
  const { db, audit, clock, city, setup } = deps;
  const tokens = createFollowTokens(deps.secretKey);
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const teamIds = city.teams.map((team) => team.id);
  const partnerIds = city.partners.map((partner) => partner.id);
  const cityName = (lang: Language) => city.name[lang] ?? city.name.nl;

  // The team general questions go to: reception and the contact centre work its queue.
  const generalQueueTeam = route(setup.routing, { product: { slug: 'vraag', family: 'general' }, channel: 'online' }).team;
  const policy: PolicyContext = { generalQueueTeam };

  // Product titles for lists, refreshed at most once a minute: "Mijn dossiers" must not read the catalogue per line.
  let titles: { at: number; bySlug: Map<string, LocalizedText> } | null = null;
  const productTitles = async () => {
    const now = clock.now().getTime();
    if (!titles || now - titles.at > 60_000) {
      const products = await deps.products.listForExport();
      titles = { at: now, bySlug: new Map(products.map((product) => [product.slug, product.title])) };
    }
    return titles.bySlug;
  };
  const presentContext = async (lang: Language): Promise<PresentContext> => {
    const bySlug = await productTitles();
    return { city, lang, now: clock.now(), productTitle: (slug) => bySlug.get(slug) };
  };

  const formFor = (slug: string): { form: FormDefinition; version: number | null } => {
    const form = setup.forms.get(slug);
    return form ? { form, version: form.version } : { form: genericForm(slug), version: null };
  };

  const familyOf = (product: Product) => productFamilyOf(product, setup.productFamilies);

  const today = () => localDate(city, clock.now());

  const minorIdsOf = async (actor: ResidentActor): Promise<string[]> => {
    if (actor.personId === null) return [];
    const household = await deps.register.getHousehold(actor.personId);
    return household ? minorsOf(household.members, actor.personId, today()) : [];
  };

  const followUrlOf = (row: Pick<CaseRow, 'id' | 'reference' | 'requester_account_id' | 'requester_person_id' | 'access_token_hash'>) =>
    row.requester_account_id === null && row.requester_person_id === null && row.access_token_hash !== null
      ? `${publicUrl}/vragen/${tokens.tokenFor(row.id)}`
      : `${publicUrl}/mijn-dossiers/${row.reference}`;

  const selfOf = (row: CaseRow, viewer: 'resident' | 'anonymous' | 'staff') =>
    viewer === 'staff' ? `/api/work/cases/${row.id}` : viewer === 'anonymous' ? `/api/questions/${tokens.tokenFor(row.id)}` : `/api/cases/${row.reference}`;

  // ------------------------------------------------------------------------------------------
  // Notifications: an e-mail through the mail service (its job is queued in the same transaction).

  const notify = async (trx: Db, row: CaseRow, kind: CaseMailKind) => {
    let to = row.contact_email;
    if (row.requester_account_id) {
      const account = await createIdentityRepository(trx).findResidentAccount({ id: row.requester_account_id });
      to = account?.email ?? to;
    } else if (row.requester_person_id) {
      const account = await createIdentityRepository(trx).findResidentAccount({ personId: row.requester_person_id });
      to = account?.email ?? to;
    }
    if (!to) return false;
    const language = row.language as Language;
    const mail = caseMail(kind, { reference: row.reference, link: followUrlOf(row), cityName: cityName(language), language });
    await deps.mail.send({ to, subject: mail.subject, text: mail.text, language }, trx);
    return true;
  };

  // ------------------------------------------------------------------------------------------
  // One change to one case: lock, authorize, apply, record, notify, in one transaction.

  type Authorize = (row: CaseRow) => boolean | Promise<boolean>;

  const denied = Symbol('denied');

  const auditDenied = async (actor: Actor, details: Record<string, unknown>) => {
    await audit.record(db, actor, { action: 'cases.case.denied', resourceType: 'case', details });
  };

  const change = async (
    actor: Actor | AuditActor,
    caseId: string,
    authorize: Authorize,
    work: (row: CaseRow, now: Date, repo: CasesRepository) => ChangeOutcome | Promise<ChangeOutcome>,
  ): Promise<CaseRow> => {
    const result = await db.transaction().execute(async (trx) => {
      const repo = createCasesRepository(trx);
      const row = await repo.getForUpdate(caseId);
      if (!row || !(await authorize(row))) return denied;
      const now = clock.now();
      const outcome = await work(row, now, repo);
      const updated = await repo.update(row.id, { ...outcome.patch, updated_at: now });
      const by = eventActorOf(actor);
      const inserted = await repo.insertEvents(
        outcome.events.map((event) => {
          const eventActor = event.actor ?? by;
          return {
            case_id: row.id,
            type: event.type,
            visibility: event.visibility,
            actor_kind: eventActor.kind,
            actor_id: eventActor.id,
            actor_name: eventActor.name,
            payload: JSON.stringify(event.payload ?? {}),
            at: now,
          } satisfies NewCaseEvent;
        }),
      );
      await audit.record(trx, actor, {
        action: outcome.audit.action,
        subjectPersonId: row.requester_person_id,
        resourceType: 'case',
        resourceId: row.id,
        details: { reference: row.reference, ...outcome.audit.details },
      });
      if (outcome.notify && (await notify(trx, updated, outcome.notify))) {
        await repo.markNotified(
          inserted.filter((event) => event.visibility === 'resident').map((event) => Number(event.id)),
          now,
        );
      }
      return updated;
    });
    if (result === denied) {
      if (actor.kind !== 'system') await auditDenied(actor, { caseId });
      throw casesError('case-not-found');
    }
    return result;
  };

  /** The row patch and timeline entry for a status-machine event; throws the refusal as a 409/422 problem. */
  const applyTransition = (row: CaseRow, event: CaseEvent, now: Date, from: CaseState = stateOf(row)) => {
    const result = transition(from, event, now);
    if (!result.ok) {
      const error = transitionError(result.refusal.code);
      if (result.refusal.code === 'reason-required' || result.refusal.code === 'invalid-outcome') {
        const field = result.refusal.code === 'reason-required' ? 'reason' : 'outcome';
        throw new AppError(error.code, { fields: [{ field, code: result.refusal.code, message: {} }] });
      }
      throw error;
    }
    const state = result.state;
    const patch = {
      status: state.status,
      handling: state.handling,
      status_changed_at: state.statusChangedAt,
      pauses: JSON.stringify(state.pauses),
      paused_days: pausedWorkingDays(city, state.pauses),
      due_date: dueDate(city, { receivedAt: row.created_at, serviceNormDays: row.service_norm_days, pauses: state.pauses }),
      outcome: state.outcome,
      decided_at: state.decidedAt,
      closed_at: state.closedAt,
    };
    const payload: Record<string, unknown> = { from: result.from, to: result.to };
    if (event.type === 'decide') payload.outcome = event.outcome;
    if (event.type === 'reject') payload.reason = event.reason.trim();
    const events: PendingEvent[] = result.from === result.to ? [] : [{ type: 'status-changed', visibility: 'resident', payload }];
    return { patch, events, state, from: result.from, to: result.to };
  };

  // ------------------------------------------------------------------------------------------
  // Submitting

  type Requester = {
    accountId: string | null;
    personId: string | null;
    kbo: string | null;
    organisationName: string | null;
    contactEmail: string | null;
    /** Followed by a secret link (no account and no register person). */
    byLink: boolean;
  };

  type Intake = {
    actor: Actor;
    scope: string;
    idempotencyKey: string | undefined;
    requestHash: string;
    product: Product;
    answers: unknown;
    language: Language;
    requestLanguage: Language;
    channel: CaseRow['channel'];
    requester: Requester;
    handling: CaseHandling;
    submittedBy: { staffId: string; name: string } | null;
    consent: Record<string, unknown> | null;
    /** The register person whose address places the case when the answers do not. */
    placePersonId: string | null;
  };

  const receiptOf = (row: CaseRow, viewer: 'resident' | 'anonymous' | 'staff'): CaseReceipt => {
    const stored = row.receipt as Omit<CaseReceipt, 'followUrl' | 'self'>;
    return { ...stored, followUrl: followUrlOf(row), self: selfOf(row, viewer) };
  };

  const viewerOf = (actor: Actor): 'resident' | 'anonymous' | 'staff' =>
    actor.kind === 'staff' ? 'staff' : actor.kind === 'resident' ? 'resident' : 'anonymous';

  const existingSubmission = async (scope: string, key: string, requestHash: string, actor: Actor): Promise<SubmissionResult | null> => {
    const existing = await createCasesRepository(db).findByIdempotencyKey(scope, key);
    if (!existing) return null;
    if (existing.request_hash !== requestHash) throw casesError('case-idempotency-key-reused');
    return { created: false, receipt: receiptOf(existing, viewerOf(actor)) };
  };

  const placeOf = async (form: FormDefinition, answers: FormAnswers, personId: string | null): Promise<string | null> => {
    const address = firstAddressAnswer(form, answers);
    if (address) {
      const place = subMunicipalityOf(city, address);
      if (place) return place;
      // Sub-municipalities that share a postcode are told apart by the street (the register knows which is where).
      const streets = await deps.register.searchStreets(address.street, 10);
      const street = streets.find((s) => s.postcode === address.postcode && s.street.localeCompare(address.street, 'nl', { sensitivity: 'base' }) === 0);
      if (street) return street.subMunicipality;
    }
    if (personId) {
      const household = await deps.register.getHousehold(personId);
      if (household) return household.address.subMunicipality;
    }
    return null;
  };

  const submit = async (intake: Intake): Promise<SubmissionResult> => {
    const { product, actor } = intake;
    if (intake.idempotencyKey) {
      const existing = await existingSubmission(intake.scope, intake.idempotencyKey, intake.requestHash, actor);
      if (existing) return existing;
    }
    const family = familyOf(product);
    const { form, version } = formFor(product.slug);
    const now = clock.now();
    const checked = validateAnswers(form, intake.answers, intake.requestLanguage, { today: localDate(city, now) });
    if (!checked.ok) {
      throw new AppError('validation-failed', {
        fields: checked.errors.map((error) => ({ field: `answers.${error.field}`, code: error.code, message: { [intake.requestLanguage]: error.message } })),
      });
    }
    const answers = checked.answers;
    const subMunicipality = await placeOf(form, answers, intake.placePersonId);
    const decision = route(setup.routing, {
      product: { slug: product.slug, family, responsibleTeam: product.responsibleTeam },
      channel: intake.channel as never,
      ...(subMunicipality ? { subMunicipality } : {}),
    });
    const ownership = initialOwnership(decision.team);
    const handling: CaseHandling = family === 'certificate' ? intake.handling : 'human';
    const state = newCaseState(family, now, handling);
    const serviceNormDays = product.processingTime.workingDays ?? defaultServiceNormDays;
    const due = dueDate(city, { receivedAt: now, serviceNormDays });
    const year = caseReferenceYear(city.timeZone, now);
    // Outside the transaction on purpose: the counter row is locked for this one statement only.
    const sequence = await createCasesRepository(db).nextReferenceSequence(city.caseReferencePrefix, year);
    const reference = formatCaseReference({ prefix: city.caseReferencePrefix, year, sequence });
    const owner = ownerView(city, ownership.owner, intake.language);

    const created = await db.transaction().execute(async (trx) => {
      const repo = createCasesRepository(trx);
      const id = crypto.randomUUID();
      const receipt = { id, reference, product: product.slug, status: state.status, receivedAt: now.toISOString(), dueDate: due, owner };
      const row = await repo.insertCase({
        id,
        reference,
        product_slug: product.slug,
        family,
        form_version: version,
        answers: JSON.stringify(answers),
        language: intake.language,
        requester_account_id: intake.requester.accountId,
        requester_person_id: intake.requester.personId,
        requester_kbo: intake.requester.kbo,
        requester_organisation_name: intake.requester.organisationName,
        contact_email: intake.requester.contactEmail,
        access_token_hash: intake.requester.byLink ? tokens.hash(tokens.tokenFor(id)) : null,
        channel: intake.channel,
        sub_municipality: subMunicipality,
        submitted_by_staff_id: intake.submittedBy?.staffId ?? null,
        consent: intake.consent ? JSON.stringify(intake.consent) : null,
        owner_kind: ownership.owner.kind,
        owner_id: ownership.owner.id,
        status: state.status,
        handling: state.handling,
        status_changed_at: now,
        pauses: '[]',
        service_norm_days: serviceNormDays,
        due_date: due,
        idempotency_scope: intake.idempotencyKey ? intake.scope : null,
        idempotency_key: intake.idempotencyKey ?? null,
        request_hash: intake.requestHash,
        receipt: JSON.stringify(receipt),
        created_at: now,
        updated_at: now,
      });
      // Another submission with the same key got there first: answer with that one (below).
      if (!row) return null;
      const by = eventActorOf(actor);
      const [submitted] = await repo.insertEvents([
        {
          case_id: id,
          type: 'submitted',
          visibility: 'resident',
          actor_kind: by.kind,
          actor_id: by.id,
          actor_name: by.name,
          payload: JSON.stringify({ channel: intake.channel, owner: ownership.owner }),
          at: now,
        },
        {
          case_id: id,
          type: 'routed',
          visibility: 'internal',
          actor_kind: 'system',
          actor_id: null,
          actor_name: 'routing',
          payload: JSON.stringify({ owner: ownership.owner, source: decision.source, rule: decision.rule?.id ?? null, subMunicipality }),
          at: now,
        },
      ]);
      await audit.record(trx, actor, {
        action: intake.submittedBy ? 'cases.case.submitted-assisted' : 'cases.case.submitted',
        subjectPersonId: intake.requester.personId,
        resourceType: 'case',
        resourceId: id,
        details: { reference, product: product.slug, channel: intake.channel, owner: ownership.owner.id },
      });
      if (await notify(trx, row, 'submitted')) await repo.markNotified(submitted ? [Number(submitted.id)] : [], now);
      return row;
    });

    if (!created) {
      const existing = intake.idempotencyKey ? await existingSubmission(intake.scope, intake.idempotencyKey, intake.requestHash, actor) : null;
      if (existing) return existing;
      throw new Error('a submission lost its idempotency race but the winner is not there');
    }
    if (created.handling === 'automated') await runAutomation(created);
    return { created: true, receipt: receiptOf(created, viewerOf(actor)) };
  };

  // ------------------------------------------------------------------------------------------
  // Automation

  const completeWithDocument = async (caseId: string, document: CaseDocument): Promise<CaseRow | null> => {
    let skipped = false;
    const row = await change(
      systemActor,
      caseId,
      () => true,
      (current, now) => {
        if (current.status !== 'received' || current.handling !== 'automated') {
          skipped = true;
          return { events: [], audit: { action: 'cases.case.automation-skipped', details: { status: current.status } } };
        }
        const decided = applyTransition(current, { type: 'decide', actor: 'system', outcome: 'issued' }, now);
        const closed = applyTransition(current, { type: 'close', actor: 'system' }, now, decided.state);
        return {
          patch: { ...decided.patch, ...closed.patch },
          events: [{ type: 'document', visibility: 'resident', payload: { document } }, ...decided.events, ...closed.events],
          audit: { action: 'cases.case.completed-automatically', details: { documentId: document.id } },
          notify: 'status-changed',
        };
      },
    );
    return skipped ? null : row;
  };

  const failAutomation = async (caseId: string, error: unknown): Promise<CaseRow> =>
    change(
      systemActor,
      caseId,
      () => true,
      (current, now) => {
        if (current.status !== 'received' || current.handling !== 'automated') {
          return { events: [], audit: { action: 'cases.case.automation-skipped', details: { status: current.status } } };
        }
        const failed = applyTransition(current, { type: 'automation-failed', actor: 'system' }, now);
        const message = error instanceof Error ? error.message : String(error);
        return {
          patch: failed.patch,
          events: [
            { type: 'automation-failed', visibility: 'resident', payload: {} },
            { type: 'note', visibility: 'internal', payload: { text: `Automatische afhandeling mislukt: ${message}`, reason: message } },
          ],
          audit: { action: 'cases.case.automation-failed', details: { error: message } },
          notify: 'automation-failed',
        };
      },
    );

  const runAutomation = async (row: CaseRow) => {
    const automation = deps.automation;
    if (!automation || row.requester_person_id === null) {
      await failAutomation(row.id, new Error('no automation is available for this product'));
      return;
    }
    let document: CaseDocument;
    try {
      document = await automation.run({
        caseId: row.id,
        reference: row.reference,
        product: row.product_slug,
        personId: row.requester_person_id,
        accountId: row.requester_account_id,
        answers: row.answers as FormAnswers,
        language: row.language as Language,
        receivedAt: new Date(row.created_at),
      });
    } catch (error) {
      await failAutomation(row.id, error);
      return;
    }
    await completeWithDocument(row.id, document);
  };

  // ------------------------------------------------------------------------------------------
  // Reading as the requester

  const residentCase = async (actor: ResidentActor, reference: string): Promise<CaseRow> => {
    const parsed = parseCaseReference(reference);
    const row = parsed.ok ? await createCasesRepository(db).findByReference(parsed.reference) : undefined;
    if (row && residentMaySee(actor, factsOf(row), row.requester_person_id && row.requester_person_id !== actor.personId ? await minorIdsOf(actor) : [])) {
      return row;
    }
    await auditDenied(actor, { reference, exists: row !== undefined });
    throw casesError('case-not-found');
  };

  const caseByToken = async (token: string): Promise<CaseRow> => {
    const row = looksLikeFollowToken(token) ? await createCasesRepository(db).findByAccessTokenHash(tokens.hash(token)) : undefined;
    if (!row) throw casesError('case-not-found');
    return row;
  };

  const residentView = async (row: CaseRow, lang: Language): Promise<ResidentCase> => {
    const [events, context] = await Promise.all([createCasesRepository(db).listEvents(row.id, { residentOnly: true }), presentContext(lang)]);
    return toResidentCase(row, events, context);
  };

  /** The requester replies (or sends something they were asked for); a case waiting for them runs again. */
  const reply = async (actor: Actor, row: CaseRow, text: string) =>
    change(
      actor,
      row.id,
      () => true,
      (current, now) => {
        if (!isOpenStatus(current.status as CaseStatus)) throw casesError('case-closed-for-replies');
        const events: PendingEvent[] = [{ type: 'resident-message', visibility: 'resident', payload: { text } }];
        if (current.status !== 'waiting-for-resident') return { events, audit: { action: 'cases.case.resident-replied' } };
        const replied = applyTransition(current, { type: 'resident-replied', actor: 'resident' }, now);
        return { patch: replied.patch, events: [...events, ...replied.events], audit: { action: 'cases.case.resident-replied' } };
      },
    );

  const withdrawByRequester = async (actor: Actor, row: CaseRow, reason: string | undefined) =>
    change(
      actor,
      row.id,
      () => true,
      (current, now) => {
        const withdrawn = applyTransition(current, { type: 'withdraw', actor: 'resident' }, now);
        const events = reason
          ? [...withdrawn.events, { type: 'resident-message', visibility: 'resident' as const, payload: { text: reason } }]
          : withdrawn.events;
        return { patch: withdrawn.patch, events, audit: { action: 'cases.case.withdrawn' } };
      },
    );

  // ------------------------------------------------------------------------------------------
  // Staff

  const requireStaff = (actor: Actor): StaffActor => {
    if (actor.kind !== 'staff') throw casesError('case-not-found');
    return actor;
  };

  /** Authorizes a staff action on the locked row: invisible → 404 (audited), visible but not allowed → 403. */
  const staffMay = (actor: StaffActor, action: StaffCaseAction) => (row: CaseRow) => {
    const facts = factsOf(row);
    if (staffCaseAccess(actor, facts, policy) === null) return false;
    if (!canStaff(actor, action, facts, policy)) throw casesError('case-action-not-allowed');
    return true;
  };

  const findForStaff = async (idOrReference: string): Promise<CaseRow | undefined> => {
    const repo = createCasesRepository(db);
    if (uuidPattern.test(idOrReference)) return repo.findById(idOrReference);
    const parsed = parseCaseReference(idOrReference);
    return parsed.ok ? repo.findByReference(parsed.reference) : undefined;
  };

  const requesterName = async (personId: string | null) => {
    if (!personId) return null;
    const person = await deps.register.getPerson(personId);
    return person ? `${person.givenName} ${person.familyName}` : null;
  };

  const staffView = async (actor: StaffActor, row: CaseRow, lang: Language, requestId?: string): Promise<StaffCase> => {
    const repo = createCasesRepository(db);
    const access = staffCaseAccess(actor, factsOf(row), policy);
    const [events, context, name, account] = await Promise.all([
      repo.listEvents(row.id, { residentOnly: false }),
      presentContext(lang),
      requesterName(row.requester_person_id),
      row.requester_account_id ? createIdentityRepository(db).findResidentAccount({ id: row.requester_account_id }) : Promise.resolve(null),
    ]);
    // The 360° strip is for the city's own staff; a partner sees only the case it was given.
    const others =
      access === 'work' && actor.organisation === 'city'
        ? await repo.listOpenForRequester({ personId: row.requester_person_id, accountId: row.requester_account_id }, row.id)
        : [];
    await audit.record(db, actor, {
      action: 'cases.case.read',
      subjectPersonId: row.requester_person_id,
      resourceType: 'case',
      resourceId: row.id,
      purpose: 'case-handling',
      ...(requestId ? { requestId } : {}),
      details: { reference: row.reference },
    });
    if (others.length > 0) {
      await audit.record(db, actor, {
        action: 'cases.open-cases.read',
        subjectPersonId: row.requester_person_id,
        resourceType: 'case',
        resourceId: row.id,
        purpose: 'case-handling',
        ...(requestId ? { requestId } : {}),
        details: { references: others.map((other) => other.reference) },
      });
    }
    const consent = row.consent as (Record<string, unknown> & { staffName?: string }) | null;
    const state = stateOf(row);
    return {
      ...toQueueItem(row, context),
      handling: state.handling,
      outcome: state.outcome,
      decidedAt: state.decidedAt,
      closedAt: state.closedAt,
      language: row.language as Language,
      answers: row.answers as Record<string, unknown>,
      requester: {
        kind: row.requester_kbo ? 'organisation' : row.requester_account_id || row.requester_person_id ? 'resident' : 'anonymous',
        personId: row.requester_person_id,
        name,
        email: account?.email ?? row.contact_email,
        kbo: row.requester_kbo,
        organisationName: row.requester_organisation_name,
        follows: row.requester_account_id || row.requester_person_id ? 'account' : row.access_token_hash ? 'link' : 'none',
      },
      submittedBy: row.submitted_by_staff_id ? { id: row.submitted_by_staff_id, name: consent?.staffName ?? '' } : null,
      consent: consent
        ? {
            given: true,
            method: consent.method as 'verbal' | 'written' | 'signed',
            ...(typeof consent.note === 'string' ? { note: consent.note } : {}),
            recordedAt: String(consent.recordedAt),
          }
        : null,
      sharedWith: row.shared_with_partners.map((id) => ownerView(city, { kind: 'partner', id }, lang)),
      timeline: events.map((event) => toTimelineEntry(event, context, false)),
      availableEvents: access === 'work' ? availableEvents(state, 'staff') : [],
      otherOpenCases: others.map((other) => ({
        id: other.id,
        reference: other.reference,
        product: { slug: other.product_slug, title: titleIn(context, other.product_slug) },
        status: other.status as CaseStatus,
        owner: ownerView(city, ownerOf(other), lang),
        dueDate: other.due_date,
      })),
    };
  };

  const queueItemOf = async (row: CaseRow, lang: Language): Promise<QueueItem> => toQueueItem(row, await presentContext(lang));

  const ownerUnitFor = (id: string): OwnerUnit | null =>
    teamIds.includes(id) ? { kind: 'team', id } : partnerIds.includes(id) ? { kind: 'partner', id } : null;

  const staffTeamsFor = (actor: StaffActor) => workTeamsOf(actor, policy);

  return {
    /** The routing decision and the family for a product, with the assurance it needs: for the tester and the web's forms. */
    async describeProduct(slug: string) {
      const product = await deps.products.findPublished(slug);
      if (!product) throw casesError('case-product-not-found');
      const family = familyOf(product);
      const { form } = formFor(slug);
      return { product, family, form, requiredPermission: requiredRequestPermission(family, setup.forms.get(slug) ?? null) };
    },

    /**
     * A logged-in resident submits a request. Certificates and permits need eID or itsme
     * (`requests:create`; see requiredRequestPermission). With an Idempotency-Key, a retry returns
     * the first receipt (`created: false`) and a different body under the same key is refused.
     */
    async submit(actor: Actor, input: SubmitCaseRequest, options: { idempotencyKey?: string; requestLanguage: Language }): Promise<SubmissionResult> {
      if (actor.kind !== 'resident') throw casesError('case-product-not-found');
      const product = await deps.products.findPublished(input.product);
      if (!product) throw casesError('case-product-not-found');
      const family = familyOf(product);
      if (!hasPermission(actor, requiredRequestPermission(family, setup.forms.get(product.slug) ?? null))) throw casesError('case-assurance-too-low');
      let personId = actor.personId;
      if (input.forPersonId && input.forPersonId !== actor.personId) {
        if (!(await minorIdsOf(actor)).includes(input.forPersonId)) throw casesError('case-person-not-allowed');
        personId = input.forPersonId;
      }
      const automated = family === 'certificate' && deps.automation?.handles(product.slug) === true && actor.assurance !== 'low' && personId !== null;
      return submit({
        actor,
        scope: `resident:${actor.accountId}`,
        idempotencyKey: options.idempotencyKey,
        requestHash: requestHashOf({ kind: 'resident', ...input }),
        product,
        answers: input.answers,
        language: input.language ?? options.requestLanguage,
        requestLanguage: options.requestLanguage,
        channel: actor.surface === 'kiosk' ? 'kiosk' : 'online',
        requester: {
          accountId: actor.accountId,
          personId,
          kbo: input.organisation?.kbo ?? null,
          organisationName: input.organisation?.name ?? null,
          contactEmail: actor.email,
          byLink: false,
        },
        handling: automated ? 'automated' : 'human',
        submittedBy: null,
        consent: null,
        placePersonId: personId,
      });
    },

    /** Anyone asks a general question (`vraag`); the receipt holds the secret follow link. */
    async askQuestion(
      actor: Actor,
      input: { answers: Record<string, unknown>; language?: Language | undefined },
      options: { idempotencyKey?: string; requestLanguage: Language },
    ) {
      const product = await deps.products.findPublished('vraag');
      if (!product) throw casesError('case-product-not-found');
      const email = typeof input.answers.email === 'string' && input.answers.replyBy === 'email' ? input.answers.email.trim() : null;
      return submit({
        actor,
        scope: 'anonymous',
        idempotencyKey: options.idempotencyKey,
        requestHash: requestHashOf({ kind: 'question', ...input }),
        product,
        answers: input.answers,
        language: input.language ?? options.requestLanguage,
        requestLanguage: options.requestLanguage,
        channel: 'online',
        requester: { accountId: null, personId: null, kbo: null, organisationName: null, contactEmail: email, byLink: true },
        handling: 'human',
        submittedBy: null,
        consent: null,
        placePersonId: null,
      });
    },

    /** An employee fills in a request for someone (desk, phone, home visit), recording the channel and the consent. */
    async submitAssisted(actor: Actor, input: AssistedSubmissionRequest, options: { idempotencyKey?: string; requestLanguage: Language }) {
      const staff = requireStaff(actor);
      const product = await deps.products.findPublished(input.product);
      if (!product) throw casesError('case-product-not-found');
      const requester = input.requester;
      if (requester.kind === 'person' && !(await deps.register.getPerson(requester.personId))) {
        throw new AppError('validation-failed', {
          fields: [
            {
              field: 'requester.personId',
              code: 'person-not-found',
              message: {
                nl: 'Deze persoon staat niet in het register.',
                fr: "Cette personne n'est pas dans le registre.",
                en: 'This person is not in the register.',
              },
            },
          ],
        });
      }
      const personId = requester.kind === 'person' ? requester.personId : null;
      return submit({
        actor,
        scope: `staff:${staff.staffId}`,
        idempotencyKey: options.idempotencyKey,
        requestHash: requestHashOf({ kind: 'assisted', ...input }),
        product,
        answers: input.answers,
        language: input.language,
        requestLanguage: options.requestLanguage,
        channel: input.channel,
        requester: {
          accountId: null,
          personId,
          kbo: requester.kind === 'organisation' ? requester.kbo : null,
          organisationName: requester.kind === 'organisation' ? requester.name : null,
          contactEmail: requester.email ?? null,
          byLink: personId === null,
        },
        handling: 'human',
        submittedBy: { staffId: staff.staffId, name: staff.name },
        consent: { ...input.consent, recordedAt: clock.now().toISOString(), staffId: staff.staffId, staffName: staff.name },
        placePersonId: personId,
      });
    },

    /** "Mijn dossiers": the resident's cases and those of the minors of their household, newest change first. */
    async listMine(actor: Actor, query: MyCasesQuery, lang: Language): Promise<MyCasesResponse> {
      if (actor.kind !== 'resident') return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
      const [minors, context] = await Promise.all([minorIdsOf(actor), presentContext(lang)]);
      const personIds = actor.personId ? [actor.personId, ...minors] : [];
      const { rows, total } = await createCasesRepository(db).listForRequester({
        accountId: actor.accountId,
        personIds,
        state: query.state,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map((row) => toResidentSummary(row, context)), page: query.page, pageSize: query.pageSize, total };
    },

    /** One case as its requester sees it; someone else's (or an unknown reference) is a 404, audited. */
    async getMine(actor: Actor, reference: string, lang: Language): Promise<ResidentCase> {
      if (actor.kind !== 'resident') throw casesError('case-not-found');
      return residentView(await residentCase(actor, reference), lang);
    },

    async replyAsResident(actor: Actor, reference: string, text: string, lang: Language): Promise<ResidentCase> {
      if (actor.kind !== 'resident') throw casesError('case-not-found');
      const row = await reply(actor, await residentCase(actor, reference), text);
      return residentView(row, lang);
    },

    async withdrawAsResident(actor: Actor, reference: string, reason: string | undefined, lang: Language): Promise<ResidentCase> {
      if (actor.kind !== 'resident') throw casesError('case-not-found');
      const row = await withdrawByRequester(actor, await residentCase(actor, reference), reason);
      return residentView(row, lang);
    },

    /** A case followed by its secret link (a question asked without a login). */
    async getByToken(token: string, lang: Language): Promise<ResidentCase> {
      return residentView(await caseByToken(token), lang);
    },

    async replyByToken(actor: Actor, token: string, text: string, lang: Language): Promise<ResidentCase> {
      const row = await reply(actor, await caseByToken(token), text);
      return residentView(row, lang);
    },

    /** A team's (or partner's) work queue with filters; only for who works that queue. */
    async queue(actor: Actor, unitId: string, query: QueueQuery, lang: Language): Promise<QueueResponse> {
      const unit = ownerUnitFor(unitId);
      if (!unit) throw casesError('case-queue-not-found');
      if (!canSeeQueue(actor, unit, policy)) throw casesError('case-queue-not-allowed');
      const day = today();
      const due =
        query.due === 'overdue'
          ? { dueOnOrBefore: previousDay(day) }
          : query.due === 'due-soon'
            ? { dueOnOrAfter: day, dueOnOrBefore: addWorkingDays(city, day, 2) }
            : {};
      const { rows, total } = await createCasesRepository(db).listQueue({
        owner: unit,
        ...(query.product ? { product: query.product } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.subMunicipality ? { subMunicipality: query.subMunicipality } : {}),
        ...due,
        ...(query.assignee === 'me' && actor.kind === 'staff'
          ? { assignee: { staffId: actor.staffId } }
          : query.assignee === 'none'
            ? { assignee: 'none' as const }
            : {}),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const context = await presentContext(lang);
      return { team: ownerView(city, unit, lang), items: rows.map((row) => toQueueItem(row, context)), page: query.page, pageSize: query.pageSize, total };
    },

    /** A case with its full timeline and the requester's other open cases; every read is audited with the person. */
    async getForStaff(actor: Actor, idOrReference: string, lang: Language, requestId?: string): Promise<StaffCase> {
      const staff = requireStaff(actor);
      const row = await findForStaff(idOrReference);
      if (!row || staffCaseAccess(staff, factsOf(row), policy) === null) {
        await auditDenied(staff, { caseId: idOrReference, exists: row !== undefined });
        throw casesError('case-not-found');
      }
      return staffView(staff, row, lang, requestId);
    },

    /** Takes a case from the team's queue (`takeOver`: from a colleague, coordinators only). */
    async claim(actor: Actor, caseId: string, options: { takeOver: boolean }, lang: Language): Promise<QueueItem> {
      const staff = requireStaff(actor);
      const row = await change(staff, caseId, staffMay(staff, 'claim'), (current) => {
        const takeOver = options.takeOver && canStaff(staff, 'take-over', factsOf(current), policy);
        const result = claimRule(
          { owner: ownerOf(current), assigneeId: current.assignee_staff_id, handOverCount: current.hand_over_count },
          { id: staff.staffId, teamIds: staffTeamsFor(staff) },
          { takeOver },
        );
        if (!result.ok) throw ownershipError(result.code);
        const previous = current.assignee_staff_id;
        return {
          patch: { assignee_staff_id: staff.staffId, assignee_name: staff.name },
          events: [
            {
              type: 'assigned',
              visibility: 'internal',
              payload: { assignee: { id: staff.staffId, name: staff.name }, how: 'claim', previousAssigneeId: previous },
            },
          ],
          audit: { action: 'cases.case.claimed', details: { previousAssigneeId: previous } },
        };
      });
      return queueItemOf(row, lang);
    },

    /** A coordinator gives the case to a member of the owning team. */
    async assign(actor: Actor, caseId: string, staffId: string, lang: Language): Promise<QueueItem> {
      const staff = requireStaff(actor);
      const assignee = await createIdentityRepository(db).findStaff({ id: staffId });
      if (!assignee?.active || assignee.organisation !== 'city') throw casesError('case-assignee-not-found');
      const assigneeTeams = [...new Set(assignee.roles.flatMap((grant) => (grant.team ? [grant.team] : [])))];
      const row = await change(staff, caseId, staffMay(staff, 'assign'), (current) => {
        const result = assignRule(
          { owner: ownerOf(current), assigneeId: current.assignee_staff_id, handOverCount: current.hand_over_count },
          { id: assignee.id, teamIds: assigneeTeams },
        );
        if (!result.ok) throw ownershipError(result.code);
        return {
          patch: { assignee_staff_id: assignee.id, assignee_name: assignee.displayName },
          events: [
            {
              type: 'assigned',
              visibility: 'internal',
              payload: { assignee: { id: assignee.id, name: assignee.displayName }, how: 'assign', previousAssigneeId: current.assignee_staff_id },
            },
          ],
          audit: { action: 'cases.case.assigned', details: { assigneeId: assignee.id } },
        };
      });
      return queueItemOf(row, lang);
    },

    /**
     * Passes the case to another team or a partner with a reason. The count goes up, the history
     * stays, the person is cleared (it lands in the new owner's queue) and the requester sees who
     * has it now.
     */
    async handOver(actor: Actor, caseId: string, input: HandOverRequest, lang: Language): Promise<QueueItem> {
      const staff = requireStaff(actor);
      const row = await change(staff, caseId, staffMay(staff, 'hand-over'), (current, now) => {
        const result = handOverRule(
          { owner: ownerOf(current), assigneeId: current.assignee_staff_id, handOverCount: current.hand_over_count },
          { to: input.to, reason: input.reason, by: staff.staffId, at: now },
          { teamIds, partnerIds },
        );
        if (!result.ok) {
          if (result.code === 'reason-required') {
            throw new AppError('case-reason-required', { fields: [{ field: 'reason', code: 'reason-required', message: {} }] });
          }
          throw ownershipError(result.code);
        }
        const { record } = result;
        return {
          patch: {
            owner_kind: result.ownership.owner.kind,
            owner_id: result.ownership.owner.id,
            assignee_staff_id: null,
            assignee_name: null,
            hand_over_count: result.ownership.handOverCount,
          },
          events: [
            {
              type: 'hand-over',
              visibility: 'internal',
              payload: { fromOwner: record.from, toOwner: record.to, reason: record.reason, previousAssigneeId: record.previousAssigneeId },
            },
            { type: 'owner-changed', visibility: 'resident', payload: { owner: record.to } },
          ],
          audit: { action: 'cases.case.handed-over', details: { from: record.from, to: record.to, count: result.ownership.handOverCount } },
        };
      });
      return queueItemOf(row, lang);
    },

    /** A step of the status machine; refusals are 409 (or 422 for a missing reason or a wrong outcome). */
    async changeStatus(actor: Actor, caseId: string, input: StatusRequest, lang: Language): Promise<QueueItem> {
      const staff = requireStaff(actor);
      if (input.event === 'request-advice' && (!input.partner || !partnerIds.includes(input.partner))) {
        throw new AppError('case-partner-unknown', { fields: [{ field: 'partner', code: 'partner-unknown', message: {} }] });
      }
      const row = await change(staff, caseId, staffMay(staff, 'status'), (current, now) => {
        const event: CaseEvent =
          input.event === 'decide'
            ? { type: 'decide', actor: 'staff', outcome: input.outcome as CaseOutcome }
            : input.event === 'reject'
              ? { type: 'reject', actor: 'staff', reason: input.reason ?? '' }
              : { type: input.event, actor: 'staff' };
        if (event.type === 'decide' && !input.outcome) {
          throw new AppError('case-outcome-invalid', { fields: [{ field: 'outcome', code: 'invalid-outcome', message: {} }] });
        }
        const applied = applyTransition(current, event, now);
        const events = [...applied.events];
        const patch: ChangeOutcome['patch'] = { ...applied.patch };
        if (input.event === 'request-advice' && input.partner) {
          events.push({
            type: 'advice-requested',
            visibility: 'internal',
            payload: { owner: { kind: 'partner', id: input.partner }, ...(input.reason ? { reason: input.reason } : {}) },
          });
          patch.shared_with_partners = [...new Set([...current.shared_with_partners, input.partner])];
        }
        if (input.message) events.push({ type: 'message', visibility: 'resident', payload: { text: input.message } });
        // The first step of a case by a person also takes it, so it does not sit unowned in the queue.
        if (input.event === 'start' && current.assignee_staff_id === null && current.owner_kind === 'team') {
          patch.assignee_staff_id = staff.staffId;
          patch.assignee_name = staff.name;
        }
        return {
          patch,
          events,
          audit: { action: 'cases.case.status-changed', details: { event: input.event, from: applied.from, to: applied.to, outcome: input.outcome ?? null } },
          ...(input.message ? { notify: 'message' as const } : applied.from !== applied.to ? { notify: 'status-changed' as const } : {}),
        };
      });
      return queueItemOf(row, lang);
    },

    /** A message to the requester (visible, e-mailed) or an internal note (`internal: true`). */
    async addMessage(actor: Actor, caseId: string, text: string, options: { internal: boolean }, lang: Language): Promise<QueueItem> {
      const staff = requireStaff(actor);
      const row = await change(staff, caseId, staffMay(staff, options.internal ? 'note' : 'message'), () =>
        options.internal
          ? { events: [{ type: 'note', visibility: 'internal', payload: { text } }], audit: { action: 'cases.case.note-added' } }
          : { events: [{ type: 'message', visibility: 'resident', payload: { text } }], audit: { action: 'cases.case.message-sent' }, notify: 'message' },
      );
      return queueItemOf(row, lang);
    },

    /** "Where would this go?": the team a new case would get, and why. */
    async testRouting(
      actor: Actor,
      input: { product: string; subMunicipality?: string | undefined; channel: CaseRow['channel'] },
      lang: Language,
    ): Promise<RoutingTestResponse> {
      if (!canTestRouting(actor)) throw casesError('case-routing-not-allowed');
      const product = await deps.products.findPublished(input.product);
      if (!product) throw casesError('case-product-not-found');
      const family = familyOf(product);
      const decision = route(setup.routing, {
        product: { slug: product.slug, family, responsibleTeam: product.responsibleTeam },
        channel: input.channel as never,
        ...(input.subMunicipality ? { subMunicipality: input.subMunicipality } : {}),
      });
      return {
        product: { slug: product.slug, title: product.title[lang] ?? product.title.nl },
        family,
        team: ownerView(city, { kind: 'team', id: decision.team }, lang),
        source: decision.source,
        rule: decision.rule ? { id: decision.rule.id, note: decision.rule.note ?? null } : null,
        serviceNormDays: product.processingTime.workingDays ?? defaultServiceNormDays,
        requiredPermission: requiredRequestPermission(family, setup.forms.get(product.slug) ?? null),
      };
    },

    /** Whether the actor may see the case (for the documents module's download check). Not audited: the caller audits its own read. */
    async canSee(actor: Actor, caseId: string): Promise<boolean> {
      const row = uuidPattern.test(caseId) ? await createCasesRepository(db).findById(caseId) : undefined;
      if (!row) return false;
      if (actor.kind === 'resident')
        return residentMaySee(actor, factsOf(row), row.requester_person_id && row.requester_person_id !== actor.personId ? await minorIdsOf(actor) : []);
      if (actor.kind === 'staff') return staffCaseAccess(actor, factsOf(row), policy) !== null;
      return false;
    },

    /** Completes an automated case with its document (decided as issued, then closed) and tells the requester. Null when the case no longer waits for automation. */
    completeWithDocument,

    /** Sends an automated case to its team's queue: the error goes in an internal note, the requester is told a person takes over. */
    failAutomation,

    /**
     * Runs automation again for automated cases left `received` (the process stopped between the
     * commit and the document): call at start or from a scheduled job. Returns how many it tried.
     */
    async resumeAutomation(limit = 50): Promise<number> {
      const rows = await createCasesRepository(db).listStuckAutomated(new Date(clock.now().getTime() - automationGraceMs), limit);
      for (const row of rows) await runAutomation(row);
      return rows.length;
    },
  };
};

const titleIn = (context: PresentContext, slug: string): string => {
  const title = context.productTitle(slug);
  return title ? (title[context.lang] ?? title.nl) : slug;
};

const previousDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

/** The cases service: see createCasesService. */
export type CasesService = ReturnType<typeof createCasesService>;
