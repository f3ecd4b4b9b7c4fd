import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { MailOutbox } from '../db/types.ts';

export type MailRow = Selectable<MailOutbox>;

/** SQL of the mail outbox; works on a Db or a transaction. */
export const createMailRepository = (db: Db) => ({
  insert: (row: Insertable<MailOutbox>) => db.insertInto('mail_outbox').values(row).returningAll().executeTakeFirstOrThrow(),
  get: (id: string) => db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst(),
  /** The row, locked until the transaction ends: two deliveries of one mail run one after the other, never side by side. */
  getForDelivery: (id: string) => db.selectFrom('mail_outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  markDelivered: (id: string, status: 'sent' | 'kept', messageId: string | null, at: Date) =>
    db
      .updateTable('mail_outbox')
      .set({ status, message_id: messageId, sent_at: at, attempts: (eb) => eb('attempts', '+', 1), last_error: null })
      .where('id', '=', id)
      .execute(),
  markAttemptFailed: (id: string, error: string, final: boolean) =>
    db
      .updateTable('mail_outbox')
      .set({ attempts: (eb) => eb('attempts', '+', 1), last_error: error.slice(0, 2000), ...(final ? { status: 'failed' as const } : {}) })
      .where('id', '=', id)
      .execute(),
  listRecent: (limit: number) => db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute(),
});
