import type { CityProfile, LocalizedText as CityText, Weekday } from '../city/city-profile.schema.ts';
import { weekdays } from '../city/city-profile.schema.ts';
import type { Language } from '../platform/language.ts';
import { ipdcTargetAudiences, ipdcTypes } from './ipdc-codes.ts';
import { cityChannelIdByProductChannel, type Product, type ProductChannelId } from './product.schema.ts';

/**
 * schema.org `GovernmentService` JSON-LD for a product page, so search engines can show the
 * service with its provider, channels and costs. Pure: the page embeds the result with
 * `schemaOrgScript`. Texts are in the page's language; a city text missing in that language
 * falls back to Dutch, as everywhere else.
 */

type SchemaOrgAddress = {
  '@type': 'PostalAddress';
  streetAddress: string;
  postalCode: string;
  addressLocality: string;
  addressCountry: 'BE';
};

type SchemaOrgOpeningHours = { '@type': 'OpeningHoursSpecification'; dayOfWeek: string; opens: string; closes: string };

export type SchemaOrgServiceChannel = {
  '@type': 'ServiceChannel';
  name: string;
  description?: string;
  availableLanguage: string[];
  serviceUrl?: string;
  servicePhone?: { '@type': 'ContactPoint'; telephone: string; hoursAvailable?: SchemaOrgOpeningHours[] };
  serviceLocation?: { '@type': 'GovernmentOffice'; name: string; address: SchemaOrgAddress; openingHoursSpecification?: SchemaOrgOpeningHours[] };
};

export type SchemaOrgGovernmentService = {
  '@context': 'https://schema.org';
  '@type': 'GovernmentService';
  '@id': string;
  url: string;
  name: string;
  description: string;
  inLanguage: Language;
  serviceType: string;
  audience: { '@type': 'Audience'; audienceType: string }[];
  provider: {
    '@type': 'GovernmentOrganization';
    name: string;
    url: string;
    telephone: string;
    email: string;
    address: SchemaOrgAddress;
  };
  areaServed: { '@type': 'City'; name: string };
  availableChannel: SchemaOrgServiceChannel[];
  offers?: { '@type': 'Offer'; name: string; price: string; priceCurrency: 'EUR' }[];
};

const cityText = (text: CityText, lang: Language): string => text[lang] ?? text.nl;

const channelNames: Record<ProductChannelId, Record<Language, string>> = {
  online: { nl: 'Online', fr: 'En ligne', en: 'Online' },
  phone: { nl: 'Telefoon', fr: 'Téléphone', en: 'Phone' },
  counter: { nl: 'Loket in het stadhuis', fr: "Guichet à l'hôtel de ville", en: 'Counter in the city hall' },
  quickDesk: { nl: 'Snelbalie in het stadhuis', fr: "Guichet rapide à l'hôtel de ville", en: 'Quick desk in the city hall' },
  kiosk: { nl: 'Zelfbedieningspc in het stadhuis', fr: "PC en libre-service à l'hôtel de ville", en: 'Self-service PC in the city hall' },
  home: { nl: 'Aan huis', fr: 'À domicile', en: 'At home' },
  partner: { nl: 'Bij een partner', fr: 'Chez un partenaire', en: 'At a partner' },
};

const schemaDay: Record<Weekday, string> = {
  monday: 'https://schema.org/Monday',
  tuesday: 'https://schema.org/Tuesday',
  wednesday: 'https://schema.org/Wednesday',
  thursday: 'https://schema.org/Thursday',
  friday: 'https://schema.org/Friday',
  saturday: 'https://schema.org/Saturday',
  sunday: 'https://schema.org/Sunday',
};

/** Weekly hours of the city channel behind a product channel; none for channels without city hours. */
const openingHours = (city: CityProfile, channel: ProductChannelId): SchemaOrgOpeningHours[] | undefined => {
  const cityChannelId = cityChannelIdByProductChannel[channel];
  const cityChannel = cityChannelId ? city.channels[cityChannelId] : undefined;
  if (!cityChannel?.available || cityChannel.alwaysOpen) return undefined;
  const hours = weekdays.flatMap((day) =>
    (cityChannel.hours[day] ?? []).map(
      (interval): SchemaOrgOpeningHours => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: schemaDay[day], opens: interval.from, closes: interval.to }),
    ),
  );
  return hours.length > 0 ? hours : undefined;
};

const inCityHall: ReadonlySet<ProductChannelId> = new Set(['counter', 'quickDesk', 'kiosk']);

/**
 * The product as a schema.org GovernmentService in `lang`, for the page at `url`. Only available
 * channels are listed; costs become offers (amounts in euro, with a dot as decimal separator).
 */
export const toSchemaOrgGovernmentService = (product: Product, city: CityProfile, lang: Language, url: string): SchemaOrgGovernmentService => {
  const address: SchemaOrgAddress = {
    '@type': 'PostalAddress',
    streetAddress: `${city.address.street} ${city.address.number}`,
    postalCode: city.address.postcode,
    addressLocality: city.address.municipality,
    addressCountry: 'BE',
  };
  const cityName = cityText(city.name, lang);
  const phone = product.contactPoint?.phone ?? city.contact.phone;
  const channels = (Object.entries(product.channels) as [ProductChannelId, Product['channels'][ProductChannelId]][]).flatMap(([id, channel]) => {
    if (!channel?.available) return [];
    const hours = channel.automated24x7 ? undefined : openingHours(city, id);
    const serviceUrl = channel.url ?? (id === 'online' ? url : undefined);
    const serviceChannel: SchemaOrgServiceChannel = {
      '@type': 'ServiceChannel',
      name: channelNames[id][lang],
      availableLanguage: city.languages,
      ...(channel.conditions ? { description: channel.conditions[lang] } : {}),
      ...(serviceUrl ? { serviceUrl } : {}),
      ...(id === 'phone' ? { servicePhone: { '@type': 'ContactPoint', telephone: phone, ...(hours ? { hoursAvailable: hours } : {}) } } : {}),
      ...(inCityHall.has(id)
        ? { serviceLocation: { '@type': 'GovernmentOffice', name: cityName, address, ...(hours ? { openingHoursSpecification: hours } : {}) } }
        : {}),
    };
    return [serviceChannel];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    '@id': url,
    url,
    name: product.title[lang],
    description: `${product.shortAnswer[lang]} ${product.description[lang]}`,
    inLanguage: lang,
    serviceType: ipdcTypes[product.type].label[lang],
    audience: product.targetAudiences.map((audience) => ({ '@type': 'Audience', audienceType: ipdcTargetAudiences[audience].label[lang] })),
    provider: {
      '@type': 'GovernmentOrganization',
      name: cityName,
      url: city.contact.website,
      telephone: city.contact.phone,
      email: city.contact.email,
      address,
    },
    areaServed: { '@type': 'City', name: city.address.municipality },
    availableChannel: channels,
    ...(product.costs.length > 0
      ? {
          offers: product.costs.map((cost) => ({
            '@type': 'Offer' as const,
            name: cost.label[lang],
            price: cost.amountEur.toFixed(2),
            priceCurrency: 'EUR' as const,
          })),
        }
      : {}),
  };
};

/**
 * The JSON for a `<script type="application/ld+json">` element. `<` is escaped so that text such as
 * "</script>" in a product can never end the element early (JSON.stringify leaves it alone).
 */
export const schemaOrgScript = (document: SchemaOrgGovernmentService | Record<string, unknown>): string => JSON.stringify(document).replace(/</g, '\\u003c');
