import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Appointments, DB } from '../../platform/db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type AppointmentRow = Selectable<Appointments>;

/** SQL of the appointments (table `appointments`); works on a Db or a transaction. */
export const createAppointmentsRepository = (db: Executor) => ({
  /**
   * Holds the channel's booking lock until the transaction ends: bookings on one channel are
   * checked and written one after the other, so two cannot take the last place at once.
   */
  async lockChannel(channel: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`appointments:${channel}`}, 0))`.execute(db);
  },

  /** What is booked on the channel overlapping [from, to). */
  async listBookedBetween(channel: string, from: Date, to: Date): Promise<Pick<AppointmentRow, 'starts_at' | 'ends_at'>[]> {
    return db
      .selectFrom('appointments')
      .select(['starts_at', 'ends_at'])
      .where('channel', '=', channel)
      .where('status', '=', 'booked')
      .where('starts_at', '<', to)
      .where('ends_at', '>', from)
      .execute();
  },

  async insert(row: Insertable<Appointments>): Promise<AppointmentRow> {
    return db.insertInto('appointments').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async findById(id: string): Promise<AppointmentRow | undefined> {
    return db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findForUpdate(id: string): Promise<AppointmentRow | undefined> {
    return db.selectFrom('appointments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async findByIdempotencyKey(accountId: string, key: string): Promise<AppointmentRow | undefined> {
    return db.selectFrom('appointments').selectAll().where('account_id', '=', accountId).where('idempotency_key', '=', key).executeTakeFirst();
  },

  /** The account's booked appointment for this product that has not ended yet, if any. */
  async findUpcomingForProduct(accountId: string, product: string, now: Date): Promise<AppointmentRow | undefined> {
    return db
      .selectFrom('appointments')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('product_slug', '=', product)
      .where('status', '=', 'booked')
      .where('ends_at', '>', now)
      .executeTakeFirst();
  },

  /** Whether the account has a booked appointment overlapping [from, to) (of any product). */
  async hasBookedOverlapping(accountId: string, from: Date, to: Date): Promise<boolean> {
    const row = await db
      .selectFrom('appointments')
      .select('id')
      .where('account_id', '=', accountId)
      .where('status', '=', 'booked')
      .where('starts_at', '<', to)
      .where('ends_at', '>', from)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Every appointment of the account, soonest first (a resident has a few, not thousands). */
  async listForAccount(accountId: string, limit = 200): Promise<AppointmentRow[]> {
    return db.selectFrom('appointments').selectAll().where('account_id', '=', accountId).orderBy('starts_at', 'asc').limit(limit).execute();
  },

  /** The booked appointments of a person (or an account) that have not ended, soonest first: the 360° strip. */
  async listUpcomingFor(by: { personId: string | null; accountId: string | null }, now: Date, limit = 10): Promise<AppointmentRow[]> {
    if (by.personId === null && by.accountId === null) return [];
    return db
      .selectFrom('appointments')
      .selectAll()
      .where((eb) => {
        const same = [];
        if (by.personId !== null) same.push(eb('person_id', '=', by.personId));
        if (by.accountId !== null) same.push(eb('account_id', '=', by.accountId));
        return eb.or(same);
      })
      .where('status', '=', 'booked')
      .where('ends_at', '>', now)
      .orderBy('starts_at', 'asc')
      .limit(limit)
      .execute();
  },

  /** A day's agenda: every appointment starting in [from, to), booked and cancelled, in order. */
  async listStartingBetween(from: Date, to: Date, channel?: string): Promise<AppointmentRow[]> {
    let query = db.selectFrom('appointments').selectAll().where('starts_at', '>=', from).where('starts_at', '<', to);
    if (channel) query = query.where('channel', '=', channel);
    return query.orderBy('starts_at', 'asc').orderBy('created_at', 'asc').execute();
  },

  /**
   * Booked appointments starting in (from, to] that were booked at least `aheadMs` before their
   * start and have had no reminder, locked until the transaction ends; rows another instance is
   * reminding are skipped.
   */
  async claimDueReminders(from: Date, to: Date, aheadMs: number, limit: number): Promise<AppointmentRow[]> {
    return db
      .selectFrom('appointments')
      .selectAll()
      .where('status', '=', 'booked')
      .where('reminded_at', 'is', null)
      .where('starts_at', '>', from)
      .where('starts_at', '<=', to)
      .where(sql<boolean>`starts_at - created_at >= make_interval(secs => ${aheadMs / 1000})`)
      .orderBy('starts_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  },

  async markReminded(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await db.updateTable('appointments').set({ reminded_at: at }).where('id', 'in', ids).execute();
  },

  async cancel(id: string, at: Date, by: 'resident' | 'staff'): Promise<AppointmentRow> {
    return db
      .updateTable('appointments')
      .set({ status: 'cancelled', cancelled_at: at, cancelled_by: by })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
});
