/**
 * Exports of the catalogue to the EU and Flemish standards: CPSV-AP 3.2 and IPDC-LPDC instance
 * snapshots, as pure mappers and as the Fastify plugin that serves them.
 *
 * Wiring (buildApp): `app.register(catalogExportRoutes, { listProducts, city, publicUrl })`.
 */
export { type CatalogExportRoutesOptions, catalogExportRoutes } from './catalog-export.routes.ts';
export type { ExportProduct, JsonLdDocument, JsonLdNode, JsonLdValue } from './catalog-export.rules.ts';
export { cpsvApContextUrl, toCpsvAp } from './cpsv-ap.mapper.ts';
export { ipdcLpdcContextUrl, toIpdcLpdc } from './ipdc-lpdc.mapper.ts';
