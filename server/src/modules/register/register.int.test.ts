import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCityProfile } from '../../../../shared/src/city/city-profile.factory.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createDb, type Db } from '../../platform/db/database.ts';
import type { SeedContext } from '../../platform/seed/seed.ts';
import {
  createLocalRegister,
  createNationalNumberVault,
  createPopulationSeeder,
  demoResidents,
  NationalNumberDecryptionError,
  type PopulationRegister,
  seedPopulation,
  toPersonResponse,
} from './index.ts';

const vault = createNationalNumberVault('integration-test-secret-of-at-least-32-bytes');
const { pieterVandenberghe, lienDesmet, lotteVandenberghe, warreVandenberghe, jensVanhoutte, mariaVerhaeghe } = demoResidents;

describe('the local population register', () => {
  let database: TestDatabase;
  let db: Db;
  let register: PopulationRegister;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, { max: 4 }).db;
    register = createLocalRegister({ db, vault, nisCode: '34013' });
    const result = await seedPopulation(db, vault, { seed: 7, persons: 500, households: 220, referenceDate: '2026-11-25' });
    expect(result).toMatchObject({ skipped: false, persons: 500, households: 220 });
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('does not seed twice', async () => {
    expect(await seedPopulation(db, vault, { persons: 500, households: 220 })).toMatchObject({ skipped: true });
    const { count } = await db
      .selectFrom('register_persons')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(500);
  });

  it('is seeded by `gastvrij seed --demo` only for Harelbeke, and only once', async () => {
    const seeder = createPopulationSeeder(vault, { persons: 500, households: 220 });
    // The seeder reads only db, clock and city from the context.
    const context = (nisCode: string) =>
      ({ db, clock: fixedClock('2026-11-25T10:00:00Z'), city: buildCityProfile({ nisCode, lauCode: `BE254${nisCode}` }) }) as unknown as SeedContext;
    expect(await seeder.run(context('34013'))).toBe('already there');
    expect(await seeder.run(context('12345'))).toMatch(/^no demo population/);
  });

  it('finds a person by national number, typed with separators, through the keyed hash', async () => {
    const person = await register.findPersonByNationalNumber('85.07.30-033.28');
    expect(person).toMatchObject({ id: pieterVandenberghe.id, nationalNumber: '85073003328', givenName: 'Pieter', familyName: 'Vandenberghe' });
    expect(await register.findPersonByNationalNumber('85073003427')).toBeNull(); // valid, but nobody here
    expect(await register.findPersonByNationalNumber('85073003329')).toBeNull(); // bad checksum
  });

  it('keeps national numbers out of the table in clear', async () => {
    const digits = pieterVandenberghe.nationalNumber;
    const { rows } = await sql<{ leaks: number }>`
      SELECT count(*)::int AS leaks FROM register_persons
      WHERE position(convert_to(${digits}, 'UTF8') in national_number_encrypted) > 0
         OR position(convert_to(${digits}, 'UTF8') in national_number_hash) > 0`.execute(db);
    expect(rows[0]?.leaks).toBe(0);
    const row = await db.selectFrom('register_persons').selectAll().where('id', '=', pieterVandenberghe.id).executeTakeFirstOrThrow();
    expect(vault.decrypt(row.national_number_encrypted)).toBe(digits);
    expect(row.national_number_hash.equals(vault.hash(digits))).toBe(true);
  });

  it('shows the number masked unless disclosed', async () => {
    const person = await register.getPerson(pieterVandenberghe.id);
    if (!person) throw new Error('expected Pieter');
    expect(toPersonResponse(person, { revealNationalNumber: false })).toMatchObject({ nationalNumberMasked: '85.07.30-033.••' });
    expect(toPersonResponse(person, { revealNationalNumber: false })).not.toHaveProperty('nationalNumber');
    expect(toPersonResponse(person, { revealNationalNumber: true }).nationalNumber).toBe('85073003328');
  });

  it('answers null for an unknown or malformed person id', async () => {
    expect(await register.getPerson('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await register.getPerson('not-a-uuid')).toBeNull();
    expect(await register.getHousehold('not-a-uuid')).toBeNull();
    expect(await register.getAddressHistory('not-a-uuid')).toEqual([]);
    expect(await register.getAddress('not-a-uuid')).toBeNull();
    expect(await register.getAddress('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('gives where a person lives without reading the household, the same address as the composition', async () => {
    expect(await register.getAddress(mariaVerhaeghe.id)).toEqual((await register.getHousehold(mariaVerhaeghe.id))?.address);
    expect(await register.getAddress(lotteVandenberghe.id)).toMatchObject({ street: 'Marktstraat', houseNumber: '41', subMunicipality: 'Harelbeke' });
  });

  it('gives the household composition: address, reference person first, children oldest first', async () => {
    const household = await register.getHousehold(lotteVandenberghe.id);
    expect(household?.address).toMatchObject({
      street: 'Marktstraat',
      houseNumber: '41',
      box: null,
      postcode: '8530',
      subMunicipality: 'Harelbeke',
      nisCode: '34013',
    });
    expect(household?.members.map((m) => [m.id, m.householdRole])).toEqual([
      [pieterVandenberghe.id, 'reference-person'],
      [lienDesmet.id, 'partner'],
      [lotteVandenberghe.id, 'child'],
      [warreVandenberghe.id, 'child'],
    ]);
    const alone = await register.getHousehold(mariaVerhaeghe.id);
    expect(alone?.members.map((m) => m.id)).toEqual([mariaVerhaeghe.id]);
    expect(alone?.address).toMatchObject({ street: 'Hulstedorp', subMunicipality: 'Hulste', postcode: '8531' });
  });

  it('gives the address history, most recent first', async () => {
    const history = await register.getAddressHistory(jensVanhoutte.id);
    expect(history).toEqual([
      { address: expect.objectContaining({ street: 'Kervijnstraat', houseNumber: '8', subMunicipality: 'Bavikhove' }), validFrom: '2024-05-01', validTo: null },
      {
        address: expect.objectContaining({ street: 'Doorniksestraat', houseNumber: '88', box: '2', municipality: 'Kortrijk', nisCode: '34022' }),
        validFrom: '2021-09-01',
        validTo: '2024-05-01',
      },
    ]);
  });

  it('gives a person’s file in one read: every person in it as their own row reads, the household at the address where they live', async () => {
    const ids = (await db.selectFrom('register_persons').select('id').orderBy('id').limit(40).execute()).map((row) => row.id);
    // Someone who left every household is in no composition but keeps a history.
    const alone = ids[0] as string;
    const before = await db.selectFrom('register_persons').select(['household_id', 'household_role']).where('id', '=', alone).executeTakeFirstOrThrow();
    await db.updateTable('register_persons').set({ household_id: null, household_role: null }).where('id', '=', alone).execute();
    for (const id of ids) {
      const file = await register.getPersonFile(id);
      expect(file?.person).toEqual(await register.getPerson(id));
      // The members come through JSON (their numbers as hex text): each must read as its own row does.
      for (const member of file?.household?.members ?? []) expect(member).toEqual(await register.getPerson(member.id));
      if (file?.household) expect(file.household.members.map((member) => member.id)).toContain(id);
      expect(file?.household?.address ?? null).toEqual(await register.getAddress(id));
      expect(file?.history.length).toBeGreaterThan(0);
    }
    expect((await register.getPersonFile(alone))?.household).toBeNull();
    await db.updateTable('register_persons').set(before).where('id', '=', alone).execute();
    expect(await register.getPersonFile('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await register.getPersonFile('not-an-id')).toBeNull();
  });

  it('suggests streets of the city by the start of their name or of a word in it', async () => {
    const markt = await register.searchStreets('markt', 10);
    expect(markt.map((s) => s.street)).toContain('Marktstraat');
    expect(markt.every((s) => s.street.toLowerCase().startsWith('markt'))).toBe(true);
    expect((await register.searchStreets('  KERVIJN', 10))[0]).toEqual({
      street: 'Kervijnstraat',
      postcode: '8531',
      subMunicipality: 'Bavikhove',
      municipality: 'Harelbeke',
      nisCode: '34013',
    });
    // Doorniksestraat is only a former address in Kortrijk, not a street of the city.
    expect(await register.searchStreets('doorniks', 10)).toEqual([]);
    expect(await register.searchStreets('%', 10)).toEqual([]);
    expect(await register.searchStreets('', 10)).toEqual([]);
    expect((await register.searchStreets('s', 3)).length).toBeLessThanOrEqual(3);
  });

  it('refuses a national number that was moved to another person or altered', async () => {
    const rollback = new Error('rollback');
    await expect(
      db.transaction().execute(async (trx) => {
        const inTransaction = createLocalRegister({ db: trx, vault, nisCode: '34013' });
        const lien = await trx.selectFrom('register_persons').select('national_number_encrypted').where('id', '=', lienDesmet.id).executeTakeFirstOrThrow();
        await trx
          .updateTable('register_persons')
          .set({ national_number_encrypted: lien.national_number_encrypted })
          .where('id', '=', pieterVandenberghe.id)
          .execute();
        await expect(inTransaction.getPerson(pieterVandenberghe.id)).rejects.toThrow(NationalNumberDecryptionError);
        await sql`UPDATE register_persons SET national_number_encrypted = set_byte(national_number_encrypted, 30, get_byte(national_number_encrypted, 30) # 1) WHERE id = ${lienDesmet.id}`.execute(
          trx,
        );
        await expect(inTransaction.findPersonByNationalNumber(lienDesmet.nationalNumber)).rejects.toThrow(NationalNumberDecryptionError);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await register.getPerson(pieterVandenberghe.id))?.nationalNumber).toBe(pieterVandenberghe.nationalNumber);
  });
});

describe('seeding the full demo population', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, { max: 4 }).db;
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  // Timing is printed, not asserted (GUIDE §4): shared machines are too noisy for a timed test.
  it('stores about 28,500 residents in 12,500 households', async () => {
    const result = await seedPopulation(db, vault, { referenceDate: '2026-11-25' });
    console.log(
      `seeded ${result.persons} persons, ${result.households} households, ${result.addresses} addresses in ${(result.durationMs / 1000).toFixed(1)} s`,
    );
    expect(result).toMatchObject({ skipped: false, persons: 28_500, households: 12_500 });
    const register = createLocalRegister({ db, vault, nisCode: '34013' });
    expect((await register.findPersonByNationalNumber(mariaVerhaeghe.nationalNumber))?.id).toBe(mariaVerhaeghe.id);
  }, 180_000);
});
