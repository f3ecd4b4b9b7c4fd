import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type CatalogSearchResponse,
  catalogListQuerySchema,
  catalogSearchQuerySchema,
  catalogSearchResponseSchema,
  lifeEventListResponseSchema,
  productListResponseSchema,
  productParamsSchema,
  productQuerySchema,
  productViewSchema,
} from '../../../../shared/src/catalog/catalog.contract.ts';
import type { CatalogService } from './catalog.service.ts';

export type CatalogRoutesOptions = { service: CatalogService };

// Public catalogue data: a shared cache may keep it briefly; search answers are not personal either.
const publicCache = 'public, max-age=60';

/**
 * The public catalogue API. Public on purpose (deny-by-default does not apply to what the city
 * publishes): residents search and read products before they log in.
 */
export const catalogRoutes: FastifyPluginAsync<CatalogRoutesOptions> = async (app, { service }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/catalog/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Find the products that answer a question (Dutch, French or English)',
        description:
          'Best first, at most 10. Understands inflection, compounds, misspellings, old and colloquial names and life events ("ik ga verhuizen"). ' +
          '400 `search-query-empty`, `search-query-too-long` (over 500 characters) or `search-query-invalid` (control characters, markup).',
        querystring: catalogSearchQuerySchema,
        response: { 200: catalogSearchResponseSchema },
      },
    },
    async (request, reply) => {
      // Already JSON (and checked against the response schema when it was made): sent as is.
      const answer = await service.searchJson({ q: request.query.q, lang: request.query.lang });
      // A string with a JSON content type skips the serializer; the type provider only knows the object.
      return reply
        .header('cache-control', publicCache)
        .type('application/json; charset=utf-8')
        .send(answer as unknown as CatalogSearchResponse);
    },
  );

  routes.get(
    '/api/catalog/products',
    {
      config: { access: 'public' },
      schema: { tags: ['catalog'], summary: 'Published products', querystring: catalogListQuerySchema, response: { 200: productListResponseSchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', publicCache);
      return service.listProducts(request.query.lang ?? 'nl');
    },
  );

  routes.get(
    '/api/catalog/products/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'One published product',
        params: productParamsSchema,
        querystring: productQuerySchema,
        response: { 200: productViewSchema },
      },
    },
    async (request, reply) => {
      const product = await service.getProduct(request.params.slug, request.query.lang ?? 'nl');
      reply.header('cache-control', publicCache);
      return product;
    },
  );

  routes.get(
    '/api/catalog/life-events',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Life events with their products',
        querystring: catalogListQuerySchema,
        response: { 200: lifeEventListResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', publicCache);
      return service.listLifeEvents(request.query.lang ?? 'nl');
    },
  );
};
