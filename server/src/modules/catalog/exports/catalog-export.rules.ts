import type { LocalizedText as ProductText } from '../../../../../shared/src/catalog/localized-text.schema.ts';
import type { Product, ProductChannelId } from '../../../../../shared/src/catalog/product.schema.ts';
import type { Address, Channel, CityProfile, LocalizedText as CityText, Weekday } from '../../../../../shared/src/city/index.ts';
import { weekdays } from '../../../../../shared/src/city/index.ts';
import type { Language } from '../../../../../shared/src/platform/language.ts';

/**
 * What the CPSV-AP and IPDC-LPDC mappers share: JSON-LD value types, the IRIs Gastvrij mints, and
 * the texts (money, opening hours, addresses) both standards carry as literals. Pure.
 */

export type JsonLdValue = string | number | boolean | JsonLdNode | readonly JsonLdValue[];
export type JsonLdNode = { readonly [key: string]: JsonLdValue };
export type JsonLdDocument = { '@context': JsonLdValue; '@graph': JsonLdNode[] };

/**
 * A product with the dates its storage knows. The product model has no dates of its own; the
 * catalogue table has `created_at`/`updated_at`, so the caller passes them when it can and the
 * mappers fall back to the export time otherwise.
 */
export type ExportProduct = Product & { createdAt?: Date; updatedAt?: Date };

/** Namespaces of the vocabularies the exports use beyond the standards' own contexts. */
export const ns = {
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  locn: 'http://www.w3.org/ns/locn#',
  org: 'http://www.w3.org/ns/org#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** EU authority tables (language, currency) and the NUTS/LAU codes used by IPDC for `dct:spatial`. */
const euLanguage: Record<Language, string> = {
  nl: 'http://publications.europa.eu/resource/authority/language/NLD',
  fr: 'http://publications.europa.eu/resource/authority/language/FRA',
  en: 'http://publications.europa.eu/resource/authority/language/ENG',
};
export const euroIri = 'http://publications.europa.eu/resource/authority/currency/EUR';

/** `http://data.europa.eu/nuts/code/BE25434013`: the LAU code, the form IPDC's geografisch-toepassingsgebied list uses. */
export const lauIri = (city: CityProfile): string => `http://data.europa.eu/nuts/code/${city.lauCode}`;

export const languageIris = (city: CityProfile): string[] => city.languages.map((language) => euLanguage[language]);

/** Stable IRIs under the city's public URL; a slug never changes once published, so neither does its IRI. */
export const iris = (baseUrl: string) => {
  const base = baseUrl.replace(/\/+$/, '');
  const product = (slug: string) => `${base}/id/product/${encodeURIComponent(slug)}`;
  return {
    /**
     * The city as organisation. The profile has no LBLOD bestuurseenheid IRI (what LPDC expects in
     * `pav:createdBy`), so the IRI is minted here from the KBO number until the profile carries one.
     */
    organisation: (city: CityProfile) => `${base}/id/organisation/kbo-${city.kboNumber}`,
    partner: (partnerId: string) => `${base}/id/partner/${encodeURIComponent(partnerId)}`,
    product,
    channel: (slug: string, channel: ProductChannelId) => `${product(slug)}/channel/${channel}`,
    part: (slug: string, kind: string, index: number) => `${product(slug)}/${kind}/${index}`,
    lifeEvent: (id: string) => `${base}/id/life-event/${encodeURIComponent(id)}`,
    channelType: (channel: ProductChannelId) => `${base}/id/concept/channel-type/${channel}`,
    /** The resident-facing page of a product: the portal's route `/producten/:slug`. */
    productPage: (slug: string) => `${base}/producten/${encodeURIComponent(slug)}`,
  };
};
export type Iris = ReturnType<typeof iris>;

/** A city text in one language; the profile requires Dutch and may leave French or English out. */
export const cityText = (text: CityText, language: Language): string | undefined => text[language];

/** Languages a city text has, in the given order. */
export const cityTextEntries = (text: CityText, languages: readonly Language[]): [Language, string][] =>
  languages.flatMap((language) => {
    const value = text[language];
    return value ? [[language, value] as [Language, string]] : [];
  });

const euroFormat: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' }),
  fr: new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-BE', { style: 'currency', currency: 'EUR' }),
};

/** "€ 25,00" / "25,00 €" / "€25.00", with a normal space so the text survives every consumer. */
export const formatEuro = (amount: number, language: Language): string => euroFormat[language].format(amount).replace(/\s/g, ' ');

