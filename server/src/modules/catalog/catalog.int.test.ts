import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createCatalogService, loadCatalogFromDirectory, syncCatalog } from './index.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let testApp: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  testApp = await createTestApp({ workers: false });
  await syncCatalog(testApp.db, await loadCatalogFromDirectory(catalogDir), { source: 'test' });
  app = testApp.app;
});

afterAll(async () => {
  await testApp?.close();
});

const search = async (q: string, lang?: string) => {
  const query = new URLSearchParams({ q, ...(lang ? { lang } : {}) });
  return app.inject({ method: 'GET', url: `/api/catalog/search?${query}` });
};

const topSlugs = async (q: string, lang?: string) => {
  const response = await search(q, lang);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { results: { slug: string }[] }).results.map((result) => result.slug);
};

describe('GET /api/catalog/search: the examples of issue 4 are in the top 3', () => {
  it.each([
    // Dutch inflection and compounds
    ['identiteitskaarten', 'identiteitskaart'],
    ['kinderidentiteitskaart', 'kids-id'],
    // colloquial and old names
    ['bewijs van goed gedrag en zeden', 'uittreksel-strafregister'],
    ['trouwen', 'huwelijk'],
    ['kids id', 'kids-id'],
    ['pasje', 'identiteitskaart'],
    // typos
    ['identiteitskaart aanvragn', 'identiteitskaart'],
    ['paspoort', 'reispas'],
    ['pasport', 'reispas'],
    // life events
    ['ik ga verhuizen', 'adreswijziging'],
    ['ons kindje is geboren', 'geboorteaangifte'],
    ['mijn vader is overleden', 'overlijden'],
    // French and English questions find the Dutch product
    ["carte d'identité enfant", 'kids-id'],
    ['moving house change of address', 'adreswijziging'],
    ['je veux me marier', 'huwelijk'],
    ['driving licence', 'rijbewijs'],
  ])('"%s" finds %s', async (question, slug) => {
    expect((await topSlugs(question)).slice(0, 3)).toContain(slug);
  });

  it('answers with the title and short answer in the requested language, best first, with a score', async () => {
    const response = await search('paspoort', 'fr');
    const { results } = response.json() as { results: { slug: string; title: string; shortAnswer: string; score: number }[] };
    expect(results[0]).toMatchObject({ slug: 'reispas', title: expect.stringMatching(/passeport/i) });
    expect(results[0]?.shortAnswer.length).toBeGreaterThan(20);
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    expect(results.length).toBeLessThanOrEqual(10);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');

    // Asked again (from the cache): the same answer, in each language its own texts.
    expect((await search('paspoort', 'fr')).body).toBe(response.body);
    const dutch = (await search('paspoort', 'nl')).json() as { results: { slug: string; title: string }[] };
    expect(dutch.results[0]).toMatchObject({ slug: 'reispas', title: expect.stringMatching(/reispas/i) });
  });

  it('finds nothing, without an error, for a question of only stopwords or unknown words', async () => {
    expect(await topSlugs('hoe kan ik')).toEqual([]);
    expect(await topSlugs('xqzwv')).toEqual([]);
  });

  it('leaves unpublished products out', async () => {
    const products = await loadCatalogFromDirectory(catalogDir);
    const unpublished = products.map(({ product }) => (product.slug === 'reispas' ? { ...product, published: false } : product));
    const db = testApp.db;
    await syncCatalog(db, unpublished, { source: 'test' });
    try {
      const service = createCatalogService({ db, clock: { now: () => new Date() } });
      const { results } = await service.search({ q: 'paspoort' });
      expect(results.map((result) => result.slug)).not.toContain('reispas');
      await expect(service.getProduct('reispas', 'nl')).rejects.toMatchObject({ code: 'catalog-product-not-found' });
    } finally {
      await syncCatalog(db, products, { source: 'test' });
    }
  });
});

