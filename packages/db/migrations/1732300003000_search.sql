-- Up Migration
-- Full-text search on PostgreSQL (the `postgres` search engine, packages/search/src/postgres).
-- The index is a copy of what it searches, written by the indexer, so it may lag the insights:
-- no foreign keys, and it carries its own copy of each insight's visibility.

-- `english` with accents ignored: words with non-ASCII letters pass through unaccent before
-- stemming, so "facturé" and "facture", "Müller" and "muller" are the same lexeme.
CREATE TEXT SEARCH CONFIGURATION heard (COPY = english);
ALTER TEXT SEARCH CONFIGURATION heard
  ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;

CREATE TABLE search_documents (
  insight_id uuid PRIMARY KEY,
  title text NOT NULL,
  -- Customer names, tags and the story headline: weight B.
  keywords text NOT NULL DEFAULT '',
  -- Body, story summary and pull quote: weight C, and the text snippets are cut from.
  content text NOT NULL DEFAULT '',
  search tsvector NOT NULL GENERATED ALWAYS AS (
    setweight(to_tsvector('heard'::regconfig, title), 'A')
    || setweight(to_tsvector('heard'::regconfig, keywords), 'B')
    || setweight(to_tsvector('heard'::regconfig, content), 'C')
  ) STORED,
  kind text NOT NULL,
  sentiment text NOT NULL,
  source text NOT NULL,
  triage text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  goal_ids uuid[] NOT NULL DEFAULT '{}',
  team_id uuid,
  customer_ids uuid[] NOT NULL DEFAULT '{}',
  segments text[] NOT NULL DEFAULT '{}',
  has_story boolean NOT NULL DEFAULT false,
  reporter_id uuid NOT NULL,
  visibility_scope text NOT NULL CHECK (visibility_scope IN ('everyone', 'team', 'people')),
  visibility_team_id uuid,
  visibility_person_ids uuid[] NOT NULL DEFAULT '{}',
  evidence_count integer NOT NULL DEFAULT 0,
  reaction_count integer NOT NULL DEFAULT 0,
  customer_value numeric NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);
-- Keep the tsvector in the row (compressed if need be) rather than in TOAST: a common word is
-- matched by walking the newest rows and testing each one, which fetching every tsvector from the
-- TOAST table made 2.3 times slower. A long content moves out of line instead: only the
-- returned page reads it, for snippets.
ALTER TABLE search_documents ALTER COLUMN search SET STORAGE MAIN;
CREATE INDEX search_documents_search ON search_documents USING gin (search);
CREATE INDEX search_documents_newest ON search_documents (created_at DESC, insight_id DESC);
-- Let "most evidence" and "customer value" stop early on a common word instead of sorting every match.
CREATE INDEX search_documents_evidence ON search_documents (evidence_count DESC, created_at DESC);
CREATE INDEX search_documents_value ON search_documents (customer_value DESC, created_at DESC);
CREATE INDEX search_documents_tags ON search_documents USING gin (tags);
CREATE INDEX search_documents_goals ON search_documents USING gin (goal_ids);
CREATE INDEX search_documents_customers ON search_documents USING gin (customer_ids);
CREATE INDEX search_documents_restricted_people ON search_documents USING gin (visibility_person_ids)
  WHERE visibility_scope = 'people';

-- Every distinct word indexed (lowercased, unaccented, unstemmed), for typo tolerance (trigram
-- similarity) and search-while-typing (prefix range on the "C"-collated primary key).
CREATE TABLE search_words (
  word text COLLATE "C" PRIMARY KEY
);
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);

-- Words that may be what `term` meant, most similar first. Trigram similarity of a swapped pair
-- of letters is low ("invocie"/"invoice" is 0.31), so candidates are gathered generously here
-- (threshold 0.2, set for this function only) and the caller keeps those within its typo budget.
CREATE FUNCTION search_typo_candidates(term text, max_candidates integer) RETURNS SETOF text
LANGUAGE sql STABLE PARALLEL SAFE
SET pg_trgm.similarity_threshold = 0.2
AS $$
  SELECT w.word FROM search_words w
  WHERE w.word % term
  ORDER BY similarity(w.word, term) DESC, w.word
  LIMIT max_candidates
$$;

-- Down Migration
DROP FUNCTION search_typo_candidates(text, integer);
DROP TABLE search_words, search_documents;
DROP TEXT SEARCH CONFIGURATION heard;
