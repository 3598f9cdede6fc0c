-- Up Migration
-- Governance: an append-only audit log, personal data found at intake, retention, legal holds,
-- and the marks erasure leaves on records it anonymised.

-- The audit log is append-only for everyone, the table's owner included: a trigger refuses
-- UPDATE, DELETE and TRUNCATE. Deployments that connect as the heard_app role (below) are also
-- refused by the privilege system before the trigger is reached.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new event instead of changing an old one.';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
CREATE INDEX audit_events_actor ON audit_events (actor_id, at DESC);
CREATE INDEX audit_events_action ON audit_events (action, at DESC);

-- The role the application should run as in production (GRANT heard_app TO your login role):
-- everything on Heard's tables except changing or removing audit events. Creating a role needs
-- CREATEROLE; without it the migration goes on and the trigger alone protects the log.
DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'heard_app') THEN
      CREATE ROLE heard_app NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR insufficient_privilege THEN
    RAISE NOTICE 'heard_app role not created: %', SQLERRM;
  END;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'heard_app') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO heard_app', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO heard_app', current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO heard_app', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO heard_app', current_schema());
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM heard_app;
  END IF;
END $$;

-- What intake found in an insight's text. `shown` is what stands in the text (the mask, or the
-- original when the policy only flags it).
CREATE TABLE pii_findings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('title', 'body')),
  kind text NOT NULL CHECK (kind IN ('email', 'phone', 'card', 'iban', 'national_id', 'address')),
  action text NOT NULL CHECK (action IN ('masked', 'flagged')),
  start_at integer NOT NULL,
  end_at integer NOT NULL,
  shown text NOT NULL,
  reason text NOT NULL,
  found_at timestamptz NOT NULL
);
CREATE INDEX pii_findings_insight ON pii_findings (insight_id, id);

-- Originals the policy keeps aside, apart from the text, so a query over insights never sees
-- them; only admins read them (each read is audited), and retention deletes them.
CREATE TABLE pii_originals (
  finding_id bigint PRIMARY KEY REFERENCES pii_findings (id) ON DELETE CASCADE,
  original text NOT NULL,
  kept_at timestamptz NOT NULL
);
CREATE INDEX pii_originals_kept_at ON pii_originals (kept_at);

-- Settings admins change in the hub (the intake policy for personal data).
CREATE TABLE privacy_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_by uuid REFERENCES people (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- How long each kind of data is kept, optionally per source, and what happens then.
CREATE TABLE retention_policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  data text NOT NULL CHECK (data IN ('insight_text', 'pii_originals', 'chat_receipts', 'notifications')),
  source_kind text CHECK (source_kind IN ('slack', 'teams', 'web', 'api', 'import', 'email')),
  keep_days integer NOT NULL CHECK (keep_days BETWEEN 1 AND 36500),
  then_action text NOT NULL CHECK (then_action IN ('anonymise', 'delete')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT retention_policies_once UNIQUE NULLS NOT DISTINCT (data, source_kind)
);
INSERT INTO retention_policies (data, source_kind, keep_days, then_action) VALUES
  ('insight_text', 'slack', 365, 'anonymise'),
  ('insight_text', 'teams', 365, 'anonymise'),
  ('insight_text', 'email', 365, 'anonymise'),
  ('pii_originals', NULL, 90, 'delete'),
  ('chat_receipts', NULL, 30, 'delete'),
  ('notifications', NULL, 365, 'delete');

-- A legal hold suspends retention (and erasure) for a customer or one insight until released.
CREATE TABLE legal_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type text NOT NULL CHECK (subject_type IN ('customer', 'insight')),
  subject_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  placed_by uuid REFERENCES people (id) ON DELETE SET NULL,
  placed_at timestamptz NOT NULL,
  released_by uuid REFERENCES people (id) ON DELETE SET NULL,
  released_at timestamptz
);
CREATE INDEX legal_holds_active ON legal_holds (subject_type, subject_id) WHERE released_at IS NULL;

-- Insights whose personal parts were anonymised, when and why (the text itself says no more).
CREATE TABLE insight_anonymisations (
  insight_id uuid PRIMARY KEY REFERENCES insights (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (reason IN ('retention', 'erasure')),
  at timestamptz NOT NULL
);

-- What each retention run did, for the admin page.
CREATE TABLE retention_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  as_of timestamptz NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  report jsonb NOT NULL
);
CREATE INDEX retention_runs_newest ON retention_runs (id DESC);

-- An erased customer keeps a row without personal data, so the insights about them keep
-- their counts and segments (the organisation keeps the learning).
ALTER TABLE customers ADD COLUMN erased_at timestamptz;

-- Chat cards about an erased insight are marked here and replaced by "removed" by a job.
ALTER TABLE chat_cards ADD COLUMN removed_at timestamptz;

-- Down Migration
ALTER TABLE chat_cards DROP COLUMN removed_at;
ALTER TABLE customers DROP COLUMN erased_at;
DROP TABLE retention_runs, insight_anonymisations, legal_holds, retention_policies, privacy_settings,
  pii_originals, pii_findings;
DROP INDEX audit_events_action, audit_events_actor;
DROP TRIGGER audit_events_no_truncate ON audit_events;
DROP TRIGGER audit_events_append_only ON audit_events;
DROP FUNCTION audit_events_refuse_change();
