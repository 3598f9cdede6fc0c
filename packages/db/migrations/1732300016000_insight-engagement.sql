-- Up Migration
-- Comments on insights; merges of duplicates (with what moved, so a merge can be undone
-- exactly); people's saved feed views.
CREATE TABLE insight_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES people (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX insight_comments_insight ON insight_comments (insight_id, created_at);

CREATE TABLE insight_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  duplicate_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  survivor_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  merged_by uuid NOT NULL REFERENCES people (id),
  merged_at timestamptz NOT NULL,
  undone_by uuid REFERENCES people (id),
  undone_at timestamptz,
  -- Exactly what moved (ids and the rows replaced), so undoing restores the state before.
  moved jsonb NOT NULL,
  CONSTRAINT insight_merges_two_insights CHECK (duplicate_id <> survivor_id)
);
-- One merge in force per duplicate.
CREATE UNIQUE INDEX insight_merges_active_duplicate ON insight_merges (duplicate_id) WHERE undone_at IS NULL;
CREATE INDEX insight_merges_survivor ON insight_merges (survivor_id) WHERE undone_at IS NULL;

-- Kept on the row so the feed and search leave merged insights out without a join.
ALTER TABLE insights ADD COLUMN merged_into uuid REFERENCES insights (id);

CREATE TABLE saved_views (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  query text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saved_views_name ON saved_views (person_id, lower(name));

-- Down Migration
DROP TABLE saved_views;
ALTER TABLE insights DROP COLUMN merged_into;
DROP TABLE insight_merges;
DROP TABLE insight_comments;
