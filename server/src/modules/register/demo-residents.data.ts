import { makeNationalNumber } from '../../../../shared/src/identity/index.ts';
import type { AddressSeed, FixedHousehold, FixedResident } from './population.generator.ts';

// Fixed ids, so demos, e2e tests and bookmarks can name these people across re-seeds.
const personId = (n: number) => `de000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const householdId = (n: number) => `de000000-0000-4000-8001-${String(n).padStart(12, '0')}`;

const harelbeke = (street: string, houseNumber: string, subMunicipality: 'Harelbeke' | 'Bavikhove' | 'Hulste', box: string | null = null): AddressSeed => ({
  street,
  houseNumber,
  box,
  postcode: subMunicipality === 'Harelbeke' ? '8530' : '8531',
  municipality: 'Harelbeke',
  subMunicipality,
  nisCode: '34013',
});

type ResidentInput = Omit<FixedResident, 'nationalNumber'> & { sequence: number; kind?: 'rrn' | 'bis' };
const resident = ({ sequence, kind = 'rrn', ...rest }: ResidentInput): FixedResident => ({
  ...rest,
  nationalNumber: makeNationalNumber({ birthDate: rest.birthDate, sequence, kind }),
});

/**
 * Well-known people of the demo city, the same in every demo database: log in as them, book for them,
 * find them at the counter. Their national numbers are valid but fictitious.
 */
export const demoResidents = {
  /** Father of the family in the Marktstraat, near city hall; national number 85.07.30-033.28. */
  pieterVandenberghe: resident({
    id: personId(1),
    sequence: 33,
    givenName: 'Pieter',
    familyName: 'Vandenberghe',
    birthDate: '1985-07-30',
    sex: 'male',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'reference-person',
  }),
  /** Pieter's partner. */
  lienDesmet: resident({
    id: personId(2),
    sequence: 122,
    givenName: 'Lien',
    familyName: 'Desmet',
    birthDate: '1987-02-11',
    sex: 'female',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'partner',
  }),
  /** Their daughter, at primary school. */
  lotteVandenberghe: resident({
    id: personId(3),
    sequence: 64,
    givenName: 'Lotte',
    familyName: 'Vandenberghe',
    birthDate: '2015-04-18',
    sex: 'female',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'child',
  }),
  /** Their son. */
  warreVandenberghe: resident({
    id: personId(4),
    sequence: 157,
    givenName: 'Warre',
    familyName: 'Vandenberghe',
    birthDate: '2018-10-03',
    sex: 'male',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'child',
  }),
  /** A widow living alone in Hulste since 1962 who can no longer come to city hall: the home service case. */
  mariaVerhaeghe: resident({
    id: personId(5),
    sequence: 48,
    givenName: 'Maria',
    familyName: 'Verhaeghe',
    birthDate: '1938-02-14',
    sex: 'female',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'reference-person',
  }),
  /** Young father in Bavikhove, moved from Kortrijk in 2024. */
  jensVanhoutte: resident({
    id: personId(6),
    sequence: 211,
    givenName: 'Jens',
    familyName: 'Vanhoutte',
    birthDate: '1997-06-21',
    sex: 'male',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'reference-person',
  }),
  /** Jens's partner. */
  febeDeclercq: resident({
    id: personId(7),
    sequence: 96,
    givenName: 'Febe',
    familyName: 'Declercq',
    birthDate: '1999-01-30',
    sex: 'female',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'partner',
  }),
  /** Their baby, born in August 2026. */
  noorVanhoutte: resident({
    id: personId(8),
    sequence: 12,
    givenName: 'Noor',
    familyName: 'Vanhoutte',
    birthDate: '2026-08-14',
    sex: 'female',
    nationality: 'BE',
    preferredLanguage: 'nl',
    householdRole: 'child',
  }),
  /** A Romanian newcomer with a BIS number who prefers English. */
  andreiPopescu: resident({
    id: personId(9),
    sequence: 17,
    kind: 'bis',
    givenName: 'Andrei',
    familyName: 'Popescu',
    birthDate: '1990-11-05',
    sex: 'male',
    nationality: 'RO',
    preferredLanguage: 'en',
    householdRole: 'reference-person',
  }),
} as const satisfies Record<string, FixedResident>;

/** The households of the demo residents, with their addresses and move-in dates. */
export const demoHouseholds: readonly FixedHousehold[] = [
  {
    id: householdId(1),
    address: harelbeke('Marktstraat', '41', 'Harelbeke'),
    since: '2016-03-01',
    previous: { address: harelbeke('Stationsstraat', '12', 'Harelbeke', '2'), from: '2011-09-01' },
    members: [demoResidents.pieterVandenberghe, demoResidents.lienDesmet, demoResidents.lotteVandenberghe, demoResidents.warreVandenberghe],
  },
  {
    id: householdId(2),
    address: harelbeke('Hulstedorp', '12', 'Hulste'),
    since: '1962-09-01',
    members: [demoResidents.mariaVerhaeghe],
  },
  {
    id: householdId(3),
    address: harelbeke('Kervijnstraat', '8', 'Bavikhove'),
    since: '2024-05-01',
    previous: {
      address: {
        street: 'Doorniksestraat',
        houseNumber: '88',
        box: '2',
        postcode: '8500',
        municipality: 'Kortrijk',
        subMunicipality: 'Kortrijk',
        nisCode: '34022',
      },
      from: '2021-09-01',
    },
    members: [demoResidents.jensVanhoutte, demoResidents.febeDeclercq, demoResidents.noorVanhoutte],
  },
  {
    id: householdId(4),
    address: harelbeke('Gentsesteenweg', '57', 'Harelbeke', '3'),
    since: '2025-02-01',
    members: [demoResidents.andreiPopescu],
  },
];

/** The name by which code refers to a demo resident (`demoResidents.mariaVerhaeghe`). */
export type DemoResidentKey = keyof typeof demoResidents;
