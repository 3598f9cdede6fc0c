-- Up Migration
-- A deactivated person cannot sign in (password or single sign-on) and their sessions and API
-- tokens are revoked, but the row stays: their insights, reactions and actions keep their name.
ALTER TABLE people
  ADD COLUMN deactivated_at timestamptz,
  ADD COLUMN deactivated_by uuid REFERENCES people (id) ON DELETE SET NULL;

-- Down Migration
ALTER TABLE people DROP COLUMN deactivated_by, DROP COLUMN deactivated_at;
