import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { registeredSeeders, registerSeeder, runSeeders, SeedError } from './seed.ts';
import { registerDemoSeeders } from './seeders.ts';
import { demoInbox } from './welcome-mail.seed.ts';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    registerDemoSeeders();
  });
  afterAll(() => t?.close());

  const context = () => ({ db: t.db, mail: t.mail, clock: { now: () => new Date() }, city: t.city, config: t.config });

  it('can run twice without duplicating anything', async () => {
    const progress: string[] = [];
    await runSeeders(context(), (m) => progress.push(m));
    const second = await runSeeders(context());
    const mail = await t.db.selectFrom('mail_outbox').select('id').where('to_address', '=', demoInbox).execute();
    expect(mail).toHaveLength(1);
    expect(progress).toContain(`seeded welcome-mail: 1 mail to ${demoInbox}`);
    expect(second).toContainEqual({ name: 'welcome-mail', summary: 'already there' });
  });

  it('is refused in production', async () => {
    await expect(runSeeders({ ...context(), config: { ...t.config, env: 'production' } })).rejects.toBeInstanceOf(SeedError);
  });

  it('refuses two different seeders with one name, and ignores registering the same one again', () => {
    registerDemoSeeders();
    expect(registeredSeeders().filter((n) => n === 'welcome-mail')).toHaveLength(1);
    expect(() => registerSeeder({ name: 'welcome-mail', run: async () => 'x' })).toThrow(/Two seeders are named welcome-mail/);
  });
});
