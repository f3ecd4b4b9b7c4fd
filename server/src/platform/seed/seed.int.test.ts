import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { runSeeders, SeedError } from './seed.ts';
import { demoInbox, welcomeMailSeeder } from './welcome-mail.seed.ts';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ workers: false });
  });
  afterAll(() => t?.close());

  const context = () => ({ db: t.db, mail: t.mail, clock: { now: () => new Date() }, city: t.city, config: t.config });

  it('can run twice without duplicating anything', async () => {
    const progress: string[] = [];
    await runSeeders(context(), [welcomeMailSeeder], (m) => progress.push(m));
    const second = await runSeeders(context(), [welcomeMailSeeder]);
    const mail = await t.db.selectFrom('mail_outbox').select('id').where('to_address', '=', demoInbox).execute();
    expect(mail).toHaveLength(1);
    expect(progress).toContain(`seeded welcome-mail: 1 mail to ${demoInbox}`);
    expect(second).toContainEqual({ name: 'welcome-mail', summary: 'already there' });
  });

  it('is refused in production', async () => {
    await expect(runSeeders({ ...context(), config: { ...t.config, env: 'production' } }, [welcomeMailSeeder])).rejects.toBeInstanceOf(SeedError);
  });

  it('refuses two seeders with one name before seeding anything', async () => {
    await expect(runSeeders(context(), [welcomeMailSeeder, { name: 'welcome-mail', run: async () => 'x' }])).rejects.toThrow(
      /Two seeders are named welcome-mail/,
    );
  });
});
