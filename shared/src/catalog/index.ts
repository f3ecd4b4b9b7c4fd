/** The product and service catalogue: schemas, IPDC code lists, life events and catalogue rules. */
export { type CatalogIssue, type CatalogReferences, findInformalAddress, validateCatalog } from './catalog.rules.ts';
export { catalogSchema, createCatalogSchema } from './catalog.schema.ts';
export {
  type IpdcTargetAudience,
  type IpdcTheme,
  type IpdcType,
  ipdcTargetAudienceSchema,
  ipdcTargetAudiences,
  ipdcThemeSchema,
  ipdcThemes,
  ipdcTypeSchema,
  ipdcTypes,
} from './ipdc-codes.ts';
export { type LifeEvent, type LifeEventId, lifeEventIdSchema, lifeEvents } from './life-events.ts';
export { type LocalizedKeywords, type LocalizedText, localizedKeywordsSchema, localizedTextSchema } from './localized-text.schema.ts';
export {
  type AppointmentPolicy,
  appointmentPolicySchema,
  type ContactPoint,
  cityChannelIdByProductChannel,
  contactPointSchema,
  type FinancialAdvantage,
  financialAdvantageSchema,
  type LegalBasis,
  legalBasisSchema,
  type ProcessingTime,
  type Product,
  type ProductChannel,
  type ProductChannelId,
  type ProductChannels,
  type ProductCost,
  type ProductInput,
  type ProductSlug,
  processingTimeSchema,
  productChannelIdSchema,
  productChannelSchema,
  productChannelsSchema,
  productCostSchema,
  productSchema,
  productSlugSchema,
} from './product.schema.ts';
