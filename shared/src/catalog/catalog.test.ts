import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findInformalAddress, validateCatalog } from './catalog.rules.ts';
import { type Product, productSchema } from './product.schema.ts';

const catalogDir = join(import.meta.dirname, '../../../config/catalog/harelbeke');

// Teams and partners come from the city profile, so a renamed team breaks this test, not production.
const cityProfile = parse(readFileSync(join(import.meta.dirname, '../../../config/cities/harelbeke.yaml'), 'utf8')) as {
  teams: { id: string }[];
  partners: { id: string }[];
};
const teamIds = cityProfile.teams.map((team) => team.id);
const partnerIds = cityProfile.partners.map((partner) => partner.id);

// Slugs that other modules, forms and the search evaluation link to: they must exist with these names.
const requiredSlugs = [
  'identiteitskaart',
  'kids-id',
  'reispas',
  'rijbewijs',
  'voorlopig-rijbewijs',
  'internationaal-rijbewijs',
  'adreswijziging',
  'inschrijving-buitenland',
  'uittreksel-strafregister',
  'attest-gezinssamenstelling',
  'attest-woonst',
  'attest-leven',
  'afschrift-akte',
  'geboorteaangifte',
  'huwelijk',
  'wettelijke-samenwoning',
  'overlijden',
  'wilsverklaring-euthanasie',
  'orgaandonatie',
  'handtekening-wettigen',
  'nationaliteit',
  'melding-openbaar-domein',
  'grofvuil',
  'inname-openbaar-domein',
  'evenement',
  'bewonerskaart',
  'parkeerplaats-handicap',
  'omgevingsvergunning',
  'woningtoezicht',
  'buurtinformatienetwerk',
  'thuisdienst',
  'klacht',
  'vraag',
  'geboortepremie',
  'verenigingssubsidie',
  'sociale-hulp',
  'verloren-voorwerpen',
];

const files = readdirSync(catalogDir).filter((name) => name.endsWith('.yaml'));
const parsed = files.map((file) => ({ file, result: productSchema.safeParse(parse(readFileSync(join(catalogDir, file), 'utf8'))) }));
const products = parsed.flatMap(({ result }) => (result.success ? [result.data] : []));

/** Every Dutch text a resident can read in a product, with where it is. */
const dutchTexts = (product: Product): [string, string][] => [
  ['title', product.title.nl],
  ['shortAnswer', product.shortAnswer.nl],
  ['description', product.description.nl],
  ['processingTime', product.processingTime.text.nl],
  ...product.requirements.map((text, i): [string, string] => [`requirements[${i}]`, text.nl]),
  ...product.evidence.map((text, i): [string, string] => [`evidence[${i}]`, text.nl]),
  ...product.procedure.map((text, i): [string, string] => [`procedure[${i}]`, text.nl]),
  ...product.costs.map((cost, i): [string, string] => [`costs[${i}]`, cost.label.nl]),
  ...product.financialAdvantages.map((advantage, i): [string, string] => [`financialAdvantages[${i}]`, advantage.label.nl]),
  ...Object.entries(product.channels).flatMap(([id, channel]): [string, string][] => [
    ...(channel?.conditions ? [[`channels.${id}.conditions`, channel.conditions.nl] as [string, string]] : []),
    ...(channel?.leadTime ? [[`channels.${id}.leadTime`, channel.leadTime.nl] as [string, string]] : []),
  ]),
];

describe('Harelbeke catalogue', () => {
  it('has a valid product in every YAML file, named after its slug', () => {
    const failures = parsed.flatMap(({ file, result }) =>
      result.success
        ? result.data.slug === file.replace(/\.yaml$/, '')
          ? []
          : [`${file}: slug is "${result.data.slug}"`]
        : result.error.issues.map((issue) => `${file}: ${issue.path.join('.')}: ${issue.message}`),
    );
    expect(failures).toEqual([]);
  });

  it('passes the catalogue-wide checks against the teams and partners of the city profile', () => {
    const issues = validateCatalog(products, { teamIds, partnerIds });
    // IMOG (intermunicipal waste company) delivers bulky-waste collection but is not yet a partner in
    // the city profile; drop this exception once config/cities/harelbeke.yaml lists it.
    const knownMissingPartners = ['imog'];
    expect(
      issues.filter((issue) => !(issue.code === 'catalog.unknown-partner' && knownMissingPartners.some((id) => issue.message.includes(`"${id}"`)))),
    ).toEqual([]);
  });

  it('contains every required slug', () => {
    const slugs = new Set(products.map((product) => product.slug));
    expect(requiredSlugs.filter((slug) => !slugs.has(slug))).toEqual([]);
  });

  it.each(requiredSlugs)('%s has a title, short answer and description in nl, fr and en, and at least 5 keywords per language', (slug) => {
    const product = products.find((candidate) => candidate.slug === slug);
    expect(product, `${slug} is missing or invalid`).toBeDefined();
    if (!product) return;
    for (const language of ['nl', 'fr', 'en'] as const) {
      expect(product.title[language].length).toBeGreaterThan(2);
      expect(product.shortAnswer[language].length).toBeGreaterThan(20);
      expect(product.description[language].length).toBeGreaterThan(40);
      expect(new Set(product.keywords[language].map((keyword) => keyword.toLowerCase())).size).toBeGreaterThanOrEqual(5);
    }
  });

  it('addresses residents formally in Dutch ("u", never "je", "jij" or "jouw")', () => {
    const informal = products.flatMap((product) =>
      dutchTexts(product).flatMap(([field, text]) => findInformalAddress(text).map((word) => `${product.slug}.${field}: "${word}"`)),
    );
    expect(informal).toEqual([]);
  });

  it('keeps short answers short: at most two sentences', () => {
    const long = products.flatMap((product) =>
      (['nl', 'fr', 'en'] as const).flatMap((language) => {
        const sentences = product.shortAnswer[language].split(/[.!?](?:\s|$)/).filter((part) => part.trim().length > 0);
        return sentences.length > 2 ? [`${product.slug}.shortAnswer.${language}`] : [];
      }),
    );
    expect(long).toEqual([]);
  });
});
