import type { Seeder } from '../../platform/seed/seed.ts';
import type { NationalNumberVault } from './national-number.crypto.ts';
import { type SeedPopulationOptions, seedPopulation } from './population.seed.ts';

// The synthetic population uses Harelbeke's streets; another city's demo gets none rather than wrong streets.
const HARELBEKE_NIS_CODE = '34013';

const brusselsDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(at);

/**
 * The `gastvrij seed --demo` step of this module. It needs the vault (built from the secret key in
 * the configuration), so the composition root builds it and passes it to registerSeeder.
 */
export const createPopulationSeeder = (vault: NationalNumberVault, options: Omit<SeedPopulationOptions, 'referenceDate' | 'progress'> = {}): Seeder => ({
  name: 'register-population',
  run: async ({ db, clock, city }) => {
    if (city.nisCode !== HARELBEKE_NIS_CODE) return `no demo population for ${city.name.nl} (only Harelbeke has one)`;
    const result = await seedPopulation(db, vault, { ...options, referenceDate: brusselsDate(clock.now()) });
    return result.skipped ? 'already there' : `${result.persons} residents in ${result.households} households (${(result.durationMs / 1000).toFixed(1)} s)`;
  },
});
