import {
  type CatalogSearchResponse,
  catalogSearchResponseSchema,
  type LifeEventListResponse,
  type ProductListResponse,
  type ProductView,
} from '../../../../shared/src/catalog/catalog.contract.ts';
import type { LocalizedText } from '../../../../shared/src/catalog/localized-text.schema.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import { checkSearchQuery, maxSearchQueryLength, queryParts, type SearchQueryRejection } from '../../../../shared/src/catalog/search-query.rules.ts';
import { searchWeakWords } from '../../../../shared/src/catalog/search-stopwords.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { catalogError, type catalogProblems } from './catalog.errors.ts';
import type { LoadedProduct } from './catalog.loader.ts';
import { createCatalogRepository } from './catalog.repository.ts';
import { type CatalogSyncResult, syncCatalog } from './catalog.sync.ts';
import { findSearchSignals } from './catalog-search.repository.ts';
import { lifeEventList, productSummary, productView } from './product.view.ts';
import { createSearchCache } from './search-cache.ts';
import { scoreProducts } from './search-scoring.rules.ts';

export type CatalogServiceDeps = {
  db: Db;
  clock: Clock;
  /** Cached search answers; `maxEntries: 0` turns the cache off (the evaluation measures the database path). */
  searchCache?: { maxEntries?: number; ttlMs?: number };
};

type RankedProduct = { slug: string; score: number; title: LocalizedText; shortAnswer: LocalizedText };

const rejectionMessages: Record<SearchQueryRejection, Record<Language, string>> = {
  empty: { nl: 'Vul een zoekvraag in.', fr: 'Saisissez une recherche.', en: 'Enter a search question.' },
  'too-long': {
    nl: `Gebruik hoogstens ${maxSearchQueryLength} tekens.`,
    fr: `Utilisez au maximum ${maxSearchQueryLength} caractères.`,
    en: `Use at most ${maxSearchQueryLength} characters.`,
  },
  invalid: {
    nl: 'Gebruik alleen gewone letters, cijfers en leestekens.',
    fr: 'Utilisez uniquement des lettres, des chiffres et de la ponctuation.',
    en: 'Use only ordinary letters, digits and punctuation.',
  },
};

/**
 * Use cases of the public catalogue: search, the product list and pages, life events, and the sync
 * from the catalogue files. Public data only, so no actor: every caller may read published products.
 */
