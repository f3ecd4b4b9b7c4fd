import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { CaseStatus } from '../../../../shared/src/cases/index.ts';
import type { CaseEvents, Cases, DB } from '../../platform/db/types.ts';
import type { DraftOwner } from './case-drafts.repository.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type CaseRow = Selectable<Cases>;
export type NewCaseRow = Insertable<Cases>;
export type CaseEventRow = Selectable<CaseEvents>;
export type NewCaseEvent = Omit<Insertable<CaseEvents>, 'id' | 'notified_at'>;

const finalStatuses: CaseStatus[] = ['closed', 'rejected', 'withdrawn'];

/** The timeline entries that are a contact between requester and city: a request, a message either way. */
const contactEventTypes = ['submitted', 'resident-message', 'message'];

/** A contact of the 360° strip as read: the event and the case it belongs to. */
export type RecentContactRow = {
  at: Date;
  type: string;
  actor_kind: string;
  actor_name: string | null;
  channel: string | null;
  case_id: string;
  reference: string;
  product_slug: string;
};
// Not open for the resident's "open" list: decided cases have their answer.
const doneStatuses: CaseStatus[] = ['decided', ...finalStatuses];

/** Filters of a work queue, already resolved to dates by the service. */
export type QueueFilter = {
  owner: { kind: 'team' | 'partner'; id: string };
  product?: string;
  status?: CaseStatus;
  channel?: string;
  subMunicipality?: string;
  /** Due on or before this date (overdue: yesterday; due soon: a few working days ahead). */
  dueOnOrBefore?: string;
  /** Due on or after this date (due soon excludes what is already overdue). */
  dueOnOrAfter?: string;
  assignee?: { staffId: string } | 'none';
  limit: number;
  offset: number;
};

/** Whose cases "Mijn dossiers" lists. */
export type RequesterFilter = { accountId: string; personIds: readonly string[]; state: 'open' | 'closed' | 'all'; limit: number; offset: number };

/** SQL of the cases module: cases, their timeline and the reference counters. */
/** Whether an error is the insert of a case whose idempotency key another case holds already. */
export const isIdempotencyConflict = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string } | null)?.code === '23505' && (error as { constraint?: string }).constraint === 'cases_idempotency_idx';

