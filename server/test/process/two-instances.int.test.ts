import http from 'node:http';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.ts';
import { createDb, type Db } from '../../src/platform/db/database.ts';
import { freePort } from '../../src/platform/db/embedded.ts';
import { readMigrations } from '../../src/platform/db/migrate.ts';
import { createJobs, type Jobs } from '../../src/platform/jobs/jobs.ts';
import { createMailService } from '../../src/platform/mail/mail.service.ts';
import { createEmptyDatabase, type TestDatabase } from '../test-database.ts';
import { cleanUpProcesses, type GastvrijProcess, runGastvrij, tempDir } from './gastvrij-process.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

let database: TestDatabase | undefined;
let smtp: SmtpSink | undefined;
let db: Db | undefined;
let sender: Jobs | undefined;

afterAll(async () => {
  await sender?.stop(1_000);
  await db?.destroy();
  await cleanUpProcesses();
  await smtp?.close();
  await database?.drop();
});

const status = (port: number, url: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on('error', reject);
  });

describe('two instances on one external database', () => {
  it('both start, migrations run once, and every mail is delivered exactly once', async () => {
    database = await createEmptyDatabase();
    smtp = await startSmtpSink();
    const ports = [await freePort(), await freePort()];
    const instances: GastvrijProcess[] = [];
    for (const port of ports) {
      instances.push(runGastvrij({ PORT: String(port), DATABASE_URL: database.url, SMTP_URL: smtp.url, GASTVRIJ_DATA_DIR: await tempDir('unused') }));
    }
    await Promise.all(instances.map((instance) => instance.waitForLine(/^gastvrij: ready in /, 120_000)));
    for (const port of ports) expect(await status(port, '/health/ready')).toBe(200);

    db = createDb(database.url, { max: 3 }).db;
    const migrations = (await sql<{ version: string }>`SELECT version FROM schema_migrations ORDER BY version`.execute(db)).rows;
    expect(migrations.map((m) => m.version)).toEqual((await readMigrations()).map((m) => m.version));
    const applying = instances.map((instance) => instance.stderrLines().filter((line) => /applying migration \d{12}_/.test(line)).length);
    expect(applying.reduce((a, b) => a + b)).toBe(migrations.length);

    // Queue a burst from a third, send-only process; the two instances' workers share it.
    sender = createJobs({ connectionString: database.url, logger: pino({ level: 'silent' }), workers: false });
    const mail = createMailService({ db, jobs: sender, clock: systemClock, smtpUrl: null, from: 'info@harelbeke.be' });
    await sender.start();
    const burst = 30;
    const rows = await Promise.all(
      Array.from({ length: burst }, (_, i) => mail.send({ to: `inwoner${i}@example.org`, subject: `Bericht ${i}`, text: `Inhoud ${i}` })),
    );

    const until = Date.now() + 90_000;
    let sent = 0;
    while (Date.now() < until) {
      sent = (
        await db
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'sent')
          .executeTakeFirstOrThrow()
      ).n;
      if (sent === burst) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(sent).toBe(burst);
    expect(smtp.messages).toHaveLength(burst);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(burst);
    expect(new Set(smtp.messages.flatMap((m) => m.to))).toEqual(new Set(rows.map((r) => r.to_address)));
    const attempts = await db.selectFrom('mail_outbox').select('attempts').execute();
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);

    for (const instance of instances) instance.child.kill('SIGTERM');
    for (const instance of instances) expect(await instance.exited).toEqual({ code: 0, signal: null });
  }, 300_000);
});
