-- Up Migration
CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  slug text NOT NULL UNIQUE
);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email citext NOT NULL UNIQUE,
  name text NOT NULL,
  team_id uuid REFERENCES teams (id),
  roles text[] NOT NULL DEFAULT '{frontline}',
  slack_user_id text UNIQUE,
  teams_aad_object_id text UNIQUE,
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT people_roles_known CHECK (roles <@ ARRAY['frontline', 'curator', 'owner', 'leader', 'admin'])
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'account')),
  segment text,
  value numeric(14, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops);

CREATE TABLE customer_identifiers (
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  system text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (system, value)
);
CREATE INDEX customer_identifiers_customer ON customer_identifiers (customer_id);

CREATE TABLE goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  why text NOT NULL,
  kpi_name text NOT NULL,
  kpi_unit text NOT NULL,
  kpi_baseline double precision NOT NULL,
  kpi_target double precision NOT NULL,
  kpi_current double precision,
  kpi_due_date date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'dropped')),
  owner_id uuid NOT NULL REFERENCES people (id),
  mandate_statement text NOT NULL,
  mandate_team_ids uuid[] NOT NULL,
  created_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE insights (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  kind text NOT NULL CHECK (kind IN ('story', 'pain', 'request', 'praise', 'churn_risk', 'idea', 'observation')),
  sentiment text NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative', 'mixed')),
  source_kind text NOT NULL CHECK (source_kind IN ('slack', 'teams', 'web', 'api', 'import', 'email')),
  source_url text,
  source_external_id text,
  reporter_id uuid NOT NULL REFERENCES people (id),
  tags text[] NOT NULL DEFAULT '{}',
  visibility_scope text NOT NULL DEFAULT 'everyone' CHECK (visibility_scope IN ('everyone', 'team', 'people')),
  visibility_team_id uuid REFERENCES teams (id),
  visibility_person_ids uuid[] NOT NULL DEFAULT '{}',
  attachments jsonb NOT NULL DEFAULT '[]',
  triage text NOT NULL DEFAULT 'new' CHECK (triage IN ('new', 'triaged', 'archived')),
  evidence_count integer NOT NULL DEFAULT 0,
  reaction_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT insights_team_visibility CHECK (visibility_scope <> 'team' OR visibility_team_id IS NOT NULL),
  CONSTRAINT insights_people_visibility CHECK (visibility_scope <> 'people' OR cardinality(visibility_person_ids) > 0)
);
CREATE INDEX insights_newest ON insights (created_at DESC, id DESC);
CREATE INDEX insights_reporter ON insights (reporter_id, created_at DESC);
CREATE INDEX insights_tags ON insights USING gin (tags);
CREATE INDEX insights_restricted_people ON insights USING gin (visibility_person_ids) WHERE visibility_scope = 'people';
CREATE UNIQUE INDEX insights_source_once ON insights (source_kind, source_external_id) WHERE source_external_id IS NOT NULL;

CREATE TABLE insight_customers (
  insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL REFERENCES customers (id),
  PRIMARY KEY (insight_id, customer_id)
);
CREATE INDEX insight_customers_customer ON insight_customers (customer_id);

CREATE TABLE insight_goals (
  insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES goals (id),
  rationale text,
  linked_by uuid NOT NULL REFERENCES people (id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (insight_id, goal_id)
);
CREATE INDEX insight_goals_goal ON insight_goals (goal_id);

CREATE TABLE stories (
  insight_id uuid PRIMARY KEY REFERENCES insights (id) ON DELETE CASCADE,
  headline text NOT NULL,
  summary text NOT NULL,
  pull_quote text,
  hero_media jsonb,
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  curator_id uuid NOT NULL REFERENCES people (id),
  published_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL REFERENCES customers (id),
  added_by uuid NOT NULL REFERENCES people (id),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_insight ON evidence (insight_id);

CREATE TABLE reactions (
  insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id),
  emoji text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (insight_id, person_id, emoji)
);

CREATE TABLE collections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  curator_id uuid NOT NULL REFERENCES people (id),
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE collection_items (
  collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
  position integer NOT NULL,
  PRIMARY KEY (collection_id, insight_id)
);

CREATE TABLE actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  goal_id uuid NOT NULL REFERENCES goals (id),
  title text NOT NULL,
  assignee_id uuid NOT NULL REFERENCES people (id),
  assigned_by uuid NOT NULL REFERENCES people (id),
  due_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'wont_do')),
  cited_insight_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actions_goal ON actions (goal_id);
CREATE INDEX actions_assignee ON actions (assignee_id, status);

CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action_id uuid REFERENCES actions (id),
  goal_id uuid NOT NULL REFERENCES goals (id),
  result text NOT NULL CHECK (result IN ('better', 'unchanged', 'worse')),
  kpi_value double precision,
  evidence_insight_ids uuid[] NOT NULL DEFAULT '{}',
  note text NOT NULL,
  evaluator_id uuid NOT NULL REFERENCES people (id),
  evaluated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluations_goal ON evaluations (goal_id, evaluated_at DESC);

CREATE TABLE subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  scope jsonb NOT NULL,
  cadence jsonb NOT NULL,
  local_time text NOT NULL CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  time_zone text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('slack', 'teams', 'email', 'web')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_id uuid,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id);
CREATE INDEX audit_events_at ON audit_events (at DESC);

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind text NOT NULL,
  text text NOT NULL,
  link text NOT NULL,
  dedupe_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_unread ON notifications (person_id, created_at DESC) WHERE read_at IS NULL;

-- Down Migration
DROP TABLE notifications, audit_events, subscriptions, evaluations, actions, collection_items, collections,
  reactions, evidence, stories, insight_goals, insight_customers, insights, goals, customer_identifiers,
  customers, sessions, people, teams;
