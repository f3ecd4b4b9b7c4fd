import { ipdcTargetAudiences, ipdcThemes, ipdcTypes } from '../../../../../shared/src/catalog/ipdc-codes.ts';
import type { LocalizedText as ProductText } from '../../../../../shared/src/catalog/localized-text.schema.ts';
import type { ProductCost } from '../../../../../shared/src/catalog/product.schema.ts';
import { cityChannelIdByProductChannel } from '../../../../../shared/src/catalog/product.schema.ts';
import type { CityProfile } from '../../../../../shared/src/city/index.ts';
import type { Language } from '../../../../../shared/src/platform/language.ts';
import { productChecksum } from '../catalog.loader.ts';
import {
  channelTypeLabels,
  countryName,
  type ExportProduct,
  escapeHtml,
  formatEuro,
  type Iris,
  iris as irisFor,
  type JsonLdDocument,
  type JsonLdNode,
  languageIris,
  lauIri,
  ns,
  splitHouseNumber,
  weeklyHoursSchemaOrg,
} from './catalog-export.rules.ts';

/**
 * The catalogue as IPDC-LPDC instance snapshots: what a Flemish municipality offers the Flemish
 * product catalogue (IPDC) through LPDC. Terms come from the published IPDC-LPDC implementation
 * model context (Dutch names, type-scoped: `InstantieSnapshot`, `Kost`, `Voorwaarde`, ...).
 *
 * IPDC allows Dutch in its Flemish variants and English only; Gastvrij's Dutch addresses the
 * reader formally ("u"), so it is tagged `nl-be-x-formal`. French is left out: the shapes reject it.
 */

/** The IPDC-LPDC implementation model context (a copy is in shared/standards/ipdc-lpdc/). */
export const ipdcLpdcContextUrl = 'https://raw.githubusercontent.com/Informatievlaanderen/ipdc-lpdc/main/jsonld/ipdc-lpdc-im.jsonld';

/** What the IPDC context does not name: labels of the organisation and of referenced concepts. */
const extraContext = { skos: ns.skos, prefLabel: { '@id': `${ns.skos}prefLabel` } } as const;

const skosConcept = `${ns.skos}Concept`;
const dutch = 'nl-be-x-formal';

/** A language map in the two languages IPDC takes. */
const texts = (text: ProductText): JsonLdNode => ({ [dutch]: text.nl, en: text.en });
const mapText = (text: ProductText, render: (value: string) => string): ProductText => ({ nl: render(text.nl), fr: render(text.fr), en: render(text.en) });
const paragraph = (value: string) => `<p>${escapeHtml(value)}</p>`;
/** A language map of one HTML paragraph per language (IPDC descriptions are rich text). */
const html = (text: ProductText): JsonLdNode => texts(mapText(text, paragraph));

const list = (tag: 'ul' | 'ol', items: readonly ProductText[]): ProductText => {
  const render = (language: Language) => `<${tag}>${items.map((item) => `<li>${escapeHtml(item[language])}</li>`).join('')}</${tag}>`;
  return { nl: render('nl'), fr: render('fr'), en: render('en') };
};

const requirementsTitle: ProductText = { nl: 'Voorwaarden', fr: 'Conditions', en: 'Requirements' };
const evidenceTitle: ProductText = { nl: 'Wat moet u meebrengen?', fr: 'Que devez-vous apporter ?', en: 'What to bring' };
const onlyEvidence: ProductText = {
  nl: 'Er zijn geen bijzondere voorwaarden. Breng wel de bewijsstukken mee.',
  fr: "Il n'y a pas de conditions particulières. Apportez les pièces justificatives.",
  en: 'There are no special requirements. Do bring the supporting documents.',
};
const procedureTitle: ProductText = { nl: 'Procedure', fr: 'Procédure', en: 'Procedure' };
const applyOnline: ProductText = { nl: 'Online aanvragen', fr: 'Demander en ligne', en: 'Apply online' };
const moreInformation: ProductText = { nl: 'Meer informatie', fr: "Plus d'informations", en: 'More information' };

