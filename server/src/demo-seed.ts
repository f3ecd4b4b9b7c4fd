import { demoStaffSeeder } from './modules/identity/index.ts';
import { createNationalNumberVault, createPopulationSeeder } from './modules/register/index.ts';
import type { Config } from './platform/config/config.ts';
import type { Seeder } from './platform/seed/seed.ts';
import { welcomeMailSeeder } from './platform/seed/welcome-mail.seed.ts';

/**
 * What `gastvrij seed --demo` (and `gastvrij start` in demo mode) puts in the database, in order:
 * a module's seeder comes after those of the modules whose rows it points at. Every seeder is
 * idempotent, so this runs at each demo start and after upgrades.
 */
export const demoSeeders = (config: Config): Seeder[] => [
  welcomeMailSeeder,
  createPopulationSeeder(createNationalNumberVault(config.secretKey)),
  demoStaffSeeder,
];
