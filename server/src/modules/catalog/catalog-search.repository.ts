import { sql } from 'kysely';
import type { LocalizedText } from '../../../../shared/src/catalog/localized-text.schema.ts';
import type { CompoundPart } from '../../../../shared/src/catalog/search-query.rules.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PhraseSignal, TokenSignal } from './search-scoring.rules.ts';

/** What the database finds for a question: the signals to score and the texts of the products involved. */
export type SearchSignals = {
  productCount: number;
  tokens: TokenSignal[];
  phrases: PhraseSignal[];
  products: { slug: string; title: LocalizedText; shortAnswer: LocalizedText }[];
};

/**
 * Below this a trigram match is a different word, not a misspelling ("kaart" and "paard" are 0.33).
 * Typos residents make score higher: "pasport"/"paspoort" 0.70, "aanvragn"/"aanvragen" 0.58.
 */
const minWordSimilarity = 0.45;

/**
 * Strength of a full-text (stem) match by where the stem occurs. Below an exact name (1.0): the
 * full text adds inflections the trigrams miss and the words of the description, and it breaks ties.
 */
const fulltextStrength = { a: 0.7, b: 0.45, c: 0.25 };

/**
 * One round trip that finds, for every question word, how strongly each published product matches it:
 *
 * - `word_hit`, `term_hit`: the word against the words of the terms table (titles, synonyms, life-event keywords), exactly, by
 *   trigram similarity (misspellings, inflections: "identiteitskaarten"), as the beginning of a longer
 *   term (a resident still typing), and through its compound parts ("kinderidentiteitskaart" ->
 *   "identiteitskaart"), which the caller computed;
 * - `fts`: the word's stem against each language's weighted document, with that language's
 *   configuration, so a French question meets the French text of the Dutch product;
 * - `phrase`: how many words of one multi-word name the question covers.
 *
 * The `%` operator uses pg_trgm's default similarity threshold (0.3) to find candidates through the
 * trigram index; `minWordSimilarity` then keeps the real matches.
 */
