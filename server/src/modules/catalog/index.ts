/**
 * The catalogue module: the city's products and services, their search, and the sync from the
 * catalogue files (`config/catalog/<city slug>/*.yaml`).
 *
 * Wiring: at start-up, after migrations, call `syncCatalogDirectory({ db, dir })`; in buildApp,
 * `app.register(catalogRoutes, { service: createCatalogService({ db, clock }) })`, and for staff
 * with `catalog:edit` `app.register(catalogEditorRoutes, { editor: createCatalogEditorService({ db,
 * clock, audit, onChange: () => service.clearSearchCache() }) })`.
 */

export { CatalogLoadError, type CatalogLoadIssue, type LoadedProduct, loadCatalogFromDirectory } from './catalog.loader.ts';
export { type CatalogRoutesOptions, catalogRoutes } from './catalog.routes.ts';
export { type CatalogService, type CatalogServiceDeps, createCatalogService } from './catalog.service.ts';
export { type CatalogSyncResult, syncCatalog, syncCatalogDirectory } from './catalog.sync.ts';
export { type CatalogEditorRoutesOptions, catalogEditorRoutes } from './catalog-editor.routes.ts';
export { type CatalogEditorDeps, type CatalogEditorService, createCatalogEditorService, type EditorWriteContext } from './catalog-editor.service.ts';
export { type CatalogExportRoutesOptions, catalogExportRoutes } from './exports/index.ts';