export const createCatalogService = ({ db, clock, searchCache = {} }: CatalogServiceDeps) => {
  const cache = createSearchCache<RankedProduct[]>({
    maxEntries: searchCache.maxEntries ?? 2_000,
    ttlMs: searchCache.ttlMs ?? 60_000,
    now: () => clock.now().getTime(),
  });
  const repository = createCatalogRepository(db);

  /** Ranked products for the question's words, language-independent (texts in every language). */
  const rank = async (tokens: string[]): Promise<RankedProduct[]> => {
    const key = tokens.join(' ');
    const cached = cache.get(key);
    if (cached) return cached;
    const signals = await findSearchSignals(db, tokens, queryParts(tokens));
    const texts = new Map(signals.products.map((product) => [product.slug, product]));
    const ranked = scoreProducts({
      tokenCount: tokens.length,
      weak: tokens.map((token) => searchWeakWords.has(token)),
      productCount: signals.productCount,
      tokens: signals.tokens,
      phrases: signals.phrases,
    }).flatMap((scored) => {
      const text = texts.get(scored.slug);
      return text ? [{ ...scored, title: text.title, shortAnswer: text.shortAnswer }] : [];
    });
    cache.set(key, ranked);
    return ranked;
  };

  /** The question checked (a 400 with field `q` when it cannot be one) and ranked; [] when it has no words to search. */
  const rankQuestion = async (q: string): Promise<RankedProduct[]> => {
    const check = checkSearchQuery(q);
    if (!check.ok) {
      const code: keyof typeof catalogProblems = `search-query-${check.reason}`;
      throw catalogError(code, { fields: [{ field: 'q', code, message: rejectionMessages[check.reason] }] });
    }
    return check.query.tokens.length === 0 ? [] : rank(check.query.tokens);
  };
  const answerOf = (ranked: RankedProduct[], lang: Language): CatalogSearchResponse => ({
    results: ranked.map((product) => ({ slug: product.slug, title: product.title[lang], shortAnswer: product.shortAnswer[lang], score: product.score })),
  });
  // The answer's JSON text per question as typed and language: a repeated question skips the
  // normalizing, the ranking and the serializing. Same limits as the ranking cache, cleared with it.
  const answers = createSearchCache<string>({
    maxEntries: searchCache.maxEntries ?? 2_000,
    ttlMs: searchCache.ttlMs ?? 60_000,
    now: () => clock.now().getTime(),
  });

  // Published products by slug, as every submission and form looks its product up: same time
  // limit as the search caches, cleared with them.
  const published = createSearchCache<Product>({ maxEntries: 1_000, ttlMs: searchCache.ttlMs ?? 60_000, now: () => clock.now().getTime() });
  const clearCaches = () => {
    cache.clear();
    answers.clear();
    published.clear();
  };

  return {
    /**
     * Finds the products that answer a resident's question, best first (at most 10). Dutch, French
     * and English questions all find the same products; titles and short answers are in `lang`.
     * Throws `search-query-empty`, `search-query-too-long` or `search-query-invalid` (400, field `q`).
     */
    async search(input: { q: string; lang?: Language | undefined }): Promise<CatalogSearchResponse> {
      const ranked = await rankQuestion(input.q);
      return answerOf(ranked, input.lang ?? 'nl');
    },

    /**
     * `search` as the JSON text of the answer: the route sends it as is. A repeated question (the
     * usual case: residents ask the same few hundred) is then answered without building or
     * serializing the answer again; the text was checked against the response schema when made.
     */
    async searchJson(input: { q: string; lang?: Language | undefined }): Promise<string> {
      const lang = input.lang ?? 'nl';
      const key = `${lang}\u0000${input.q}`;
      const cached = answers.get(key);
      if (cached !== undefined) return cached;
      const text = JSON.stringify(catalogSearchResponseSchema.parse(answerOf(await rankQuestion(input.q), lang)));
      answers.set(key, text);
      return text;
    },

    /** Published products, sorted by title in `lang`. */
    async listProducts(lang: Language): Promise<ProductListResponse> {
      const rows = await repository.listPublished();
      const items = rows.map((row) => productSummary(row.product, lang)).sort((a, b) => a.title.localeCompare(b.title, lang));
      return { items };
    },

    /** One published product in `lang`; `catalog-product-not-found` (404) for an unknown or unpublished slug. */
    async getProduct(slug: string, lang: Language): Promise<ProductView> {
      const row = await repository.getBySlug(slug);
      if (!row?.published) throw catalogError('catalog-product-not-found');
      const related = await repository.publishedTitles(row.product.relatedProducts);
      return productView(row.product, lang, { version: row.version, updatedAt: row.updated_at }, new Map(related.map((r) => [r.slug, r.title])));
    },

    /** One published product as stored (every language), or undefined: for submissions, forms and the schema.org description. Kept a minute at most (see `published`). */
    async findPublished(slug: string): Promise<Product | undefined> {
      const cached = published.get(slug);
      if (cached) return cached;
      const row = await repository.getBySlug(slug);
      if (!row?.published) return undefined;
      published.set(slug, row.product);
      return row.product;
    },

    /** Every life event with its published products. */
    async listLifeEvents(lang: Language): Promise<LifeEventListResponse> {
      const rows = await repository.listPublished();
      return lifeEventList(
        rows.map((row) => row.product),
        lang,
      );
    },

    /** Published products with their creation and modification times, for the standards exports. */
    async listForExport(): Promise<(Product & { createdAt: Date; updatedAt: Date })[]> {
      const rows = await repository.listPublished();
      return rows.map((row) => ({ ...row.product, createdAt: row.created_at, updatedAt: row.updated_at }));
    },

    /** syncCatalog, then forgets cached search answers and products so the change shows at once. */
    async sync(products: readonly (LoadedProduct | Product)[], options: { source?: string } = {}): Promise<CatalogSyncResult> {
      const result = await syncCatalog(db, products, { ...options, clock });
      clearCaches();
      return result;
    },

    /** Forgets cached search answers and products (after a change made outside this service). */
    clearSearchCache(): void {
      clearCaches();
    },
  };
};

export type CatalogService = ReturnType<typeof createCatalogService>;