export const findSearchSignals = async (db: Db, tokens: readonly string[], parts: readonly (CompoundPart & { token: number })[]): Promise<SearchSignals> => {
  const { rows } = await sql<{
    total: number;
    signals: [number, string, number, number, number, number][] | null;
    phrases: [string, number, number][] | null;
    products: SearchSignals['products'] | null;
  }>`
    WITH tok AS MATERIALIZED (
      SELECT u.token COLLATE "C" AS token, (u.i - 1)::int AS i FROM unnest(${tokens}::text[]) WITH ORDINALITY AS u(token, i)
    ),
    part AS (
      SELECT p.i, p.part COLLATE "C" AS part, p.coverage FROM unnest(${parts.map((p) => p.token)}::int[], ${parts.map((p) => p.part)}::text[], ${parts.map((p) => p.coverage)}::real[]) AS p(i, part, coverage)
    ),
    word_hit AS MATERIALIZED (
      SELECT tok.i, w.word,
             CASE WHEN w.word = tok.token THEN 1
                  ELSE greatest(similarity(w.word, tok.token),
                                CASE levenshtein_less_equal(w.word, tok.token, 2)
                                  WHEN 1 THEN CASE WHEN length(tok.token) >= 5 THEN 0.85 ELSE 0 END
                                  WHEN 2 THEN CASE WHEN length(tok.token) >= 8 THEN 0.7 ELSE 0 END
                                  ELSE 0 END)
             END AS quality
        FROM tok JOIN catalog_search_words w ON w.word % tok.token
      UNION ALL
      SELECT tok.i, w.word, 0.5 + 0.4 * length(tok.token)::real / length(w.word)
        FROM tok JOIN catalog_search_words w ON length(tok.token) >= 4 AND w.word > tok.token AND w.word < tok.token || '{'
      UNION ALL
      SELECT part.i, w.word, part.coverage
        FROM part JOIN catalog_search_words w ON w.word = part.part
    ),
    term_hit AS (
      SELECT h.i, t.product_id, t.language, t.phrase_no, t.phrase_words, t.weight, h.quality,
             -- A one-word name, or a word of the title (the product's own name), counts as a whole name.
             (t.phrase_words = 1 OR t.kind = 'title') AS is_name
        FROM word_hit h JOIN catalog_search_terms t ON t.word = h.word
       WHERE h.quality >= ${sql.lit(minWordSimilarity)}
    ),
    term_best AS (
      SELECT i, product_id, language, phrase_no, phrase_words, is_name, max(quality) AS quality, max(quality * weight) AS strength
        FROM term_hit
       GROUP BY i, product_id, language, phrase_no, phrase_words, is_name
    ),
    term_token AS (
      SELECT i, product_id,
             coalesce(max(strength) FILTER (WHERE is_name), 0) AS single,
             coalesce(max(strength) FILTER (WHERE NOT is_name), 0) AS multi,
             count(*) FILTER (WHERE quality >= 0.6 AND strength >= 0.5)::int AS mentions
        FROM term_best GROUP BY i, product_id
    ),
    phrase AS (
      SELECT product_id, max(matched) AS matched, phrase_words
        FROM (SELECT product_id, language, phrase_no, phrase_words, count(*) FILTER (WHERE quality >= 0.6) AS matched
                FROM term_best WHERE phrase_words > 1 GROUP BY product_id, language, phrase_no, phrase_words) AS covered
       WHERE matched >= 2
       GROUP BY product_id, phrase_words
    ),
    fts AS (
      SELECT tok.i, d.product_id,
             max(CASE WHEN ts_filter(d.document, '{a}') @@ q.query THEN ${sql.lit(fulltextStrength.a)}
                      WHEN ts_filter(d.document, '{b}') @@ q.query THEN ${sql.lit(fulltextStrength.b)}
                      ELSE ${sql.lit(fulltextStrength.c)} END) AS strength
        FROM tok
        CROSS JOIN (VALUES ('nl', 'gastvrij_nl'::regconfig), ('fr', 'gastvrij_fr'::regconfig), ('en', 'gastvrij_en'::regconfig)) AS c(language, config)
        CROSS JOIN LATERAL plainto_tsquery(c.config, tok.token) AS q(query)
        JOIN catalog_search_documents d ON d.language = c.language AND d.document @@ q.query
       GROUP BY tok.i, d.product_id
    ),
    signal AS MATERIALIZED (
      SELECT coalesce(t.i, f.i) AS i, coalesce(t.product_id, f.product_id) AS product_id,
             coalesce(t.single, 0) AS single, coalesce(t.multi, 0) AS multi, coalesce(f.strength, 0) AS fulltext,
             coalesce(t.mentions, 0) AS mentions
        FROM term_token t FULL JOIN fts f ON f.i = t.i AND f.product_id = t.product_id
    )
    SELECT
      (SELECT count(*)::int FROM catalog_search_products) AS total,
      (SELECT json_agg(json_build_array(s.i, p.slug, round(s.single::numeric, 3), round(s.multi::numeric, 3), round(s.fulltext::numeric, 3), s.mentions))
         FROM signal s JOIN catalog_search_products p ON p.product_id = s.product_id) AS signals,
      (SELECT json_agg(json_build_array(p.slug, ph.matched, ph.phrase_words))
         FROM phrase ph JOIN catalog_search_products p ON p.product_id = ph.product_id) AS phrases,
      (SELECT json_agg(json_build_object('slug', p.slug, 'title', p.title, 'shortAnswer', p.short_answer))
         FROM catalog_search_products p WHERE p.product_id IN (SELECT product_id FROM signal)) AS products
  `.execute(db);
  const row = rows[0];
  return {
    productCount: row?.total ?? 0,
    tokens: (row?.signals ?? []).map(([token, slug, single, multi, fulltext, mentions]) => ({ token, slug, single, multi, fulltext, mentions })),
    phrases: (row?.phrases ?? []).map(([slug, matched, words]) => ({ slug, matched, words })),
    products: row?.products ?? [],
  };
};
