-- Edit distance for misspellings the trigram similarity undervalues (a typo near the end of a
-- short word: "rijbeweis" is 0.43 trigram-similar to "rijbewijs" but two letters away).
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- The product and service catalogue (module catalog). The validated product is stored whole as
-- jsonb: the zod schema in shared/src/catalog is its contract, so the table does not repeat every
-- field as a column. Search support (documents, terms) is derived from it by syncCatalog and is
-- rebuilt whenever a product changes; it is never edited by hand.

CREATE TABLE catalog_products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  product jsonb NOT NULL,
  published boolean NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Who made the last change: a staff user id, or 'catalog-sync:<source>' for the YAML loader.
  updated_by text NOT NULL,
  -- Checksum of the product as last read from the city's catalogue directory. A start-up sync only
  -- writes a product whose file changed since, so an edit made by staff survives a restart.
  source_checksum text,
  CHECK (product ->> 'slug' = slug)
);

-- Every version a product ever had, with who and when (issue 4, item 5: editing with history).
-- Written in the same transaction as the change; never updated or deleted.
CREATE TABLE catalog_product_versions (
  product_id uuid NOT NULL REFERENCES catalog_products (id) ON DELETE CASCADE,
  version integer NOT NULL,
  slug text NOT NULL,
  product jsonb NOT NULL,
  published boolean NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by text NOT NULL,
  PRIMARY KEY (product_id, version)
);

-- Text search configurations per catalogue language: the language's snowball stemmer after
-- unaccent, so "identité" and "identite", "geïnteresseerd" and "geinteresseerd" meet. ASCII
-- words need no unaccent; only the token types that can carry accents get it.
CREATE TEXT SEARCH CONFIGURATION gastvrij_nl (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION gastvrij_nl ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
CREATE TEXT SEARCH CONFIGURATION gastvrij_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION gastvrij_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION gastvrij_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION gastvrij_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- What a search result shows of each published product, kept beside the index so a search never
-- reads (and decompresses) the whole product document.
CREATE TABLE catalog_search_products (
  product_id uuid PRIMARY KEY REFERENCES catalog_products (id) ON DELETE CASCADE,
  slug text NOT NULL UNIQUE,
  title jsonb NOT NULL,
  short_answer jsonb NOT NULL
);

-- One weighted document per product and language, built with that language's configuration:
-- A = title and keywords, B = life-event labels and short answer, C = description, requirements,
-- procedure. A French question is matched against the French document of the same product.
CREATE TABLE catalog_search_documents (
  product_id uuid NOT NULL REFERENCES catalog_products (id) ON DELETE CASCADE,
  language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
  document tsvector NOT NULL,
  PRIMARY KEY (product_id, language)
);
CREATE INDEX catalog_search_documents_document_idx ON catalog_search_documents USING gin (document) WITH (fastupdate = off);

-- Every word of every title, keyword (synonym, old or colloquial name) and life-event keyword,
-- normalized the way queries are (lowercase, no accents, no punctuation, no stopwords), with the
-- phrase it came from so a query that covers a whole multi-word synonym can be recognised.
-- Words are ASCII after normalization; the "C" collation makes a prefix a plain btree range.
CREATE TABLE catalog_search_terms (
  product_id uuid NOT NULL REFERENCES catalog_products (id) ON DELETE CASCADE,
  language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
  kind text NOT NULL CHECK (kind IN ('title', 'keyword', 'slug', 'life-event')),
  phrase_no integer NOT NULL,
  phrase text NOT NULL,
  phrase_words integer NOT NULL CHECK (phrase_words >= 1),
  word text COLLATE "C" NOT NULL CHECK (word <> ''),
  weight real NOT NULL CHECK (weight > 0 AND weight <= 1)
);
CREATE INDEX catalog_search_terms_word_idx ON catalog_search_terms (word);
CREATE INDEX catalog_search_terms_product_idx ON catalog_search_terms (product_id);

-- The distinct words of catalog_search_terms: the trigram index (misspellings, inflections) and
-- the prefix range (a resident still typing) search these few thousand words instead of every
-- occurrence, then join back to the terms by equality.
CREATE TABLE catalog_search_words (
  word text COLLATE "C" PRIMARY KEY
);
-- fastupdate off: a rebuild inserts every word at once, and a pending list would be scanned
-- linearly by every search until the next vacuum.
CREATE INDEX catalog_search_words_trgm_idx ON catalog_search_words USING gin (word gin_trgm_ops) WITH (fastupdate = off);
