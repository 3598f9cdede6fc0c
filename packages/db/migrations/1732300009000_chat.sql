-- Up Migration
-- Shared by the Slack and Teams integrations.

-- Every inbound chat delivery we acted on, keyed by the platform's own id (Slack event id,
-- view id, Teams activity id): a retried or duplicated delivery finds its key and does nothing.
CREATE TABLE chat_receipts (
  platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
  key text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  result jsonb,
  PRIMARY KEY (platform, key)
);
CREATE INDEX chat_receipts_received_at ON chat_receipts (received_at);

-- Cards Heard posted about an insight (or its story), so they can be updated as things happen
-- (me-too counts, goal links) and replaced by "removed" when the insight is erased.
CREATE TABLE chat_cards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
  insight_id uuid REFERENCES insights (id) ON DELETE SET NULL,
  -- 'insight' (the thread reply after sharing) or 'story' (a published story in a channel).
  card_kind text NOT NULL DEFAULT 'insight' CHECK (card_kind IN ('insight', 'story')),
  -- Slack: channel id; Teams: conversation id.
  channel text NOT NULL,
  -- Slack: message ts; Teams: activity id.
  message_ref text NOT NULL,
  -- Teams needs the service URL to update a message later.
  service_url text,
  posted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (platform, channel, message_ref)
);
CREATE INDEX chat_cards_insight ON chat_cards (insight_id) WHERE insight_id IS NOT NULL;

-- Where to reach a person (or a configured channel) proactively: a Slack DM channel id, or a
-- Teams conversation reference stored when the app was installed.
CREATE TABLE chat_conversations (
  platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  reference jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, person_id)
);

-- Down Migration
DROP TABLE chat_conversations, chat_cards, chat_receipts;
