-- Up Migration
-- One-time links that let someone Heard could not match by email tie their Slack or Teams
-- account to their person: only the SHA-256 of the token is kept, for an hour, used once.
CREATE TABLE chat_link_tokens (
  token_hash bytea PRIMARY KEY,
  platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
  chat_user_id text NOT NULL CHECK (length(chat_user_id) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by uuid REFERENCES people (id) ON DELETE SET NULL
);
CREATE INDEX chat_link_tokens_expiry ON chat_link_tokens (expires_at);

-- Down Migration
DROP TABLE chat_link_tokens;
