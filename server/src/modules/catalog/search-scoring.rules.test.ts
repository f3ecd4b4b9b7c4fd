import { describe, expect, it } from 'vitest';
import { mentionFactor, type ScoringInput, scoreProducts, scoringWeights, specificity, type TokenSignal, tokenStrength } from './search-scoring.rules.ts';

const signal = (token: number, slug: string, strengths: Partial<Omit<TokenSignal, 'token' | 'slug'>>): TokenSignal => ({
  token,
  slug,
  single: 0,
  multi: 0,
  fulltext: 0,
  mentions: 1,
  ...strengths,
});

const rank = (input: Partial<ScoringInput> & Pick<ScoringInput, 'tokenCount' | 'tokens'>) =>
  scoreProducts({ productCount: 40, phrases: [], ...input }).map((product) => product.slug);

describe('tokenStrength', () => {
  it.each([
    [{ single: 1, multi: 0, fulltext: 0 }, 1],
    [{ single: 0, multi: 1, fulltext: 0 }, scoringWeights.multiWordFactor],
    [{ single: 0.5, multi: 0, fulltext: 0.7 }, 0.7],
    [{ single: 2, multi: 0, fulltext: 0 }, 1],
    [{ single: 0, multi: 0, fulltext: 0 }, 0],
  ])('%j -> %d', (input, expected) => {
    expect(tokenStrength(input)).toBeCloseTo(expected);
  });
});

describe('specificity and mentions', () => {
  it('falls as more products match a word, and never below zero', () => {
    const values = [0, 0.5, 1, 5, 20, 40, 60].map((df) => specificity(df, 40));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  });

  it('rewards many mentions a little, up to the bonus', () => {
    expect(mentionFactor(0)).toBe(1);
    expect(mentionFactor(1)).toBe(1);
    expect(mentionFactor(3)).toBeGreaterThan(mentionFactor(2));
    expect(mentionFactor(1000)).toBeLessThanOrEqual(1 + scoringWeights.mentionBonus);
  });
});

describe('scoreProducts', () => {
  it('lets the specific word decide over the generic one', () => {
    // "leervergunning aanvragen": every product can be "aangevraagd", one has a learner's permit.
    const generic = Array.from({ length: 30 }, (_, i) => signal(1, `product-${i}`, { single: 1 }));
    expect(
      rank({ tokenCount: 2, tokens: [...generic, signal(0, 'voorlopig-rijbewijs', { single: 1 }), signal(1, 'voorlopig-rijbewijs', { single: 1 })] })[0],
    ).toBe('voorlopig-rijbewijs');
  });

  it('counts a weak word for less: "huwelijk aangeven" is about the marriage', () => {
    const tokens = [
      signal(0, 'huwelijk', { single: 1 }),
      signal(0, 'afschrift-akte', { multi: 1 }),
      signal(1, 'geboorteaangifte', { single: 1 }),
      signal(1, 'overlijden', { single: 1 }),
    ];
    expect(rank({ tokenCount: 2, tokens, weak: [false, false] })[0]).not.toBe('huwelijk');
    expect(rank({ tokenCount: 2, tokens, weak: [false, true] })[0]).toBe('huwelijk');
  });

  it('prefers the product that covers a whole multi-word name', () => {
    const tokens = [signal(0, 'a', { multi: 1 }), signal(1, 'a', { multi: 1 }), signal(0, 'b', { multi: 1 }), signal(1, 'b', { multi: 1 })];
    expect(rank({ tokenCount: 2, tokens, phrases: [{ slug: 'b', matched: 2, words: 2 }] })[0]).toBe('b');
  });

  it('prefers the product whose names mention the word more often', () => {
    const tokens = [signal(0, 'afschrift-akte', { single: 1, mentions: 1 }), signal(0, 'overlijden', { single: 1, mentions: 5 })];
    expect(rank({ tokenCount: 1, tokens })).toEqual(['overlijden', 'afschrift-akte']);
  });

  it('ignores words no product matches instead of shrinking every score', () => {
    const alone = scoreProducts({ tokenCount: 1, productCount: 40, phrases: [], tokens: [signal(0, 'a', { single: 1 })] });
    const withUnknown = scoreProducts({ tokenCount: 2, productCount: 40, phrases: [], tokens: [signal(0, 'a', { single: 1 })] });
    expect(withUnknown).toEqual(alone);
  });

  it('returns nothing for no signals, drops noise below the minimum, and at most the limit', () => {
    expect(scoreProducts({ tokenCount: 1, productCount: 40, phrases: [], tokens: [] })).toEqual([]);
    const many = Array.from({ length: 25 }, (_, i) => signal(0, `p${String(i).padStart(2, '0')}`, { single: 1 - i / 100 }));
    const noise = signal(1, 'noise', { fulltext: 0.05 });
    const result = scoreProducts({ tokenCount: 2, productCount: 40, phrases: [], tokens: [...many, noise] });
    expect(result).toHaveLength(scoringWeights.limit);
    expect(result.map((r) => r.slug)).not.toContain('noise');
    expect(result.every((r) => r.score > 0 && r.score <= 1)).toBe(true);
    expect(result[0]?.slug).toBe('p00');
  });

  it('breaks ties by slug, so the order is stable', () => {
    const tokens = [signal(0, 'b', { single: 1 }), signal(0, 'a', { single: 1 })];
    expect(rank({ tokenCount: 1, tokens })).toEqual(['a', 'b']);
  });
});
