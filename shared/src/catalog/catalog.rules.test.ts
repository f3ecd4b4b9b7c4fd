import { describe, expect, it } from 'vitest';
import { findInformalAddress, validateCatalog } from './catalog.rules.ts';
import { catalogSchema, createCatalogSchema } from './catalog.schema.ts';
import { buildProduct } from './product.factory.ts';
import { productSchema } from './product.schema.ts';

describe('validateCatalog', () => {
  it('accepts a catalogue whose related products all exist', () => {
    const products = [buildProduct({ slug: 'a', relatedProducts: ['b'] }), buildProduct({ slug: 'b', relatedProducts: ['a'] })];
    expect(validateCatalog(products)).toEqual([]);
  });

  it.each([
    {
      name: 'a duplicate slug',
      products: [buildProduct({ slug: 'a' }), buildProduct({ slug: 'a' })],
      expected: [{ field: 'a.slug', code: 'catalog.duplicate-slug', productIndex: 1, path: ['slug'] }],
    },
    {
      name: 'a related product that does not exist',
      products: [buildProduct({ slug: 'a', relatedProducts: ['b', 'ghost'] }), buildProduct({ slug: 'b' })],
      expected: [{ field: 'a.relatedProducts[1]', code: 'catalog.unknown-related-product', productIndex: 0, path: ['relatedProducts', 1] }],
    },
  ])('reports $name with a field path', ({ products, expected }) => {
    expect(validateCatalog(products)).toEqual(expected.map((issue) => expect.objectContaining(issue)));
  });

  it('checks teams and partners only when the city profile is given', () => {
    const products = [buildProduct({ slug: 'a', responsibleTeam: 'verdwenen-dienst', channels: { partner: { available: true, partnerId: 'onbekend' } } })];
    expect(validateCatalog(products)).toEqual([]);
    expect(validateCatalog(products, { teamIds: ['burgerzaken'], partnerIds: ['politiezone-gavers'] }).map((issue) => issue.field)).toEqual([
      'a.responsibleTeam',
      'a.channels.partner.partnerId',
    ]);
  });

  it('is what catalogSchema runs, with the issue at the product index', () => {
    const result = catalogSchema.safeParse([buildProduct({ slug: 'a' }), buildProduct({ slug: 'b', relatedProducts: ['c'] })]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[1, 'relatedProducts', 0]]);
    expect(createCatalogSchema({ teamIds: ['onthaal'] }).safeParse([buildProduct()]).error?.issues[0]?.path).toEqual([0, 'responsibleTeam']);
  });
});

describe('productSchema', () => {
  it.each([
    { name: 'a published product without any available channel', overrides: { channels: { counter: { available: false } } }, path: 'channels' },
    {
      name: 'an available partner channel that says nothing about the partner',
      overrides: { channels: { partner: { available: true } } },
      path: 'channels.partner.partnerId',
    },
    {
      name: 'a 24/7 automated channel that requires an appointment',
      overrides: { channels: { online: { available: true, automated24x7: true, appointment: 'required' as const } } },
      path: 'channels.online.appointment',
    },
    {
      name: 'a cost on a channel the product does not offer',
      overrides: { costs: [{ label: { nl: 'x', fr: 'x', en: 'x' }, amountEur: 2, channel: 'counter' as const, example: false }] },
      path: 'costs.0.channel',
    },
    {
      name: 'an example cost without exampleValues',
      overrides: { costs: [{ label: { nl: 'x', fr: 'x', en: 'x' }, amountEur: 2, example: true }] },
      path: 'exampleValues',
    },
    { name: 'exampleValues without anything marked', overrides: { exampleValues: true }, path: 'exampleValues' },
    { name: 'a product related to itself', overrides: { relatedProducts: ['attest-voorbeeld'] }, path: 'relatedProducts.0' },
    { name: 'a negative amount', overrides: { costs: [{ label: { nl: 'x', fr: 'x', en: 'x' }, amountEur: -1, example: false }] }, path: 'costs.0.amountEur' },
    { name: 'a slug that is not kebab-case', overrides: { slug: 'Kids ID' }, path: 'slug' },
    {
      name: 'a legal basis over plain http',
      overrides: { legalBasis: [{ label: { nl: 'x', fr: 'x', en: 'x' }, url: 'http://example.be' }] },
      path: 'legalBasis.0.url',
    },
    { name: 'a missing French title', overrides: { title: { nl: 'Titel', en: 'Title' } as never }, path: 'title.fr' },
    { name: 'a theme outside the IPDC code list', overrides: { themes: ['Sport'] as never }, path: 'themes.0' },
  ])('rejects $name', ({ overrides, path }) => {
    const result = productSchema.safeParse({ ...buildProduct(), ...overrides });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('accepts an example cost when exampleValues is set', () => {
    const product = buildProduct({ exampleValues: true, costs: [{ label: { nl: 'x', fr: 'x', en: 'x' }, amountEur: 19.3, example: true }] });
    expect(product.costs[0]?.amountEur).toBe(19.3);
  });
});

describe('findInformalAddress', () => {
  it.each([
    ['U kunt uw kaart afhalen aan de snelbalie.', []],
    ['Kom je kaart afhalen.', ['je']],
    ['Jij en jouw partner komen samen.', ['Jij', 'jouw']],
    ['Jullie trouwen in het stadhuis.', ['Jullie']],
    // Words that merely contain "je" are formal Dutch.
    ['Een meisje met een kaartje en een jeugdvereniging.', []],
  ])('%s', (text, expected) => {
    expect(findInformalAddress(text)).toEqual(expected);
  });
});
