import { ipdcTargetAudiences, ipdcThemes, ipdcTypes } from '../../../../../shared/src/catalog/ipdc-codes.ts';
import { lifeEvents } from '../../../../../shared/src/catalog/life-events.ts';
import type { LocalizedText as ProductText } from '../../../../../shared/src/catalog/localized-text.schema.ts';
import { cityChannelIdByProductChannel, type Product, type ProductChannelId } from '../../../../../shared/src/catalog/product.schema.ts';
import type { Address, CityProfile, LocalizedText as CityText } from '../../../../../shared/src/city/index.ts';
import type { Language } from '../../../../../shared/src/platform/language.ts';
import {
  addressLine,
  availableChannels,
  channelTypeLabels,
  cityTextEntries,
  countryName,
  euroIri,
  formatEuro,
  type Iris,
  iris as irisFor,
  type JsonLdDocument,
  type JsonLdNode,
  languageIris,
  lauIri,
  ns,
  weeklyHoursText,
  workingDaysAsDuration,
} from './catalog-export.rules.ts';

/**
 * The catalogue as CPSV-AP 3.2 (the EU Core Public Service Vocabulary Application Profile): every
 * published product a `cpsv:PublicService` with the city as competent authority, its channels as
 * `m8g:Channel`, costs as `m8g:Cost`, conditions as `m8g:Requirement`, documents to bring as
 * `m8g:Evidence`, the procedure as a `cpsv:Rule` and life events as `m8g:LifeEvent`. Terms come from
 * the published CPSV-AP context; what that context lacks is declared in `extraContext` below.
 */

/** Where SEMIC publishes the CPSV-AP 3.2.0 context (a copy is in shared/standards/cpsv-ap-3.2.0/). */
export const cpsvApContextUrl = 'https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld';

/** Properties CPSV-AP allows (its shapes are open) but its context does not name. */
const extraContext = {
  'Channel.address': { '@id': `${ns.locn}address`, '@type': '@id' },
  'Channel.page': { '@id': `${ns.foaf}page`, '@type': '@id' },
  'Concept.prefLabel': { '@id': `${ns.skos}prefLabel` },
  'LegalResource.name': { '@id': `${ns.dct}title` },
  'LegalResource.page': { '@id': `${ns.foaf}page`, '@type': '@id' },
  'PublicOrganization.identifier': { '@id': `${ns.dct}identifier` },
  'Requirement.description': { '@id': `${ns.dct}description` },
} as const;

const productLanguages: readonly Language[] = ['nl', 'fr', 'en'];

/** Language-tagged literals for a product text (all three languages are required there). */
const tagged = (text: ProductText): JsonLdNode[] => productLanguages.map((language) => ({ '@value': text[language], '@language': language }));

const taggedCity = (text: CityText): JsonLdNode[] =>
  cityTextEntries(text, productLanguages).map(([language, value]) => ({ '@value': value, '@language': language }));

/** Per language, the non-empty parts joined by a space; parts are whole sentences. */
const joinTexts = (parts: (ProductText | undefined)[]): ProductText | undefined => {
  const present = parts.filter((part): part is ProductText => part !== undefined);
  if (present.length === 0) return undefined;
  const join = (language: Language) => present.map((part) => part[language]).join(' ');
  return { nl: join('nl'), fr: join('fr'), en: join('en') };
};

const numbered = (items: readonly ProductText[]): ProductText => {
  const list = (language: Language) => items.map((item, index) => `${index + 1}. ${item[language]}`).join('\n');
  return { nl: list('nl'), fr: list('fr'), en: list('en') };
};

const appointmentRequired: ProductText = { nl: 'Maak eerst een afspraak.', fr: "Prenez d'abord rendez-vous.", en: 'Book an appointment first.' };
const procedureTitle: ProductText = { nl: 'Procedure', fr: 'Procédure', en: 'Procedure' };
const requirementTitle = (n: number): ProductText => ({ nl: `Voorwaarde ${n}`, fr: `Condition ${n}`, en: `Requirement ${n}` });
const evidenceTitle = (n: number): ProductText => ({ nl: `Bewijsstuk ${n}`, fr: `Pièce justificative ${n}`, en: `Supporting document ${n}` });

