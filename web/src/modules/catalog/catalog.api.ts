import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type CatalogSearchResponse,
  catalogSearchResponseSchema,
  type LifeEventListResponse,
  lifeEventListResponseSchema,
  type ProductListResponse,
  type ProductView,
  productListResponseSchema,
  productViewSchema,
} from '../../../../shared/src/catalog/catalog.contract.ts';
import { schemaOrgScript } from '../../../../shared/src/catalog/schema-org.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { apiFetch } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';

// The catalogue changes a few times a week; the server lets caches keep it for a minute.
const oneMinute = 60_000;

/** The reader's language, re-rendering on a switch so the queries below refetch in the new language. */
const useLanguage = (): Language => {
  useTranslation();
  return currentLanguage();
};

/** Products that answer `q`, best first; idle while `q` is blank. Keeps the previous answer while typing. */
export const useCatalogSearch = (q: string) => {
  const lang = useLanguage();
  const query = q.trim();
  return useQuery<CatalogSearchResponse>({
    queryKey: ['catalog', 'search', lang, query],
    queryFn: ({ signal }) => apiFetch(`/api/catalog/search?${new URLSearchParams({ q: query, lang })}`, { schema: catalogSearchResponseSchema, signal }),
    enabled: query.length > 0,
    staleTime: oneMinute,
    placeholderData: keepPreviousData,
  });
};

/**
 * One published product in the reader's language. On a language switch the page keeps showing the
 * product until the new language arrives, so it does not flash "loading" and lose the scroll
 * position; on the way to another product it does not.
 */
export const useProduct = (slug: string) => {
  const lang = useLanguage();
  return useQuery<ProductView>({
    queryKey: ['catalog', 'product', lang, slug],
    queryFn: ({ signal }) => apiFetch(`/api/catalog/products/${encodeURIComponent(slug)}?lang=${lang}`, { schema: productViewSchema, signal }),
    staleTime: oneMinute,
    placeholderData: (previous) => (previous?.slug === slug ? previous : undefined),
  });
};

const jsonLdSchema = z.record(z.string(), z.unknown());

/**
 * The product's schema.org GovernmentService (JSON-LD) in the reader's language, as the text of a
 * `<script type="application/ld+json">` element (with "<" escaped).
 */
export const useProductSchemaOrg = (slug: string) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['catalog', 'schema-org', lang, slug],
    queryFn: ({ signal }) => apiFetch(`/api/catalog/products/${encodeURIComponent(slug)}/schema-org.jsonld?lang=${lang}`, { schema: jsonLdSchema, signal }),
    select: schemaOrgScript,
    staleTime: oneMinute,
  });
};

/** All published products (titles and short answers). */
export const useProducts = () => {
  const lang = useLanguage();
  return useQuery<ProductListResponse>({
    queryKey: ['catalog', 'products', lang],
    queryFn: ({ signal }) => apiFetch(`/api/catalog/products?lang=${lang}`, { schema: productListResponseSchema, signal }),
    staleTime: oneMinute,
    placeholderData: keepPreviousData,
  });
};

/** The life events with their products. */
export const useLifeEvents = () => {
  const lang = useLanguage();
  return useQuery<LifeEventListResponse>({
    queryKey: ['catalog', 'life-events', lang],
    queryFn: ({ signal }) => apiFetch(`/api/catalog/life-events?lang=${lang}`, { schema: lifeEventListResponseSchema, signal }),
    staleTime: oneMinute,
    placeholderData: keepPreviousData,
  });
};
