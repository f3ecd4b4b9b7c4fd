import type { ProductView } from '../../../../shared/src/catalog/catalog.contract.ts';
import type { LifeEventId } from '../../../../shared/src/catalog/life-events.ts';
import type { ProductChannelId } from '../../../../shared/src/catalog/product.schema.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';

type ChannelView = NonNullable<ProductView['channels'][ProductChannelId]>;

/**
 * Click, call, face, home, partner: the order the city wants residents to consider (issue 4). The
 * cheapest channel for the resident and the city comes first; the others stay visible for whoever
 * cannot or will not use it.
 */
export const channelOrder: readonly ProductChannelId[] = ['online', 'phone', 'counter', 'quickDesk', 'kiosk', 'home', 'partner'];

/** The product's available channels in `channelOrder`. */
export const orderedChannels = (channels: ProductView['channels']): { id: ProductChannelId; channel: ChannelView }[] =>
  channelOrder.flatMap((id) => {
    const channel = channels[id];
    return channel?.available ? [{ id, channel }] : [];
  });

/**
 * The channels that do NOT serve the product but are mentioned in it, in `channelOrder`: "not online,
 * you come in for your fingerprints" answers a question residents have, so the page shows them
 * after the available ones, with their explanation.
 */
export const unavailableChannels = (channels: ProductView['channels']): { id: ProductChannelId; channel: ChannelView }[] =>
  channelOrder.flatMap((id) => {
    const channel = channels[id];
    return channel && !channel.available ? [{ id, channel }] : [];
  });

/** The life events the home page offers, in the order the issue lists them (the most common situations). */
export const homeLifeEvents: readonly LifeEventId[] = [
  'verhuizen',
  'kind-krijgen',
  'trouwen-samenwonen',
  'overlijden',
  'op-reis',
  'iets-organiseren',
  'melding-maken',
];

/**
 * The "popular questions" on the home page: what the counter hears most (editorial choice, not
 * measured yet). Slugs missing from the catalogue are skipped, so a city can unpublish one safely.
 */
export const popularProductSlugs: readonly string[] = ['identiteitskaart', 'adreswijziging', 'reispas', 'rijbewijs', 'grofvuil', 'melding-openbaar-domein'];

/** Picks `slugs` from `items` in the order of `slugs`, skipping the ones that are not there. */
export const pickInOrder = <T extends { slug: string }>(items: readonly T[], slugs: readonly string[]): T[] =>
  slugs.flatMap((slug) => items.filter((item) => item.slug === slug).slice(0, 1));

const locales: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE' };

/** An amount in euro the Belgian way for the language: "€ 25,00", "25,00 €", "€25.00". */
export const formatEuro = (amount: number, language: Language): string =>
  new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' }).format(amount);
