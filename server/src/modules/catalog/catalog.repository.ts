import { type Selectable, sql } from 'kysely';
import type { ChangeKind } from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CatalogProducts, CatalogProductVersions } from '../../platform/db/types.ts';
import { buildSearchEntries } from './search-index.rules.ts';

/** A stored product row; `product` is the validated product, typed here because the sync only writes validated ones. */
export type ProductRow = Omit<Selectable<CatalogProducts>, 'product'> & { product: Product };

const configByLanguage = { nl: 'gastvrij_nl', fr: 'gastvrij_fr', en: 'gastvrij_en' } as const;

/**
 * Who wrote a version and why. `by` is a staff id or `catalog-sync:<source>`; `name` is kept in
 * the history as it was at the time.
 */
export type VersionChange = {
  by: string;
  name: string | null;
  at: Date;
  kind: ChangeKind;
  restoredFrom?: number;
};

const insertVersion = async (db: Db, productId: string, version: number, product: Product, change: VersionChange) => {
  await db
    .insertInto('catalog_product_versions')
    .values({
      product_id: productId,
      version,
      slug: product.slug,
      product: JSON.stringify(product),
      published: product.published,
      changed_at: change.at,
      changed_by: change.by,
      changed_by_name: change.name,
      change_kind: change.kind,
      restored_from: change.restoredFrom ?? null,
    })
    .execute();
};

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

  insert: async (product: Product, change: VersionChange, sourceChecksum: string | null) => {
    const row = await db
      .insertInto('catalog_products')
      .values({
        slug: product.slug,
        product: JSON.stringify(product),
        published: product.published,
        version: 1,
        created_at: change.at,
        updated_at: change.at,
        updated_by: change.by,
        source_checksum: sourceChecksum,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await insertVersion(db, row.id, 1, product, change);
    return row;
  },

  /** Writes a new version of a product and records it in the history. */
  update: async (current: Pick<ProductRow, 'id' | 'version'>, product: Product, change: VersionChange, sourceChecksum: string | null) => {
    const version = current.version + 1;
    await db
      .updateTable('catalog_products')
      .set({
        product: JSON.stringify(product),
        published: product.published,
        version,
        updated_at: change.at,
        updated_by: change.by,
        source_checksum: sourceChecksum,
      })
      .where('id', '=', current.id)
      .execute();
    await insertVersion(db, current.id, version, product, change);
    return { id: current.id, version };
  },

  /** Records that the stored product equals its source file, without a new version. */
  markSynced: async (id: string, sourceChecksum: string) => {
    await db.updateTable('catalog_products').set({ source_checksum: sourceChecksum }).where('id', '=', id).execute();
  },

  allSlugs: async () => (await db.selectFrom('catalog_products').select('slug').orderBy('slug').execute()).map((row) => row.slug),

  /** The history of a product with each version's content, newest first. */
  versions: async (productId: string) =>
    (await db
      .selectFrom('catalog_product_versions')
      .select(['version', 'published', 'product', 'changed_at', 'changed_by', 'changed_by_name', 'change_kind', 'restored_from'])
      .where('product_id', '=', productId)
      .orderBy('version', 'desc')
      .execute()) as (Omit<Selectable<CatalogProductVersions>, 'product' | 'product_id' | 'slug'> & { product: Product })[],

  /** One version's content, or undefined. */
  version: async (productId: string, version: number): Promise<{ product: unknown } | undefined> =>
    db.selectFrom('catalog_product_versions').select('product').where('product_id', '=', productId).where('version', '=', version).executeTakeFirst(),

  /**
   * Every product, published or not, with who made its last change (from the history, where the
   * name is kept as it was), sorted by slug.
   */
  listForEditor: async () =>
    (await db
      .selectFrom('catalog_products as p')
      .innerJoin('catalog_product_versions as v', (join) => join.onRef('v.product_id', '=', 'p.id').onRef('v.version', '=', 'p.version'))
      .select([
        'p.slug',
        'p.published',
        'p.version',
        'p.updated_at',
        'p.updated_by',
        'v.changed_by_name',
        sql<Product['title']>`p.product -> 'title'`.as('title'),
        sql<boolean>`coalesce((p.product ->> 'exampleValues')::boolean, false)`.as('example_values'),
      ])
      .orderBy('p.slug')
      .execute()) as {
      slug: string;
      published: boolean;
      version: number;
      updated_at: Date;
      updated_by: string;
      changed_by_name: string | null;
      title: Product['title'];
      example_values: boolean;
    }[],

  /** The name kept with the current version of a product (who made the last change). */
  lastChangedByName: async (productId: string, version: number): Promise<string | null> =>
    (
      await db
        .selectFrom('catalog_product_versions')
        .select('changed_by_name')
        .where('product_id', '=', productId)
        .where('version', '=', version)
        .executeTakeFirst()
    )?.changed_by_name ?? null,

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
