import { describe, expect, it } from 'vitest';
import { buildProduct } from '../../../../shared/src/catalog/product.factory.ts';
import { buildSearchEntries, splitTitle, termWeights } from './search-index.rules.ts';

describe('splitTitle', () => {
  it.each([
    ['Reispas (paspoort) aanvragen', { name: 'Reispas aanvragen', asides: ['paspoort'] }],
    ['Afschrift van een akte (geboorte, huwelijk, overlijden)', { name: 'Afschrift van een akte', asides: ['geboorte, huwelijk, overlijden'] }],
    ['Grofvuil laten ophalen', { name: 'Grofvuil laten ophalen', asides: [] }],
    ['(alleen)', { name: '(alleen)', asides: ['alleen'] }],
  ])('%j', (title, expected) => {
    expect(splitTitle(title)).toEqual(expected);
  });
});

describe('buildSearchEntries', () => {
  const product = buildProduct({
    slug: 'kids-id',
    title: { nl: 'Kids-ID aanvragen (identiteitskaart voor kinderen)', fr: 'Demander une Kids-ID', en: 'Apply for a Kids-ID' },
    keywords: { nl: ['kids-id', 'e-ID kind', 'kinderidentiteitskaart'], fr: ["carte d'identité enfant"], en: ['kids-id', 'child ID card'] },
    lifeEvents: ['op-reis'],
  });
  const { documents, terms } = buildSearchEntries(product);

  it('writes one document per language, names in A, situation and answer in B, details in C', () => {
    expect(documents.map((d) => d.language)).toEqual(['nl', 'fr', 'en']);
    const french = documents.find((d) => d.language === 'fr');
    expect(french?.a).toContain("carte d'identité enfant");
    expect(french?.b).toContain('Je pars en voyage');
    expect(french?.c).toContain(product.description.fr);
  });

  it('indexes normalized words of titles, keywords and life-event keywords, with their weights', () => {
    const words = (kind: string) => new Set(terms.filter((t) => t.kind === kind).map((t) => t.word));
    expect(words('title')).toEqual(new Set(['kids', 'id', 'aanvragen', 'demander', 'apply']));
    expect(words('keyword')).toContain('identiteitskaart');
    expect(words('keyword')).toContain('identite');
    expect(words('life-event')).toContain('vakantie');
    expect(terms.find((t) => t.kind === 'life-event')?.weight).toBe(termWeights['life-event']);
    expect(terms.every((t) => /^[a-z0-9]+$/.test(t.word))).toBe(true);
  });

  it('also writes short names as one word, the way residents type them ("kidsid", "eid")', () => {
    const words = new Set(terms.map((t) => t.word));
    expect(words).toContain('kidsid');
    expect(words).toContain('eidkind');
  });

  it('keeps a synonym once even when two languages share it', () => {
    expect(terms.filter((t) => t.kind === 'keyword' && t.phrase === 'kids id')).toHaveLength(2);
  });

  it('keeps the words of one phrase together', () => {
    const phrase = terms.filter((t) => t.phrase === 'child id card');
    expect(new Set(phrase.map((t) => t.phraseNo)).size).toBe(1);
    expect(phrase.map((t) => t.word)).toEqual(['child', 'id', 'card']);
    expect(phrase.every((t) => t.phraseWords === 3)).toBe(true);
  });
});
