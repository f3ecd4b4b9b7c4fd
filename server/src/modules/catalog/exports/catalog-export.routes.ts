import type { FastifyPluginAsync } from 'fastify';
import type { CityProfile } from '../../../../../shared/src/city/index.ts';
import type { ExportProduct } from './catalog-export.rules.ts';
import { toCpsvAp } from './cpsv-ap.mapper.ts';
import { toIpdcLpdc } from './ipdc-lpdc.mapper.ts';

export type CatalogExportRoutesOptions = {
  /** The products to publish; unpublished ones are left out. Pass `createdAt`/`updatedAt` when known (see ExportProduct). */
  listProducts: () => Promise<ExportProduct[]>;
  city: CityProfile;
  /** The city's public base URL (config.publicUrl); every IRI in the exports is minted under it. */
  publicUrl: string;
  /** Stands in for dates the products lack; defaults to the wall clock. */
  clock?: () => Date;
};

// Harvesters poll these; a shared cache may keep them a few minutes.
const exportCache = 'public, max-age=300';
const jsonLd = 'application/ld+json; charset=utf-8';

/**
 * `GET /api/catalog/cpsv-ap.jsonld` and `GET /api/catalog/ipdc-lpdc.jsonld`: the published
 * catalogue for the EU (CPSV-AP 3.2) and for the Flemish product catalogue (IPDC-LPDC instance
 * snapshots). Public on purpose: it is what the city publishes anyway.
 */
export const catalogExportRoutes: FastifyPluginAsync<CatalogExportRoutesOptions> = async (app, { listProducts, city, publicUrl, clock = () => new Date() }) => {
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
};
