import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startSmtpSink } from '../../../test/process/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { systemClock } from '../clock.ts';
import { createDb, type Db } from '../db/database.ts';
import { createJobs, type Jobs } from '../jobs/jobs.ts';
import { createMailService, mailQueue } from './mail.service.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const rowOf = (db: Db, id: string) => db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Waits until a condition holds; mail delivery is asynchronous by design. */
const eventually = <T>(check: () => Promise<T>, timeout = 20_000) => vi.waitFor(check, { timeout, interval: 100 });

const testApp = async (env: Record<string, string> = {}): Promise<TestApp> => {
  const app = await createTestApp({ env });
  cleanups.push(app.close);
  return app;
};

describe('mail through SMTP', () => {
  it('delivers the message once and records it as sent', async () => {
    const smtp = await startSmtpSink();
    cleanups.push(smtp.close);
    const { mail, db, jobs } = await testApp({ SMTP_URL: smtp.url });

    const row = await mail.send({
      to: 'an.peeters@example.org',
      subject: 'Uw afspraak is bevestigd',
      text: 'Tot dinsdag om 10 uur.\nStad Harelbeke',
      language: 'nl',
    });
    await eventually(async () => expect((await rowOf(db, row.id)).status).toBe('sent'));

    expect(smtp.messages).toHaveLength(1);
    const [received] = smtp.messages;
    expect(received?.to).toEqual(['an.peeters@example.org']);
    expect(received?.from).toBe('info@harelbeke.be');
    expect(received?.subject).toBe('Uw afspraak is bevestigd');
    expect(received?.raw).toContain('Tot dinsdag om 10 uur.');
    expect(received?.raw).toMatch(/^Content-Language: nl$/im);
    // The Message-ID comes from the row, so a repeated delivery could be recognised.
    expect(received?.messageId).toBe(`<${row.id}@harelbeke.be>`);
    const sent = await rowOf(db, row.id);
    expect(sent).toMatchObject({ attempts: 1, last_error: null, message_id: `<${row.id}@harelbeke.be>` });
    expect(sent.sent_at).toBeInstanceOf(Date);

    // A second job for the same row (a retry after a lost acknowledgement, a redrive) sends nothing.
    const again = await jobs.send(mailQueue, { id: row.id });
    const boss = jobs.boss();
    if (!again || !boss) throw new Error('job not queued');
    await eventually(async () => expect((await boss.findJobs(mailQueue, { id: again }))[0]?.state).toBe('completed'));
    expect(smtp.messages).toHaveLength(1);
    expect((await rowOf(db, row.id)).attempts).toBe(1);
  });

  it('retries a refused message with backoff, then marks it failed and leaves the job in the dead-letter queue', async () => {
    const smtp = await startSmtpSink({ refuse: (to) => (to.endsWith('@refused.example') ? 'Mailbox unavailable' : null) });
    cleanups.push(smtp.close);
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(database.drop);
    const { db } = createDb(database.url, { max: 3 });
    cleanups.push(() => db.destroy());
    const jobs: Jobs = createJobs({ connectionString: database.url, logger: pino({ level: 'silent' }) });
    const mail = createMailService({
      db,
      jobs,
      clock: systemClock,
      smtpUrl: smtp.url,
      from: 'Stad Testdorp <info@testdorp.example>',
      retry: { limit: 2, delaySeconds: 1 },
    });
    cleanups.push(async () => mail.close());
    await jobs.start();
    cleanups.push(() => jobs.stop(2_000));

    const row = await mail.send({ to: 'nobody@refused.example', subject: 'Herinnering', text: 'Vergeet uw afspraak niet.' });
    await eventually(async () => expect((await rowOf(db, row.id)).status).toBe('failed'), 40_000);

    const failed = await rowOf(db, row.id);
    expect(failed.attempts).toBe(3);
    expect(failed.last_error).toMatch(/Mailbox unavailable/);
    expect(failed.sent_at).toBeNull();
    expect(smtp.messages).toHaveLength(0);
    await eventually(async () => expect((await jobs.deadLetters(mailQueue)).map((job) => job.data)).toEqual([{ id: row.id }]));
    // Staff see it on the sent-mail page with its error.
    expect((await mail.recent(10)).find((r) => r.id === row.id)).toMatchObject({ status: 'failed', attempts: 3 });
  }, 60_000);

  it('records a failed attempt and delivers on a later retry', async () => {
    let refusals = 1;
    const smtp = await startSmtpSink({ refuse: () => (refusals-- > 0 ? 'Try again later' : null) });
    cleanups.push(smtp.close);
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const { db } = createDb(database.url, { max: 3 });
    cleanups.push(() => db.destroy());
    const jobs = createJobs({ connectionString: database.url, logger: pino({ level: 'silent' }) });
    const mail = createMailService({ db, jobs, clock: systemClock, smtpUrl: smtp.url, from: 'info@testdorp.example', retry: { limit: 3, delaySeconds: 1 } });
    cleanups.push(async () => mail.close());
    await jobs.start();
    cleanups.push(() => jobs.stop(2_000));

    const row = await mail.send({ to: 'bert@example.org', subject: 'Bevestiging', text: 'Dank u.' });
    await eventually(async () => expect((await rowOf(db, row.id)).status).toBe('sent'), 30_000);
    expect(await rowOf(db, row.id)).toMatchObject({ attempts: 2, last_error: null });
    expect(smtp.messages).toHaveLength(1);
  }, 45_000);

  it('delivers a backlog in batches, each mail settled on its own: a refused one does not hold back or repeat the others', async () => {
    const smtp = await startSmtpSink({ refuse: (to) => (to.endsWith('@refused.example') ? 'Mailbox unavailable' : null) });
    cleanups.push(smtp.close);
    const { mail, db } = await testApp({ SMTP_URL: smtp.url });
    const rows = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        mail.send({ to: i === 7 ? 'nobody@refused.example' : `inwoner${i}@example.org`, subject: `Bericht ${i}`, text: 'Stad Harelbeke' }),
      ),
    );
    // Forty mails drain by fetching again while batches come back full, not one per poll.
    await eventually(async () => expect(smtp.messages).toHaveLength(39), 15_000);
    const stored = await db
      .selectFrom('mail_outbox')
      .select(['id', 'status', 'attempts'])
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    expect(stored.filter((row) => row.status === 'sent' && row.attempts === 1)).toHaveLength(39);
    const refused = stored.find((row) => row.id === rows[7]?.id);
    expect(refused).toMatchObject({ status: 'queued', attempts: 1 });
    expect(new Set(smtp.messages.map((message) => message.subject)).size).toBe(39);
  });
});

