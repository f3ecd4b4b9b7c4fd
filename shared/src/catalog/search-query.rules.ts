import { searchStopwords } from './search-stopwords.ts';

/** Longest question accepted, in characters; longer input is refused rather than cut silently. */
export const maxSearchQueryLength = 500;

/** Words of a question that are searched; a resident's question rarely needs more. */
export const maxSearchTokens = 12;

/** Why a question cannot be searched. Each maps to a problem code `search-query-<reason>`. */
export type SearchQueryRejection = 'empty' | 'too-long' | 'invalid';

/** A question ready for the search: its normalized text and the words that carry meaning. */
export type SearchQuery = {
  /** The whole question normalized (lowercase, no accents, no punctuation), stopwords included. */
  normalized: string;
  /** Distinct meaningful words in question order, at most maxSearchTokens. May be empty ("hoe kan ik?"). */
  tokens: string[];
};

export type SearchQueryCheck = { ok: true; query: SearchQuery } | { ok: false; reason: SearchQueryRejection };

// C0 and C1 controls except tab, line feed and carriage return; the replacement character that
// stands for undecodable bytes; non-characters; lone surrogates. A resident types none of these.
const binaryCharacter = /(?![\t\n\r])\p{Cc}|[\uFFFD\uFFFE\uFFFF]|\p{Cs}/u;

// Markup and script URLs: a question with a tag in it is an attack or a paste accident, not a question.
const markup = /<\s*\/?\s*[a-z!?][^<>]*>|<\s*script|javascript\s*:/i;

// Letters that NFKD does not decompose into a base letter plus accent.
const ligatures: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Folds text the way the search index is folded: lowercase, accents removed ("geïnteresseerd" and
 * "identité" lose their marks), ligatures spelt out, everything that is not a letter or digit becomes
 * a space ("kids-id" is "kids id", "d'identité" is "d identite"). Used on both the question and the
 * catalogue terms, so they always meet.
 */
export const normalizeSearchText = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æœßøłđðþı]/g, (letter) => ligatures[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The meaningful words of normalized text: no stopwords, no single letters (French elisions "l'",
 * "d'" and stray initials), each word once.
 */
export const meaningfulWords = (normalized: string): string[] => {
  const words: string[] = [];
  for (const word of normalized.split(' ')) {
    if (word.length < 2 || searchStopwords.has(word) || words.includes(word)) continue;
    words.push(word);
  }
  return words;
};

/**
 * Checks and prepares a resident's question. Refuses what cannot be a question (control or
 * undecodable characters, markup) and what is too long; a question of only punctuation or emoji is
 * empty. A question of only stopwords is accepted with no tokens: it finds nothing, which is the
 * honest answer to "hoe kan ik".
 */
export const checkSearchQuery = (raw: string): SearchQueryCheck => {
  if (raw.length > maxSearchQueryLength) return { ok: false, reason: 'too-long' };
  if (binaryCharacter.test(raw) || markup.test(raw)) return { ok: false, reason: 'invalid' };
  const normalized = normalizeSearchText(raw);
  if (normalized === '') return { ok: false, reason: 'empty' };
  return { ok: true, query: { normalized, tokens: meaningfulWords(normalized).slice(0, maxSearchTokens) } };
};

/** A known word that a longer question word may be built from, with how well it stands for the word. */
export type CompoundPart = { part: string; coverage: number };

const minCompoundLength = 8;
const minPartLength = 4;
// Dutch joins compound parts with a linking sound: identiteit-s-kaart, kind-er-en-bijslag, huwelijk-s-akte.
const linkingEndings = ['s', 'en', 'er', 'e'];

/**
 * Candidate parts of a Dutch compound, to be looked up as exact words in the catalogue terms:
 * every tail of at least four letters and every head, also without a linking sound (kinder -> kind).
 * Dutch compounds end in what they are (a "voetbalclub" is a club, a "kinderidentiteitskaart" an
 * identity card), so a tail stands for the word better than a head does; and a longer part better
 * than a shorter one. `coverage` is that strength, in [0, 1].
 */
export const compoundParts = (word: string): CompoundPart[] => {
  if (word.length < minCompoundLength || /\d/.test(word)) return [];
  const parts = new Map<string, number>();
  const add = (part: string, strength: number) => {
    if (part.length < minPartLength || part === word) return;
    parts.set(part, Math.max(parts.get(part) ?? 0, strength));
  };
  for (let split = 3; split <= word.length - minPartLength; split++) {
    const tail = word.slice(split);
    add(tail, 0.45 + 0.5 * (tail.length / word.length));
    const head = word.slice(0, split);
    add(head, 0.3 + 0.5 * (head.length / word.length));
    for (const ending of linkingEndings) if (head.endsWith(ending)) add(head.slice(0, -ending.length), 0.3 + 0.5 * (head.length / word.length));
  }
  return [...parts].map(([part, coverage]) => ({ part, coverage: Math.round(coverage * 1000) / 1000 }));
};

/** A part to look up for one question word: a compound part, or the word joined with its neighbour. */
export type QueryPart = CompoundPart & { token: number };

/**
 * Everything to look up as exact words besides the question's words themselves: the compound parts
 * of each word, and each pair of neighbouring words written as one ("identiteits kaart", "rij bewijs",
 * "id kaart": Dutch compounds are often split by mistake). A joined pair explains both words fully.
 */
export const queryParts = (tokens: readonly string[]): QueryPart[] => {
  const parts: QueryPart[] = tokens.flatMap((token, index) => compoundParts(token).map((part) => ({ ...part, token: index })));
  for (let index = 0; index + 1 < tokens.length; index++) {
    const joined = `${tokens[index]}${tokens[index + 1]}`;
    parts.push({ part: joined, coverage: 1, token: index }, { part: joined, coverage: 1, token: index + 1 });
  }
  return parts;
};
