import type { CityResponse } from '../../../../shared/src/city/city.contract.ts';
import type { StaffRole } from '../../../../shared/src/identity/access.ts';
import { formatNationalNumber } from '../../../../shared/src/identity/national-number.rules.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { Person, RegisterAddress } from '../../../../shared/src/register/register.contract.ts';
import { localized } from '../../app/city-display.rules.ts';
import { locales } from '../../app/language.rules.ts';

/** The city's one time zone (ARCHITECTURE: Time): audit times are read as Belgian clock time wherever the browser is. */
const cityTimeZone = 'Europe/Brussels';

/** A moment (ISO date-time) as Belgian clock time in the reader's language: "12 mrt 2026, 14:05". */
export const formatDateTime = (iso: string, language: Language): string =>
  new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: cityTimeZone }).format(new Date(iso));

const boxWord: Record<Language, string> = { nl: 'bus', fr: 'boîte', en: 'box' };

/**
 * A Belgian address on one line as people write it: street and number, box, postcode and the
 * (sub-)municipality: "Marktstraat 29 bus 2, 8530 Harelbeke", "Kerkstraat 3, 8531 Hulste".
 */
export const formatAddress = (address: Pick<RegisterAddress, 'street' | 'houseNumber' | 'box' | 'postcode' | 'subMunicipality'>, language: Language): string =>
  `${address.street} ${address.houseNumber}${address.box ? ` ${boxWord[language]} ${address.box}` : ''}, ${address.postcode} ${address.subMunicipality}`;

/** The national register number as this reader may see it: in full (85.07.30-033.28) when the answer holds it, else masked. */
export const shownNationalNumber = (person: Pick<Person, 'nationalNumber' | 'nationalNumberMasked'>): string =>
  person.nationalNumber ? formatNationalNumber(person.nationalNumber) : person.nationalNumberMasked;

/** Whether the number is shown in full (the page then says so, as it is personal data). */
export const isNationalNumberRevealed = (person: Pick<Person, 'nationalNumber'>): boolean => Boolean(person.nationalNumber);

/** What a row in "Wie bekeek mijn gegevens" says was done; unknown actions read as a general use of the data. */
export type DataAccessKind = 'register-read' | 'audit-search' | 'other';

export const dataAccessKind = (action: string): DataAccessKind =>
  action === 'register.person.read' ? 'register-read' : action === 'audit.search' ? 'audit-search' : 'other';

/** The name of an organisation ('city' or a partner id) in the reader's language; the id itself when the profile does not know it. */
export const organisationName = (city: Pick<CityResponse, 'name' | 'partners'> | undefined, id: string, language: Language): string => {
  if (!city) return id;
  if (id === 'city') return localized(city.name, language);
  const partner = city.partners.find((p) => p.id === id);
  return partner ? localized(partner.name, language) : id;
};

/** The name of a team of the city profile in the reader's language; the id when the profile does not know it. */
export const teamName = (city: Pick<CityResponse, 'teams'> | undefined, id: string, language: Language): string => {
  const team = city?.teams.find((t) => t.id === id);
  return team ? localized(team.name, language) : id;
};

/** A role with its team, for a table cell: "Backoffice (Burgerzaken)". */
export const roleWithTeam = (roleLabel: string, team: string | undefined, teamLabel: (id: string) => string): string =>
  team ? `${roleLabel} (${teamLabel(team)})` : roleLabel;

/** The roles in the order of the staff directory form, so a table reads the same for everyone. */
export const roleOrder: readonly StaffRole[] = [
  'reception',
  'counter',
  'contact-centre',
  'back-office',
  'coordinator',
  'manager',
  'catalogue-editor',
  'admin',
  'partner',
];

/** A role as the audit log stores it ("back-office:burgerzaken") read back as a role and a team; null for a role this app does not know. */
export const parseAuditRole = (label: string): { role: StaffRole; team: string | undefined } | null => {
  const [role = '', team] = label.split(':');
  return (roleOrder as readonly string[]).includes(role) ? { role: role as StaffRole, team: team || undefined } : null;
};
