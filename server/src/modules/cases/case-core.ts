import type { UpcomingAppointment } from '../../../../shared/src/appointments/index.ts';
import type { CaseReceipt } from '../../../../shared/src/cases/cases.contract.ts';
import {
  type CaseEvent,
  type CaseHandling,
  type CaseOutcome,
  type CasePause,
  type CaseState,
  type CaseStatus,
  dueDate,
  type ProductFamily,
  pausedWorkingDays,
  productFamilyOf,
  route,
  transition,
} from '../../../../shared/src/cases/index.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import { type CityProfile, type LocalizedText, localDate } from '../../../../shared/src/city/index.ts';
import type { FormAnswers, FormDefinition } from '../../../../shared/src/forms/index.ts';
import type { Actor, ResidentActor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { AuditActor, AuditLog } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { MailService } from '../../platform/mail/mail.service.ts';
import { createIdentityRepository } from '../identity/index.ts';
import type { PopulationRegister } from '../register/index.ts';
import { createFollowTokens } from './case-follow-token.ts';
import { genericForm } from './case-intake.rules.ts';
import { type CaseMailKind, caseMail } from './case-mail.messages.ts';
import { casesError, transitionError } from './cases.errors.ts';
import type { CaseAccessFacts, PolicyContext } from './cases.policy.ts';
import { ownerOf, type PresentContext } from './cases.presenter.ts';
import { type CaseRow, type CasesRepository, createCasesRepository, type NewCaseEvent } from './cases.repository.ts';
import type { CasesSetup } from './cases.setup.ts';

/**
 * What the cases services share: the dependencies, the one way a case changes (lock, authorize,
 * apply, write the timeline and the audit row, e-mail the requester, in one transaction), the
 * status machine applied to a row, and the context the presenters need. Internal to the module.
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
 * An automated step's result, made and not yet stored: `store` writes it in the transaction that
 * completes the case. `subMunicipality`: where the document's subject lives, when the step read it
 * (it places the case, so the address is not read twice).
 */
export type PreparedAutomation = {
  /** The document as `store` writes it, known before: the case's timeline entries go out with it. */
  document: CaseDocument;
  store: (trx: Db) => Promise<CaseDocument>;
  subMunicipality?: string | null;
};

/**
 * The hook through which certificates complete on their own at any hour (issue 5, item 4).
 * `prepare` makes the document (reads, renders) without storing it; the cases service stores it in
 * the same transaction that completes the case, and for a new submission in the one that creates
 * it. `fresh` says the case is being created now; otherwise `prepare` must be idempotent per case
 * (the sweep calls it again for a case a stopped process left `received`). Throwing sends the case
 * to its team's queue with the error in the timeline.
 */
export type CaseAutomation = {
  /** Whether this product is completed automatically (for a resident logged in with eID or itsme). */
  handles: (productSlug: string) => boolean;
  prepare: (request: AutomationRequest, options: { fresh: boolean }) => Promise<PreparedAutomation>;
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
  /** The requester's upcoming appointments, for the 360° strip (the appointments module). */
  appointments?: CaseAppointments;
};

/** What the 360° strip asks of the appointments module. */
export type CaseAppointments = {
  upcomingFor: (by: { personId: string | null; accountId: string | null }, lang: Language) => Promise<UpcomingAppointment[]>;
};

/** A submission's result: `created` is false for an idempotent retry, which returns the first receipt. */
export type SubmissionResult = { created: boolean; receipt: CaseReceipt };

/** Service norm for a product whose catalogue entry names none, in working days. */
export const defaultServiceNormDays = 20;

export const systemActor: AuditActor = { kind: 'system', name: 'cases' };

export type EventActor = { kind: 'resident' | 'staff' | 'system' | 'anonymous'; id: string | null; name: string | null };

export const eventActorOf = (actor: Actor | AuditActor): EventActor => {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.staffId, name: actor.name };
  if (actor.kind === 'resident') return { kind: 'resident', id: actor.accountId, name: actor.name };
  if (actor.kind === 'system') return { kind: 'system', id: null, name: actor.name };
  return { kind: 'anonymous', id: null, name: null };
};

/** One timeline entry to write; the case id and the moment are added by `change`. */
export type PendingEvent = { type: string; visibility: 'resident' | 'internal'; payload?: Record<string, unknown>; actor?: EventActor };

/** What a change does, besides locking and reading the case. */
export type ChangeOutcome = {
  patch?: Parameters<CasesRepository['update']>[1];
  events: PendingEvent[];
  audit: { action: string; details?: Record<string, unknown> };
  /** The e-mail to the requester, if this change warrants one (at most one per change). */
  notify?: CaseMailKind;
};

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const stateOf = (row: CaseRow): CaseState => ({
  family: row.family as ProductFamily,
  status: row.status as CaseStatus,
  handling: row.handling as CaseHandling,
  statusChangedAt: new Date(row.status_changed_at).toISOString(),
  pauses: row.pauses as CasePause[],
  outcome: row.outcome as CaseOutcome | null,
  decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
});

export const factsOf = (row: CaseRow): CaseAccessFacts => ({
  owner: ownerOf(row),
  requesterAccountId: row.requester_account_id,
  requesterPersonId: row.requester_person_id,
  sharedWithPartners: row.shared_with_partners,
});

