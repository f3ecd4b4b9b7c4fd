import { Temporal } from '@js-temporal/polyfill';
import { parseNationalNumber } from '../../../../shared/src/identity/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { HouseholdRole, RegisterAddress, Sex } from '../../../../shared/src/register/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { NationalNumberDecryptionError, type NationalNumberVault } from './national-number.crypto.ts';
import type { PersonFile, PersonRecord, PopulationRegister } from './register.port.ts';
import { type AddressRow, createRegisterRepository, type PersonFileMember, type PersonRow } from './register.repository.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREETS = 50;

const toAddress = (
  row: Pick<AddressRow, 'id' | 'street' | 'house_number' | 'box' | 'postcode' | 'municipality' | 'sub_municipality' | 'nis_code'>,
): RegisterAddress => ({
  id: row.id,
  street: row.street,
  houseNumber: row.house_number,
  box: row.box,
  postcode: row.postcode,
  municipality: row.municipality,
  subMunicipality: row.sub_municipality,
  nisCode: row.nis_code,
});

/**
 * The population register backed by this city's own PostgreSQL tables: the demo population, or a
 * copy loaded from the city's population software. nisCode limits street suggestions to the city
 * (former addresses elsewhere are stored too).
 */
export const createLocalRegister = ({ db, vault, nisCode }: { db: Db; vault: NationalNumberVault; nisCode: string }): PopulationRegister => {
  const repository = createRegisterRepository(db);

  const toPerson = (row: PersonRow): PersonRecord => {
    const nationalNumber = vault.decrypt(row.national_number_encrypted);
    // The hash is the lookup key: a ciphertext copied from another row would decrypt fine but name someone else.
    if (!vault.hash(nationalNumber).equals(row.national_number_hash)) {
      throw new NationalNumberDecryptionError(`The national register number of person ${row.id} does not match its hash`);
    }
    return {
      id: row.id,
      nationalNumber,
      givenName: row.given_name,
      familyName: row.family_name,
      birthDate: row.birth_date,
      sex: row.sex as Sex,
      nationality: row.nationality,
      preferredLanguage: row.preferred_language as Language,
      householdId: row.household_id,
      householdRole: row.household_role as HouseholdRole | null,
      dateOfDeath: row.date_of_death,
    };
  };

  const findById = async (personId: string) => {
    if (!uuidPattern.test(personId)) return null;
    const row = await repository.findPersonById(personId);
    return row ? toPerson(row) : null;
  };

  // JSON has no bytes: in the person file's members, bytea comes as PostgreSQL's \\x-hex text.
  const memberRow = (member: PersonFileMember): PersonRow => ({
    ...member,
    national_number_hash: Buffer.from(member.national_number_hash.slice(2), 'hex'),
    national_number_encrypted: Buffer.from(member.national_number_encrypted.slice(2), 'hex'),
  });

  const personFile = async (personId: string): Promise<PersonFile | null> => {
    if (!uuidPattern.test(personId)) return null;
    const row = await repository.findPersonFile(personId);
    if (!row) return null;
    const { household_json: household, members_json: members, history_json: history, ...person } = row;
    return {
      person: toPerson(person),
      household: household
        ? {
            id: household.household_id,
            reference: household.reference,
            address: toAddress(household),
            members: members.map((member) => toPerson(memberRow(member))),
          }
        : null,
      history: history.map((period) => ({ address: toAddress(period), validFrom: period.valid_from, validTo: period.valid_to })),
    };
  };

  return {
    findPersonByNationalNumber: async (nationalNumber) => {
      const parsed = parseNationalNumber(nationalNumber);
      if (!parsed.ok) return null;
      const row = await repository.findPersonByHash(vault.hash(parsed.value.digits));
      return row ? toPerson(row) : null;
    },

    getPerson: findById,

    // The composition and the history are parts of the person's file: one query, one definition of their order.
    getHousehold: async (personId) => (await personFile(personId))?.household ?? null,

    getAddress: async (personId) => {
      if (!uuidPattern.test(personId)) return null;
      const row = await repository.findHouseholdOfPerson(personId);
      return row ? toAddress(row) : null;
    },

    householdMinorIds: async (personId, onDate) => {
      if (!uuidPattern.test(personId)) return [];
      // Born after the same day 18 years earlier (29 February falls back to the 28th): still a minor on onDate.
      const rows = await repository.listYoungerHouseholdMembers(personId, Temporal.PlainDate.from(onDate).subtract({ years: 18 }).toString());
      return rows.map((row) => row.id);
    },

    getAddressHistory: async (personId) => (await personFile(personId))?.history ?? [],

    getPersonFile: (personId) => personFile(personId),

    searchStreets: async (prefix, limit) => {
      const typed = prefix.trim();
      if (typed === '') return [];
      const rows = await repository.searchStreets(nisCode, typed, Math.min(Math.max(1, Math.floor(limit)), MAX_STREETS));
      return rows.map((row) => ({
        street: row.street,
        postcode: row.postcode,
        subMunicipality: row.sub_municipality,
        municipality: row.municipality,
        nisCode: row.nis_code,
      }));
    },
  };
};
