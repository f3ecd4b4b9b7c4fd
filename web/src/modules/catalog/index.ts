/**
 * The resident-facing catalogue (search with suggestions, product pages and life-event pages) and
 * the staff catalogue editor (`/werk/catalogus`, permission catalog:edit).
 */
export { CatalogEditorListPage } from './CatalogEditorListPage.tsx';
export { LifeEventEntries, PopularProducts } from './HomeCatalogSections.tsx';
export { LifeEventPage } from './LifeEventPage.tsx';
export { ProductEditorPage } from './ProductEditorPage.tsx';
export { ProductPage } from './ProductPage.tsx';
export { SearchBox } from './SearchBox.tsx';
export { SearchPage } from './SearchPage.tsx';
