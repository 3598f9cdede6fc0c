-- Up Migration
-- Tokens other systems use to call the REST API as one person (apps/web/server/api).
-- Only a SHA-256 digest of the secret is kept, so a leaked table cannot be replayed;
-- `prefix` is the start of the secret, enough for a person to tell their tokens apart.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_person ON api_tokens (person_id, created_at DESC);

-- Down Migration
DROP TABLE api_tokens;
