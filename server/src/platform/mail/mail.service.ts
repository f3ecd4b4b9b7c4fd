import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { createMailRepository, type MailRow } from './mail.repository.ts';

/** An e-mail to send. Bodies are already in the recipient's language. */
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; language?: 'nl' | 'fr' | 'en' };

export const mailQueue = 'mail.send';

/** How delivery is retried when the SMTP server refuses or cannot be reached. */
export type MailRetryPolicy = { limit: number; delaySeconds: number; maxDelaySeconds: number };

// About nine hours of retries before a mail counts as failed: long enough to ride out a mail server's
// maintenance window, short enough that staff see a failed mail the same day.
const defaultRetry: MailRetryPolicy = { limit: 8, delaySeconds: 30, maxDelaySeconds: 3600 };

/** Outgoing mail: stored first (the row is the truth), delivered by a job with retries. */
export type MailService = {
  /** Stores the mail and schedules delivery. Pass a transaction as `trx` to commit it with the change that caused it. */
  send: (mail: OutgoingMail, trx?: Db) => Promise<MailRow>;
  /** The most recent mail, newest first (the demo's "sent mail" page). */
  recent: (limit?: number) => Promise<MailRow[]>;
  /** Closes the connection to the SMTP server, after the job queue has stopped. */
  close: () => void;
};

const domainOf = (address: string) => /@([^\s>]+)>?\s*$/.exec(address)?.[1] ?? 'gastvrij.invalid';

/**
 * Creates the mail service and registers its delivery job. Without `smtpUrl`, mail is kept in the
 * database (status `kept`) so a demo works with no mail server.
 *
 * Delivery is idempotent: the job locks the row, and a row that is already `sent` or `kept` is
 * never sent again, whichever retry or instance runs the job. The Message-ID is derived from the
 * row, so even the one unavoidable duplicate (the SMTP server accepted, then the database update
 * was lost) carries the same Message-ID and can be recognised.
 */
export const createMailService = (deps: {
  db: Db;
  jobs: Jobs;
  clock: Clock;
  smtpUrl: string | null;
  from: string;
  retry?: Partial<MailRetryPolicy>;
}): MailService => {
  const retry = { ...defaultRetry, ...deps.retry };
  // nodemailer's own timeouts (up to ten minutes) would hold the row lock far too long. One pooled
  // connection: a backlog goes out over it one mail after the other (no TCP, TLS and login per mail),
  // and it is closed after ten idle seconds.
  const transport = deps.smtpUrl
    ? nodemailer.createTransport({
        url: deps.smtpUrl,
        pool: true,
        maxConnections: 1,
        idleTimeout: 10_000,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
      })
    : null;
  const repository = createMailRepository(deps.db);
  const messageDomain = domainOf(deps.from);

  deps.jobs.define<{ id: string }>({
    name: mailQueue,
    retryLimit: retry.limit,
    retryDelaySeconds: retry.delaySeconds,
    retryDelayMaxSeconds: retry.maxDelaySeconds,
    pollingIntervalSeconds: 1,
    // Ten a fetch, fetched again at once while there are ten: a backlog goes out as fast as the SMTP
    // server takes it, instead of one mail per poll.
    batchSize: 10,
    handler: async ({ id }, { final }) => {
      const failure = await deps.db.transaction().execute(async (trx) => {
        const outbox = createMailRepository(trx);
        const row = await outbox.getForDelivery(id);
        if (!row || row.status === 'sent' || row.status === 'kept') return null;
        if (!transport) {
          await outbox.markDelivered(id, 'kept', null, deps.clock.now());
          return null;
        }
        try {
          const info = await transport.sendMail({
            from: deps.from,
            to: row.to_address,
            subject: row.subject,
            text: row.text_body,
            ...(row.html_body ? { html: row.html_body } : {}),
            messageId: `<${row.id}@${messageDomain}>`,
            headers: { 'Content-Language': row.language },
          });
          await outbox.markDelivered(id, 'sent', info.messageId ?? null, deps.clock.now());
          return null;
        } catch (error) {
          // Recorded in the same transaction, which commits: the attempt and its error stay visible.
          await outbox.markAttemptFailed(id, (error as Error).message, final);
          return error;
        }
      });
      if (failure) throw failure;
    },
  });

  return {
    send: async (mail, trx) => {
      const row = {
        id: randomUUID(),
        to_address: mail.to,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html ?? null,
        language: mail.language ?? 'nl',
      };
      const job = (db: Db) => deps.jobs.send(mailQueue, { id: row.id }, { singletonKey: row.id, db });
      // In the caller's transaction (when given) the row and its job go out together: a worker sees
      // neither before the commit. Without one, the row first: a worker must not look for it before it is there.
      if (trx) return (await Promise.all([createMailRepository(trx).insert(row), job(trx)]))[0];
      const stored = await createMailRepository(deps.db).insert(row);
      await job(deps.db);
      return stored;
    },
    recent: (limit = 50) => repository.listRecent(limit),
    close: () => transport?.close(),
  };
};

/** The sender of the city's mail: MAIL_FROM when set, else the city's name and e-mail address from its profile. */
export const citySender = (mailFrom: string | null, city: { name: { nl: string }; contact: { email: string } }): string =>
  mailFrom ?? `${city.name.nl} <${city.contact.email}>`;
