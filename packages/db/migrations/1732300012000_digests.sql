-- Up Migration
-- An ended subscription is kept (not deleted) so the digests it received stay in the archive.
ALTER TABLE subscriptions ADD COLUMN ended_at timestamptz;
CREATE INDEX subscriptions_person_active ON subscriptions (person_id) WHERE ended_at IS NULL;

-- One row per (subscription, period): the unique key is what makes building and sending happen
-- once, however many workers race for it and however often a crashed run is retried.
CREATE TABLE digests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id uuid NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('slack', 'teams', 'email', 'web')),
  -- empty: nothing happened, nothing sent; pending: built, waiting for delivery; sent: delivered
  -- (web: shown in the archive); archived: its channel is not configured here, kept in the web
  -- archive; undeliverable: delivery failed for good, kept in the archive and reported to admins.
  status text NOT NULL CHECK (status IN ('empty', 'pending', 'sent', 'archived', 'undeliverable')),
  content jsonb,
  built_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  -- Where it went: platform, channel and message id, or the email's Message-ID.
  delivery jsonb,
  CONSTRAINT digests_once_per_period UNIQUE (subscription_id, period_end),
  CONSTRAINT digests_period_order CHECK (period_start < period_end)
);
CREATE INDEX digests_person_archive ON digests (person_id, period_end DESC) WHERE status <> 'empty';
CREATE INDEX digests_undeliverable ON digests (built_at DESC) WHERE status = 'undeliverable';

-- The key that signs one-click unsubscribe links: made once per deployment, shared by every
-- process through the database, so nothing has to be configured.
CREATE TABLE digest_signing_key (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  secret text NOT NULL
);
INSERT INTO digest_signing_key (secret)
VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- Down Migration
DROP TABLE digest_signing_key;
DROP TABLE digests;
DROP INDEX subscriptions_person_active;
ALTER TABLE subscriptions DROP COLUMN ended_at;
