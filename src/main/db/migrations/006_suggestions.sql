-- One row per suggestion run (local engine or model) on a chart: what the engine proposed, what
-- grounding dropped and why, and where it came from. The diagnostics panel reads these.
CREATE TABLE suggestion_runs (
  id TEXT PRIMARY KEY,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  engine TEXT NOT NULL CHECK (engine IN ('local', 'model')),
  proposed INTEGER NOT NULL,
  kept INTEGER NOT NULL,
  drops TEXT NOT NULL CHECK (json_valid(drops)),
  elapsed_ms REAL NOT NULL,
  error TEXT,
  provenance TEXT CHECK (provenance IS NULL OR json_valid(provenance)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX suggestion_runs_encounter ON suggestion_runs (encounter_id, created_at);
