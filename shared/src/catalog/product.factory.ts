import type { LocalizedText } from './localized-text.schema.ts';
import { type Product, type ProductInput, productSchema } from './product.schema.ts';

const text = (nl: string): LocalizedText => ({ nl, fr: `${nl} (fr)`, en: `${nl} (en)` });

/**
 * A small valid product for tests and demo data; override any field. Parsed through productSchema so
 * defaults apply and an invalid override fails loudly where it is made.
 */
export const buildProduct = (overrides: Partial<ProductInput> = {}): Product =>
  productSchema.parse({
    slug: 'attest-voorbeeld',
    published: true,
    exampleValues: false,
    type: 'Bewijs',
    themes: ['BurgerOverheid'],
    targetAudiences: ['Burger'],
    responsibleTeam: 'burgerzaken',
    title: text('Voorbeeldattest'),
    shortAnswer: text('Download het attest via het e-loket.'),
    description: text('Een attest om te testen.'),
    procedure: [text('Meld u aan op het e-loket.')],
    processingTime: { text: text('Meteen.'), workingDays: 0 },
    channels: { online: { available: true, automated24x7: true } },
    keywords: { nl: ['attest'], fr: ['certificat'], en: ['certificate'] },
    ...overrides,
  });