const addressNode = (address: Address): JsonLdNode => ({
  '@type': 'Address',
  'Address.thoroughfare': [{ '@value': address.street, '@language': 'nl' }],
  'Address.locatorDesignator': [address.number],
  'Address.postCode': [address.postcode],
  'Address.postName': [{ '@value': address.municipality, '@language': 'nl' }],
  'Address.administrativeUnitLevel1': tagged(countryName),
  'Address.fullAddress': [{ '@value': addressLine(address), '@language': 'nl' }],
});

/** Weekly hours of the city channel behind a product channel, as a `time:TemporalEntity`. */
const openingHoursNode = (city: CityProfile, channel: ProductChannelId): JsonLdNode | undefined => {
  const cityChannelId = cityChannelIdByProductChannel[channel];
  const cityChannel = cityChannelId ? city.channels[cityChannelId] : undefined;
  if (!cityChannel?.available) return undefined;
  const description = productLanguages.flatMap((language) => {
    const text = weeklyHoursText(cityChannel, language);
    return text ? [{ '@value': text, '@language': language }] : [];
  });
  return description.length === 0 ? undefined : { '@type': 'TemporalEntity', 'TemporalEntity.description': description };
};

/** The city's own desks are in the city hall; other channels have no address of their own. */
const atCityHall: ReadonlySet<ProductChannelId> = new Set(['counter', 'quickDesk', 'kiosk']);

const channelNode = (product: Product, id: ProductChannelId, city: CityProfile, iri: Iris): JsonLdNode => {
  const channel = product.channels[id];
  // A partner channel belongs to the partner; one the city profile does not describe (or "any
  // hospital") gets no owner rather than an untyped organisation.
  const partner = id === 'partner' ? city.partners.find((candidate) => candidate.id === channel?.partnerId) : undefined;
  const owner = id === 'partner' ? (partner ? iri.partner(partner.id) : undefined) : iri.organisation(city);
  const description = joinTexts([channel?.appointment === 'required' ? appointmentRequired : undefined, channel?.conditions, channel?.leadTime]);
  const hours = channel?.automated24x7 ? undefined : openingHoursNode(city, id);
  const page = channel?.url ?? (id === 'online' ? iri.productPage(product.slug) : undefined);
  return {
    '@id': iri.channel(product.slug, id),
    '@type': 'Channel',
    'Channel.identifier': `${product.slug}/channel/${id}`,
    'Channel.type': iri.channelType(id),
    ...(owner ? { 'Channel.ownedBy': [owner] } : {}),
    ...(description ? { 'Channel.description': tagged(description) } : {}),
    ...(hours ? { 'Channel.openingHours': [hours] } : {}),
    ...(atCityHall.has(id) ? { 'Channel.address': [addressNode(city.address)] } : {}),
    ...(page ? { 'Channel.page': [page] } : {}),
  };
};

/**
 * Where residents ask about the product: the product's own contact point, completed with the
 * responsible team's mailbox and the city's phone and website, as the product model specifies.
 */
const contactPointNode = (product: Product, city: CityProfile): JsonLdNode => {
  const team = city.teams.find((candidate) => candidate.id === product.responsibleTeam);
  const own = product.contactPoint;
  const email = own?.email ?? team?.email ?? city.contact.email;
  const phone = own?.phone ?? city.contact.phone;
  const page = own?.url ?? city.contact.website;
  const hours = own?.phone ? undefined : openingHoursNode(city, 'phone');
  return {
    '@type': 'ContactPoint',
    'ContactPoint.hasEmail': [email],
    'ContactPoint.hasTelephone': [phone],
    'ContactPoint.contactPage': [{ '@id': page, '@type': 'Document' }],
    ...(hours ? { 'ContactPoint.openingHours': [hours] } : {}),
  };
};

