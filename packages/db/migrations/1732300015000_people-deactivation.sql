-- Up Migration
-- A deactivated person cannot sign in (password or single sign-on) and their sessions and API
-- tokens are revoked, but the row stays: their insights, reactions and actions keep their name.
ALTER TABLE people
  ADD COLUMN deactivated_at timestamptz,
  ADD COLUMN deactivated_by uuid REFERENCES people (id) ON DELETE SET NULL;

-- A goal page shows the dozen insights that serve it best: most evidence and reactions, then
-- customer value, then newest. Walking insights in that order and stopping at twelve readable ones
-- that serve the goal takes a few index probes; without it, every insight of the goal (a tenth of a
-- large table) is read and sorted on each view. (Here rather than in a later file: migrations run
-- in order, and this range comes before ones other databases may already have.)
CREATE INDEX IF NOT EXISTS insights_rank_for_goals
  ON insights ((evidence_count + reaction_count) DESC, customer_value DESC, created_at DESC);

-- Down Migration
DROP INDEX IF EXISTS insights_rank_for_goals;
ALTER TABLE people DROP COLUMN deactivated_by, DROP COLUMN deactivated_at;
