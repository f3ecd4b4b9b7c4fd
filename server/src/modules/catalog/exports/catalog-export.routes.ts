import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { productParamsSchema } from '../../../../../shared/src/catalog/catalog.contract.ts';
import { schemaOrgQuerySchema } from '../../../../../shared/src/catalog/catalog-editor.contract.ts';
import type { Product } from '../../../../../shared/src/catalog/product.schema.ts';
import { schemaOrgScript, toSchemaOrgGovernmentService } from '../../../../../shared/src/catalog/schema-org.ts';
import type { CityProfile } from '../../../../../shared/src/city/index.ts';
import { catalogError } from '../catalog.errors.ts';
import { type ExportProduct, iris } from './catalog-export.rules.ts';
import { toCpsvAp } from './cpsv-ap.mapper.ts';
import { toIpdcLpdc } from './ipdc-lpdc.mapper.ts';

export type CatalogExportRoutesOptions = {
  /** The products to publish; unpublished ones are left out. Pass `createdAt`/`updatedAt` when known (see ExportProduct). */
  listProducts: () => Promise<ExportProduct[]>;
  /** One published product, or undefined (unknown or unpublished): for its schema.org description. */
  findProduct: (slug: string) => Promise<Product | undefined>;
  city: CityProfile;
  /** The city's public base URL (config.publicUrl); every IRI in the exports is minted under it. */
  publicUrl: string;
  /** Stands in for dates the products lack; defaults to the wall clock. */
  clock?: () => Date;
};

// Harvesters poll these; a shared cache may keep them a few minutes.
const exportCache = 'public, max-age=300';
// Same freshness as the product page it describes.
const productCache = 'public, max-age=60';
const jsonLd = 'application/ld+json; charset=utf-8';

/**
 * `GET /api/catalog/cpsv-ap.jsonld` and `GET /api/catalog/ipdc-lpdc.jsonld`: the published
 * catalogue for the EU (CPSV-AP 3.2) and for the Flemish product catalogue (IPDC-LPDC instance
 * snapshots); `GET /api/catalog/products/{slug}/schema-org.jsonld`: one product as a schema.org
 * GovernmentService, which the product page embeds for search engines. Public on purpose: it is
 * what the city publishes anyway.
 */
export const catalogExportRoutes: FastifyPluginAsync<CatalogExportRoutesOptions> = async (
  app,
  { listProducts, findProduct, city, publicUrl, clock = () => new Date() },
) => {
  app.get(
    '/api/catalog/cpsv-ap.jsonld',
    { config: { access: 'public' }, schema: { tags: ['catalog'], summary: 'The published catalogue as CPSV-AP 3.2 (JSON-LD)' } },
    async (_request, reply) => {
      const document = toCpsvAp(await listProducts(), city, publicUrl);
      return reply.type(jsonLd).header('cache-control', exportCache).send(JSON.stringify(document));
    },
  );

  app.get(
    '/api/catalog/ipdc-lpdc.jsonld',
    { config: { access: 'public' }, schema: { tags: ['catalog'], summary: 'The published catalogue as IPDC-LPDC instance snapshots (JSON-LD)' } },
    async (_request, reply) => {
      const document = toIpdcLpdc(await listProducts(), city, publicUrl, { generatedAt: clock() });
      return reply.type(jsonLd).header('cache-control', exportCache).send(JSON.stringify(document));
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/catalog/products/:slug/schema-org.jsonld',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'One published product as schema.org GovernmentService (JSON-LD), in one language',
        params: productParamsSchema,
        querystring: schemaOrgQuerySchema,
      },
    },
    async (request, reply) => {
      const product = await findProduct(request.params.slug);
      if (!product?.published) throw catalogError('catalog-product-not-found');
      const lang = request.query.lang ?? 'nl';
      const document = toSchemaOrgGovernmentService(product, city, lang, iris(publicUrl).productPage(product.slug));
      // Escaped like the page's <script> element, so the same text is safe to embed as it is.
      return reply.type(jsonLd).header('cache-control', productCache).header('content-language', lang).send(schemaOrgScript(document));
    },
  );
};