const euros = (amount: number): ProductText => ({ nl: formatEuro(amount, 'nl'), fr: formatEuro(amount, 'fr'), en: formatEuro(amount, 'en') });

/** The amount, and the channel when it only applies there ("€ 5,00 (Loket)"). */
const costDescription = (cost: ProductCost): ProductText => {
  const line = (language: Language) => {
    const amount = formatEuro(cost.amountEur, language);
    return cost.channel ? `${amount} (${channelTypeLabels[cost.channel][language]})` : amount;
  };
  return { nl: line('nl'), fr: line('fr'), en: line('en') };
};

const snapshotNode = (exportProduct: ExportProduct, city: CityProfile, iri: Iris, generatedAt: Date): JsonLdNode => {
  const { createdAt, updatedAt, ...product } = exportProduct;
  const instance = iri.product(product.slug);
  // The snapshot IRI follows the content: the same product gives the same snapshot, a change a new one.
  const snapshot = `${instance}/snapshot/${productChecksum(product).slice(0, 16)}`;
  const part = (kind: string, index: number) => `${snapshot}/${kind}/${index}`;
  const organisation = iri.organisation(city);
  const modified = (updatedAt ?? generatedAt).toISOString();
  const ownContact = product.contactPoint;
  const team = city.teams.find((candidate) => candidate.id === product.responsibleTeam);
  const phoneChannel = cityChannelIdByProductChannel.phone ? city.channels[cityChannelIdByProductChannel.phone] : undefined;
  const hours = ownContact?.phone || !phoneChannel?.available ? undefined : weeklyHoursSchemaOrg(phoneChannel);
  const online = product.channels.online?.available ? (product.channels.online.url ?? iri.productPage(product.slug)) : undefined;
  const { houseNumber, box } = splitHouseNumber(city.address.number);
  const hasConditions = product.requirements.length > 0 || product.evidence.length > 0;
  return {
    '@id': snapshot,
    '@type': 'InstantieSnapshot',
    isVersionOf: instance,
    generatedAtTime: modified,
    creatie: (createdAt ?? updatedAt ?? generatedAt).toISOString(),
    laatstGewijzigd: modified,
    gearchiveerd: false,
    aangemaaktDoor: organisation,
    naam: texts(product.title),
    beschrijving: texts({
      nl: paragraph(product.shortAnswer.nl) + paragraph(product.description.nl),
      fr: paragraph(product.shortAnswer.fr) + paragraph(product.description.fr),
      en: paragraph(product.shortAnswer.en) + paragraph(product.description.en),
    }),
    zoektermen: { [dutch]: product.keywords.nl, en: product.keywords.en },
    type: ipdcTypes[product.type].iri,
    themas: product.themes.map((theme) => ipdcThemes[theme].iri),
    doelgroepen: product.targetAudiences.map((audience) => ipdcTargetAudiences[audience].iri),
    bevoegdeOverheden: [organisation],
    uitvoerendeOverheden: [organisation],
    geografischToepassingsgebieden: [lauIri(city)],
    talen: languageIris(city),
    voorwaarden: hasConditions
      ? [
          {
            '@id': part('requirement', 0),
            '@type': 'Voorwaarde',
            naam: texts(requirementsTitle),
            beschrijving: texts(product.requirements.length > 0 ? list('ul', product.requirements) : mapText(onlyEvidence, paragraph)),
            order: 0,
            ...(product.evidence.length > 0
              ? { bewijs: { '@id': part('evidence', 0), '@type': 'Bewijs', naam: texts(evidenceTitle), beschrijving: texts(list('ul', product.evidence)) } }
              : {}),
          },
        ]
      : [],
    procedures: [
      {
        '@id': part('procedure', 0),
        '@type': 'Procedure',
        naam: texts(procedureTitle),
        beschrijving: texts(list('ol', product.procedure)),
        order: 0,
        websites: online ? [{ '@id': part('procedure-website', 0), '@type': 'Website', naam: texts(applyOnline), url: online, order: 0 }] : [],
      },
    ],
    kosten: product.costs.map((cost, index) => ({
      '@id': part('cost', index),
      '@type': 'Kost',
      naam: texts(cost.label),
      beschrijving: html(costDescription(cost)),
      order: index,
    })),
    financieleVoordelen: product.financialAdvantages.map((advantage, index) => ({
      '@id': part('financial-advantage', index),
      '@type': 'FinancieelVoordeel',
      naam: texts(advantage.label),
      beschrijving: html(advantage.amountEur === undefined ? advantage.label : euros(advantage.amountEur)),
      order: index,
    })),
    regelgeving: product.legalBasis.map((legal, index) => ({
      '@id': part('legal-resource', index),
      '@type': 'Regelgeving',
      naam: texts(legal.label),
      url: legal.url,
      order: index,
    })),
    websites: [{ '@id': part('website', 0), '@type': 'Website', naam: texts(moreInformation), url: iri.productPage(product.slug), order: 0 }],
    contactgegevens: [
      {
        '@id': part('contact-point', 0),
        '@type': 'Contactgegevens',
        email: ownContact?.email ?? team?.email ?? city.contact.email,
        telefoonnummer: ownContact?.phone ?? city.contact.phone,
        url: ownContact?.url ?? city.contact.website,
        ...(hours ? { openingsuren: hours } : {}),
        // The city hall's address, unless another organisation answers for this product.
        ...(ownContact
          ? {}
          : {
              adres: {
                '@id': part('address', 0),
                '@type': 'Adres',
                straatnaam: { nl: city.address.street },
                huisnummer: houseNumber,
                ...(box ? { busnummer: box } : {}),
                postcode: city.address.postcode,
                gemeentenaam: { nl: city.address.municipality },
                land: { nl: countryName.nl, en: countryName.en },
              },
            }),
        order: 0,
      },
    ],
  };
};