const dayNames: Record<Language, Record<Weekday, string>> = {
  nl: { monday: 'maandag', tuesday: 'dinsdag', wednesday: 'woensdag', thursday: 'donderdag', friday: 'vrijdag', saturday: 'zaterdag', sunday: 'zondag' },
  fr: { monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi', friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche' },
  en: { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday' },
};
const and: Record<Language, string> = { nl: 'en', fr: 'et', en: 'and' };
const alwaysOpenText: ProductText = { nl: 'Dag en nacht open.', fr: 'Ouvert jour et nuit.', en: 'Open day and night.' };
const byAppointmentText: ProductText = { nl: 'Op afspraak.', fr: 'Sur rendez-vous.', en: 'By appointment.' };
const schemaDay: Record<Weekday, string> = { monday: 'Mo', tuesday: 'Tu', wednesday: 'We', thursday: 'Th', friday: 'Fr', saturday: 'Sa', sunday: 'Su' };

/**
 * Weekly hours of a city channel as one sentence per language ("maandag 08:30–12:00 en 13:30–16:30;
 * dinsdag 08:30–12:00."). Closing days are left out: an export describes the usual week, and the
 * portal shows today's exceptions. Undefined when the channel has neither hours nor `alwaysOpen`.
 */
export const weeklyHoursText = (channel: Channel, language: Language): string | undefined => {
  if (channel.alwaysOpen) return alwaysOpenText[language];
  const days = weekdays.flatMap((day) => {
    const intervals = channel.hours[day] ?? [];
    if (intervals.length === 0) return [];
    return [`${dayNames[language][day]} ${intervals.map((i) => `${i.from}–${i.to}`).join(` ${and[language]} `)}`];
  });
  if (days.length === 0) return undefined;
  const prefix = channel.byAppointment ? `${byAppointmentText[language]} ` : '';
  return `${prefix}${days.join('; ')}.`;
};

/** The same week in schema.org's compact notation ("Mo 08:30-12:00,13:30-16:30; Tu 08:30-12:00"), for plain-string fields. */
export const weeklyHoursSchemaOrg = (channel: Channel): string | undefined => {
  if (channel.alwaysOpen) return 'Mo-Su 00:00-24:00';
  const days = weekdays.flatMap((day) => {
    const intervals = channel.hours[day] ?? [];
    return intervals.length === 0 ? [] : [`${schemaDay[day]} ${intervals.map((i) => `${i.from}-${i.to}`).join(',')}`];
  });
  return days.length === 0 ? undefined : days.join('; ');
};

/** "Marktstraat 29, 8530 Harelbeke". */
export const addressLine = (address: Address): string => `${address.street} ${address.number}, ${address.postcode} ${address.municipality}`;

/** Splits "3 bus 2" into house number and box, the way Flemish address registers store them. */
export const splitHouseNumber = (number: string): { houseNumber: string; box?: string } => {
  const match = /^(.+?)\s+bus\s+(.+)$/i.exec(number.trim());
  return match?.[1] && match[2] ? { houseNumber: match[1], box: match[2] } : { houseNumber: number.trim() };
};

export const countryName: ProductText = { nl: 'België', fr: 'Belgique', en: 'Belgium' };

/**
 * A processing-time norm in working days as an xsd:duration in calendar days. Five working days
 * make a week of seven; rounding up keeps the promise on the safe side.
 */
export const workingDaysAsDuration = (workingDays: number): string => `P${Math.ceil((workingDays * 7) / 5)}D`;

/** Escapes text for the small HTML fragments IPDC shows (its descriptions are rich text). */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The product's channels a resident can use, in the model's order. */
export const availableChannels = (product: Product): ProductChannelId[] =>
  (Object.entries(product.channels) as [ProductChannelId, Product['channels'][ProductChannelId]][]).flatMap(([id, channel]) =>
    channel?.available ? [id] : [],
  );

/** Labels of channel types in the three languages; IPDC and CPSV-AP have no code list for them. */
export const channelTypeLabels: Record<ProductChannelId, ProductText> = {
  online: { nl: 'Online', fr: 'En ligne', en: 'Online' },
  phone: { nl: 'Telefoon', fr: 'Téléphone', en: 'Phone' },
  counter: { nl: 'Loket', fr: 'Guichet', en: 'Counter' },
  quickDesk: { nl: 'Snelbalie', fr: 'Guichet rapide', en: 'Quick desk' },
  kiosk: { nl: 'Zelfbedieningszuil', fr: 'Borne libre-service', en: 'Self-service kiosk' },
  home: { nl: 'Aan huis', fr: 'À domicile', en: 'At home' },
  partner: { nl: 'Bij een partner', fr: 'Chez un partenaire', en: 'At a partner' },
};
