import type { CityProfile } from '../../../../shared/src/city/city-profile.schema.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { MailService } from '../mail/mail.service.ts';

/** What a seeder gets: the services of the app, on the database being seeded. */
export type SeedContext = { db: Db; mail: MailService; clock: Clock; city: CityProfile; config: Config };

/**
 * Fills the demo city with one module's data. `run` must be idempotent: `gastvrij seed --demo` may
 * run any number of times (after every upgrade, say) and must never duplicate rows. Look up what
 * is there first, or insert with fixed keys and `ON CONFLICT DO NOTHING`. It returns a short
 * summary for the progress line.
 */
export type Seeder = { name: string; run: (ctx: SeedContext) => Promise<string | undefined> };

/** The demo seed is refused in production; the message says why and what to do. */
export class SeedError extends Error {
  override name = 'SeedError';
}

const seeders: Seeder[] = [];

/** Adds a seeder; they run in the order they were registered. A second, different seeder with the same name is a mistake. */
export const registerSeeder = (seeder: Seeder): void => {
  const existing = seeders.find((s) => s.name === seeder.name);
  if (existing === seeder) return;
  if (existing) throw new Error(`Two seeders are named ${seeder.name}`);
  seeders.push(seeder);
};

/** The names of the registered seeders, in run order. */
export const registeredSeeders = (): string[] => seeders.map((s) => s.name);

/** Refuses the demo seed with NODE_ENV=production: demo residents and mail must never reach real people. */
export const assertDemoSeedAllowed = (config: Config): void => {
  if (config.env === 'production') {
    throw new SeedError(
      'The demo seed is refused with NODE_ENV=production: demo data must never reach real residents. Seed a development or test installation instead.',
    );
  }
};

/** Runs every registered seeder in order, reporting each; stops at the first that fails. */
export const runSeeders = async (ctx: SeedContext, progress: (message: string) => void = () => {}): Promise<{ name: string; summary: string }[]> => {
  assertDemoSeedAllowed(ctx.config);
  const results: { name: string; summary: string }[] = [];
  for (const seeder of seeders) {
    progress(`seeding ${seeder.name}`);
    const summary = (await seeder.run(ctx)) ?? 'done';
    progress(`seeded ${seeder.name}: ${summary}`);
    results.push({ name: seeder.name, summary });
  }
  return results;
};
