import { makeNationalNumber } from '../../../../shared/src/identity/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { HouseholdRole, Sex } from '../../../../shared/src/register/index.ts';
import { foreignNames, formerMunicipalities, givenNamesByDecade, westFlemishFamilyNames } from './flemish-names.data.ts';
import type { StreetSeed } from './harelbeke-streets.data.ts';

/** A seeded pseudo-random source. Not for secrets: it exists so that one seed always gives one population. */
export type Random = {
  /** In [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
  /** A version-4 formatted UUID drawn from the seed, so ids are stable across runs too. */
  uuid: () => string;
};

/** mulberry32: 32 bits of state, fast, and well enough distributed for synthetic data. */
export const createRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const nextU32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => nextU32() / 4_294_967_296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (entries[entries.length - 1] as (typeof entries)[number])[0];
    },
    uuid: () => {
      const hex = [nextU32(), nextU32(), nextU32(), nextU32()].map((n) => n.toString(16).padStart(8, '0')).join('');
      const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
};

/** An address without its id. */
export type AddressSeed = {
  street: string;
  houseNumber: string;
  box: string | null;
  postcode: string;
  municipality: string;
  subMunicipality: string;
  nisCode: string;
};
export type GeneratedAddress = AddressSeed & { id: string };
export type GeneratedHousehold = { id: string; reference: string; addressId: string };
export type GeneratedPerson = {
  id: string;
  /** 11 digits; valid RRN or BIS number. */
  nationalNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  nationality: string;
  preferredLanguage: Language;
  householdId: string;
  householdRole: HouseholdRole;
  dateOfDeath: string | null;
};
/** validTo is exclusive and null for the current address. */
export type GeneratedResidence = { personId: string; addressId: string; validFrom: string; validTo: string | null };
export type GeneratedPopulation = {
  addresses: GeneratedAddress[];
  households: GeneratedHousehold[];
  persons: GeneratedPerson[];
  addressHistory: GeneratedResidence[];
};

/** A resident whose data is fixed (the demo people); the generator adds them as they are. */
export type FixedResident = Omit<GeneratedPerson, 'householdId' | 'dateOfDeath'>;
/** A household whose data is fixed; members moved in on `since`, from `previous` when given. */
export type FixedHousehold = {
  id: string;
  address: AddressSeed;
  since: string;
  previous?: { address: AddressSeed; from: string };
  members: readonly FixedResident[];
};

export type GeneratePopulationOptions = {
  seed: number;
  /** Targets including the fixed households; the generator meets both exactly. */
  persons: number;
  households: number;
  /** Ages and move-in dates count back from this day (YYYY-MM-DD). */
  referenceDate: string;
  streets: readonly StreetSeed[];
  /** The city the streets belong to. */
  municipality: { name: string; nisCode: string };
  fixedHouseholds?: readonly FixedHousehold[];
};

type Shape = 'single' | 'couple' | 'couple-with-children' | 'single-parent' | 'other';
type OtherKind = 'elderly-parent' | 'siblings' | 'housemates';
type Origin = 'BE' | keyof typeof foreignNames;
type Plan = { shape: Shape; other: OtherKind | null; adults: number; children: number };
type Band = readonly [readonly [number, number], number];

