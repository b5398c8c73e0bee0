-- Teams, users and sessions.
CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('coder', 'auditor', 'lead', 'admin')),
  team_id uuid REFERENCES teams(id),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A session is one login; every refresh token and access token belongs to one, so logout
-- (or detected refresh-token reuse) kills all of them at once.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoke_reason text
);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES sessions(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  -- The token that replaced this one, so a retried refresh (lost response) can be recognised.
  replaced_by text
);
CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);

-- The change feed. Its sequence is the pull cursor and every row version. Writers take one
-- advisory lock before drawing from it, so sequence order is commit order and a reader that
-- has seen seq N has seen everything below N.
CREATE SEQUENCE change_seq;

CREATE TABLE changes (
  seq bigint PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('chart', 'lease', 'codeset', 'work')),
  entity_id uuid NOT NULL,
  chart_id uuid,
  -- Addressed to one user (coder / auditor), to a team (leads), or to everyone (both null).
  user_id uuid,
  team_id uuid
);
CREATE INDEX changes_user ON changes(user_id, seq);
CREATE INDEX changes_team ON changes(team_id, seq);

CREATE TABLE charts (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams(id),
  -- Kept as text, verbatim as imported (after the PHI guard passed it).
  data text NOT NULL,
  data_hash text NOT NULL,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX charts_team ON charts(team_id);

CREATE TABLE leases (
  id uuid PRIMARY KEY,
  chart_id uuid NOT NULL REFERENCES charts(id),
  user_id uuid NOT NULL REFERENCES users(id),
  state text NOT NULL CHECK (state IN ('active', 'revoked')),
  lease_version bigint NOT NULL,
  version bigint NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX leases_one_active ON leases(chart_id) WHERE state = 'active';
CREATE INDEX leases_user ON leases(user_id, chart_id);

CREATE TABLE samples (
  auditor_id uuid NOT NULL REFERENCES users(id),
  chart_id uuid NOT NULL REFERENCES charts(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (auditor_id, chart_id)
);
CREATE INDEX samples_chart ON samples(chart_id);

-- Every mutation the server has taken responsibility for (accepted or orphaned), verbatim.
-- Rejected mutations are not stored: nothing was applied, so a retry is judged afresh.
CREATE TABLE mutations (
  id uuid PRIMARY KEY,
  client_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  chart_id uuid NOT NULL REFERENCES charts(id),
  kind text NOT NULL,
  base_lease_version bigint,
  payload text NOT NULL,
  content_hash text NOT NULL,
  client_created_at text,
  status text NOT NULL CHECK (status IN ('accepted', 'orphaned')),
  -- Set when the work becomes part of the chart's record (on arrival, or when a lead applies an orphan).
  version bigint,
  accepted_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mutations_chart ON mutations(chart_id, version);

CREATE TABLE orphans (
  id uuid PRIMARY KEY,
  mutation_id uuid NOT NULL UNIQUE REFERENCES mutations(id),
  chart_id uuid NOT NULL REFERENCES charts(id),
  team_id uuid NOT NULL REFERENCES teams(id),
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolution text CHECK (resolution IN ('apply', 'discard')),
  resolution_note text,
  resolved_by uuid REFERENCES users(id),
  resolved_at timestamptz
);
CREATE INDEX orphans_team ON orphans(team_id, resolved_at);

CREATE TABLE code_set_notices (
  id uuid PRIMARY KEY,
  system text NOT NULL,
  fiscal_year integer NOT NULL,
  code_set_version text NOT NULL,
  note text,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
