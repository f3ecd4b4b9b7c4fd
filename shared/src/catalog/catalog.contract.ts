import { z } from 'zod';
import { languageSchema } from '../platform/language.ts';
import { ipdcTargetAudienceSchema, ipdcThemeSchema, ipdcTypeSchema } from './ipdc-codes.ts';
import { lifeEventIdSchema } from './life-events.ts';
import { appointmentPolicySchema, productChannelIdSchema, productSlugSchema } from './product.schema.ts';

/**
 * Contract of the public catalogue API (`/api/catalog/...`): what the portal, the kiosk and the
 * contact centre read. Output schemas are plain objects without transforms, so the serializer strips
 * anything not listed here (editors' example notes, for instance). All texts are in the requested
 * language; `lang` defaults to Dutch.
 */

const langQuery = { lang: languageSchema.optional().describe('Language of the texts; default nl.') };

/** `GET /api/catalog/search?q=&lang=` */
export const catalogSearchQuerySchema = z.object({
  q: z.string().describe('The question as the resident typed it, at most 500 characters.'),
  ...langQuery,
});
export type CatalogSearchQuery = z.infer<typeof catalogSearchQuerySchema>;

export const catalogSearchResultSchema = z.object({
  slug: productSlugSchema,
  title: z.string(),
  shortAnswer: z.string(),
  score: z.number().describe('Relevance between 0 and 1; only the order is meaningful across questions.'),
});
export type CatalogSearchResult = z.infer<typeof catalogSearchResultSchema>;

export const catalogSearchResponseSchema = z.object({ results: z.array(catalogSearchResultSchema) });
export type CatalogSearchResponse = z.infer<typeof catalogSearchResponseSchema>;

/** `GET /api/catalog/products?lang=` */
export const catalogListQuerySchema = z.object(langQuery);

export const productSummarySchema = z.object({
  slug: productSlugSchema,
  title: z.string(),
  shortAnswer: z.string(),
  type: ipdcTypeSchema,
  themes: z.array(ipdcThemeSchema),
  lifeEvents: z.array(lifeEventIdSchema),
});
export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productListResponseSchema = z.object({ items: z.array(productSummarySchema) });
export type ProductListResponse = z.infer<typeof productListResponseSchema>;

/** `GET /api/catalog/products/{slug}?lang=` */
export const productParamsSchema = z.object({ slug: z.string().max(100) });
export const productQuerySchema = z.object(langQuery);

const productLinkSchema = z.object({ slug: productSlugSchema, title: z.string() });

const productChannelViewSchema = z.object({
  available: z.boolean(),
  conditions: z.string().optional(),
  appointment: appointmentPolicySchema.optional(),
  automated24x7: z.boolean().optional(),
  leadTime: z.string().optional(),
  url: z.string().optional(),
  partnerId: z.string().optional(),
});

/** A published product as a resident reads it, in one language. */
export const productViewSchema = z.object({
  slug: productSlugSchema,
  lang: languageSchema,
  version: z.number().int(),
  updatedAt: z.string().describe('ISO date-time of the last change.'),
  type: ipdcTypeSchema,
  themes: z.array(ipdcThemeSchema),
  targetAudiences: z.array(ipdcTargetAudienceSchema),
  lifeEvents: z.array(z.object({ id: lifeEventIdSchema, label: z.string() })),
  responsibleTeam: z.string(),
  title: z.string(),
  shortAnswer: z.string(),
  description: z.string(),
  requirements: z.array(z.string()),
  evidence: z.array(z.string()),
  procedure: z.array(z.string()),
  costs: z.array(z.object({ label: z.string(), amountEur: z.number(), channel: productChannelIdSchema.optional(), example: z.boolean() })),
  financialAdvantages: z.array(z.object({ label: z.string(), amountEur: z.number().optional(), example: z.boolean() })),
  processingTime: z.object({ text: z.string(), workingDays: z.number().int().optional() }),
  channels: z.partialRecord(productChannelIdSchema, productChannelViewSchema),
  legalBasis: z.array(z.object({ label: z.string(), url: z.string() })),
  contactPoint: z.object({ label: z.string().optional(), email: z.string().optional(), phone: z.string().optional(), url: z.string().optional() }).optional(),
  relatedProducts: z.array(productLinkSchema),
  /** True when some facts (amounts) are examples the city still has to confirm. */
  exampleValues: z.boolean(),
});
export type ProductView = z.infer<typeof productViewSchema>;

/** `GET /api/catalog/life-events?lang=`: the situations residents are in, each with its published products. */
export const lifeEventListResponseSchema = z.object({
  items: z.array(z.object({ id: lifeEventIdSchema, label: z.string(), products: z.array(productLinkSchema) })),
});
export type LifeEventListResponse = z.infer<typeof lifeEventListResponseSchema>;
