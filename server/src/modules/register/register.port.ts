import type { Language } from '../../../../shared/src/platform/language.ts';
import type { HouseholdRole, RegisterAddress, Sex, Street } from '../../../../shared/src/register/index.ts';

/**
 * A person as the register knows them, inside the server. Unlike the API's Person it holds the
 * national register number in clear: the caller decides, by role, whether to show it (see
 * toPersonResponse) and audits the read.
 */
export type PersonRecord = {
  id: string;
  /** 11 digits, RRN or BIS number. */
  nationalNumber: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  preferredLanguage: Language;
  householdId: string | null;
  householdRole: HouseholdRole | null;
  dateOfDeath: string | null;
};

/** A household composition: its address and its members, reference person first. */
export type HouseholdRecord = { id: string; reference: string; address: RegisterAddress; members: PersonRecord[] };

/** One period at one address; validTo is exclusive and null while the person still lives there. */
export type AddressPeriod = { address: RegisterAddress; validFrom: string; validTo: string | null };

/** A person with their household (null when in none) and address history, most recent first. */
export type PersonFile = { person: PersonRecord; household: HouseholdRecord | null; history: AddressPeriod[] };

/**
 * The population register as Gastvrij needs it. This is the port: the local implementation
 * (local-register.ts) answers from PostgreSQL, and an adapter for the Flemish MAGDA services
 * implements the same type (docs/register.md maps each method to its MAGDA service). Callers never
 * know which one they talk to.
 *
 * Methods answer null or [] for someone the register does not know; they throw only when the
 * register cannot be reached or its data is damaged. Authorization and the audit log are the
 * caller's job: the register answers whoever asks.
 */
export type PopulationRegister = {
  /** The person with this RRN or BIS number (separators allowed); null when unknown or not a valid number. MAGDA: GeefPersoon. */
  findPersonByNationalNumber: (nationalNumber: string) => Promise<PersonRecord | null>;
  /** The person with this register id; null when unknown. */
  getPerson: (personId: string) => Promise<PersonRecord | null>;
  /** The household the person belongs to now; null when unknown or in no household. MAGDA: GeefGezinssamenstelling. */
  getHousehold: (personId: string) => Promise<HouseholdRecord | null>;
  /**
   * Where the person lives now (their household's address), without reading anyone's file: for
   * routing a case by sub-municipality. Null when unknown or in no household. MAGDA: GeefPersoon (adres).
   */
  getAddress: (personId: string) => Promise<RegisterAddress | null>;
  /**
   * The minors living in the person's household on `onDate` (YYYY-MM-DD): the ids only, for deciding
   * whose cases a parent follows, without reading anyone's file. MAGDA: from GeefGezinssamenstelling.
   */
  householdMinorIds: (personId: string, onDate: string) => Promise<string[]>;
  /** Where the person lived, most recent first; [] when unknown. MAGDA: GeefHistoriekPersoon. */
  getAddressHistory: (personId: string) => Promise<AddressPeriod[]>;
  /**
   * The person, their household and their address history together, as a certificate or "Mijn
   * gegevens" shows them: what getPerson, getHousehold and getAddressHistory answer, in one call
   * (the local register reads it in one query). Null when the person is unknown. MAGDA: the three
   * services side by side.
   */
  getPersonFile: (personId: string) => Promise<PersonFile | null>;
  /**
   * Streets of the city whose name, or a word of it, starts with the prefix (case-insensitive), for
   * address suggestions. MAGDA has no such service; an adapter takes them from the Flemish address register.
   */
  searchStreets: (prefix: string, limit: number) => Promise<Street[]>;
};
