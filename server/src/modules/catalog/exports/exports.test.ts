import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../../../shared/src/catalog/product.schema.ts';
import type { CityProfile } from '../../../../../shared/src/city/index.ts';
import { loadCityProfile } from '../../../platform/city/city-profile.loader.ts';
import { loadCatalogFromDirectory } from '../catalog.loader.ts';
import type { JsonLdDocument } from './catalog-export.rules.ts';
import { cpsvApContextUrl, toCpsvAp } from './cpsv-ap.mapper.ts';
import { ipdcLpdcContextUrl, toIpdcLpdc } from './ipdc-lpdc.mapper.ts';

/**
 * Validates both exports of the real Harelbeke catalogue against the publishers' SHACL shapes, read
 * from `../shared/standards/` beside the repository. JSON-LD contexts resolve to the local copies
 * there; any other URL fails the test, so nothing is fetched from the network.
 */

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const standardsDir = path.resolve(repoRoot, '..', 'shared', 'standards');
const standard = (file: string) => path.join(standardsDir, file);

const localContexts: Record<string, string> = {
  [cpsvApContextUrl]: standard('cpsv-ap-3.2.0/cpsv-ap.jsonld'),
  [ipdcLpdcContextUrl]: standard('ipdc-lpdc/ipdc-lpdc-im.jsonld'),
};

const documentLoader = async (url: string) => {
  const file = localContexts[url];
  if (!file) throw new Error(`No local copy of ${url}: the exports may only refer to contexts kept in shared/standards.`);
  return { contextUrl: undefined, documentUrl: url, document: JSON.parse(readFileSync(file, 'utf8')) as object };
};

const parseTurtle = (...files: string[]) => new Store(files.flatMap((file) => new Parser({ format: 'text/turtle' }).parse(readFileSync(file, 'utf8'))));

/** JSON-LD to RDF. Safe mode makes a property that maps to no IRI an error instead of a silently dropped triple. */
const toDataset = async (document: JsonLdDocument): Promise<Store> => {
  const nquads = (await jsonld.toRDF(
    document as unknown as jsonld.JsonLdDocument,
    { format: 'application/n-quads', documentLoader, safe: true } as jsonld.Options.ToRdf,
  )) as unknown as string;
  return new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
};

type Violation = { focusNode: string; path: string; message: string; severity: string };

const validate = async (shapes: Store, data: Store): Promise<Violation[]> => {
  const report = await new SHACLValidator(shapes).validate(data);
  return report.results.map((result) => ({
    focusNode: result.focusNode?.value ?? '?',
    path: result.path?.value ?? '',
    message: result.message.map((m) => m.value).join('; ') || (result.sourceConstraintComponent?.value ?? ''),
    severity: result.severity?.value.replace('http://www.w3.org/ns/shacl#', '') ?? '?',
  }));
};

const describeViolations = (violations: Violation[]) => violations.map((v) => `${v.severity} ${v.focusNode} ${v.path}: ${v.message}`).join('\n');

const objectsOf = (data: Store, predicate: string) => data.getObjects(null, predicate, null).map((term) => term.value);

let city: CityProfile;
let products: Product[];
const baseUrl = 'https://gastvrij.harelbeke.be';
const generatedAt = new Date('2026-03-01T10:00:00Z');
const cpsvApShapes = () => parseTurtle(standard('cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl'));
const ipdcShapes = () => parseTurtle(standard('ipdc-lpdc/instantie-shape.ttl'));

// Converting and validating the whole catalogue takes seconds on a busy machine: do it once.
let cpsvAp: { data: Store; violations: Violation[] };
let ipdc: { data: Store; violations: Violation[] };

beforeAll(async () => {
  city = await loadCityProfile(path.join(repoRoot, 'config/cities/harelbeke.yaml'));
  // Partners are not checked: the catalogue names IMOG, which the profile does not list yet.
  const loaded = await loadCatalogFromDirectory(path.join(repoRoot, 'config/catalog/harelbeke'), { teamIds: city.teams.map((team) => team.id) });
  products = loaded.map((item) => item.product);
  const cpsvApData = await toDataset(toCpsvAp(products, city, baseUrl));
  cpsvAp = { data: cpsvApData, violations: await validate(cpsvApShapes(), cpsvApData) };
  const ipdcData = await toDataset(toIpdcLpdc(products, city, baseUrl, { generatedAt }));
  ipdc = { data: ipdcData, violations: await validate(ipdcShapes(), ipdcData) };
}, 180_000);

