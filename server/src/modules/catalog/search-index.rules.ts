import { type LifeEvent, lifeEvents } from '../../../../shared/src/catalog/life-events.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import { meaningfulWords, normalizeSearchText } from '../../../../shared/src/catalog/search-query.rules.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';

/** The languages a product is indexed in; each gets its own text search configuration. */
export const searchLanguages = ['nl', 'fr', 'en'] as const satisfies readonly Language[];

/**
 * The text of one product in one language, grouped by how much a match counts:
 * A = what the product is called, B = the situation and the direct answer, C = the details.
 */
export type SearchDocument = { language: Language; a: string; b: string; c: string };

export type SearchTermKind = 'title' | 'keyword' | 'slug' | 'life-event';

/** One word of one searchable phrase (a title, a synonym, a life-event keyword). */
export type SearchTerm = {
  language: Language;
  kind: SearchTermKind;
  /** Numbers the phrases of one product, so words of the same phrase can be grouped again. */
  phraseNo: number;
  phrase: string;
  phraseWords: number;
  word: string;
  weight: number;
};

/**
 * How much a word from each source counts. A product's own names count fully; a life-event keyword
 * ("verhuizen" on the identity card, because the address chip changes) points to every product of
 * that event, so it counts for less than a product's own synonym for the same word.
 */
export const termWeights: Record<SearchTermKind, number> = { title: 1, keyword: 1, slug: 0.9, 'life-event': 0.45 };

/**
 * A title's own name and its parenthesised asides: "Reispas (paspoort) aanvragen" is named
 * "Reispas aanvragen" with the synonym "paspoort"; "Afschrift van een akte (geboorte, huwelijk,
 * overlijden)" lists examples. Every word of the name counts as a name of the product; an aside is
 * one more synonym, so the examples of one product do not weigh as much as another product's name.
 */
export const splitTitle = (title: string): { name: string; asides: string[] } => {
  const asides = [...title.matchAll(/\(([^()]*)\)/g)].map((match) => (match[1] ?? '').trim()).filter(Boolean);
  const name = title
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { name: name || title, asides };
};

/** The documents and terms one product contributes to the search index. Pure: the sync stores them. */
export const buildSearchEntries = (product: Product): { documents: SearchDocument[]; terms: SearchTerm[] } => {
  const events = product.lifeEvents.map((id) => lifeEvents[id]).filter((event): event is LifeEvent => Boolean(event));
  const documents = searchLanguages.map((language) => ({
    language,
    a: [product.title[language], ...product.keywords[language]].join('. '),
    b: [...events.map((event) => event.label[language]), product.shortAnswer[language]].join('. '),
    c: [
      product.description[language],
      ...product.requirements.map((text) => text[language]),
      ...product.evidence.map((text) => text[language]),
      ...product.procedure.map((text) => text[language]),
    ].join(' '),
  }));

  const terms: SearchTerm[] = [];
  // Duplicates (the same synonym in two languages, "eID") are kept once per kind: a word found
  // twice in one product must not count twice.
  const seen = new Set<string>();
  let phraseNo = 0;
  const addWords = (language: Language, kind: SearchTermKind, words: string[]) => {
    if (words.length === 0) return;
    const phrase = words.join(' ');
    const key = `${kind}:${phrase}`;
    if (seen.has(key)) return;
    seen.add(key);
    phraseNo += 1;
    for (const word of words) {
      terms.push({ language, kind, phraseNo, phrase, phraseWords: words.length, word, weight: termWeights[kind] });
    }
  };
  const addPhrase = (language: Language, kind: SearchTermKind, text: string) => {
    const normalized = normalizeSearchText(text);
    addWords(language, kind, meaningfulWords(normalized));
    // A short name of a few words is also written as one ("kids-id" as "kidsid", "e-ID" as "eid",
    // "id-kaart" as "idkaart"), the way residents often type it.
    const all = normalized.split(' ');
    const joined = all.join('');
    if (kind !== 'title' && all.length >= 2 && all.length <= 3 && joined.length <= 20) addWords(language, kind, [joined]);
  };
  for (const language of searchLanguages) {
    const title = splitTitle(product.title[language]);
    addPhrase(language, 'title', title.name);
    for (const aside of title.asides) addPhrase(language, 'keyword', aside);
    for (const keyword of product.keywords[language]) addPhrase(language, 'keyword', keyword);
    for (const event of events) {
      addPhrase(language, 'life-event', event.label[language]);
      for (const keyword of event.keywords[language]) addPhrase(language, 'life-event', keyword);
    }
  }
  addPhrase('nl', 'slug', product.slug);
  return { documents, terms };
};