/** A product title in the context's language, or the slug for a product no longer published. */
export const titleIn = (context: PresentContext, slug: string): string => {
  const title = context.productTitle(slug);
  return title ? (title[context.lang] ?? title.nl) : slug;
};

/** The shared machinery of the cases services; see the module comment above. */
/** How long, and for how many people, the household minors of a resident are kept in memory. */
const minorsCacheMs = 60_000;
const minorsCacheSize = 10_000;

export const createCaseCore = (deps: CasesDeps) => {
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

  // Whose cases a parent follows, per person, for at most a minute: "Mijn dossiers" is opened often
  // and a household changes rarely. A child who moves out drops off a parent's list within that minute.
  const minorsCache = new Map<string, { at: number; day: string; ids: string[] }>();
  const minorIdsOf = async (actor: ResidentActor): Promise<string[]> => {
    if (actor.personId === null) return [];
    const now = clock.now().getTime();
    const day = today();
    const cached = minorsCache.get(actor.personId);
    if (cached && cached.day === day && now - cached.at < minorsCacheMs) return cached.ids;
    // Ids only: deciding whose cases a parent follows must not read (decrypt) the household's files.
    const ids = await deps.register.householdMinorIds(actor.personId, day);
    if (minorsCache.size >= minorsCacheSize) minorsCache.delete(minorsCache.keys().next().value as string);
    minorsCache.set(actor.personId, { at: now, day, ids });
    return ids;
  };

  const followUrlOf = (row: Pick<CaseRow, 'id' | 'reference' | 'requester_account_id' | 'requester_person_id' | 'access_token_hash'>) =>
    row.requester_account_id === null && row.requester_person_id === null && row.access_token_hash !== null
      ? `${publicUrl}/vragen/${tokens.tokenFor(row.id)}`
      : `${publicUrl}/mijn-dossiers/${row.reference}`;

  const selfOf = (row: CaseRow, viewer: 'resident' | 'anonymous' | 'staff') =>
    viewer === 'staff' ? `/api/work/cases/${row.id}` : viewer === 'anonymous' ? `/api/questions/${tokens.tokenFor(row.id)}` : `/api/cases/${row.reference}`;

  // ------------------------------------------------------------------------------------------
  // Notifications: an e-mail through the mail service (its job is queued in the same transaction).

  type MailedCase = Pick<CaseRow, 'id' | 'reference' | 'language' | 'contact_email' | 'requester_account_id' | 'requester_person_id' | 'access_token_hash'>;

  /**
   * Where the requester's e-mail goes, or null. `recipient` is the address when the caller already
   * knows it (the requester's own account, read for this request); otherwise it is read from the account.
   */
  const recipientOf = async (db: Db, row: MailedCase, recipient?: { email: string | null }): Promise<string | null> => {
    if (recipient) return recipient.email ?? row.contact_email;
    const identities = createIdentityRepository(db);
    const account = row.requester_account_id
      ? await identities.findResidentAccount({ id: row.requester_account_id })
      : row.requester_person_id
        ? await identities.findResidentAccount({ personId: row.requester_person_id })
        : undefined;
    return account?.email ?? row.contact_email;
  };

  /** Queues the e-mail about a case to `to`, in the caller's transaction. */
  const sendCaseMail = async (trx: Db, row: MailedCase, kind: CaseMailKind, to: string): Promise<void> => {
    const language = row.language as Language;
    const mail = caseMail(kind, { reference: row.reference, link: followUrlOf(row), cityName: cityName(language), language });
    await deps.mail.send({ to, subject: mail.subject, text: mail.text, language }, trx);
  };

  /** E-mails the requester when they have an address; whether an e-mail went out. */
  const notify = async (trx: Db, row: CaseRow, kind: CaseMailKind, recipient?: { email: string | null }) => {
    const to = await recipientOf(trx, row, recipient);
    if (!to) return false;
    await sendCaseMail(trx, row, kind, to);
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
    work: (row: CaseRow, now: Date, repo: CasesRepository, trx: Db) => ChangeOutcome | Promise<ChangeOutcome>,
  ): Promise<CaseRow> => {
    const result = await db.transaction().execute(async (trx) => {
      const repo = createCasesRepository(trx);
      const row = await repo.getForUpdate(caseId);
      if (!row || !(await authorize(row))) return denied;
      const now = clock.now();
      const outcome = await work(row, now, repo, trx);
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
  const applyTransition = (row: CaseRow, event: CaseEvent, now: Date, from: CaseState = stateOf(row)) =>
    transitionFrom({ receivedAt: row.created_at, serviceNormDays: row.service_norm_days }, from, event, now);

  /** applyTransition for a case known by its receipt date and service norm (one not stored yet). */
  const transitionFrom = (basis: { receivedAt: Date; serviceNormDays: number }, from: CaseState, event: CaseEvent, now: Date) => {
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
      due_date: dueDate(city, { receivedAt: basis.receivedAt, serviceNormDays: basis.serviceNormDays, pauses: state.pauses }),
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

  return {
    deps,
    db,
    audit,
    clock,
    city,
    setup,
    tokens,
    policy,
    teamIds,
    partnerIds,
    presentContext,
    formFor,
    familyOf,
    today,
    minorIdsOf,
    followUrlOf,
    selfOf,
    notify,
    recipientOf,
    sendCaseMail,
    auditDenied,
    change,
    applyTransition,
    transitionFrom,
  };
};

export type CaseCore = ReturnType<typeof createCaseCore>;
