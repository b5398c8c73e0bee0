-- A newer server version of a chart the coder has already worked on. Applying it would move the
-- text under their decisions' evidence offsets, so it is kept aside (one row per chart, the newest
-- version only) and the chart view tells the coder what changed. Untouched charts never get a row:
-- their content is replaced directly.
CREATE TABLE sync_chart_updates (
  chart_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  -- The ImportedChart as the server sent it.
  chart TEXT NOT NULL CHECK (json_valid(chart)),
  received_at TEXT NOT NULL
) STRICT;
