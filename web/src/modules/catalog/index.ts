/** The resident-facing catalogue: search with suggestions, product pages and life-event pages. */
export { LifeEventEntries, PopularProducts } from './HomeCatalogSections.tsx';
export { LifeEventPage } from './LifeEventPage.tsx';
export { ProductPage } from './ProductPage.tsx';
export { SearchBox } from './SearchBox.tsx';
export { SearchPage } from './SearchPage.tsx';
