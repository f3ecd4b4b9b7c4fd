import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { buildProduct } from '../../../../../shared/src/catalog/product.factory.ts';
import { buildCityProfile } from '../../../../../shared/src/city/index.ts';
import { catalogExportRoutes } from './catalog-export.routes.ts';

const setup = async () => {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const products = [buildProduct({ slug: 'attest-a' }), buildProduct({ slug: 'attest-b', published: false })];
  await app.register(catalogExportRoutes, {
    listProducts: async () => products,
    findProduct: async (slug) => products.find((product) => product.slug === slug),
    city: buildCityProfile(),
    publicUrl: 'https://stad.example.be',
    clock: () => new Date('2026-03-01T10:00:00Z'),
  });
  return app;
};

describe('catalogue export routes', () => {
  it.each([
    ['/api/catalog/cpsv-ap.jsonld', 'PublicService'],
    ['/api/catalog/ipdc-lpdc.jsonld', 'InstantieSnapshot'],
  ])('%s serves JSON-LD with the published products only', async (url, type) => {
    const app = await setup();
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const body = response.json() as { '@context': unknown; '@graph': { '@type': unknown; '@id': string }[] };
    expect(body['@context']).toBeDefined();
    const services = body['@graph'].filter((node) => node['@type'] === type);
    expect(services).toHaveLength(1);
    expect(services[0]?.['@id']).toMatch(/^https:\/\/stad\.example\.be\/id\/product\/attest-a/);
    await app.close();
  });

  it('serves one published product as schema.org GovernmentService in the asked language, safe to embed in a page', async () => {
    const app = await setup();
    const response = await app.inject({ method: 'GET', url: '/api/catalog/products/attest-a/schema-org.jsonld?lang=fr' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(response.body).not.toContain('<');
    const body = response.json() as { '@type': string; url: string; name: string; inLanguage: string };
    expect(body).toMatchObject({
      '@type': 'GovernmentService',
      url: 'https://stad.example.be/producten/attest-a',
      inLanguage: 'fr',
      name: 'Voorbeeldattest (fr)',
    });
    await app.close();
  });

  it.each(['attest-b', 'bestaat-niet'])('answers 404 for %s (unpublished or unknown)', async (slug) => {
    const app = await setup();
    const response = await app.inject({ method: 'GET', url: `/api/catalog/products/${slug}/schema-org.jsonld` });
    expect(response.statusCode).toBe(404);
    await app.close();
  });
});
