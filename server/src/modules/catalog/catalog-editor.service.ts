import type { ProductView } from '../../../../shared/src/catalog/catalog.contract.ts';
import type {
  ChangeAuthor,
  ChangeKind,
  EditorListQuery,
  EditorProduct,
  EditorProductListResponse,
  ProductVersionListResponse,
} from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import { type Product, productSchema } from '../../../../shared/src/catalog/product.schema.ts';
import {
  changedFields,
  checkProductDefinition,
  type EditorContext,
  type EditorIssue,
  matchesEditorFilter,
  productIssues,
} from '../../../../shared/src/catalog/product-editor.rules.ts';
import { type Actor, hasPermission, type StaffActor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { AuditLog } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/problem.ts';
import { catalogError, catalogValidationError } from './catalog.errors.ts';
import { productChecksum } from './catalog.loader.ts';
import { type CatalogRepository, createCatalogRepository, type ProductRow } from './catalog.repository.ts';
import { isSyncAuthor } from './catalog.sync.ts';
import { productView } from './product.view.ts';

export type CatalogEditorDeps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  /** Called after a change is committed: the public service forgets its cached search answers. */
  onChange?: () => void;
};

/** Who a write is for and the request it came with, for the history and the audit log. */
export type EditorWriteContext = { actor: Actor; requestId?: string };

const author = (updatedBy: string, name: string | null): ChangeAuthor =>
  isSyncAuthor(updatedBy) ? { kind: 'sync', name: updatedBy.slice(updatedBy.indexOf(':') + 1) } : { kind: 'staff', name: name ?? '' };

const toEditorProduct = (
  row: Pick<ProductRow, 'slug' | 'version' | 'published' | 'updated_at' | 'updated_by' | 'product'>,
  name: string | null,
): EditorProduct => ({
  slug: row.slug,
  version: row.version,
  published: row.published,
  updatedAt: row.updated_at.toISOString(),
  updatedBy: author(row.updated_by, name),
  definition: row.product as unknown as Record<string, unknown>,
});

const assertEditor = (actor: Actor): StaffActor => {
  if (actor.kind !== 'staff' || !hasPermission(actor, 'catalog:edit')) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  return actor;
};

const rejectIssues = (issues: EditorIssue[]): never => {
  throw catalogValidationError(issues.map((issue) => ({ field: issue.field, code: issue.code, message: issue.message })));
};

/**
 * Use cases of the catalogue editor (`catalog:edit`): list, open, create and change products,
 * publish and unpublish, the version history and restoring a version, and a preview of unsaved
 * work. Every change is one transaction: the product, its version row, the rebuilt search index
 * and the audit row commit together or not at all. Writes name the version they are based on;
 * another save in between is a `catalog-version-conflict`.
 */
