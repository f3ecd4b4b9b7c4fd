/**
 * How the signals the database finds for each question word are combined into one score per
 * product. Pure, so the weighting can be read, tested and tuned without a database.
 *
 * The model is BM25's idea: a product's score is the sum over the question's words of how strongly
 * the product matches the word, times how specific the word is. A word that half the catalogue
 * matches ("aanvragen", "attest", "kaart") hardly counts; a word only one product matches
 * ("leervergunning") decides. Like BM25's term frequency, a word that many of a product's names
 * contain ("overleden" in "overleden", "papa overleden", "mama overleden") marks the product the
 * word is about, rather than one that mentions it once.
 */

/** What the database found for one question word in one product; every strength is in [0, 1]. */
export type TokenSignal = {
  /** Position of the word in the question's token list. */
  token: number;
  slug: string;
  /** Best match against a whole name of the product: a one-word synonym or a word of its title. */
  single: number;
  /** Best match against a word inside a longer name ("goed" in "bewijs van goed gedrag"). */
  multi: number;
  /** Full-text match of the word's stem: in the names, in the situation and short answer, or in the details. */
  fulltext: number;
  /** How many of the product's names contain the word (well matched). */
  mentions: number;
};

/** A multi-word name of a product of which the question contains several words. */
export type PhraseSignal = { slug: string; matched: number; words: number };

export type ScoringInput = {
  tokenCount: number;
  /** Per question word: a generic word ("aanvragen", "stad") that counts for less. Missing means no. */
  weak?: readonly boolean[];
  /** Number of published products: the "N" of the specificity of a word. */
  productCount: number;
  tokens: readonly TokenSignal[];
  phrases: readonly PhraseSignal[];
};

export type ScoredProduct = { slug: string; score: number };

export const scoringWeights = {
  /** A word inside a longer name is weaker evidence than a whole one-word name. */
  multiWordFactor: 0.85,
  /** Above 1, weak matches (a word only in the details) would count less than proportionally; measured: no gain. */
  strengthExponent: 1,
  /** Extra, at most, for a word that many of the product's names contain. */
  mentionBonus: 0.3,
  /** How much a generic word counts compared with another word of the same specificity. */
  weakWordFactor: 0.5,
  /** Extra for covering a whole multi-word name, relative to an average question word. */
  phraseBonus: 0.5,
  /** Below this share of the best score the question allows, a result is noise, not an answer. */
  minScore: 0.15,
  /** How many results the search returns. */
  limit: 10,
};

/** Strength of one word in one product: its best signal. */
export const tokenStrength = (signal: Pick<TokenSignal, 'single' | 'multi' | 'fulltext'>): number =>
  Math.min(1, Math.max(0, signal.single, signal.multi * scoringWeights.multiWordFactor, signal.fulltext));

/** 1 for one mention, rising towards 1 + mentionBonus for many. */
export const mentionFactor = (mentions: number): number => 1 + scoringWeights.mentionBonus * (1 - 1 / Math.max(1, mentions));

/**
 * Specificity of a word (BM25 idf). The document frequency counts a product fully from a strength
 * of 0.5 and partly below, so a misspelt word that half-matches many products is not taken for a
 * rare one, and a word that a life event spreads over many products counts as common.
 */
export const specificity = (documentFrequency: number, productCount: number): number =>
  Math.log(1 + Math.max(0, productCount - documentFrequency + 0.5) / (documentFrequency + 0.5));

/**
 * Ranks products for a question; best first, at most `limit`. A score is the share of the best score
 * the question allows (in [0, 1]); the order is what matters, not the number.
 */
export const scoreProducts = (input: ScoringInput): ScoredProduct[] => {
  const { tokenCount } = input;
  const contributions = new Map<string, number[]>();
  const frequency = new Array<number>(tokenCount).fill(0);
  const seen = new Set<string>();
  for (const signal of input.tokens) {
    if (signal.token < 0 || signal.token >= tokenCount) continue;
    const key = `${signal.token}:${signal.slug}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const strength = tokenStrength(signal);
    frequency[signal.token] = (frequency[signal.token] ?? 0) + Math.min(1, 2 * strength);
    let row = contributions.get(signal.slug);
    if (!row) {
      row = new Array<number>(tokenCount).fill(0);
      contributions.set(signal.slug, row);
    }
    row[signal.token] = strength ** scoringWeights.strengthExponent * mentionFactor(signal.mentions);
  }
  // A word no product matches says nothing about any product ("spanje", a name): it is left out of
  // the best possible score instead of making every real match look weak.
  const weights = frequency.map((df, token) =>
    df === 0 ? 0 : specificity(df, Math.max(input.productCount, 1)) * (input.weak?.[token] ? scoringWeights.weakWordFactor : 1),
  );
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight === 0) return [];
  const averageWeight = totalWeight / weights.filter((weight) => weight > 0).length;
  // The best score this question allows: every word at the strength its best product reaches. A
  // word that only weakly matches one product's details must not make every good answer look weak.
  const reachable = new Array<number>(tokenCount).fill(0);
  for (const row of contributions.values()) {
    row.forEach((contribution, token) => {
      reachable[token] = Math.max(reachable[token] ?? 0, contribution);
    });
  }

  const phraseCoverage = new Map<string, number>();
  for (const phrase of input.phrases) {
    if (phrase.matched < 2 || phrase.words < 2) continue;
    const coverage = Math.min(1, phrase.matched / phrase.words);
    phraseCoverage.set(phrase.slug, Math.max(phraseCoverage.get(phrase.slug) ?? 0, coverage));
  }

  const best = weights.reduce((sum, weight, token) => sum + weight * (reachable[token] ?? 0), 0) + scoringWeights.phraseBonus * averageWeight;
  const scored: ScoredProduct[] = [];
  for (const [slug, row] of contributions) {
    let raw = 0;
    row.forEach((contribution, token) => {
      raw += contribution * (weights[token] ?? 0);
    });
    raw += scoringWeights.phraseBonus * averageWeight * (phraseCoverage.get(slug) ?? 0) ** 2;
    const score = raw / best;
    if (score >= scoringWeights.minScore) scored.push({ slug, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    .slice(0, scoringWeights.limit)
    .map(({ slug, score }) => ({ slug, score: Math.round(score * 1000) / 1000 }));
};
