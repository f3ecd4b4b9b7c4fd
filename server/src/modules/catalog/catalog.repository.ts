import { type Selectable, sql } from 'kysely';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CatalogProducts } from '../../platform/db/types.ts';
import { buildSearchEntries } from './search-index.rules.ts';

/** A stored product row; `product` is the validated product, typed here because the sync only writes validated ones. */
export type ProductRow = Omit<Selectable<CatalogProducts>, 'product'> & { product: Product };

const configByLanguage = { nl: 'gastvrij_nl', fr: 'gastvrij_fr', en: 'gastvrij_en' } as const;

/** SQL of the catalogue tables; works on a Db or a transaction. */
export const createCatalogRepository = (db: Db) => ({
  /** Serializes catalogue writers (several instances syncing at start) until the transaction ends. */
  lock: async () => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('gastvrij.catalog'))`.execute(db);
  },

  getBySlug: async (slug: string): Promise<ProductRow | undefined> =>
    (await db.selectFrom('catalog_products').selectAll().where('slug', '=', slug).executeTakeFirst()) as ProductRow | undefined,

  getBySlugForUpdate: async (slug: string): Promise<ProductRow | undefined> =>
    (await db.selectFrom('catalog_products').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst()) as ProductRow | undefined,

  listPublished: async (): Promise<ProductRow[]> =>
    (await db.selectFrom('catalog_products').selectAll().where('published', '=', true).orderBy('slug').execute()) as ProductRow[],

  /** Slug and title of published products, for links to related products. */
  publishedTitles: async (slugs: readonly string[]) =>
    slugs.length === 0
      ? []
      : ((await db
          .selectFrom('catalog_products')
          .select(['slug', sql<Product['title']>`product -> 'title'`.as('title')])
          .where('published', '=', true)
          .where('slug', 'in', slugs)
          .execute()) as { slug: string; title: Product['title'] }[]),

  insert: async (product: Product, by: string, at: Date, sourceChecksum: string | null) => {
    const row = await db
      .insertInto('catalog_products')
      .values({
        slug: product.slug,
        product: JSON.stringify(product),
        published: product.published,
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: by,
        source_checksum: sourceChecksum,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await db
      .insertInto('catalog_product_versions')
      .values({
        product_id: row.id,
        version: 1,
        slug: product.slug,
        product: JSON.stringify(product),
        published: product.published,
        changed_at: at,
        changed_by: by,
      })
      .execute();
    return row;
  },

  /** Writes a new version of a product and records it in the history. */
  update: async (current: Pick<ProductRow, 'id' | 'version'>, product: Product, by: string, at: Date, sourceChecksum: string | null) => {
    const version = current.version + 1;
    await db
      .updateTable('catalog_products')
      .set({ product: JSON.stringify(product), published: product.published, version, updated_at: at, updated_by: by, source_checksum: sourceChecksum })
      .where('id', '=', current.id)
      .execute();
    await db
      .insertInto('catalog_product_versions')
      .values({
        product_id: current.id,
        version,
        slug: product.slug,
        product: JSON.stringify(product),
        published: product.published,
        changed_at: at,
        changed_by: by,
      })
      .execute();
    return { id: current.id, version };
  },

  /** Records that the stored product equals its source file, without a new version. */
  markSynced: async (id: string, sourceChecksum: string) => {
    await db.updateTable('catalog_products').set({ source_checksum: sourceChecksum }).where('id', '=', id).execute();
  },

  allSlugs: async () => (await db.selectFrom('catalog_products').select('slug').orderBy('slug').execute()).map((row) => row.slug),

  /** The history of a product, newest first. */
  versions: (slug: string) =>
    db
      .selectFrom('catalog_product_versions')
      .select(['version', 'published', 'changed_at', 'changed_by'])
      .where('slug', '=', slug)
      .orderBy('version', 'desc')
      .execute(),

  /**
   * Rebuilds the derived search rows (documents and terms) of every published product from the
   * stored products. The catalogue is small (tens of products, a few thousand terms), so rebuilding
   * all of it in one transaction is simpler and safer than tracking what changed: the index can never
   * drift from the products, and a new version of the indexing code takes effect at the next sync.
   */
  rebuildSearchIndex: async () => {
    await sql`DELETE FROM catalog_search_words`.execute(db);
    await sql`DELETE FROM catalog_search_terms`.execute(db);
    await sql`DELETE FROM catalog_search_documents`.execute(db);
    await sql`DELETE FROM catalog_search_products`.execute(db);
    const rows = (await db.selectFrom('catalog_products').select(['id', 'product']).where('published', '=', true).execute()) as {
      id: string;
      product: Product;
    }[];
    const documents = { id: [] as string[], language: [] as string[], a: [] as string[], b: [] as string[], c: [] as string[] };
    const terms = {
      id: [] as string[],
      language: [] as string[],
      kind: [] as string[],
      phraseNo: [] as number[],
      phrase: [] as string[],
      phraseWords: [] as number[],
      word: [] as string[],
      weight: [] as number[],
    };
    for (const row of rows) {
      const entries = buildSearchEntries(row.product);
      for (const document of entries.documents) {
        documents.id.push(row.id);
        documents.language.push(document.language);
        documents.a.push(document.a);
        documents.b.push(document.b);
        documents.c.push(document.c);
      }
      for (const term of entries.terms) {
        terms.id.push(row.id);
        terms.language.push(term.language);
        terms.kind.push(term.kind);
        terms.phraseNo.push(term.phraseNo);
        terms.phrase.push(term.phrase);
        terms.phraseWords.push(term.phraseWords);
        terms.word.push(term.word);
        terms.weight.push(term.weight);
      }
    }
    await sql`
      INSERT INTO catalog_search_products (product_id, slug, title, short_answer)
      SELECT id, slug, product -> 'title', product -> 'shortAnswer' FROM catalog_products WHERE published`.execute(db);
    const config = sql`(CASE d.language WHEN 'nl' THEN ${configByLanguage.nl} WHEN 'fr' THEN ${configByLanguage.fr} ELSE ${configByLanguage.en} END)::regconfig`;
    await sql`
      INSERT INTO catalog_search_documents (product_id, language, document)
      SELECT d.id, d.language,
             setweight(to_tsvector(${config}, d.a), 'A') || setweight(to_tsvector(${config}, d.b), 'B') || setweight(to_tsvector(${config}, d.c), 'C')
      FROM unnest(${documents.id}::uuid[], ${documents.language}::text[], ${documents.a}::text[], ${documents.b}::text[], ${documents.c}::text[])
        AS d(id, language, a, b, c)`.execute(db);
    await sql`
      INSERT INTO catalog_search_terms (product_id, language, kind, phrase_no, phrase, phrase_words, word, weight)
      SELECT * FROM unnest(${terms.id}::uuid[], ${terms.language}::text[], ${terms.kind}::text[], ${terms.phraseNo}::int[],
                           ${terms.phrase}::text[], ${terms.phraseWords}::int[], ${terms.word}::text[], ${terms.weight}::real[])`.execute(db);
    await sql`INSERT INTO catalog_search_words (word) SELECT DISTINCT word FROM catalog_search_terms`.execute(db);
    return { products: rows.length, terms: terms.word.length };
  },
});

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
