import { maskNationalNumber } from '../../../../shared/src/identity/index.ts';
import type { AddressHistoryEntry, Household, Person } from '../../../../shared/src/register/index.ts';
import type { AddressPeriod, HouseholdRecord, PersonRecord } from './register.port.ts';

/** Whether the caller's role may see full national register numbers (decided by the caller's policy). */
export type Disclosure = { revealNationalNumber: boolean };

/** The API view of a person: the national number masked, and in full only when disclosed. */
export const toPersonResponse = ({ nationalNumber, ...person }: PersonRecord, { revealNationalNumber }: Disclosure): Person => ({
  ...person,
  nationalNumberMasked: maskNationalNumber(nationalNumber),
  ...(revealNationalNumber ? { nationalNumber } : {}),
});

/** The API view of a household composition. */
export const toHouseholdResponse = (household: HouseholdRecord, disclosure: Disclosure): Household => ({
  ...household,
  members: household.members.map((member) => toPersonResponse(member, disclosure)),
});

/** The API view of an address history. */
export const toAddressHistoryResponse = (periods: readonly AddressPeriod[]): AddressHistoryEntry[] => periods.map((period) => ({ ...period }));
