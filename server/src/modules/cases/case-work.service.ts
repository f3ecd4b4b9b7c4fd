import type {
  HandOverRequest,
  QueueItem,
  QueueQuery,
  QueueResponse,
  RoutingTestResponse,
  StaffCase,
  StatusRequest,
} from '../../../../shared/src/cases/cases.contract.ts';
import {
  assign as assignRule,
  availableEvents,
  type CaseEvent,
  type CaseOutcome,
  type CaseStatus,
  caseChannelSchema,
  claim as claimRule,
  handOver as handOverRule,
  type OwnerUnit,
  parseCaseReference,
  requiredRequestPermission,
  route,
} from '../../../../shared/src/cases/index.ts';
import { addWorkingDays } from '../../../../shared/src/city/index.ts';
import type { Actor, StaffActor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { AppError } from '../../platform/http/problem.ts';
import { createIdentityRepository } from '../identity/index.ts';
import { createCaseAttachmentsRepository } from './case-attachments.repository.ts';
import { type CaseCore, type ChangeOutcome, defaultServiceNormDays, factsOf, stateOf, titleIn, uuidPattern } from './case-core.ts';
import { casesError, ownershipError } from './cases.errors.ts';
import { canSeeQueue, canStaff, canTestRouting, type StaffCaseAction, staffCaseAccess, workTeamsOf } from './cases.policy.ts';
import { attachmentViewOf, ownerOf, ownerView, storedAttachmentOf, toQueueItem, toTimelineEntry } from './cases.presenter.ts';
import { type CaseRow, createCasesRepository } from './cases.repository.ts';

/**
 * The staff side of cases: work queues, the audited case detail with the requester's 360° strip,
 * claim, assign, hand-over, status steps, messages and notes, and the routing tester. Every step
 * goes through the core's `change` (lock, policy, rules, timeline, audit, e-mail).
 */
export const createCaseWorkService = (core: CaseCore) => {
  const { deps, db, audit, city, setup, policy, teamIds, partnerIds, presentContext, familyOf, today, change, applyTransition, auditDenied } = core;

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
    const [events, context, name, account, files] = await Promise.all([
      repo.listEvents(row.id, { residentOnly: false }),
      presentContext(lang),
      requesterName(row.requester_person_id),
      row.requester_account_id ? createIdentityRepository(db).findResidentAccount({ id: row.requester_account_id }) : Promise.resolve(null),
      createCaseAttachmentsRepository(db).listForCase(row.id, { residentOnly: false }),
    ]);
    // The 360° strip is for the city's own staff; a partner sees only the case it was given.
    const requester = { personId: row.requester_person_id, accountId: row.requester_account_id };
    const strip = access === 'work' && actor.organisation === 'city';
    const [others, contacts, appointments] = strip
      ? await Promise.all([
          repo.listOpenForRequester(requester, row.id),
          repo.listRecentContacts(requester),
          deps.appointments ? deps.appointments.upcomingFor(requester, lang) : [],
        ])
      : [[], [], []];
    // Each read in the audit log with the person: the case, and each part of the strip that showed something.
    const read = (action: string, details: Record<string, unknown>) => ({
      actor,
      entry: {
        action,
        subjectPersonId: row.requester_person_id,
        resourceType: 'case',
        resourceId: row.id,
        purpose: 'case-handling',
        ...(requestId ? { requestId } : {}),
        details,
      },
    });
    await audit.recordAll(db, [
      read('cases.case.read', { reference: row.reference }),
      ...(others.length > 0 ? [read('cases.open-cases.read', { references: others.map((other) => other.reference) })] : []),
      ...(contacts.length > 0 ? [read('cases.contacts.read', { references: [...new Set(contacts.map((contact) => contact.reference))] })] : []),
      ...(appointments.length > 0 ? [read('cases.appointments.read', { appointments: appointments.map((appointment) => appointment.id) })] : []),
    ]);
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
      recentContacts: contacts.map((contact) => ({
        at: contact.at.toISOString(),
        kind: contact.type === 'submitted' ? 'request' : contact.type === 'resident-message' ? 'from-requester' : 'to-requester',
        channel: contact.type === 'submitted' ? (caseChannelSchema.safeParse(contact.channel).data ?? null) : null,
        by: contact.type === 'message' && contact.actor_kind === 'staff' ? contact.actor_name : null,
        caseId: contact.case_id,
        reference: contact.reference,
        product: { slug: contact.product_slug, title: titleIn(context, contact.product_slug) },
      })),
      upcomingAppointments: appointments,
      attachments: files.map((file) => attachmentViewOf(storedAttachmentOf(file), context, false)),
    };
  };

  const queueItemOf = async (row: CaseRow, lang: Language): Promise<QueueItem> => toQueueItem(row, await presentContext(lang));

  const ownerUnitFor = (id: string): OwnerUnit | null =>
    teamIds.includes(id) ? { kind: 'team', id } : partnerIds.includes(id) ? { kind: 'partner', id } : null;

  const staffTeamsFor = (actor: StaffActor) => workTeamsOf(actor, policy);

  return {
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
  };
};

const previousDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};