/** Removes one property from the first node of the given type. */
const withoutProperty = (document: JsonLdDocument, type: string, property: string): JsonLdDocument => {
  const copy = structuredClone(document) as { '@context': unknown; '@graph': Record<string, unknown>[] };
  const target = copy['@graph'].find((node) => node['@type'] === type);
  if (!target) throw new Error(`No ${type} node in the document`);
  delete target[property];
  return copy as unknown as JsonLdDocument;
};

const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const published = () => products.filter((product) => product.published);
/** One product is enough to show that a broken document fails, and keeps those tests fast. */
const oneProduct = () => products.filter((product) => product.slug === 'identiteitskaart');

describe('CPSV-AP 3.2 export', () => {
  it('has no SHACL violations for the whole Harelbeke catalogue', () => {
    expect(describeViolations(cpsvAp.violations)).toBe('');
  });

  it('describes every published product as a public service of the city, in Harelbeke', () => {
    expect(cpsvAp.data.getSubjects(rdfType, 'http://purl.org/vocab/cpsv#PublicService', null)).toHaveLength(published().length);
    expect(new Set(objectsOf(cpsvAp.data, 'http://data.europa.eu/m8g/hasCompetentAuthority'))).toEqual(
      new Set([`${baseUrl}/id/organisation/kbo-${city.kboNumber}`]),
    );
    expect(objectsOf(cpsvAp.data, 'http://purl.org/dc/terms/spatial')).toContain('http://data.europa.eu/nuts/code/BE25434013');
    expect(cpsvAp.data.getSubjects(rdfType, 'http://data.europa.eu/m8g/Channel', null).length).toBeGreaterThan(published().length);
    expect(cpsvAp.data.getSubjects(rdfType, 'http://data.europa.eu/m8g/Cost', null).length).toBe(
      published().reduce((sum, product) => sum + product.costs.length, 0),
    );
  });

  it('reports a service without a name', async () => {
    const document = withoutProperty(toCpsvAp(oneProduct(), city, baseUrl), 'PublicService', 'PublicService.name');
    const violations = await validate(cpsvApShapes(), await toDataset(document));
    expect(violations).toContainEqual(expect.objectContaining({ path: 'http://purl.org/dc/terms/title', severity: 'Violation' }));
  }, 60_000);
});

describe('IPDC-LPDC export', () => {
  const codeLists = () =>
    parseTurtle(standard('ipdc-lpdc/codelijst-type.ttl'), standard('ipdc-lpdc/codelijst-thema.ttl'), standard('ipdc-lpdc/codelijst-doelgroep.ttl'));

  it('has no SHACL violations for the whole Harelbeke catalogue', () => {
    expect(describeViolations(ipdc.violations)).toBe('');
  });

  it('has one instance snapshot per published product, in Harelbeke', () => {
    const snapshots = ipdc.data.getSubjects(rdfType, 'https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#InstancePublicServiceSnapshot', null);
    expect(snapshots).toHaveLength(published().length);
    expect(new Set(objectsOf(ipdc.data, 'http://purl.org/dc/terms/spatial'))).toEqual(new Set(['http://data.europa.eu/nuts/code/BE25434013']));
  });

  it('uses only concepts of the IPDC code lists for type, theme and target audience', () => {
    const lists = codeLists();
    const used = [
      'http://purl.org/dc/terms/type',
      'http://data.europa.eu/m8g/thematicArea',
      'https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#targetAudience',
    ].flatMap((predicate) => objectsOf(ipdc.data, predicate));
    const unknown = used.filter((iri) => lists.getQuads(iri, rdfType, 'http://www.w3.org/2004/02/skos/core#Concept', null).length === 0);
    expect(used.length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });

  it('tags Dutch as formal Flemish and leaves French out, as the shapes require', () => {
    const titles = ipdc.data.getObjects(null, 'http://purl.org/dc/terms/title', null).filter((term) => term.termType === 'Literal');
    expect(new Set(titles.map((term) => (term as { language: string }).language))).toEqual(new Set(['nl-be-x-formal', 'en']));
  });

  it('reports a snapshot without a name and one without a modification date', async () => {
    const document = toIpdcLpdc(oneProduct(), city, baseUrl, { generatedAt });
    const withoutName = await validate(ipdcShapes(), await toDataset(withoutProperty(document, 'InstantieSnapshot', 'naam')));
    expect(withoutName).toContainEqual(expect.objectContaining({ path: 'http://purl.org/dc/terms/title', severity: 'Violation' }));
    const withoutDate = await validate(ipdcShapes(), await toDataset(withoutProperty(document, 'InstantieSnapshot', 'laatstGewijzigd')));
    expect(withoutDate).toContainEqual(expect.objectContaining({ path: 'http://schema.org/dateModified', severity: 'Violation' }));
  }, 60_000);
});
