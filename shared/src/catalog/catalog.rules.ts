import type { FieldError } from '../platform/problem.ts';
import type { Product } from './product.schema.ts';

/** A catalogue problem: `field` reads `<slug>.<path>`; `productIndex` and `path` locate it structurally. */
export type CatalogIssue = FieldError & { productIndex: number; path: (string | number)[] };

export type CatalogReferences = {
  /** Team ids of the city profile; when given, every responsibleTeam must be one of them. */
  teamIds?: readonly string[];
  /** Partner ids of the city profile; when given, every partner channel that names a partner must name one of these. */
  partnerIds?: readonly string[];
};

/**
 * Checks a whole catalogue, beyond what one product's schema can see: slugs are unique, related
 * products exist, and (when the city profile is passed) teams and partners exist. Pure, so the loader,
 * the editor and the tests report the same problems. `field` is `<slug>.<path>`: the slug is also the
 * YAML file name, so an editor can go straight to the line.
 */
export const validateCatalog = (products: readonly Product[], references: CatalogReferences = {}): CatalogIssue[] => {
  const issues: CatalogIssue[] = [];
  const issue = (productIndex: number, path: (string | number)[], code: string, message: string): void => {
    const slug = products[productIndex]?.slug ?? String(productIndex);
    const field = path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${part}`), slug);
    issues.push({ field, code, message, productIndex, path });
  };
  const slugs = new Set<string>();
  products.forEach((product, index) => {
    if (slugs.has(product.slug)) issue(index, ['slug'], 'catalog.duplicate-slug', `Slug "${product.slug}" is used by more than one product.`);
    slugs.add(product.slug);
  });
  products.forEach((product, index) => {
    product.relatedProducts.forEach((related, position) => {
      if (!slugs.has(related)) {
        issue(index, ['relatedProducts', position], 'catalog.unknown-related-product', `Related product "${related}" is not in the catalogue.`);
      }
    });
    if (references.teamIds && !references.teamIds.includes(product.responsibleTeam)) {
      issue(index, ['responsibleTeam'], 'catalog.unknown-team', `Team "${product.responsibleTeam}" is not in the city profile.`);
    }
    const partnerId = product.channels.partner?.partnerId;
    if (references.partnerIds && partnerId && !references.partnerIds.includes(partnerId)) {
      issue(index, ['channels', 'partner', 'partnerId'], 'catalog.unknown-partner', `Partner "${partnerId}" is not known.`);
    }
  });
  return issues;
};

// Informal second person in Dutch. "je" also occurs inside words and in French ("je suis"), so this
// matches whole words only and is meant for Dutch text.
const informalPronoun = /(?<![\p{L}'’-])(je|jij|jou|jouw|jullie|jezelf)(?![\p{L}'’-])/giu;

/**
 * Informal pronouns in a Dutch text. Catalogue Dutch addresses the resident formally ("u"), the
 * house style for government text; returns the offending words so an editor sees what to change.
 */
export const findInformalAddress = (dutchText: string): string[] => [...dutchText.matchAll(informalPronoun)].map((match) => match[0]);
