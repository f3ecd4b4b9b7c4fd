import type { LifeEventListResponse, ProductSummary, ProductView } from '../../../../shared/src/catalog/catalog.contract.ts';
import { type LifeEventId, lifeEvents } from '../../../../shared/src/catalog/life-events.ts';
import type { LocalizedText } from '../../../../shared/src/catalog/localized-text.schema.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';

/** A product in one language as the list shows it. */
export const productSummary = (product: Product, lang: Language): ProductSummary => ({
  slug: product.slug,
  title: product.title[lang],
  shortAnswer: product.shortAnswer[lang],
  type: product.type,
  themes: product.themes,
  lifeEvents: product.lifeEvents,
});

/**
 * A published product as a resident reads it, in one language. The editors' notes (`exampleNotes`)
 * stay out: they say which facts are still examples, which `exampleValues` already tells a resident.
 * Related products that are not published are left out rather than linked to a 404.
 */
export const productView = (
  product: Product,
  lang: Language,
  meta: { version: number; updatedAt: Date },
  relatedTitles: ReadonlyMap<string, LocalizedText>,
): ProductView => {
  const text = (value: LocalizedText) => value[lang];
  const channels: ProductView['channels'] = {};
  for (const [id, channel] of Object.entries(product.channels) as [keyof Product['channels'], Product['channels'][keyof Product['channels']]][]) {
    if (!channel) continue;
    channels[id] = {
      available: channel.available,
      ...(channel.conditions ? { conditions: text(channel.conditions) } : {}),
      ...(channel.appointment ? { appointment: channel.appointment } : {}),
      ...(channel.automated24x7 !== undefined ? { automated24x7: channel.automated24x7 } : {}),
      ...(channel.leadTime ? { leadTime: text(channel.leadTime) } : {}),
      ...(channel.url ? { url: channel.url } : {}),
      ...(channel.partnerId ? { partnerId: channel.partnerId } : {}),
    };
  }
  const contact = product.contactPoint;
  return {
    slug: product.slug,
    lang,
    version: meta.version,
    updatedAt: meta.updatedAt.toISOString(),
    type: product.type,
    themes: product.themes,
    targetAudiences: product.targetAudiences,
    lifeEvents: product.lifeEvents.map((id) => ({ id, label: lifeEvents[id].label[lang] })),
    responsibleTeam: product.responsibleTeam,
    title: text(product.title),
    shortAnswer: text(product.shortAnswer),
    description: text(product.description),
    requirements: product.requirements.map(text),
    evidence: product.evidence.map(text),
    procedure: product.procedure.map(text),
    costs: product.costs.map((cost) => ({
      label: text(cost.label),
      amountEur: cost.amountEur,
      ...(cost.channel ? { channel: cost.channel } : {}),
      example: cost.example,
    })),
    financialAdvantages: product.financialAdvantages.map((advantage) => ({
      label: text(advantage.label),
      ...(advantage.amountEur !== undefined ? { amountEur: advantage.amountEur } : {}),
      example: advantage.example,
    })),
    processingTime: {
      text: text(product.processingTime.text),
      ...(product.processingTime.workingDays !== undefined ? { workingDays: product.processingTime.workingDays } : {}),
    },
    channels,
    legalBasis: product.legalBasis.map((basis) => ({ label: text(basis.label), url: basis.url })),
    ...(contact
      ? {
          contactPoint: {
            ...(contact.label ? { label: text(contact.label) } : {}),
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.phone ? { phone: contact.phone } : {}),
            ...(contact.url ? { url: contact.url } : {}),
          },
        }
      : {}),
    relatedProducts: product.relatedProducts.flatMap((slug) => {
      const title = relatedTitles.get(slug);
      return title ? [{ slug, title: title[lang] }] : [];
    }),
    exampleValues: product.exampleValues,
  };
};

/** Every life event with its published products, in the order the life events are defined. */
export const lifeEventList = (products: readonly Product[], lang: Language): LifeEventListResponse => ({
  items: (Object.keys(lifeEvents) as LifeEventId[]).map((id) => ({
    id,
    label: lifeEvents[id].label[lang],
    products: products.filter((product) => product.lifeEvents.includes(id)).map((product) => ({ slug: product.slug, title: product.title[lang] })),
  })),
});
