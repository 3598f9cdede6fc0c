-- Up Migration
-- Single-use links that let a person set a password: "forgot your password" (purpose 'reset',
-- one hour) and an admin's invitation (purpose 'invite', seven days). Only a SHA-256 digest of
-- the token is kept, so a leaked table cannot be replayed; `used_at` makes each link single use.
CREATE TABLE account_links (
  id text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('reset', 'invite')),
  created_by uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX account_links_person ON account_links (person_id, purpose);

-- Failed sign-ins and password-reset requests, counted per key ('sign-in:email:…',
-- 'sign-in:ip:…', 'reset:email:…', 'reset:ip:…') over a sliding window. Kept in PostgreSQL so
-- every web process shares the count; rows older than the window are pruned as new ones arrive.
CREATE TABLE auth_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_attempts_key_at ON auth_attempts (key, at DESC);
CREATE INDEX auth_attempts_at ON auth_attempts (at);

-- Down Migration
DROP TABLE auth_attempts;
DROP TABLE account_links;
