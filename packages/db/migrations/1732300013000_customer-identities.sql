-- Up Migration
-- Matching customers: a normalised name key compared by trigram similarity, where each
-- identifier came from, pairs waiting for a curator, merges kept so they can be undone, and
-- imports (saved column mappings per source, runs with their progress and summary).

-- Mirrors normaliseText/normaliseCompany in packages/domain/src/customers/normalise.ts for rows
-- written without a key (seed, older code); the application writes its own key.
CREATE FUNCTION heard_customer_name_key(name text, kind text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH base AS (
    SELECT trim(regexp_replace(lower(regexp_replace(unaccent(replace(replace(name, '&', ' and '), 'ß', 'ss')), '\m([A-Za-z])\.(?=[A-Za-z]\M)', '\1', 'g')), '[^a-z0-9]+', ' ', 'g')) AS b
  ), kept AS (
    SELECT array_to_string(array(
      SELECT w FROM unnest(string_to_array((SELECT b FROM base), ' ')) WITH ORDINALITY AS t(w, n)
      WHERE w <> '' AND (kind <> 'account' OR w <> ALL (ARRAY['inc','incorporated','corp','corporation','co','company',
        'ltd','limited','llc','llp','lp','plc','gmbh','mbh','ag','kg','ohg','ug','se','sa','sas','sarl','srl','spa',
        'bv','nv','oy','ab','as','aps','pty','pte','kk','the','and']))
      ORDER BY n), ' ') AS k
  )
  SELECT coalesce(nullif((SELECT k FROM kept), ''), (SELECT b FROM base))
$$;

ALTER TABLE customers ADD COLUMN name_key text;
UPDATE customers SET name_key = heard_customer_name_key(name, kind);
ALTER TABLE customers ALTER COLUMN name_key SET NOT NULL;

CREATE FUNCTION heard_customer_name_key_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name_key IS NULL
     OR (TG_OP = 'UPDATE' AND NEW.name IS DISTINCT FROM OLD.name AND NEW.name_key IS NOT DISTINCT FROM OLD.name_key) THEN
    NEW.name_key := heard_customer_name_key(NEW.name, NEW.kind);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER customers_name_key BEFORE INSERT OR UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION heard_customer_name_key_fill();
CREATE INDEX customers_name_key_trgm ON customers USING gin (name_key gin_trgm_ops);

ALTER TABLE customer_identifiers
  ADD COLUMN source text NOT NULL DEFAULT 'earlier',
  ADD COLUMN source_detail text,
  ADD COLUMN added_by uuid,
  ADD COLUMN added_at timestamptz NOT NULL DEFAULT now();

-- No foreign keys to customers: a pair stays on record while a merge hides one side, and comes
-- back with an unmerge.
CREATE TABLE customer_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  candidate_id uuid NOT NULL,
  score real NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  source text NOT NULL,
  source_detail text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid,
  decided_at timestamptz,
  UNIQUE (customer_id, candidate_id)
);
CREATE INDEX customer_reviews_pending ON customer_reviews (score DESC, created_at) WHERE status = 'pending';

CREATE TABLE customer_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survivor_id uuid NOT NULL,
  merged_id uuid NOT NULL,
  -- The merged customer's row as it was, and exactly what moved, so an unmerge puts it back.
  merged_row jsonb NOT NULL,
  moved jsonb NOT NULL,
  survivor_before jsonb NOT NULL,
  source text NOT NULL,
  source_detail text,
  merged_by uuid,
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid,
  undone_at timestamptz
);
CREATE INDEX customer_merges_survivor ON customer_merges (survivor_id, merged_at DESC);
CREATE INDEX customer_merges_merged ON customer_merges (merged_id);

CREATE TABLE import_mappings (
  kind text NOT NULL CHECK (kind IN ('customers', 'insights')),
  source text NOT NULL,
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, source)
);

CREATE TABLE import_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('customers', 'insights')),
  source text NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  -- The last line whose batch is committed: a rerun of the same file resumes after it.
  committed_line integer NOT NULL DEFAULT 0,
  bytes_total bigint NOT NULL DEFAULT 0,
  bytes_done bigint NOT NULL DEFAULT 0,
  counts jsonb NOT NULL DEFAULT '{}',
  rejections jsonb NOT NULL DEFAULT '[]',
  message text,
  started_by uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX import_runs_file ON import_runs (kind, source, file_sha256, started_at DESC);

-- Down Migration
DROP TABLE import_runs;
DROP TABLE import_mappings;
DROP TABLE customer_merges;
DROP TABLE customer_reviews;
ALTER TABLE customer_identifiers DROP COLUMN added_at, DROP COLUMN added_by, DROP COLUMN source_detail, DROP COLUMN source;
DROP INDEX customers_name_key_trgm;
DROP TRIGGER customers_name_key ON customers;
DROP FUNCTION heard_customer_name_key_fill();
ALTER TABLE customers DROP COLUMN name_key;
DROP FUNCTION heard_customer_name_key(text, text);
