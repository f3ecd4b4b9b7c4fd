import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { productViewSchema } from '../../../../shared/src/catalog/catalog.contract.ts';
import {
  type EditorProduct,
  editorListQuerySchema,
  editorProductListResponseSchema,
  editorProductParamsSchema,
  editorProductSchema,
  parseIfMatch,
  previewQuerySchema,
  productDefinitionBodySchema,
  productVersionListResponseSchema,
  restoreParamsSchema,
  versionETag,
} from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import { requestLanguage } from '../../platform/http/problem.ts';
import { catalogError } from './catalog.errors.ts';
import type { CatalogEditorService } from './catalog-editor.service.ts';

export type CatalogEditorRoutesOptions = { editor: CatalogEditorService };

const editAccess = { access: { permission: 'catalog:edit' } } as const;

// Work in progress of named staff: never kept by a shared cache.
const noStore = 'no-store';

const ifMatchHeaders = {
  optional: 'Optional `If-Match: "<version>"`: when given and another save came in between, 409 `catalog-version-conflict`.',
  required:
    'Required `If-Match: "<version>"` (the version the edit is based on): 428 `catalog-version-required` without it, 409 `catalog-version-conflict` when someone saved in between.',
};

const withVersion = (reply: FastifyReply, product: EditorProduct) => {
  reply.header('cache-control', noStore).header('etag', versionETag(product.version));
  return product;
};

const writeContext = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id) });

const ifMatch = (request: FastifyRequest): number | undefined =>
  parseIfMatch(typeof request.headers['if-match'] === 'string' ? request.headers['if-match'] : undefined);

/**
 * The catalogue editor API for staff with `catalog:edit`. Thin: each handler reads the request,
 * calls the editor service and returns. Problems: `validation-failed` with `errors[].field` per
 * invalid field, `catalog-product-not-found`, `catalog-version-conflict` (409),
 * `catalog-version-required` (428).
 */
export const catalogEditorRoutes: FastifyPluginAsync<CatalogEditorRoutesOptions> = async (app, { editor }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog-editor'];

  routes.get(
    '/api/catalog/editor/products',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'Every product, published or not, with its status and last change',
        querystring: editorListQuerySchema,
        response: { 200: editorProductListResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return editor.list(request.actor, request.query);
    },
  );

  routes.post(
    '/api/catalog/editor/products',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'Create a product (version 1)',
        description: 'A taken slug is a field error on `slug` (`catalog.duplicate-slug`).',
        body: productDefinitionBodySchema,
        response: { 201: editorProductSchema },
      },
    },
    async (request, reply) => {
      const created = await editor.create(writeContext(request), request.body);
      reply.status(201).header('location', `/api/catalog/editor/products/${created.slug}`);
      return withVersion(reply, created);
    },
  );

  routes.get(
    '/api/catalog/editor/products/:slug',
    {
      config: editAccess,
      schema: {
        tags,
        summary: "One product's whole definition (all languages) and its version",
        description: 'The `ETag` is the version; send it back as `If-Match` with the change.',
        params: editorProductParamsSchema,
        response: { 200: editorProductSchema },
      },
    },
    async (request, reply) => withVersion(reply, await editor.get(request.actor, request.params.slug)),
  );

  routes.put(
    '/api/catalog/editor/products/:slug',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'Save a new version of a product',
        description: `${ifMatchHeaders.required} The definition is checked like a catalogue file, plus: the slug stays, related products exist. Saving the same content again writes no version.`,
        params: editorProductParamsSchema,
        body: productDefinitionBodySchema,
        response: { 200: editorProductSchema },
      },
    },
    async (request, reply) => {
      const expected = ifMatch(request);
      if (expected === undefined) throw catalogError('catalog-version-required');
      return withVersion(reply, await editor.update(writeContext(request), request.params.slug, request.body, expected));
    },
  );

  routes.post(
    '/api/catalog/editor/products/:slug/publish',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'Publish a product: residents find it in search, on its page and in the exports',
        description: `${ifMatchHeaders.optional} A product needs at least one available channel to be published.`,
        params: editorProductParamsSchema,
        response: { 200: editorProductSchema },
      },
    },
    async (request, reply) => withVersion(reply, await editor.publish(writeContext(request), request.params.slug, ifMatch(request))),
  );

  routes.post(
    '/api/catalog/editor/products/:slug/unpublish',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'Unpublish a product: hidden from residents, still here to edit',
        description: ifMatchHeaders.optional,
        params: editorProductParamsSchema,
        response: { 200: editorProductSchema },
      },
    },
    async (request, reply) => withVersion(reply, await editor.unpublish(writeContext(request), request.params.slug, ifMatch(request))),
  );

  routes.get(
    '/api/catalog/editor/products/:slug/versions',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'Version history: who changed what when, newest first',
        params: editorProductParamsSchema,
        response: { 200: productVersionListResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return editor.versions(request.actor, request.params.slug);
    },
  );

  routes.post(
    '/api/catalog/editor/products/:slug/versions/:version/restore',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'Restore a version: a new version equal to it (content and published state)',
        description: ifMatchHeaders.optional,
        params: restoreParamsSchema,
        response: { 200: editorProductSchema },
      },
    },
    async (request, reply) => withVersion(reply, await editor.restore(writeContext(request), request.params.slug, request.params.version, ifMatch(request))),
  );

  routes.post(
    '/api/catalog/editor/preview',
    {
      config: editAccess,
      schema: {
        tags,
        summary: 'The product page for an unsaved definition (the view the public page renders)',
        querystring: previewQuerySchema,
        body: productDefinitionBodySchema,
        response: { 200: productViewSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return editor.preview(request.actor, request.body, request.query.lang ?? requestLanguage(request));
    },
  );
};
