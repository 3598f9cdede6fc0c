-- Up Migration
-- All three are "trusted" since PostgreSQL 13, so a database owner without
-- superuser rights (typical on managed hosting) can still create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS citext;

-- Down Migration
DROP EXTENSION IF EXISTS citext;
DROP EXTENSION IF EXISTS unaccent;
DROP EXTENSION IF EXISTS pg_trgm;
