import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSearchQuery, compoundParts, maxSearchQueryLength, meaningfulWords, normalizeSearchText, queryParts } from './search-query.rules.ts';
import { searchStopwords, searchWeakWords } from './search-stopwords.ts';

describe('normalizeSearchText', () => {
  it.each([
    ['Identiteitskaart', 'identiteitskaart'],
    ["Carte d'identité", 'carte d identite'],
    ['geïnteresseerd', 'geinteresseerd'],
    ['Kids-ID', 'kids id'],
    ['e-ID?!', 'e id'],
    ['bonne vie et mœurs', 'bonne vie et moeurs'],
    ['  rij\tbewijs\n', 'rij bewijs'],
    ['ÉCOLE Straße', 'ecole strasse'],
    ['model 596.1', 'model 596 1'],
    ['🙂', ''],
  ])('%j -> %j', (text, expected) => {
    expect(normalizeSearchText(text)).toBe(expected);
  });

  it('only ever leaves lowercase ASCII letters, digits and single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(normalizeSearchText(text)).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('meaningfulWords', () => {
  it.each([
    ['ik ga verhuizen', ['verhuizen']],
    ['ons kindje is geboren', ['kindje', 'geboren']],
    ['mijn vader is overleden', ['vader', 'overleden']],
    ['carte d identite enfant', ['carte', 'identite', 'enfant']],
    ['how do i renew my passport', ['renew', 'passport']],
    ['hoe kan ik', []],
    ['paspoort paspoort', ['paspoort']],
    ['rijbewijs b', ['rijbewijs']],
  ])('%j -> %j', (text, expected) => {
    expect(meaningfulWords(text)).toEqual(expected);
  });

  it('keeps the words that decide the product, even where one language would call them filler', () => {
    for (const word of ['pas', 'as', 'zoek', 'kwijt', 'id', 'reis', 'kind', 'hulp', 'aanvragen', 'nieuw']) expect(searchStopwords.has(word)).toBe(false);
  });

  it('weak words are searchable words, not stopwords', () => {
    for (const word of searchWeakWords) expect(searchStopwords.has(word)).toBe(false);
  });
});

describe('checkSearchQuery', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['?!', 'empty'],
    ['a'.repeat(maxSearchQueryLength + 1), 'too-long'],
    ['pas\u0000poort', 'invalid'],
    ['\u001b[31m', 'invalid'],
    ['\uFFFD', 'invalid'],
    ['\uD800', 'invalid'],
    ['<script>alert(1)</script>', 'invalid'],
    ['<img src=x onerror=alert(1)>', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
  ])('%j is rejected as %s', (raw, reason) => {
    expect(checkSearchQuery(raw)).toEqual({ ok: false, reason });
  });

  it.each([
    ['Ik ga verhuizen!', ['verhuizen']],
    ['paspoort < 5 dagen', ['paspoort', 'dagen']],
    ['rij\tbewijs', ['rij', 'bewijs']],
    ['hoe kan ik', []],
    ['a'.repeat(maxSearchQueryLength), ['a'.repeat(maxSearchQueryLength)]],
  ])('%j is searched as %j', (raw, tokens) => {
    const check = checkSearchQuery(raw);
    expect(check.ok && check.query.tokens).toEqual(tokens);
  });

  it('searches at most 12 words', () => {
    const check = checkSearchQuery(Array.from({ length: 30 }, (_, i) => `woord${i}`).join(' '));
    expect(check.ok && check.query.tokens).toHaveLength(12);
  });

  it('never throws, and accepted tokens are always normalized words', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (raw) => {
        const check = checkSearchQuery(raw);
        if (check.ok) for (const token of check.query.tokens) expect(token).toMatch(/^[a-z0-9]{2,}$/);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('compoundParts', () => {
  const parts = (word: string) => new Map(compoundParts(word).map(({ part, coverage }) => [part, coverage]));

  it('finds the head of a Dutch compound, and values a long tail above a short one and a tail above a head', () => {
    const found = parts('kinderidentiteitskaart');
    expect(found.get('identiteitskaart')).toBeGreaterThan(found.get('kaart') ?? 0);
    expect(found.get('identiteitskaart')).toBeGreaterThan(found.get('kinder') ?? 0);
    expect(found.has('kind')).toBe(true);
    expect(parts('voetbalclub').get('club')).toBeGreaterThan(0.45);
  });

  it('leaves short words and numbers alone', () => {
    expect(compoundParts('paspoort')).not.toEqual([]);
    expect(compoundParts('kaartje')).toEqual([]);
    expect(compoundParts('59612345')).toEqual([]);
  });

  it('gives every part at least four letters and a strength below 1', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,30}$/), (word) => {
        for (const { part, coverage } of compoundParts(word)) {
          expect(part.length).toBeGreaterThanOrEqual(4);
          expect(word).toContain(part.replace(/(?:s|en|er|e)$/, '').slice(0, 4));
          expect(coverage).toBeGreaterThan(0);
          expect(coverage).toBeLessThan(1);
        }
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('queryParts', () => {
  it('joins neighbouring words for both of them ("rij bewijs" -> "rijbewijs")', () => {
    expect(queryParts(['rij', 'bewijs'])).toEqual([
      { part: 'rijbewijs', coverage: 1, token: 0 },
      { part: 'rijbewijs', coverage: 1, token: 1 },
    ]);
  });
});