export const createCatalogEditorService = ({ db, clock, audit, onChange = () => {} }: CatalogEditorDeps) => {
  const repository = createCatalogRepository(db);

  /**
   * The shared path of every change to an existing product. `next` computes the new content from
   * the locked current row (and throws validation errors); an unchanged result writes nothing.
   */
  const change = async (
    { actor, requestId }: EditorWriteContext,
    slug: string,
    expectedVersion: number | undefined,
    kind: Exclude<ChangeKind, 'sync' | 'create'>,
    next: (current: ProductRow, context: EditorContext, products: CatalogRepository) => Promise<{ product: Product; restoredFrom?: number }>,
  ): Promise<EditorProduct> => {
    const staff = assertEditor(actor);
    const result = await db.transaction().execute(async (trx) => {
      const products = createCatalogRepository(trx);
      await products.lock();
      const current = await products.getBySlugForUpdate(slug);
      if (!current) throw catalogError('catalog-product-not-found');
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw catalogError('catalog-version-conflict', {
          detail: {
            nl: `U wijzigde versie ${expectedVersion}; de nieuwste is versie ${current.version}.`,
            fr: `Vous avez modifié la version ${expectedVersion} ; la plus récente est la version ${current.version}.`,
            en: `You changed version ${expectedVersion}; the latest is version ${current.version}.`,
          },
        });
      }
      const { product, restoredFrom } = await next(current, { currentSlug: slug, existingSlugs: await products.allSlugs() }, products);
      if (productChecksum(product) === productChecksum(current.product)) {
        return { product: toEditorProduct(current, await products.lastChangedByName(current.id, current.version)), changed: false };
      }
      const at = clock.now();
      // The file's checksum stays as it was: the start-up sync then sees an unchanged file and keeps this edit.
      const written = await products.update(
        current,
        product,
        { by: staff.staffId, name: staff.name, at, kind, ...(restoredFrom ? { restoredFrom } : {}) },
        current.source_checksum,
      );
      await products.rebuildSearchIndex();
      await audit.record(trx, staff, {
        action: `catalog.product.${kind === 'edit' ? 'update' : kind}`,
        resourceType: 'product',
        resourceId: slug,
        ...(requestId ? { requestId } : {}),
        details: { version: written.version, changedFields: changedFields(current.product, product), ...(restoredFrom ? { restoredFrom } : {}) },
      });
      return {
        product: toEditorProduct(
          { ...current, product, published: product.published, version: written.version, updated_at: at, updated_by: staff.staffId },
          staff.name,
        ),
        changed: true,
      };
    });
    if (result.changed) onChange();
    return result.product;
  };

  const checked = (input: unknown, context: EditorContext): Product => {
    const check = checkProductDefinition(input, context);
    return check.ok ? check.product : rejectIssues(check.issues);
  };

  return {
    /** Every product, published or not, with its status and last change; filtered by status and text. */
    async list(actor: Actor, query: EditorListQuery = {}): Promise<EditorProductListResponse> {
      assertEditor(actor);
      const rows = await repository.listForEditor();
      const items = rows.map((row) => ({
        slug: row.slug,
        title: row.title,
        published: row.published,
        version: row.version,
        updatedAt: row.updated_at.toISOString(),
        updatedBy: author(row.updated_by, row.changed_by_name),
        exampleValues: row.example_values,
      }));
      return { items: items.filter((item) => matchesEditorFilter(item, query)) };
    },

    /** One product's whole definition (all languages) with its version; `catalog-product-not-found`. */
    async get(actor: Actor, slug: string): Promise<EditorProduct> {
      assertEditor(actor);
      const row = await repository.getBySlug(slug);
      if (!row) throw catalogError('catalog-product-not-found');
      return toEditorProduct(row, await repository.lastChangedByName(row.id, row.version));
    },

    /** A new product (version 1). A taken slug is a field error on `slug`. */
    async create({ actor, requestId }: EditorWriteContext, input: unknown): Promise<EditorProduct> {
      const staff = assertEditor(actor);
      const created = await db.transaction().execute(async (trx) => {
        const products = createCatalogRepository(trx);
        await products.lock();
        const product = checked(input, { existingSlugs: await products.allSlugs() });
        const at = clock.now();
        const row = await products.insert(product, { by: staff.staffId, name: staff.name, at, kind: 'create' }, null);
        await products.rebuildSearchIndex();
        await audit.record(trx, staff, {
          action: 'catalog.product.create',
          resourceType: 'product',
          resourceId: product.slug,
          ...(requestId ? { requestId } : {}),
          details: { version: row.version, published: product.published },
        });
        return toEditorProduct(
          { slug: product.slug, version: row.version, published: product.published, updated_at: at, updated_by: staff.staffId, product },
          staff.name,
        );
      });
      onChange();
      return created;
    },

    /** A new version with this definition; the slug cannot change. Validation errors name every field at once. */
    update(context: EditorWriteContext, slug: string, input: unknown, expectedVersion: number): Promise<EditorProduct> {
      return change(context, slug, expectedVersion, 'edit', async (_current, catalogue) => ({ product: checked(input, catalogue) }));
    },

    /** Shows the product to residents (search, product page, exports). Needs at least one available channel. */
    publish(context: EditorWriteContext, slug: string, expectedVersion?: number): Promise<EditorProduct> {
      return change(context, slug, expectedVersion, 'publish', async (current, catalogue) => ({
        product: checked({ ...current.product, published: true }, catalogue),
      }));
    },

    /** Hides the product from residents; staff still see and edit it. */
    unpublish(context: EditorWriteContext, slug: string, expectedVersion?: number): Promise<EditorProduct> {
      return change(context, slug, expectedVersion, 'unpublish', async (current, catalogue) => ({
        product: checked({ ...current.product, published: false }, catalogue),
      }));
    },

    /**
     * A new version equal to version `version` (its content and its published state). Checked
     * against today's rules and catalogue: a related product deleted since is a field error.
     */
    restore(context: EditorWriteContext, slug: string, version: number, expectedVersion?: number): Promise<EditorProduct> {
      return change(context, slug, expectedVersion, 'restore', async (current, catalogue, products) => {
        const old = await products.version(current.id, version);
        if (!old) throw catalogError('catalog-version-not-found');
        return { product: checked(old.product, catalogue), restoredFrom: version };
      });
    },

    /** Who changed what when, newest first, with the fields each version changed. */
    async versions(actor: Actor, slug: string): Promise<ProductVersionListResponse> {
      assertEditor(actor);
      const row = await repository.getBySlug(slug);
      if (!row) throw catalogError('catalog-product-not-found');
      const rows = await repository.versions(row.id);
      return {
        items: rows.map((version, index) => ({
          version: version.version,
          published: version.published,
          changedAt: version.changed_at.toISOString(),
          changedBy: author(version.changed_by, version.changed_by_name),
          change: version.change_kind as ChangeKind,
          ...(version.restored_from ? { restoredFrom: version.restored_from } : {}),
          changedFields: changedFields(rows[index + 1]?.product, version.product),
        })),
      };
    },

    /**
     * The product page for a definition that is not saved: the same view the public page renders.
     * Checked with the product schema only, so work in progress with, say, a new related product
     * still previews; related products that are not published are left out, as on the page.
     */
    async preview(actor: Actor, input: unknown, lang: Language): Promise<ProductView> {
      assertEditor(actor);
      const parsed = productSchema.safeParse(input);
      if (!parsed.success) return rejectIssues(productIssues(parsed.error));
      const related = await repository.publishedTitles(parsed.data.relatedProducts);
      const current = await repository.getBySlug(parsed.data.slug);
      return productView(
        parsed.data,
        lang,
        { version: (current?.version ?? 0) + 1, updatedAt: clock.now() },
        new Map(related.map((item) => [item.slug, item.title])),
      );
    },
  };
};

export type CatalogEditorService = ReturnType<typeof createCatalogEditorService>;