export const createCasesRepository = (db: Executor) => ({
  /**
   * Reserves `count` reference numbers for a prefix and year and answers the last of them (the
   * block is `last - count + 1 … last`; case-references.ts hands them out). Run it on the pool, not
   * in a submission's transaction: the counter row is then locked for one statement only.
   */
  async reserveReferences(prefix: string, year: number, count: number): Promise<number> {
    const row = await db
      .insertInto('case_reference_counters')
      .values({ prefix, year, last_sequence: count })
      .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet({ last_sequence: sql`case_reference_counters.last_sequence + ${count}` }))
      .returning('last_sequence')
      .executeTakeFirstOrThrow();
    return Number(row.last_sequence);
  },

  /**
   * Inserts the case, or nothing when another submission already holds this idempotency key (the
   * insert waits for that one to commit or roll back): undefined means "read the other one".
   */
  /**
   * Stores a new case, or nothing when its idempotency key was used (undefined: read that one).
   * `usedDraft`: the draft the submission came from is deleted in the same statement.
   */
  async insertCase(row: NewCaseRow, usedDraft?: { owner: DraftOwner; product: string }): Promise<CaseRow> {
    const base = usedDraft
      ? db.with('used_draft', (qc) =>
          qc
            .deleteFrom('case_drafts')
            .where('owner_kind', '=', usedDraft.owner.kind)
            .where('owner_id', '=', usedDraft.owner.id)
            .where('product_slug', '=', usedDraft.product),
        )
      : db;
    // No ON CONFLICT: a second case with the same idempotency key fails (cases_idempotency_idx, see
    // `isIdempotencyConflict`), which aborts the whole transaction it is part of.
    return base.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async findByIdempotencyKey(scope: string, key: string): Promise<CaseRow | undefined> {
    return db.selectFrom('cases').selectAll().where('idempotency_scope', '=', scope).where('idempotency_key', '=', key).executeTakeFirst();
  },

  async findById(id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByReference(reference: string): Promise<CaseRow | undefined> {
    return db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirst();
  },

  async findByAccessTokenHash(hash: Buffer): Promise<CaseRow | undefined> {
    return db.selectFrom('cases').selectAll().where('access_token_hash', '=', hash).executeTakeFirst();
  },

  /** The case, locked until the transaction ends: every change reads it this way first. */
  async getForUpdate(id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async update(id: string, patch: Updateable<Cases>): Promise<CaseRow> {
    return db.updateTable('cases').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  async insertEvents(events: readonly NewCaseEvent[]): Promise<CaseEventRow[]> {
    if (events.length === 0) return [];
    return db
      .insertInto('case_events')
      .values([...events])
      .returningAll()
      .execute();
  },

  /** The timeline in order; `residentOnly` leaves out internal entries. */
  async listEvents(caseId: string, options: { residentOnly: boolean }): Promise<CaseEventRow[]> {
    let query = db.selectFrom('case_events').selectAll().where('case_id', '=', caseId);
    if (options.residentOnly) query = query.where('visibility', '=', 'resident');
    return query.orderBy('id').execute();
  },

  /** "Mijn dossiers": most recently changed first, with the total for paging. */
  async listForRequester(filter: RequesterFilter): Promise<{ rows: CaseRow[]; total: number }> {
    let query = db.selectFrom('cases').where((eb) => {
      const mine = [eb('requester_account_id', '=', filter.accountId)];
      if (filter.personIds.length > 0) mine.push(eb('requester_person_id', 'in', [...filter.personIds]));
      return eb.or(mine);
    });
    if (filter.state === 'open') query = query.where('status', 'not in', doneStatuses);
    if (filter.state === 'closed') query = query.where('status', 'in', doneStatuses);
    // The page and the total in one round trip: this is every resident's "Mijn dossiers".
    const found = await query
      .selectAll()
      .select(sql<number>`count(*) OVER ()::int`.as('total_count'))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    if (found.length === 0 && filter.offset > 0) {
      const count = await query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      return { rows: [], total: count.n };
    }
    return { rows: found.map(({ total_count: _total, ...row }) => row), total: found[0]?.total_count ?? 0 };
  },

  /** A work queue: cases not final, soonest due first. */
  async listQueue(filter: QueueFilter): Promise<{ rows: CaseRow[]; total: number }> {
    let query = db
      .selectFrom('cases')
      .where('owner_kind', '=', filter.owner.kind)
      .where('owner_id', '=', filter.owner.id)
      .where('status', 'not in', finalStatuses);
    if (filter.product) query = query.where('product_slug', '=', filter.product);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.channel) query = query.where('channel', '=', filter.channel);
    if (filter.subMunicipality) query = query.where(sql`lower(sub_municipality)`, '=', filter.subMunicipality.toLowerCase());
    if (filter.dueOnOrBefore) query = query.where('due_date', '<=', filter.dueOnOrBefore);
    if (filter.dueOnOrAfter) query = query.where('due_date', '>=', filter.dueOnOrAfter);
    // The clock stops while the case waits for the resident: such a case is neither overdue nor due soon.
    if (filter.dueOnOrBefore || filter.dueOnOrAfter) query = query.where('status', 'not in', ['waiting-for-resident', 'decided']);
    if (filter.assignee === 'none') query = query.where('assignee_staff_id', 'is', null);
    else if (filter.assignee) query = query.where('assignee_staff_id', '=', filter.assignee.staffId);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('due_date').orderBy('created_at').limit(filter.limit).offset(filter.offset).execute(),
      query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: count.n };
  },

  /** The requester's other cases that are not final, for the 360° strip. */
  async listOpenForRequester(by: { personId: string | null; accountId: string | null }, exceptId: string, limit = 20): Promise<CaseRow[]> {
    if (by.personId === null && by.accountId === null) return [];
    return db
      .selectFrom('cases')
      .selectAll()
      .where((eb) => {
        const same = [];
        if (by.personId !== null) same.push(eb('requester_person_id', '=', by.personId));
        if (by.accountId !== null) same.push(eb('requester_account_id', '=', by.accountId));
        return eb.or(same);
      })
      .where('id', '<>', exceptId)
      .where('status', 'not in', finalStatuses)
      .orderBy('due_date')
      .limit(limit)
      .execute();
  },

  /**
   * The requester's last contacts with the city (requests, messages either way) over their 50 most
   * recently changed cases, newest first, for the 360° strip.
   */
  async listRecentContacts(by: { personId: string | null; accountId: string | null }, limit = 10): Promise<RecentContactRow[]> {
    if (by.personId === null && by.accountId === null) return [];
    const theirs = db
      .selectFrom('cases')
      .select(['id', 'reference', 'product_slug'])
      .where((eb) => {
        const same = [];
        if (by.personId !== null) same.push(eb('requester_person_id', '=', by.personId));
        if (by.accountId !== null) same.push(eb('requester_account_id', '=', by.accountId));
        return eb.or(same);
      })
      .orderBy('updated_at', 'desc')
      .limit(50)
      .as('c');
    return db
      .selectFrom(theirs)
      .innerJoin('case_events as e', 'e.case_id', 'c.id')
      .select([
        'e.at',
        'e.type',
        'e.actor_kind',
        'e.actor_name',
        sql<string | null>`e.payload->>'channel'`.as('channel'),
        'c.id as case_id',
        'c.reference',
        'c.product_slug',
      ])
      .where('e.type', 'in', contactEventTypes)
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Automated cases that have waited longer than `olderThan` (the process stopped before it finished them). */
  async listStuckAutomated(olderThan: Date, limit: number): Promise<CaseRow[]> {
    return db
      .selectFrom('cases')
      .selectAll()
      .where('handling', '=', 'automated')
      .where('status', '=', 'received')
      .where('created_at', '<', olderThan)
      .orderBy('created_at')
      .limit(limit)
      .execute();
  },

  async markNotified(eventIds: readonly number[], at: Date): Promise<void> {
    if (eventIds.length === 0) return;
    await db
      .updateTable('case_events')
      .set({ notified_at: at })
      .where(
        'id',
        'in',
        eventIds.map((id) => String(id)),
      )
      .execute();
  },
});

export type CasesRepository = ReturnType<typeof createCasesRepository>;