const serviceNode = (product: Product, city: CityProfile, iri: Iris, exported: ReadonlySet<string>): JsonLdNode => {
  const slug = product.slug;
  const organisation = iri.organisation(city);
  const channels = availableChannels(product);
  const description = {
    nl: `${product.shortAnswer.nl}\n\n${product.description.nl}`,
    fr: `${product.shortAnswer.fr}\n\n${product.description.fr}`,
    en: `${product.shortAnswer.en}\n\n${product.description.en}`,
  };
  return {
    '@id': iri.product(slug),
    '@type': 'PublicService',
    'PublicService.identifier': slug,
    'PublicService.name': tagged(product.title),
    'PublicService.description': tagged(description),
    'PublicService.keyword': productLanguages.flatMap((language) =>
      product.keywords[language].map((keyword) => ({ '@value': keyword, '@language': language })),
    ),
    'PublicService.hasCompetentAuthority': [organisation],
    'PublicService.spatial': [lauIri(city)],
    'PublicService.language': languageIris(city),
    'PublicService.isClassifiedBy': [ipdcTypes[product.type].iri],
    'PublicService.thematicArea': product.themes.map((theme) => ipdcThemes[theme].iri),
    'PublicService.addressee': product.targetAudiences.map((audience) => ipdcTargetAudiences[audience].iri),
    'PublicService.isGroupedBy': product.lifeEvents.map((id) => iri.lifeEvent(id)),
    'PublicService.hasChannel': channels.map((id) => channelNode(product, id, city, iri)),
    'PublicService.hasCost': product.costs.map((cost, index) => ({
      '@id': iri.part(slug, 'cost', index),
      '@type': 'Cost',
      'Cost.identifier': `${slug}/cost/${index}`,
      'Cost.hasValue': cost.amountEur,
      'Cost.currency': euroIri,
      'Cost.description': tagged(cost.label),
      'Cost.isDefinedBy': [organisation],
      ...(cost.channel ? { 'Cost.ifAccessedThrough': iri.channel(slug, cost.channel) } : {}),
    })),
    'PublicService.follows': [
      {
        '@id': iri.part(slug, 'procedure', 0),
        '@type': 'Rule',
        'Rule.identifier': `${slug}/procedure/0`,
        'Rule.name': tagged(procedureTitle),
        'Rule.description': tagged(numbered(product.procedure)),
      },
    ],
    'PublicService.holdsRequirement': product.requirements.map((requirement, index) => ({
      '@id': iri.part(slug, 'requirement', index),
      '@type': 'Requirement',
      'Requirement.identifier': `${slug}/requirement/${index}`,
      'Requirement.name': tagged(requirementTitle(index + 1)),
      'Requirement.description': tagged(requirement),
    })),
    'PublicService.hasInput': product.evidence.map((evidence, index) => ({
      '@id': iri.part(slug, 'evidence', index),
      '@type': 'Evidence',
      'Evidence.identifier': `${slug}/evidence/${index}`,
      'Evidence.name': tagged(evidenceTitle(index + 1)),
      'Evidence.description': tagged(evidence),
    })),
    'PublicService.produces': product.financialAdvantages.map((advantage, index) => ({
      '@id': iri.part(slug, 'financial-advantage', index),
      '@type': 'Output',
      'Output.identifier': `${slug}/financial-advantage/${index}`,
      'Output.name': tagged(advantage.label),
      ...(advantage.amountEur === undefined
        ? {}
        : { 'Output.description': productLanguages.map((language) => ({ '@value': formatEuro(advantage.amountEur ?? 0, language), '@language': language })) }),
    })),
    'PublicService.hasLegalResource': product.legalBasis.map((legal, index) => ({
      '@id': iri.part(slug, 'legal-resource', index),
      '@type': 'LegalResource',
      'LegalResource.name': tagged(legal.label),
      'LegalResource.page': [legal.url],
    })),
    'PublicService.contactPoint': [contactPointNode(product, city)],
    // Related products outside the export would be untyped nodes, which CPSV-AP's class check rejects.
    'PublicService.relatedService': product.relatedProducts.filter((related) => exported.has(related)).map((related) => iri.product(related)),
    ...(product.processingTime.workingDays === undefined ? {} : { 'PublicService.processingTime': workingDaysAsDuration(product.processingTime.workingDays) }),
  };
};

