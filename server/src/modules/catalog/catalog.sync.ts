import type { CatalogReferences } from '../../../../shared/src/catalog/catalog.rules.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import { type Clock, systemClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type LoadedProduct, loadCatalogFromDirectory, productChecksum } from './catalog.loader.ts';
import { createCatalogRepository } from './catalog.repository.ts';

/** What a sync did, by slug. */
export type CatalogSyncResult = {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** In the database but not in the source: left as they are (they may be products staff created). */
  notInSource: string[];
  /**
   * The source file changed, but staff edited the product since the last sync: their edit is kept
   * (the file's content does not overwrite it). Listed so an operator can tell the editors.
   */
  keptEdits: string[];
  /** Size of the rebuilt search index. */
  index: { products: number; terms: number };
};

const syncAuthorPrefix = 'catalog-sync:';

/** Whether the last change of a product came from a sync rather than from a member of staff. */
export const isSyncAuthor = (updatedBy: string): boolean => updatedBy.startsWith(syncAuthorPrefix);

/**
 * Brings the database in line with a catalogue source (the YAML directory at start-up, or the demo
 * seed). Idempotent: running it twice changes nothing the second time. A product is written (a new
 * version, recorded in the history as changed by `catalog-sync:<source>`) only when its source
 * changed since the last sync and nobody on the staff changed it since: an edit made in the
 * catalogue editor always survives a restart, also after the file changed (it is then listed in
 * `keptEdits`). Products missing from the source are never deleted. Rebuilds the search index in
 * the same transaction; concurrent syncs (several instances starting) and editor saves wait for
 * each other.
 */
export const syncCatalog = async (
  db: Db,
  products: readonly (LoadedProduct | Product)[],
  options: { source?: string; clock?: Clock } = {},
): Promise<CatalogSyncResult> => {
  const by = `${syncAuthorPrefix}${options.source ?? 'catalogue'}`;
  const at = (options.clock ?? systemClock).now();
  const items = products.map((item) => ('product' in item && 'checksum' in item ? item : { product: item, checksum: productChecksum(item) }));
  return db.transaction().execute(async (trx) => {
    const repository = createCatalogRepository(trx);
    await repository.lock();
    const result: CatalogSyncResult = { created: [], updated: [], unchanged: [], notInSource: [], keptEdits: [], index: { products: 0, terms: 0 } };
    const change = { by, name: null, at, kind: 'sync' } as const;
    for (const { product, checksum } of items) {
      const current = await repository.getBySlugForUpdate(product.slug);
      if (!current) {
        await repository.insert(product, change, checksum);
        result.created.push(product.slug);
      } else if (current.source_checksum === checksum || productChecksum(current.product) === checksum) {
        if (current.source_checksum !== checksum) await repository.markSynced(current.id, checksum);
        result.unchanged.push(product.slug);
      } else if (!isSyncAuthor(current.updated_by)) {
        result.keptEdits.push(product.slug);
      } else {
        await repository.update(current, product, change, checksum);
        result.updated.push(product.slug);
      }
    }
    const inSource = new Set(items.map((item) => item.product.slug));
    result.notInSource = (await repository.allSlugs()).filter((slug) => !inSource.has(slug));
    result.index = await repository.rebuildSearchIndex();
    return result;
  });
};

/**
 * The start-up step: loads and validates the city's catalogue directory (`config/catalog/<city
 * slug>/`) and syncs it. Throws a CatalogLoadError (one line per problem) when a file is invalid,
 * before anything is written.
 */
export const syncCatalogDirectory = async (options: { db: Db; dir: string; references?: CatalogReferences; clock?: Clock }): Promise<CatalogSyncResult> => {
  const products = await loadCatalogFromDirectory(options.dir, options.references);
  return syncCatalog(options.db, products, { source: 'directory', ...(options.clock ? { clock: options.clock } : {}) });
};
