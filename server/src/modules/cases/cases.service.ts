import { createHash } from 'node:crypto';
import type {
  AssistedSubmissionRequest,
  CaseReceipt,
  MyCasesQuery,
  MyCasesResponse,
  QuestionRequest,
  ResidentCase,
  SubmitCaseRequest,
} from '../../../../shared/src/cases/cases.contract.ts';
import {
  anonymousSubmissionAllowed,
  type CaseHandling,
  type CaseState,
  type CaseStatus,
  caseReferenceYear,
  contactEmailOf,
  dueDate,
  formatCaseReference,
  initialOwnership,
  isOpenStatus,
  newCaseState,
  parseCaseReference,
  requiredRequestPermission,
  route,
} from '../../../../shared/src/cases/index.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import { localDate } from '../../../../shared/src/city/index.ts';
import { type FormAnswers, type FormDefinition, validateAnswers } from '../../../../shared/src/forms/index.ts';
import { type Actor, hasPermission, type ResidentActor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { Db } from '../../platform/db/database.ts';
import { pipelinedTransaction } from '../../platform/db/pipelined.ts';
import { AppError } from '../../platform/http/problem.ts';
import { createCaseAttachmentsService } from './case-attachments.service.ts';
import { createCaseBulkService } from './case-bulk.service.ts';
import {
  type AutomationRequest,
  type CaseDocument,
  type CasesDeps,
  createCaseCore,
  defaultServiceNormDays,
  type EventActor,
  eventActorOf,
  factsOf,
  type PendingEvent,
  type PreparedAutomation,
  stateOf,
  systemActor,
  uuidPattern,
} from './case-core.ts';
import type { DraftOwner } from './case-drafts.repository.ts';
import { createCaseDraftsService } from './case-drafts.service.ts';
import { looksLikeFollowToken } from './case-follow-token.ts';
import { firstAddressAnswer, subMunicipalityOf } from './case-intake.rules.ts';
import { createReferenceAllocator } from './case-references.ts';
import { createCaseTemplatesService } from './case-templates.service.ts';
import { createCaseWorkService } from './case-work.service.ts';
import { casesError } from './cases.errors.ts';
import { residentMaySee, staffCaseAccess } from './cases.policy.ts';
import { ownerView, toResidentCase, toResidentSummary } from './cases.presenter.ts';
import { type CaseRow, createCasesRepository, isIdempotencyConflict } from './cases.repository.ts';

/**
 * The use cases of the cases module: submitting (online, anonymous, assisted), following a case
 * as its requester, and working it as staff (claim, assign, hand over, status, messages, notes).
 * Every change locks the case row, applies the shared pure rules (status machine, ownership,
 * deadlines), writes the timeline and the audit row, and queues the resident's e-mail, all in
 * one transaction: a submission is acknowledged only after it committed.
 */

/** A submission's result: `created` is false for an idempotent retry, which returns the first receipt. */
export type SubmissionResult = { created: boolean; receipt: CaseReceipt };

/** How long an automated case may stay `received` before `resumeAutomation` picks it up again. */
const automationGraceMs = 60_000;

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

export const createCasesService = (deps: CasesDeps) => {
  const core = createCaseCore(deps);
  // The lookups are defined further down; they are only called once a request comes in.
  const attachments = createCaseAttachmentsService(core, {
    residentCase: (actor, reference) => residentCase(actor, reference),
    caseByToken: (token) => caseByToken(token),
    residentView: (row, lang) => residentView(row, lang),
  });
  const work = createCaseWorkService(core);
  const {
    db,
    audit,
    clock,
    city,
    setup,
    tokens,
    policy,
    presentContext,
    formFor,
    familyOf,
    minorIdsOf,
    followUrlOf,
    selfOf,
    recipientOf,
    sendCaseMail,
    auditDenied,
    change,
    applyTransition,
    transitionFrom,
  } = core;

  // Submitting

  const references = createReferenceAllocator((prefix, year, count) => createCasesRepository(db).reserveReferences(prefix, year, count));

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
    /** The secret upload scope of someone without a login (their file answers must be uploaded with it). */
    uploadScope?: string | undefined;
    /** Whose draft of this form the submission uses up (deleted in its transaction). */
    draftOwner: DraftOwner | null;
  };

  const receiptOf = (row: CaseRow, viewer: 'resident' | 'anonymous' | 'staff'): CaseReceipt => {
    const stored = row.receipt as Omit<CaseReceipt, 'followUrl' | 'self'>;
    return { ...stored, followUrl: followUrlOf(row), self: selfOf(row, viewer) };
  };

  const viewerOf = (actor: Actor): 'resident' | 'anonymous' | 'staff' =>
    actor.kind === 'staff' ? 'staff' : actor.kind === 'resident' ? 'resident' : 'anonymous';

  /** The answer to a submission sent again with its Idempotency-Key: the first one's receipt, if it is the same request. */
  const existingSubmission = async (scope: string, key: string, requestHash: string, actor: Actor): Promise<SubmissionResult | null> => {
    const existing = await createCasesRepository(db).findByIdempotencyKey(scope, key);
    if (!existing) return null;
    if (existing.request_hash !== requestHash) throw casesError('case-idempotency-key-reused');
    return { created: false, receipt: receiptOf(existing, viewerOf(actor)) };
  };

  /**
   * The sub-municipality a case belongs to: the address in the answers, else where the person
   * lives (`livesIn` when an automated document already read it, else from the register).
   */
  const placeOf = async (form: FormDefinition, answers: FormAnswers, personId: string | null, livesIn?: string | null): Promise<string | null> => {
    const address = firstAddressAnswer(form, answers);
    if (address) {
      const place = subMunicipalityOf(city, address);
      if (place) return place;
      // Sub-municipalities that share a postcode are told apart by the street (the register knows which is where).
      const streets = await deps.register.searchStreets(address.street, 10);
      const street = streets.find((s) => s.postcode === address.postcode && s.street.localeCompare(address.street, 'nl', { sensitivity: 'base' }) === 0);
      if (street) return street.subMunicipality;
    }
    if (livesIn) return livesIn;
    if (personId) {
      const address = await deps.register.getAddress(personId);
      if (address) return address.subMunicipality;
    }
    return null;
  };

  /**
   * Makes an automated certificate without storing it: `fresh` before the case is stored (one
   * transaction then stores the case, its document and its closing), otherwise for a case stored
   * `received` earlier (the sweep). The error instead when it cannot be made: the case then goes to
   * its team's queue (`failAutomation`).
   */
  const prepareAutomation = async (
    request: Omit<AutomationRequest, 'personId'> & { personId: string | null },
    fresh: boolean,
  ): Promise<{ prepared: PreparedAutomation } | { error: unknown }> => {
    if (!deps.automation || request.personId === null) return { error: new Error('no automation is available for this product') };
    try {
      return { prepared: await deps.automation.prepare({ ...request, personId: request.personId }, { fresh }) };
    } catch (error) {
      return { error };
    }
  };

  /** The automated closing of a case with its document: decided `issued`, then `closed`, by the system. */
  const automatedClosing = (basis: { receivedAt: Date; serviceNormDays: number }, from: CaseState, now: Date) => {
    const decided = transitionFrom(basis, from, { type: 'decide', actor: 'system', outcome: 'issued' }, now);
    const closed = transitionFrom(basis, decided.state, { type: 'close', actor: 'system' }, now);
    return {
      state: closed.state,
      patch: { ...decided.patch, ...closed.patch },
      events: (document: CaseDocument): PendingEvent[] => [
        { type: 'document', visibility: 'resident', payload: { document } },
        ...decided.events,
        ...closed.events,
      ],
      audit: (document: CaseDocument) => ({ action: 'cases.case.completed-automatically', details: { documentId: document.id } }),
    };
  };

  const submit = async (intake: Intake): Promise<SubmissionResult> => {
    const { product, actor } = intake;
    const family = familyOf(product);
    const { form, version } = formFor(product.slug);
    const now = clock.now();
    const checked = validateAnswers(form, intake.answers, intake.requestLanguage, { today: localDate(city, now) });
    // A submission sent again with its Idempotency-Key is not looked up first: it is made again and
    // its insert meets the first one's key, which then answers (below). Only where the retry cannot
    // pass again is the first one looked for: answers no longer valid, files already attached.
    const replayed = async () => (intake.idempotencyKey ? existingSubmission(intake.scope, intake.idempotencyKey, intake.requestHash, actor) : null);
    if (!checked.ok) {
      const existing = await replayed();
      if (existing) return existing;
      throw new AppError('validation-failed', {
        fields: checked.errors.map((error) => ({ field: `answers.${error.field}`, code: error.code, message: { [intake.requestLanguage]: error.message } })),
      });
    }
    // The declared files must be the actor's own uploads, of an allowed type and size (checked on the stored bytes).
    let files: Awaited<ReturnType<typeof attachments.checkFormFiles>>;
    try {
      files = await attachments.checkFormFiles(actor, intake.uploadScope, form, checked.answers);
    } catch (error) {
      const existing = await replayed();
      if (existing) return existing;
      throw error;
    }
    const answers = files.answers;
    const year = caseReferenceYear(city.timeZone, now);
    // From this process's block of reference numbers, mostly without a round trip (case-references.ts).
    const reference = formatCaseReference({ prefix: city.caseReferencePrefix, year, sequence: await references.next(city.caseReferencePrefix, year) });
    const handling: CaseHandling = family === 'certificate' ? intake.handling : 'human';
    const received = newCaseState(family, now, handling);
    const id = crypto.randomUUID();

    // An automated certificate is made first and stored with the case, which is then closed at once.
    // It reads where its subject lives, which then places the case without reading that again.
    const automation =
      received.handling === 'automated'
        ? await prepareAutomation(
            {
              caseId: id,
              reference,
              product: product.slug,
              personId: intake.requester.personId,
              accountId: intake.requester.accountId,
              answers,
              language: intake.language,
              receivedAt: now,
            },
            true,
          )
        : null;
    const prepared = automation && 'prepared' in automation ? automation.prepared : null;
    const subMunicipality = await placeOf(form, answers, intake.placePersonId, prepared?.subMunicipality);
    const decision = route(setup.routing, {
      product: { slug: product.slug, family, responsibleTeam: product.responsibleTeam },
      channel: intake.channel as never,
      ...(subMunicipality ? { subMunicipality } : {}),
    });
    const ownership = initialOwnership(decision.team);
    const serviceNormDays = product.processingTime.workingDays ?? defaultServiceNormDays;
    const due = dueDate(city, { receivedAt: now, serviceNormDays });
    const owner = ownerView(city, ownership.owner, intake.language);

    const closing = prepared ? automatedClosing({ receivedAt: now, serviceNormDays }, received, now) : null;
    const state = closing?.state ?? received;

    const values = {
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
      status: received.status,
      handling: received.handling,
      status_changed_at: now,
      pauses: '[]',
      service_norm_days: serviceNormDays,
      due_date: due,
      ...closing?.patch,
      idempotency_scope: intake.idempotencyKey ? intake.scope : null,
      idempotency_key: intake.idempotencyKey ?? null,
      request_hash: intake.requestHash,
      receipt: JSON.stringify({ id, reference, product: product.slug, status: state.status, receivedAt: now.toISOString(), dueDate: due, owner }),
      created_at: now,
      updated_at: now,
    };
    // One e-mail: "received" for a case a person handles, "news" for a certificate already issued.
    // The requester's own account was read for this request: its address need not be read again.
    const mailTo = await recipientOf(
      db,
      values,
      actor.kind === 'resident' && intake.requester.accountId === actor.accountId ? { email: actor.email } : undefined,
    );
    const document = prepared?.document ?? null;
    const by = eventActorOf(actor);
    const system = eventActorOf(systemActor);
    const events: (PendingEvent & { actor: EventActor })[] = [
      { type: 'submitted', visibility: 'resident', actor: by, payload: { channel: intake.channel, owner: ownership.owner } },
      {
        type: 'routed',
        visibility: 'internal',
        actor: { kind: 'system', id: null, name: 'routing' },
        payload: { owner: ownership.owner, source: decision.source, rule: decision.rule?.id ?? null, subMunicipality },
      },
      ...(document && closing ? closing.events(document).map((event) => ({ ...event, actor: system })) : []),
    ];
    // The case's audit rows as `change` writes them: the reference first among the details.
    const caseEntry = (action: string, details: Record<string, unknown>) => ({
      subjectPersonId: intake.requester.personId,
      resourceType: 'case',
      resourceId: id,
      action,
      details: { reference, ...details },
    });
    const submitted = caseEntry(intake.submittedBy ? 'cases.case.submitted-assisted' : 'cases.case.submitted', {
      product: product.slug,
      channel: intake.channel,
      owner: ownership.owner.id,
    });
    const completed = document && closing ? closing.audit(document) : null;

    // Everything is known now: the case, its files, document, e-mail, timeline and audit rows go to
    // the database together, pipelined. Without uploads, COMMIT goes with them (one round trip): no
    // statement waits for another's answer and only the database can refuse (another case with
    // this idempotency key fails the insert and so the whole transaction). Uploads are checked
    // after their statement's answer, so then COMMIT waits for the answers.
    const created = await pipelinedTransaction(
      db,
      async (trx) => {
        const repo = createCasesRepository(trx);
        const inserted = repo.insertCase(values, intake.draftOwner ? { owner: intake.draftOwner, product: product.slug } : undefined);
        const rest = Promise.all([
          attachments.attachFormFiles(trx, id, files, now),
          prepared?.store(trx),
          mailTo ? sendCaseMail(trx, values, document ? 'status-changed' : 'submitted', mailTo) : undefined,
          repo.insertEvents(
            events.map((event) => ({
              case_id: id,
              type: event.type,
              visibility: event.visibility,
              actor_kind: event.actor.kind,
              actor_id: event.actor.id,
              actor_name: event.actor.name,
              payload: JSON.stringify(event.payload ?? {}),
              at: now,
              notified_at: mailTo && event.visibility === 'resident' ? now : null,
            })),
          ),
          audit.recordAll(trx, [
            { actor, entry: submitted },
            ...(completed ? [{ actor: systemActor, entry: caseEntry(completed.action, completed.details) }] : []),
          ]),
        ]);
        rest.catch(() => {});
        const row = await inserted;
        await rest;
        return row;
      },
      { commitWithStatements: files.uploads.length === 0 },
    ).catch((error: unknown) => {
      // Another submission with the same key got there first: nothing of this one stayed (below).
      if (isIdempotencyConflict(error)) return null;
      throw error;
    });

    if (!created) {
      const existing = intake.idempotencyKey ? await existingSubmission(intake.scope, intake.idempotencyKey, intake.requestHash, actor) : null;
      if (existing) return existing;
      throw new Error('a submission lost its idempotency race but the winner is not there');
    }
    if (automation && 'error' in automation) await failAutomation(created.id, automation.error);
    return { created: true, receipt: receiptOf(created, viewerOf(actor)) };
  };

  // ------------------------------------------------------------------------------------------
  // Automation

  /** Completes an automated case still `received` with the document `store` writes in the same transaction; null when it no longer waits. */
  const complete = async (caseId: string, store: (trx: Db) => Promise<CaseDocument>): Promise<CaseRow | null> => {
    let skipped = false;
    const row = await change(
      systemActor,
      caseId,
      () => true,
      async (current, now, _repo, trx) => {
        if (current.status !== 'received' || current.handling !== 'automated') {
          skipped = true;
          return { events: [], audit: { action: 'cases.case.automation-skipped', details: { status: current.status } } };
        }
        const closing = automatedClosing({ receivedAt: current.created_at, serviceNormDays: current.service_norm_days }, stateOf(current), now);
        const document = await store(trx);
        return {
          patch: closing.patch,
          events: closing.events(document),
          audit: closing.audit(document),
          notify: 'status-changed',
        };
      },
    );
    return skipped ? null : row;
  };

  const completeWithDocument = (caseId: string, document: CaseDocument): Promise<CaseRow | null> => complete(caseId, async () => document);

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

  /** Automation for a case stored `received` earlier (the sweep): made again, stored with the case's closing. */
  const runAutomation = async (row: CaseRow) => {
    const automation = await prepareAutomation(
      {
        caseId: row.id,
        reference: row.reference,
        product: row.product_slug,
        personId: row.requester_person_id,
        accountId: row.requester_account_id,
        answers: row.answers as FormAnswers,
        language: row.language as Language,
        receivedAt: new Date(row.created_at),
      },
      false,
    );
    if ('error' in automation) await failAutomation(row.id, automation.error);
    else await complete(row.id, automation.prepared.store);
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
    const [events, context, files] = await Promise.all([
      createCasesRepository(db).listEvents(row.id, { residentOnly: true }),
      presentContext(lang),
      attachments.forRequester(row),
    ]);
    return toResidentCase(row, events, files.attachmentUrl ? { ...context, attachmentUrl: files.attachmentUrl } : context, files.rows);
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
        draftOwner: { kind: 'resident', id: actor.accountId },
      });
    },

    /**
     * Anyone asks a general question (`vraag`) or makes a report anyone may make
     * (anonymousSubmissionAllowed), online or at the kiosk; the receipt holds the secret follow link.
     */
    async askQuestion(actor: Actor, input: QuestionRequest, options: { idempotencyKey?: string; requestLanguage: Language; uploadScope?: string | undefined }) {
      const product = await deps.products.findPublished(input.product ?? 'vraag');
      // A product that needs a login is not refused with a hint to log in: this route never takes one.
      if (!product || !anonymousSubmissionAllowed(product.slug, familyOf(product), setup.forms.get(product.slug) ?? null)) {
        throw casesError('case-product-not-found');
      }
      const email = contactEmailOf(formFor(product.slug).form, input.answers);
      return submit({
        actor,
        scope: 'anonymous',
        idempotencyKey: options.idempotencyKey,
        requestHash: requestHashOf({ kind: 'question', ...input }),
        product,
        answers: input.answers,
        language: input.language ?? options.requestLanguage,
        requestLanguage: options.requestLanguage,
        channel: input.channel ?? 'online',
        requester: { accountId: null, personId: null, kbo: null, organisationName: null, contactEmail: email, byLink: true },
        handling: 'human',
        submittedBy: null,
        consent: null,
        placePersonId: null,
        uploadScope: options.uploadScope,
        draftOwner: null,
      });
    },

    /** An employee fills in a request for someone (desk, phone, home visit), recording the channel and the consent. */
    async submitAssisted(actor: Actor, input: AssistedSubmissionRequest, options: { idempotencyKey?: string; requestLanguage: Language }) {
      if (actor.kind !== 'staff') throw casesError('case-not-found');
      const staff = actor;
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
        draftOwner: { kind: 'staff', id: staff.staffId },
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

    ...work,
    ...createCaseBulkService(core, work.assign),
    ...createCaseTemplatesService(core),
    ...createCaseDraftsService(core),

    ...attachments.api,

    /** Removes uploads nobody attached within a day (also done with an upload, at most hourly per process). */
    purgeAbandonedUploads: attachments.purgeAbandonedUploads,

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

/** The cases service: see createCasesService. */
export type CasesService = ReturnType<typeof createCasesService>;
