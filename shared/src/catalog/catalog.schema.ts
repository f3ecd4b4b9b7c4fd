import { z } from 'zod';
import { type CatalogReferences, validateCatalog } from './catalog.rules.ts';
import { productSchema } from './product.schema.ts';

/**
 * A whole catalogue: every product valid on its own, plus the catalogue-wide checks of validateCatalog
 * (unique slugs, existing related products). Pass the city profile's references to check teams too.
 */
export const createCatalogSchema = (references: CatalogReferences = {}) =>
  z.array(productSchema).superRefine((products, ctx) => {
    for (const issue of validateCatalog(products, references)) {
      ctx.addIssue({ code: 'custom', path: [issue.productIndex, ...issue.path], message: issue.message, params: { code: issue.code } });
    }
  });

export const catalogSchema = createCatalogSchema();