describe('GET /api/catalog/search: bad input is a clear 400, never a 500, never reflected', () => {
  const expectProblem = async (q: string, code: string) => {
    const response = await search(q);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = response.json() as { code: string; errors?: { field: string; code: string }[] };
    expect(body.code).toBe(code);
    expect(body.errors?.[0]).toMatchObject({ field: 'q', code });
    return response;
  };

  it.each([[''], ['   '], ['?!…'], ['🙂🙂']])('%j is search-query-empty', async (q) => {
    await expectProblem(q, 'search-query-empty');
  });

  it('501 characters is search-query-too-long; 500 is searched', async () => {
    await expectProblem('a'.repeat(501), 'search-query-too-long');
    expect((await search(`paspoort ${'x'.repeat(491)}`)).statusCode).toBe(200);
  });

  it.each([['pas\u0000poort'], ['\u0007'], ['rij\u001bbewijs'], ['\uFFFD\uFFFD'], ['a\u0085b']])(
    'control or binary characters (%j) are search-query-invalid',
    async (q) => {
      await expectProblem(q, 'search-query-invalid');
    },
  );

  it('undecodable percent-encoding is never a 500', async () => {
    // The query-string parser keeps undecodable text as typed, which is then an ordinary (useless) question.
    const response = await app.inject({ method: 'GET', url: '/api/catalog/search?q=%FF%FE%00%3Cscript%3E' });
    expect([200, 400]).toContain(response.statusCode);
    expect(response.body).not.toContain('<script');
  });

  it('a missing q is a 400 naming q', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/catalog/search' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('q');
  });

  it.each([['<script>alert(1)</script>'], ['<img src=x onerror=alert(1)>'], ['javascript:alert(1)'], ['paspoort <b>nu</b>']])(
    'markup (%j) is refused and not reflected',
    async (q) => {
      const response = await expectProblem(q, 'search-query-invalid');
      expect(response.body).not.toContain('<script');
      expect(response.body).not.toContain('<img');
      expect(response.body).not.toContain('alert');
    },
  );

  it('an unknown lang is a 400, not a fallback to something else', async () => {
    expect((await search('paspoort', 'de')).statusCode).toBe(400);
  });
});

describe('GET /api/catalog/products', () => {
  it('lists the published products in the requested language, sorted by title', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/catalog/products?lang=en' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: { slug: string; title: string }[] };
    expect(items).toHaveLength(37);
    expect(items.find((item) => item.slug === 'reispas')?.title).toMatch(/passport/i);
    const titles = items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('one product in French, with related products linked and editors’ notes left out', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/catalog/products/identiteitskaart?lang=fr' });
    expect(response.statusCode).toBe(200);
    const product = response.json() as Record<string, unknown> & {
      title: string;
      relatedProducts: { slug: string; title: string }[];
      lang: string;
      version: number;
    };
    expect(product).toMatchObject({ slug: 'identiteitskaart', lang: 'fr', version: 1 });
    expect(product.title).toMatch(/carte d'identité/i);
    expect(product.relatedProducts.find((related) => related.slug === 'kids-id')?.title).toBeTruthy();
    expect(product).not.toHaveProperty('exampleNotes');
    expect(product).not.toHaveProperty('keywords');
  });

  it('Dutch by default; an unknown slug is a 404 problem', async () => {
    const dutch = await app.inject({ method: 'GET', url: '/api/catalog/products/reispas' });
    expect((dutch.json() as { lang: string }).lang).toBe('nl');
    const missing = await app.inject({ method: 'GET', url: '/api/catalog/products/bestaat-niet' });
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as { code: string }).code).toBe('catalog-product-not-found');
  });

  it('life events list their products', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/catalog/life-events?lang=nl' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: { id: string; label: string; products: { slug: string }[] }[] };
    const moving = items.find((item) => item.id === 'verhuizen');
    expect(moving?.label).toBe('Ik verhuis');
    expect(moving?.products.map((product) => product.slug)).toContain('adreswijziging');
  });
});

describe('syncCatalog', () => {
  it('is idempotent, versions a changed product with its history, and keeps the search index in step', async () => {
    const products = await loadCatalogFromDirectory(catalogDir);
    const again = await syncCatalog(testApp.db, products, { source: 'test' });
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(products.length);

    const changed = products.map(({ product }) =>
      product.slug === 'grofvuil' ? { ...product, keywords: { ...product.keywords, nl: [...product.keywords.nl, 'zetelophaaldienst'] } } : product,
    );
    const service = createCatalogService({ db: testApp.db, clock: { now: () => new Date() } });
    const result = await service.sync(changed, { source: 'test' });
    expect(result.updated).toEqual(['grofvuil']);
    expect((await service.search({ q: 'zetelophaaldienst' })).results[0]?.slug).toBe('grofvuil');
    const history = await sql<{ version: number; changed_by: string }>`
      SELECT v.version, v.changed_by FROM catalog_product_versions v JOIN catalog_products p ON p.id = v.product_id
      WHERE p.slug = 'grofvuil' ORDER BY v.version`.execute(testApp.db);
    expect(history.rows.map((row) => row.version)).toEqual([1, 2]);
    expect(history.rows[1]?.changed_by).toBe('catalog-sync:test');

    await service.sync(products, { source: 'test' });
    expect((await service.search({ q: 'zetelophaaldienst' })).results.map((r) => r.slug)).not.toContain('grofvuil');
  });
});
