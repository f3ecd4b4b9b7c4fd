import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { productViewSchema } from '../../../../shared/src/catalog/catalog.contract.ts';
import {
  type EditorListQuery,
  type EditorProduct,
  editorProductListResponseSchema,
  editorProductSchema,
  productVersionListResponseSchema,
  versionETag,
} from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { apiFetch } from '../../app/api.ts';

/** Everything of the editor lives under this key; a change refreshes the list, the product and its history. */
const editorKey = ['catalog-editor'] as const;

const productPath = (slug: string) => `/api/catalog/editor/products/${encodeURIComponent(slug)}`;

/** Every product, published or not, filtered on the server by status and text. */
export const useEditorProducts = (filter: EditorListQuery) => {
  const query = new URLSearchParams();
  if (filter.status && filter.status !== 'all') query.set('status', filter.status);
  if (filter.q?.trim()) query.set('q', filter.q.trim());
  return useQuery({
    queryKey: [...editorKey, 'list', query.toString()],
    queryFn: ({ signal }) => apiFetch(`/api/catalog/editor/products?${query}`, { schema: editorProductListResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });
};

/** One product's whole definition and its version. Not refetched behind the editor's back: the form holds the work. */
export const useEditorProduct = (slug: string) =>
  useQuery({
    queryKey: [...editorKey, 'product', slug],
    queryFn: ({ signal }) => apiFetch(productPath(slug), { schema: editorProductSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Who changed what when, newest first. */
export const useProductVersions = (slug: string) =>
  useQuery({
    queryKey: [...editorKey, 'versions', slug],
    queryFn: ({ signal }) => apiFetch(`${productPath(slug)}/versions`, { schema: productVersionListResponseSchema, signal }),
  });

/**
 * The editor's writes. Each names the version it is based on (If-Match), so a colleague's save in
 * between is refused (409) rather than overwritten; on success the cached product becomes the
 * answer and the list and history are fetched again.
 */
export const useEditorActions = (slug: string) => {
  const queryClient = useQueryClient();
  const done = (product: EditorProduct) => {
    queryClient.setQueryData([...editorKey, 'product', slug], product);
    void queryClient.invalidateQueries({ queryKey: [...editorKey, 'list'] });
    void queryClient.invalidateQueries({ queryKey: [...editorKey, 'versions', slug] });
    // The public pages of this product (and search answers) changed too.
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
  };
  const write = (path: string, version: number, method: 'PUT' | 'POST', body?: unknown) =>
    apiFetch(path, { method, body, schema: editorProductSchema, headers: { 'if-match': versionETag(version) } });
  return {
    save: useMutation({
      mutationFn: ({ definition, version }: { definition: unknown; version: number }) => write(productPath(slug), version, 'PUT', definition),
      onSuccess: done,
    }),
    publish: useMutation({
      mutationFn: ({ published, version }: { published: boolean; version: number }) =>
        write(`${productPath(slug)}/${published ? 'publish' : 'unpublish'}`, version, 'POST'),
      onSuccess: done,
    }),
    restore: useMutation({
      mutationFn: ({ restore, version }: { restore: number; version: number }) => write(`${productPath(slug)}/versions/${restore}/restore`, version, 'POST'),
      onSuccess: done,
    }),
    preview: useMutation({
      mutationFn: ({ definition, lang }: { definition: unknown; lang: Language }) =>
        apiFetch(`/api/catalog/editor/preview?lang=${lang}`, { method: 'POST', body: definition, schema: productViewSchema }),
    }),
  };
};
