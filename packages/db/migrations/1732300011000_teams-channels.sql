-- Up Migration
-- Teams channels the app was added to, so published stories can be posted there proactively:
-- a channel's conversation id alone is not enough, Teams also needs the service URL that serves it.
CREATE TABLE teams_channels (
  conversation_id text PRIMARY KEY,
  service_url text NOT NULL,
  tenant_id text,
  team_name text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE teams_channels;
