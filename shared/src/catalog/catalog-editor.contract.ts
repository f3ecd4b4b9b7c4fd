import { z } from 'zod';
import { languageSchema } from '../platform/language.ts';
import { productSlugSchema } from './product.schema.ts';

/**
 * Contract of the catalogue editor API (`/api/catalog/editor/...`, permission `catalog:edit`).
 * A product definition travels in the shape of a catalogue file (productSchema, all languages);
 * the server validates it with checkProductDefinition and answers `validation-failed` with
 * `errors[].field` paths such as `title.nl` or `costs.0.amountEur`. Every write names the version it
 * changes (`If-Match: "<version>"`); someone else's save in between gives 409
 * `catalog-version-conflict`.
 */

const localizedTitle = z.object({ nl: z.string(), fr: z.string(), en: z.string() });

/** Who made a change: a staff member, or the catalogue files synced at start. */
export const changeAuthorSchema = z.object({ kind: z.enum(['staff', 'sync']), name: z.string() });
export type ChangeAuthor = z.infer<typeof changeAuthorSchema>;

/** `GET /api/catalog/editor/products?status=&q=` */
export const editorListQuerySchema = z.object({
  status: z.enum(['all', 'published', 'unpublished']).optional().describe('Default all.'),
  q: z.string().max(200).optional().describe('Part of the slug or of the title in any language.'),
});
export type EditorListQuery = z.infer<typeof editorListQuerySchema>;

export const editorProductSummarySchema = z.object({
  slug: productSlugSchema,
  title: localizedTitle,
  published: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().describe('ISO date-time of the last change.'),
  updatedBy: changeAuthorSchema,
  /** Some facts are examples the city still has to confirm. */
  exampleValues: z.boolean(),
});
export type EditorProductSummary = z.infer<typeof editorProductSummarySchema>;

export const editorProductListResponseSchema = z.object({ items: z.array(editorProductSummarySchema) });
export type EditorProductListResponse = z.infer<typeof editorProductListResponseSchema>;

export const editorProductParamsSchema = z.object({ slug: z.string().max(100) });

/**
 * A product definition as the editor sends it. Checked by the service (checkProductDefinition),
 * not here, so schema problems and catalogue problems (a taken slug) come back together.
 */
export const productDefinitionBodySchema = z
  .record(z.string(), z.unknown())
  .describe('The product in the shape of a catalogue file (productSchema in shared/src/catalog), every language.');

/** `GET /api/catalog/editor/products/{slug}`: the whole editable definition with its version. */
export const editorProductSchema = z.object({
  slug: productSlugSchema,
  version: z.number().int(),
  published: z.boolean(),
  updatedAt: z.string(),
  updatedBy: changeAuthorSchema,
  /** As stored; a product stored under an older schema still opens, so the editor can repair it. */
  definition: z.record(z.string(), z.unknown()),
});
export type EditorProduct = z.infer<typeof editorProductSchema>;

/** What a version did; `sync` is the catalogue file written at start. */
export const changeKindSchema = z.enum(['sync', 'create', 'edit', 'publish', 'unpublish', 'restore']);
export type ChangeKind = z.infer<typeof changeKindSchema>;

/** `GET /api/catalog/editor/products/{slug}/versions`: newest first. */
export const productVersionSchema = z.object({
  version: z.number().int(),
  published: z.boolean(),
  changedAt: z.string(),
  changedBy: changeAuthorSchema,
  change: changeKindSchema,
  /** For a restore: the version it brought back. */
  restoredFrom: z.number().int().optional(),
  /** Fields that differ from the version before (`title.nl`, `costs`, `channels.online`…); empty for the first. */
  changedFields: z.array(z.string()),
});
export type ProductVersion = z.infer<typeof productVersionSchema>;

export const productVersionListResponseSchema = z.object({ items: z.array(productVersionSchema) });
export type ProductVersionListResponse = z.infer<typeof productVersionListResponseSchema>;

export const restoreParamsSchema = z.object({ slug: z.string().max(100), version: z.coerce.number().int().min(1) });

/** `POST /api/catalog/editor/preview?lang=`: the product page for an unsaved definition. */
export const previewQuerySchema = z.object({ lang: languageSchema.optional().describe('Language of the preview; default nl.') });

/** `GET /api/catalog/products/{slug}/schema-org.jsonld?lang=` */
export const schemaOrgQuerySchema = z.object({ lang: languageSchema.optional().describe('Language of the texts; default nl.') });

/** The version a write is based on, from `If-Match: "3"` (or `W/"3"`, or `3`); undefined when absent or unreadable. */
export const parseIfMatch = (header: string | undefined): number | undefined => {
  const match = header?.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  return match?.[1] ? Number(match[1]) : undefined;
};

/** The ETag of a product version: `"3"`. */
export const versionETag = (version: number): string => `"${version}"`;
