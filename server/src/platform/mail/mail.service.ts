import nodemailer from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { createMailRepository, type MailRow } from './mail.repository.ts';

/** An e-mail to send. Bodies are already in the recipient's language. */
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; language?: 'nl' | 'fr' | 'en' };

export const mailQueue = 'mail.send';
const retryLimit = 5;

/** Outgoing mail: stored first (the row is the truth), delivered by a job with retries. */
export type MailService = {
  /** Stores the mail and schedules delivery. Pass a transaction as `db` to commit it with the change that caused it. */
  send: (mail: OutgoingMail, db?: Db) => Promise<MailRow>;
  /** The most recent mail, newest first (the demo's "sent mail" page). */
  recent: (limit?: number) => Promise<MailRow[]>;
};

/**
 * Creates the mail service and registers its delivery job. Without `smtpUrl`, mail is kept in the
 * database (status `kept`) so a demo works with no mail server.
 */
export const createMailService = (deps: { db: Db; jobs: Jobs; clock: Clock; smtpUrl: string | null; from: string }): MailService => {
  const transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : null;
  const repository = createMailRepository(deps.db);

  deps.jobs.define<{ id: string }>({
    name: mailQueue,
    retryLimit,
    retryDelaySeconds: 5,
    handler: async ({ id }, { attempt }) => {
      const row = await repository.get(id);
      if (!row || row.status === 'sent' || row.status === 'kept') return;
      if (!transport) {
        await repository.markDelivered(id, 'kept', null, deps.clock.now());
        return;
      }
      try {
        const info = await transport.sendMail({
          from: deps.from,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          ...(row.html_body ? { html: row.html_body } : {}),
          headers: { 'Content-Language': row.language },
        });
        await repository.markDelivered(id, 'sent', info.messageId ?? null, deps.clock.now());
      } catch (error) {
        await repository.markAttemptFailed(id, (error as Error).message, attempt >= retryLimit);
        throw error;
      }
    },
  });

  return {
    send: async (mail, db = deps.db) => {
      const row = await createMailRepository(db).insert({
        to_address: mail.to,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html ?? null,
        language: mail.language ?? 'nl',
      });
      await deps.jobs.send(mailQueue, { id: row.id }, { singletonKey: row.id });
      return row;
    },
    recent: (limit = 50) => repository.listRecent(limit),
  };
};
