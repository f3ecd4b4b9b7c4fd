import { describe, expect, it } from 'vitest';
import { parseNationalNumber } from '../../../../shared/src/identity/index.ts';
import { demoHouseholds, demoResidents } from './demo-residents.data.ts';
import { harelbekeStreets } from './harelbeke-streets.data.ts';
import { createRandom, type GeneratedPerson, type GeneratePopulationOptions, generatePopulation } from './population.generator.ts';

const referenceDate = '2026-11-25';
const options = (overrides: Partial<GeneratePopulationOptions> = {}): GeneratePopulationOptions => ({
  seed: 34013,
  persons: 28_500,
  households: 12_500,
  referenceDate,
  streets: harelbekeStreets,
  municipality: { name: 'Harelbeke', nisCode: '34013' },
  fixedHouseholds: demoHouseholds,
  ...overrides,
});

const ageOn = (birthDate: string, on: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};
const share = (count: number, total: number) => count / total;
const expectNear = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);

describe('createRandom', () => {
  it('repeats its sequence for the same seed and stays in range', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const draws = Array.from({ length: 1000 }, () => a.int(1, 6));
    expect(Array.from({ length: 1000 }, () => b.int(1, 6))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('generatePopulation is deterministic', () => {
  it('gives the same population, ids included, for the same seed', () => {
    const small = options({ persons: 2_000, households: 880 });
    expect(generatePopulation(small)).toEqual(generatePopulation(small));
  });

  it('gives another population for another seed', () => {
    const first = generatePopulation(options({ persons: 2_000, households: 880 }));
    const second = generatePopulation(options({ persons: 2_000, households: 880, seed: 1 }));
    expect(second.persons.map((p) => p.nationalNumber)).not.toEqual(first.persons.map((p) => p.nationalNumber));
  });

  it('refuses targets that make no plausible households', () => {
    expect(() => generatePopulation(options({ persons: 1_000, households: 900 }))).toThrow(RangeError);
    expect(() => generatePopulation(options({ persons: 10, households: 3 }))).toThrow(RangeError);
  });
});

describe('the demo population of Harelbeke', () => {
  const population = generatePopulation(options());
  const { persons, households, addresses, addressHistory } = population;
  const addressById = new Map(addresses.map((a) => [a.id, a]));
  const membersOf = new Map<string, GeneratedPerson[]>();
  for (const person of persons) membersOf.set(person.householdId, [...(membersOf.get(person.householdId) ?? []), person]);

  it('meets the targets within 2%', () => {
    expect(Math.abs(persons.length - 28_500) / 28_500).toBeLessThanOrEqual(0.02);
    expect(Math.abs(households.length - 12_500) / 12_500).toBeLessThanOrEqual(0.02);
    expect(new Set(persons.map((p) => p.id)).size).toBe(persons.length);
    expect(new Set(households.map((h) => h.reference)).size).toBe(households.length);
  });

  it('gives everyone a valid, unique national number that encodes their birth date and sex', () => {
    expect(new Set(persons.map((p) => p.nationalNumber)).size).toBe(persons.length);
    const wrong = persons.filter((person) => {
      const parsed = parseNationalNumber(person.nationalNumber);
      if (!parsed.ok) return true;
      const { birthDate, sex, kind } = parsed.value;
      const encoded = birthDate && `${birthDate.year}-${String(birthDate.month).padStart(2, '0')}-${String(birthDate.day).padStart(2, '0')}`;
      return encoded !== person.birthDate || sex !== person.sex || (kind === 'bis' && person.nationality === 'BE');
    });
    expect(wrong).toEqual([]);
    const bis = persons.filter((p) => {
      const parsed = parseNationalNumber(p.nationalNumber);
      return parsed.ok && parsed.value.kind === 'bis';
    });
    expect(bis.length).toBeGreaterThan(20);
  });

  it('has the age pyramid of a Flemish town', () => {
    const ages = persons.map((p) => ageOn(p.birthDate, referenceDate));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(105);
    expect(share(ages.filter((a) => a < 20).length, ages.length)).toBeGreaterThan(0.17);
    expect(share(ages.filter((a) => a < 20).length, ages.length)).toBeLessThan(0.24);
    expect(share(ages.filter((a) => a >= 65).length, ages.length)).toBeGreaterThan(0.21);
    expect(share(ages.filter((a) => a >= 65).length, ages.length)).toBeLessThan(0.29);
  });

  it('has the household shapes of a Flemish town, each with one reference person', () => {
    const shapes = { single: 0, couple: 0, coupleWithChildren: 0, singleParent: 0, other: 0 };
    let withoutOneReferencePerson = 0;
    for (const members of membersOf.values()) {
      if (members.filter((m) => m.householdRole === 'reference-person').length !== 1) withoutOneReferencePerson++;
      const roles = new Set(members.map((m) => m.householdRole));
      if (members.length === 1) shapes.single++;
      else if (roles.has('other')) shapes.other++;
      else if (roles.has('partner')) roles.has('child') ? shapes.coupleWithChildren++ : shapes.couple++;
      else shapes.singleParent++;
    }
    expect(withoutOneReferencePerson).toBe(0);
    const total = households.length;
    expectNear(share(shapes.single, total), 0.33, 0.01);
    expectNear(share(shapes.couple, total), 0.3, 0.01);
    expectNear(share(shapes.coupleWithChildren, total), 0.25, 0.01);
    expectNear(share(shapes.singleParent, total), 0.08, 0.01);
    expectNear(share(shapes.other, total), 0.04, 0.01);
  });

  it('makes children at least 16 years younger than their parents', () => {
    const tooOld = [...membersOf.values()].flatMap((members) => {
      const parents = members.filter((m) => m.householdRole === 'reference-person' || m.householdRole === 'partner');
      const youngestParent = parents
        .map((p) => p.birthDate)
        .sort()
        .at(-1) as string;
      return members.filter((m) => m.householdRole === 'child' && ageOn(youngestParent, m.birthDate) < 16);
    });
    expect(tooOld).toEqual([]);
  });

  it('spreads households over the sub-municipalities about 75/15/10, at unique addresses in the city', () => {
    const count = (sub: string) => households.filter((h) => addressById.get(h.addressId)?.subMunicipality === sub).length;
    expectNear(share(count('Harelbeke'), households.length), 0.75, 0.02);
    expectNear(share(count('Bavikhove'), households.length), 0.15, 0.02);
    expectNear(share(count('Hulste'), households.length), 0.1, 0.02);
    expect(new Set(households.map((h) => h.addressId)).size).toBe(households.length);
    const keys = addresses.map((a) => [a.nisCode, a.postcode, a.street, a.houseNumber, a.box].join('|'));
    expect(new Set(keys).size).toBe(addresses.length);
    const streets = new Set(harelbekeStreets.map((s) => `${s.street}|${s.postcode}`));
    const elsewhere = households.filter((h) => {
      const address = addressById.get(h.addressId);
      return !streets.has(`${address?.street}|${address?.postcode}`);
    });
    expect(elsewhere).toEqual([]);
  });

  it('is mostly Belgian, with residents from the usual countries', () => {
    const nationalities = new Set(persons.map((p) => p.nationality));
    for (const country of ['NL', 'FR', 'RO', 'PL', 'MA', 'TR']) expect(nationalities).toContain(country);
    expect(share(persons.filter((p) => p.nationality === 'BE').length, persons.length)).toBeGreaterThan(0.85);
  });

  it('gives everyone one current address, their household address, and periods that do not overlap', () => {
    const periodsOf = new Map<string, (typeof addressHistory)[number][]>();
    for (const period of addressHistory) {
      const list = periodsOf.get(period.personId) ?? [];
      list.push(period);
      periodsOf.set(period.personId, list);
    }
    const householdAddress = new Map(households.map((h) => [h.id, h.addressId]));
    const wrong = persons.filter((person) => {
      const periods = (periodsOf.get(person.id) ?? []).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      const current = periods.filter((p) => p.validTo === null);
      if (current.length !== 1 || current[0]?.addressId !== householdAddress.get(person.householdId)) return true;
      if ((periods[0]?.validFrom ?? '') < person.birthDate) return true;
      if (periods.some((p, i) => i > 0 && (periods[i - 1]?.validTo ?? '') > p.validFrom)) return true;
      return !periods.every((p) => p.validFrom <= referenceDate && (p.validTo === null || p.validFrom < p.validTo));
    });
    expect(wrong).toEqual([]);
    expect(addresses.some((a) => a.nisCode !== '34013')).toBe(true);
  });

  it('includes the demo residents as they are', () => {
    const byId = new Map(persons.map((p) => [p.id, p]));
    for (const resident of Object.values(demoResidents)) {
      expect(byId.get(resident.id)).toMatchObject({ ...resident });
    }
    expect(demoResidents.pieterVandenberghe.nationalNumber).toBe('85073003328');
    expect(parseNationalNumber(demoResidents.andreiPopescu.nationalNumber)).toMatchObject({ ok: true, value: { kind: 'bis' } });
  });
});
