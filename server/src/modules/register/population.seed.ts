import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { demoHouseholds } from './demo-residents.data.ts';
import { harelbekeStreets } from './harelbeke-streets.data.ts';
import type { NationalNumberVault } from './national-number.crypto.ts';
import { generatePopulation } from './population.generator.ts';
import { createRegisterRepository } from './register.repository.ts';

/** Options of seedPopulation; the defaults are the demo city (Harelbeke, 2019 figures). */
export type SeedPopulationOptions = {
  /** PRNG seed: the same seed gives the same people. */
  seed?: number;
  persons?: number;
  households?: number;
  /** Ages count back from this day (YYYY-MM-DD); defaults to today. */
  referenceDate?: string;
  progress?: (message: string) => void;
};

/** What seedPopulation did; skipped when the register already held people. */
export type SeedPopulationResult = { skipped: boolean; persons: number; households: number; addresses: number; durationMs: number };

// Any constant works as long as every instance uses the same one: two processes seeding at once wait for each other.
const seedLockKey = 7_236_512_884_902n;

/**
 * Fills the local register with the synthetic population of the demo city, including the well-known
 * demo residents. Idempotent: a register that already holds people is left alone. Runs in one
 * transaction, so a crash leaves the register empty rather than half-seeded.
 */
export const seedPopulation = async (db: Db, vault: NationalNumberVault, options: SeedPopulationOptions = {}): Promise<SeedPopulationResult> => {
  const started = performance.now();
  const progress = options.progress ?? (() => {});
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${seedLockKey.toString()}::bigint)`.execute(trx);
    const repository = createRegisterRepository(trx);
    if (await repository.hasPersons()) {
      progress('population register already holds people; not seeding');
      return { skipped: true, persons: 0, households: 0, addresses: 0, durationMs: performance.now() - started };
    }
    const population = generatePopulation({
      seed: options.seed ?? 34013,
      persons: options.persons ?? 28_500,
      households: options.households ?? 12_500,
      referenceDate: options.referenceDate ?? new Date().toISOString().slice(0, 10),
      streets: harelbekeStreets,
      municipality: { name: 'Harelbeke', nisCode: '34013' },
      fixedHouseholds: demoHouseholds,
    });
    progress(`generated ${population.persons.length} residents in ${population.households.length} households`);

    await repository.insertAddresses(
      population.addresses.map((a) => ({
        id: a.id,
        street: a.street,
        house_number: a.houseNumber,
        box: a.box,
        postcode: a.postcode,
        municipality: a.municipality,
        sub_municipality: a.subMunicipality,
        nis_code: a.nisCode,
      })),
    );
    await repository.insertHouseholds(population.households.map((h) => ({ id: h.id, reference: h.reference, address_id: h.addressId })));
    await repository.insertPersons(
      population.persons.map((p) => ({
        id: p.id,
        national_number_hash: vault.hash(p.nationalNumber),
        national_number_encrypted: vault.encrypt(p.nationalNumber),
        given_name: p.givenName,
        family_name: p.familyName,
        birth_date: p.birthDate,
        sex: p.sex,
        nationality: p.nationality,
        preferred_language: p.preferredLanguage,
        household_id: p.householdId,
        household_role: p.householdRole,
        date_of_death: p.dateOfDeath,
      })),
    );
    await repository.insertAddressHistory(
      population.addressHistory.map((r) => ({ person_id: r.personId, address_id: r.addressId, valid_from: r.validFrom, valid_to: r.validTo })),
    );
    const durationMs = performance.now() - started;
    progress(`stored the population register in ${(durationMs / 1000).toFixed(1)} s`);
    return {
      skipped: false,
      persons: population.persons.length,
      households: population.households.length,
      addresses: population.addresses.length,
      durationMs,
    };
  });
};