/**
 * The published products as IPDC-LPDC instance snapshots of the city, one JSON-LD document.
 * `generatedAt` stands in for creation and modification dates a product does not carry (see
 * ExportProduct); pass the clock's now.
 */
export const toIpdcLpdc = (products: readonly ExportProduct[], city: CityProfile, baseUrl: string, options: { generatedAt: Date }): JsonLdDocument => {
  const iri = irisFor(baseUrl);
  const published = products.filter((product) => product.published);
  const concepts = new Map<string, ProductText>();
  for (const product of published) {
    concepts.set(ipdcTypes[product.type].iri, ipdcTypes[product.type].label);
    for (const theme of product.themes) concepts.set(ipdcThemes[theme].iri, ipdcThemes[theme].label);
    for (const audience of product.targetAudiences) concepts.set(ipdcTargetAudiences[audience].iri, ipdcTargetAudiences[audience].label);
  }
  const cityName = city.name;
  return {
    '@context': [ipdcLpdcContextUrl, extraContext],
    '@graph': [
      {
        '@id': iri.organisation(city),
        '@type': 'PubliekeOrganisatie',
        prefLabel: [{ '@value': cityName.nl, '@language': 'nl' }, ...(cityName.en ? [{ '@value': cityName.en, '@language': 'en' }] : [])],
      },
      { '@id': lauIri(city), '@type': skosConcept, prefLabel: [{ '@value': city.address.municipality, '@language': 'nl' }] },
      ...languageIris(city).map((language): JsonLdNode => ({ '@id': language, '@type': skosConcept })),
      ...[...concepts].map(
        ([id, label]): JsonLdNode => ({
          '@id': id,
          '@type': skosConcept,
          prefLabel: [
            { '@value': label.nl, '@language': 'nl' },
            { '@value': label.en, '@language': 'en' },
          ],
        }),
      ),
      ...published.map((product) => snapshotNode(product, city, iri, options.generatedAt)),
    ],
  };
};