/** Nodes referred to from the services, described once so every class constraint has its type. */
const sharedNodes = (products: readonly Product[], city: CityProfile, iri: Iris): JsonLdNode[] => {
  const concepts = new Map<string, ProductText>();
  for (const product of products) {
    concepts.set(ipdcTypes[product.type].iri, ipdcTypes[product.type].label);
    for (const theme of product.themes) concepts.set(ipdcThemes[theme].iri, ipdcThemes[theme].label);
    for (const audience of product.targetAudiences) concepts.set(ipdcTargetAudiences[audience].iri, ipdcTargetAudiences[audience].label);
  }
  const channelTypes = [...new Set(products.flatMap((product) => availableChannels(product)))];
  for (const id of channelTypes) concepts.set(iri.channelType(id), channelTypeLabels[id]);
  const partnerIds = new Set(
    products.flatMap((product) => (product.channels.partner?.available && product.channels.partner.partnerId ? [product.channels.partner.partnerId] : [])),
  );
  const eventIds = [...new Set(products.flatMap((product) => product.lifeEvents))];
  return [
    {
      '@id': iri.organisation(city),
      '@type': ['PublicOrganization', 'Organization'],
      'PublicOrganization.preferredLabel': taggedCity(city.name),
      'PublicOrganization.spatial': [lauIri(city)],
      'PublicOrganization.identifier': city.kboNumber,
    },
    { '@id': lauIri(city), '@type': 'Location', 'Concept.prefLabel': [{ '@value': city.address.municipality, '@language': 'nl' }] },
    ...languageIris(city).map((language): JsonLdNode => ({ '@id': language, '@type': 'LinguisticSystem' })),
    { '@id': euroIri, '@type': 'Concept', 'Concept.prefLabel': [{ '@value': 'Euro', '@language': 'en' }] },
    ...[...concepts].map(([id, label]): JsonLdNode => ({ '@id': id, '@type': 'Concept', 'Concept.prefLabel': tagged(label) })),
    ...city.partners
      .filter((partner) => partnerIds.has(partner.id))
      .map((partner): JsonLdNode => ({ '@id': iri.partner(partner.id), '@type': 'Organization', 'Concept.prefLabel': taggedCity(partner.name) })),
    ...eventIds.map(
      (id): JsonLdNode => ({
        '@id': iri.lifeEvent(id),
        '@type': ['Event', 'LifeEvent'],
        'Event.identifier': id,
        'Event.name': tagged(lifeEvents[id].label),
        'Event.hasRelatedService': products.filter((product) => product.lifeEvents.includes(id)).map((product) => iri.product(product.slug)),
      }),
    ),
  ];
};

/**
 * The published products of `products` as one CPSV-AP 3.2 JSON-LD document. IRIs are minted under
 * `baseUrl` (the city's public URL), so they stay the same from one export to the next.
 */
export const toCpsvAp = (products: readonly Product[], city: CityProfile, baseUrl: string): JsonLdDocument => {
  const iri = irisFor(baseUrl);
  const published = products.filter((product) => product.published);
  const exported = new Set(published.map((product) => product.slug));
  return {
    '@context': [cpsvApContextUrl, extraContext],
    '@graph': [...sharedNodes(published, city, iri), ...published.map((product) => serviceNode(product, city, iri, exported))],
  };
};