describe('mail without SMTP_URL', () => {
  it('keeps the message in the database and shows it on the sent-mail page', async () => {
    const { app, mail, db } = await testApp();
    const row = await mail.send({ to: 'claire@example.org', subject: 'Votre rendez-vous', text: 'À mardi.', language: 'fr' });
    await eventually(async () => expect((await rowOf(db, row.id)).status).toBe('kept'));

    const response = await app.inject({ method: 'GET', url: '/api/mail/sent' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: row.id,
        to: 'claire@example.org',
        subject: 'Votre rendez-vous',
        text: 'À mardi.',
        language: 'fr',
        status: 'kept',
        attempts: 1,
      }),
    ]);
  });

  it('sends a mail queued in a transaction only when the transaction commits', async () => {
    const { mail, db, jobs } = await testApp();
    await expect(
      db.transaction().execute(async (trx) => {
        await mail.send({ to: 'rolled.back@example.org', subject: 'Nooit', text: 'Nooit verstuurd.' }, trx);
        throw new Error('the change that caused the mail failed');
      }),
    ).rejects.toThrow(/failed/);
    const committed = await db.transaction().execute((trx) => mail.send({ to: 'committed@example.org', subject: 'Wel', text: 'Wel verstuurd.' }, trx));
    await eventually(async () => expect((await rowOf(db, committed.id)).status).toBe('kept'));

    const rows = await db.selectFrom('mail_outbox').select('to_address').execute();
    expect(rows.map((r) => r.to_address)).toEqual(['committed@example.org']);
    const queued = await jobs.boss()?.findJobs(mailQueue);
    expect(queued?.map((job) => job.data)).toEqual([{ id: committed.id }]);
  });
});