// Household shapes of a Flemish town (Statbel household types): one in three lives alone.
const shapeShares: readonly (readonly [Shape, number])[] = [
  ['single', 0.33],
  ['couple', 0.3],
  ['couple-with-children', 0.25],
  ['single-parent', 0.08],
  ['other', 0.04],
];
const childCounts: readonly (readonly [number, number])[] = [
  [1, 38],
  [2, 42],
  [3, 15],
  [4, 5],
];
// Age bands of the reference person per shape: people alone and couples without children at home
// are mostly older, which is where a town's 25% over-65s live.
const ageBands: Record<'single' | 'couple' | 'parents' | 'singleParent', readonly Band[]> = {
  single: [
    [[20, 29], 10],
    [[30, 44], 11],
    [[45, 64], 20],
    [[65, 79], 32],
    [[80, 99], 27],
  ],
  couple: [
    [[22, 34], 14],
    [[35, 54], 10],
    [[55, 64], 16],
    [[65, 79], 42],
    [[80, 95], 18],
  ],
  parents: [
    [[28, 34], 10],
    [[35, 44], 32],
    [[45, 54], 40],
    [[55, 62], 18],
  ],
  singleParent: [
    [[24, 34], 20],
    [[35, 44], 40],
    [[45, 58], 40],
  ],
};
const subMunicipalityShares: readonly (readonly [StreetSeed['subMunicipality'], number])[] = [
  ['Harelbeke', 0.75],
  ['Bavikhove', 0.15],
  ['Hulste', 0.1],
];
const origins: readonly (readonly [Origin, number])[] = [
  ['BE', 0.905],
  ['NL', 0.02],
  ['FR', 0.02],
  ['RO', 0.015],
  ['PL', 0.015],
  ['MA', 0.015],
  ['TR', 0.01],
];
const languages: Record<Origin, readonly (readonly [Language, number])[]> = {
  BE: [
    ['nl', 98],
    ['fr', 2],
  ],
  NL: [['nl', 1]],
  FR: [['fr', 1]],
  RO: [
    ['en', 5],
    ['nl', 4],
    ['fr', 1],
  ],
  PL: [
    ['en', 5],
    ['nl', 4],
    ['fr', 1],
  ],
  MA: [
    ['fr', 5],
    ['nl', 4],
    ['en', 1],
  ],
  TR: [
    ['nl', 6],
    ['en', 3],
    ['fr', 1],
  ],
};
// Frequent names are more frequent: weight by rank.
const familyNameWeights = westFlemishFamilyNames.map((name, rank) => [name, 1 / (rank + 1) ** 0.7] as const);
const formerMunicipalityWeights = formerMunicipalities.map((m) => [m, m.municipality === 'Kortrijk' ? 4 : m.municipality === 'Gent' ? 1 : 2] as const);

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** Splits n into whole parts as close to the shares as possible (largest remainder). */
const apportion = <T>(n: number, shares: readonly (readonly [T, number])[]): Map<T, number> => {
  const total = shares.reduce((sum, [, share]) => sum + share, 0);
  const exact = shares.map(([key, share]) => ({ key, value: (n * share) / total }));
  const counts = new Map(exact.map(({ key, value }) => [key, Math.floor(value)]));
  let left = n - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const { key } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (left-- <= 0) break;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

/**
 * Generates a synthetic population: households at real street names, people with names that fit
 * their age and origin, valid national register numbers, and where they lived before. Pure and
 * deterministic: the same options give the same population, ids included, on every machine.
 * Throws a RangeError when the targets cannot make plausible households (average size outside 1.5-3.5).
 */
export const generatePopulation = (options: GeneratePopulationOptions): GeneratedPopulation => {
  const rng = createRandom(options.seed);
  const fixed = options.fixedHouseholds ?? [];
  const today = toDays(options.referenceDate);
  const population: GeneratedPopulation = { addresses: [], households: [], persons: [], addressHistory: [] };
  const usedNumbers = new Set<string>();
  const addressIds = new Map<string, string>();
  // Per street: which house numbers are taken, and whether the building holds apartments.
  const buildings = new Map<string, { apartments: boolean; boxes: number }>();

  const addressId = (address: AddressSeed): string => {
    const key = [address.nisCode, address.postcode, address.street, address.houseNumber, address.box ?? ''].join('|');
    let id = addressIds.get(key);
    if (!id) {
      id = rng.uuid();
      addressIds.set(key, id);
      population.addresses.push({ id, ...address });
    }
    return id;
  };
  const buildingKey = (street: string, postcode: string, houseNumber: string) => `${postcode}|${street}|${houseNumber}`;

  const live = (personId: string, birthDate: string, home: string, since: number, previous: { addressId: string; from: number } | null) => {
    const birth = toDays(birthDate);
    if (previous && previous.addressId !== home) {
      const from = Math.max(birth, previous.from);
      if (from < since) population.addressHistory.push({ personId, addressId: previous.addressId, validFrom: toIso(from), validTo: toIso(since) });
    }
    population.addressHistory.push({ personId, addressId: home, validFrom: toIso(Math.max(birth, since)), validTo: null });
  };

  const addHousehold = (id: string, home: string) => {
    const household = { id, reference: `HH-${String(population.households.length + 1).padStart(6, '0')}`, addressId: home };
    population.households.push(household);
    return household;
  };

  for (const household of fixed) {
    const home = addressId(household.address);
    const key = buildingKey(household.address.street, household.address.postcode, household.address.houseNumber);
    buildings.set(key, { apartments: household.address.box !== null, boxes: Math.max(buildings.get(key)?.boxes ?? 0, Number(household.address.box ?? 0)) });
    addHousehold(household.id, home);
    const previous = household.previous ? { addressId: addressId(household.previous.address), from: toDays(household.previous.from) } : null;
    for (const member of household.members) {
      if (usedNumbers.has(member.nationalNumber)) throw new RangeError(`Fixed resident ${member.givenName} ${member.familyName} repeats a national number`);
      usedNumbers.add(member.nationalNumber);
      population.persons.push({ ...member, householdId: household.id, dateOfDeath: null });
      live(member.id, member.birthDate, home, toDays(household.since), previous);
    }
  }

  const householdsLeft = options.households - fixed.length;
  const personsLeft = options.persons - population.persons.length;
  const averageSize = personsLeft / householdsLeft;
  if (!(householdsLeft > 0 && averageSize >= 1.5 && averageSize <= 3.5)) {
    throw new RangeError(`Cannot make ${householdsLeft} plausible households for ${personsLeft} persons (average size must be 1.5-3.5)`);
  }

  // Shapes first, children last: the number of children is what brings the person count to the target.
  const plans: Plan[] = [];
  for (const [shape, count] of apportion(householdsLeft, shapeShares)) {
    for (let i = 0; i < count; i++) {
      const other =
        shape === 'other'
          ? rng.weighted<OtherKind>([
              ['elderly-parent', 5],
              ['siblings', 2.5],
              ['housemates', 2.5],
            ])
          : null;
      const adults = shape === 'single' || shape === 'single-parent' ? 1 : other === 'housemates' ? rng.int(2, 3) : 2;
      const children = shape === 'couple-with-children' || shape === 'single-parent' ? rng.weighted(childCounts) : 0;
      plans.push({ shape, other, adults, children });
    }
  }
  for (let i = plans.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [plans[i], plans[j]] = [plans[j] as Plan, plans[i] as Plan];
  }
  const withChildren = plans.filter((p) => p.children > 0);
  let surplus = personsLeft - plans.reduce((sum, p) => sum + p.adults + p.children, 0);
  if (surplus > withChildren.length * 5 || -surplus > withChildren.reduce((sum, p) => sum + p.children - 1, 0)) {
    throw new RangeError(`Cannot spread ${personsLeft} persons over ${householdsLeft} households with these shapes`);
  }
  while (surplus !== 0) {
    const plan = rng.pick(withChildren);
    if (surplus > 0 && plan.children < 6) {
      plan.children++;
      surplus--;
    } else if (surplus < 0 && plan.children > 1) {
      plan.children--;
      surplus++;
    }
  }

  // Streets get a size, and house numbers run high enough for the households they will hold.
  const streetsBySub = new Map<string, { seed: StreetSeed; weight: number; maxNumber: number }[]>();
  for (const seed of options.streets) {
    const list = streetsBySub.get(seed.subMunicipality) ?? [];
    list.push({ seed, weight: 0.3 + 2.7 * rng.next() ** 2, maxNumber: 0 });
    streetsBySub.set(seed.subMunicipality, list);
  }
  const subShares = subMunicipalityShares.filter(([sub]) => streetsBySub.has(sub));
  for (const [sub, share] of subShares) {
    const list = streetsBySub.get(sub) ?? [];
    const totalWeight = list.reduce((sum, s) => sum + s.weight, 0);
    for (const street of list) street.maxNumber = Math.ceil(((householdsLeft * share * street.weight) / totalWeight) * 1.3) + 10;
  }
  const streetIn = (sub: string) => {
    const list = streetsBySub.get(sub) ?? [];
    return rng.weighted(list.map((s) => [s, s.weight] as const));
  };
  const harelbekeAddress = (street: StreetSeed, houseNumber: string, box: string | null): AddressSeed => ({
    street: street.street,
    houseNumber,
    box,
    postcode: street.postcode,
    municipality: options.municipality.name,
    subMunicipality: street.subMunicipality,
    nisCode: options.municipality.nisCode,
  });
  const houseNumber = (max: number) => {
    const n = rng.int(1, max);
    return rng.chance(0.02) ? `${n}${rng.pick(['A', 'B'])}` : String(n);
  };

  const newHome = (): AddressSeed => {
    const sub = rng.weighted(subShares);
    const street = streetIn(sub);
    for (let attempt = 0; ; attempt++) {
      const number = houseNumber(street.maxNumber);
      const key = buildingKey(street.seed.street, street.seed.postcode, number);
      const building = buildings.get(key);
      if (!building) {
        const apartments = rng.chance(sub === 'Harelbeke' ? 0.12 : 0.04);
        buildings.set(key, { apartments, boxes: apartments ? 1 : 0 });
        return harelbekeAddress(street.seed, number, apartments ? '1' : null);
      }
      if (building.apartments && building.boxes < 12) {
        building.boxes++;
        return harelbekeAddress(street.seed, number, String(building.boxes));
      }
      // A street whose numbers are all taken grows, as streets do when land is parcelled.
      if (attempt % 20 === 19) street.maxNumber += 10;
    }
  };

  // A former address: elsewhere in town (possibly where another household lives now) or in a nearby municipality.
  const formerHome = (): AddressSeed => {
    if (rng.chance(0.55)) {
      const street = streetIn(rng.weighted(subShares));
      const number = houseNumber(street.maxNumber);
      const building = buildings.get(buildingKey(street.seed.street, street.seed.postcode, number));
      return harelbekeAddress(street.seed, number, building?.apartments ? String(rng.int(1, building.boxes)) : null);
    }
    const place = rng.weighted(formerMunicipalityWeights);
    return {
      street: rng.pick(place.streets),
      houseNumber: String(rng.int(1, 180)),
      box: rng.chance(0.2) ? String(rng.int(1, 8)) : null,
      postcode: place.postcode,
      municipality: place.municipality,
      subMunicipality: place.municipality,
      nisCode: place.nisCode,
    };
  };

  const birthDateAt = (age: number) => toIso(today - Math.floor((age + rng.next()) * YEAR_DAYS));
  const bandAge = (bands: readonly Band[]) => {
    const [min, max] = rng.weighted(bands);
    return rng.int(min, max);
  };

  const givenName = (origin: Origin, sex: Sex, birthDate: string) => {
    if (origin !== 'BE') return rng.pick(foreignNames[origin][sex]);
    const year = Number(birthDate.slice(0, 4));
    const decade = givenNamesByDecade.findLast((d) => d.from <= year) ?? givenNamesByDecade[0];
    return rng.pick((decade as (typeof givenNamesByDecade)[number])[sex]);
  };
  const familyName = (origin: Origin, sex: Sex) => {
    if (origin === 'BE') return rng.weighted(familyNameWeights);
    const name = rng.pick(foreignNames[origin].family);
    // Polish family names in -ski/-cki take -ska/-cka for women.
    return origin === 'PL' && sex === 'female' ? name.replace(/([sc])ki$/, '$1ka') : name;
  };
  const nationalNumber = (birthDate: string, sex: Sex, kind: 'rrn' | 'bis') => {
    for (;;) {
      const sequence = sex === 'male' ? 2 * rng.int(0, 498) + 1 : 2 * rng.int(1, 499);
      const number = makeNationalNumber({ birthDate, sequence, kind });
      if (!usedNumbers.has(number)) {
        usedNumbers.add(number);
        return number;
      }
    }
  };

  type Member = { role: HouseholdRole; age: number; sex: Sex; familyName?: string; child?: boolean };

  for (const plan of plans) {
    const origin = rng.weighted(origins);
    const members: Member[] = [];
    const randomSex = (): Sex => (rng.chance(0.5) ? 'female' : 'male');
    switch (plan.shape) {
      case 'single': {
        const age = bandAge(ageBands.single);
        // Most people over 65 who live alone are widows.
        members.push({ role: 'reference-person', age, sex: rng.chance(age >= 65 ? 0.68 : 0.45) ? 'female' : 'male' });
        break;
      }
      case 'couple':
      case 'couple-with-children': {
        const age = bandAge(plan.shape === 'couple' ? ageBands.couple : ageBands.parents);
        const sameSex = rng.chance(0.03);
        const sex: Sex = rng.chance(0.78) ? 'male' : 'female';
        members.push({ role: 'reference-person', age, sex });
        members.push({ role: 'partner', age: Math.max(19, age + rng.int(-5, 3)), sex: sameSex ? sex : sex === 'male' ? 'female' : 'male' });
        break;
      }
      case 'single-parent':
        members.push({ role: 'reference-person', age: bandAge(ageBands.singleParent), sex: rng.chance(0.8) ? 'female' : 'male' });
        break;
      case 'other': {
        if (plan.other === 'elderly-parent') {
          const age = rng.int(45, 68);
          const ref: Member = { role: 'reference-person', age, sex: randomSex() };
          members.push(ref, { role: 'other', age: Math.min(100, age + rng.int(22, 34)), sex: rng.chance(0.75) ? 'female' : 'male' });
        } else if (plan.other === 'siblings') {
          const age = rng.int(25, 60);
          members.push({ role: 'reference-person', age, sex: randomSex() }, { role: 'other', age: Math.max(18, age + rng.int(-8, 8)), sex: randomSex() });
        } else {
          for (let i = 0; i < plan.adults; i++) members.push({ role: i === 0 ? 'reference-person' : 'other', age: rng.int(20, 35), sex: randomSex() });
        }
        break;
      }
    }

    const ref = members[0] as Member;
    ref.familyName = familyName(origin, ref.sex);
    if (plan.other === 'siblings') (members[1] as Member).familyName = ref.familyName;
    if (plan.other === 'elderly-parent' && (members[1] as Member).sex === 'male') (members[1] as Member).familyName = ref.familyName;

    if (plan.children > 0) {
      const parentAge = Math.min(...members.map((m) => m.age));
      // Children carry the father's name; a single mother's children mostly carry their father's too.
      const father = members.find((m) => m.sex === 'male');
      const childName = father?.familyName ?? (rng.chance(0.3) ? ref.familyName : familyName(origin, 'male'));
      let age = Math.min(27, Math.max(0, parentAge - rng.int(24, 34)));
      for (let i = 0; i < plan.children; i++) {
        members.push({ role: 'child', age, sex: randomSex(), familyName: childName, child: true });
        age = Math.max(0, age - rng.int(1, 4));
      }
    }

    const home = addressId(newHome());
    const household = addHousehold(rng.uuid(), home);
    const movedYearsAgo = Math.max(0, Math.min(50, ref.age - 20)) * rng.next() ** 1.6;
    const since = today - Math.floor(movedYearsAgo * YEAR_DAYS);
    const adultAtMove = ref.age - movedYearsAgo >= 19;
    const previousFrom = since - Math.floor(rng.int(1, 12) * YEAR_DAYS) - rng.int(0, 364);
    const previous = adultAtMove && rng.chance(0.85) ? { addressId: addressId(formerHome()), from: previousFrom } : null;
    const language = rng.weighted(languages[origin]);

    for (const member of members) {
      const birthDate = birthDateAt(member.age);
      // Children of Moroccan and Turkish families are mostly born Belgian.
      const nationality = member.child && (origin === 'MA' || origin === 'TR') && rng.chance(0.7) ? 'BE' : origin;
      // A few newcomers are not (yet) in the national register and have a BIS number.
      const kind = nationality !== 'BE' && !member.child && rng.chance(0.12) ? 'bis' : 'rrn';
      const id = rng.uuid();
      population.persons.push({
        id,
        nationalNumber: nationalNumber(birthDate, member.sex, kind),
        givenName: givenName(origin, member.sex, birthDate),
        familyName: member.familyName ?? familyName(origin, member.sex),
        birthDate,
        sex: member.sex,
        nationality,
        preferredLanguage: language,
        householdId: household.id,
        householdRole: member.role,
        dateOfDeath: null,
      });
      const ownPrevious = member.role === 'partner' && previous && rng.chance(0.4) ? { addressId: addressId(formerHome()), from: previousFrom } : previous;
      live(id, birthDate, home, since, ownPrevious);
    }
  }
  return population;
};
