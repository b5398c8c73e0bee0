-- Sync with a Plumbline server: where this install syncs to, how far it has pulled, the leases it
-- holds, and what became of each outbox row. Tokens are stored only encrypted by the OS vault
-- (token_blob); without a vault they live in memory and this table never sees them.

CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- Random per install; the server records it with every push.
  client_id TEXT NOT NULL,
  server_url TEXT,
  user_id TEXT,
  user_name TEXT,
  user_role TEXT,
  -- Last pull cursor fully applied; written in the same transaction as the page it ends.
  cursor INTEGER NOT NULL DEFAULT 0,
  first_pull_done INTEGER NOT NULL DEFAULT 0 CHECK (first_pull_done IN (0, 1)),
  token_blob BLOB,
  last_sync_at TEXT,
  last_error TEXT
) STRICT;

-- Charts that came from the server (only their outbox rows are pushed).
CREATE TABLE sync_charts (
  chart_id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  version INTEGER NOT NULL
) STRICT;

CREATE TABLE sync_leases (
  lease_id TEXT PRIMARY KEY,
  chart_id TEXT NOT NULL,
  assignee_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'revoked')),
  lease_version INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX sync_leases_chart ON sync_leases (chart_id, state);

-- One row per outbox row: the chart it is about, the lease held when the change was made (the
-- server judges offline work against that lease, not the one held at push time), and the server's
-- verdict. `local` marks work on charts that never came from a server; it is never pushed.
CREATE TABLE sync_outbox (
  outbox_id TEXT PRIMARY KEY,
  chart_id TEXT,
  lease_version INTEGER,
  status TEXT CHECK (status IN ('accepted', 'duplicate', 'orphaned', 'rejected', 'local')),
  reason TEXT,
  decided_at TEXT
) STRICT;
CREATE INDEX sync_outbox_chart ON sync_outbox (chart_id);

CREATE TRIGGER sync_outbox_stamp AFTER INSERT ON outbox
BEGIN
  INSERT INTO sync_outbox (outbox_id, chart_id, lease_version)
  SELECT NEW.id, c.chart_id,
         (SELECT lease_version FROM sync_leases WHERE chart_id = c.chart_id AND state = 'active' ORDER BY version DESC LIMIT 1)
    FROM (SELECT CASE WHEN NEW.entity = 'encounter' THEN NEW.entity_id ELSE json_extract(NEW.payload, '$.encounterId') END AS chart_id) AS c;
END;

-- Rows written before this migration: their chart, no lease (they predate sync).
INSERT INTO sync_outbox (outbox_id, chart_id)
SELECT id, CASE WHEN entity = 'encounter' THEN entity_id ELSE json_extract(payload, '$.encounterId') END FROM outbox;
