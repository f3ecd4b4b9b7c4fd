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

/** Checks a seeder list: names identify seeders in progress lines and must be unique. */
export const assertUniqueSeederNames = (seeders: readonly Seeder[]): void => {
  const seen = new Set<string>();
  for (const seeder of seeders) {
    if (seen.has(seeder.name)) throw new Error(`Two seeders are named ${seeder.name}`);
    seen.add(seeder.name);
  }
};

/** Refuses the demo seed with NODE_ENV=production: demo residents and mail must never reach real people. */
export const assertDemoSeedAllowed = (config: Config): void => {
  if (config.env === 'production') {
    throw new SeedError(
      'The demo seed is refused with NODE_ENV=production: demo data must never reach real residents. Seed a development or test installation instead.',
    );
  }
};

/**
 * Runs the given seeders in order (a module's seeder after those of the modules whose rows it
 * points at), reporting each; stops at the first that fails. The list is composed explicitly in
 * server/src/demo-seed.ts, so reading it tells what `gastvrij seed --demo` does.
 */
export const runSeeders = async (
  ctx: SeedContext,
  seeders: readonly Seeder[],
  progress: (message: string) => void = () => {},
): Promise<{ name: string; summary: string }[]> => {
  assertDemoSeedAllowed(ctx.config);
  assertUniqueSeederNames(seeders);
  const results: { name: string; summary: string }[] = [];
  for (const seeder of seeders) {
    progress(`seeding ${seeder.name}`);
    const summary = (await seeder.run(ctx)) ?? 'done';
    progress(`seeded ${seeder.name}: ${summary}`);
    results.push({ name: seeder.name, summary });
  }
  return results;
};
