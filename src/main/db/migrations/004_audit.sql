-- The audit trail: append-only and hash-chained. Each event's hash is SHA-256 over a canonical JSON of
-- the event and the previous event's hash, so an edited, deleted or reordered event breaks the chain
-- even if someone removes these triggers. The triggers stop accidents and casual edits.
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  role TEXT NOT NULL,
  encounter_id TEXT,
  action TEXT NOT NULL,
  system TEXT,
  code TEXT,
  -- JSON array of {documentId, start, end, quote}.
  evidence TEXT NOT NULL DEFAULT '[]',
  reason TEXT,
  -- JSON object with the rest of what happened (reason text, query note, replaced code, status, …).
  detail TEXT NOT NULL DEFAULT '{}',
  code_set_version TEXT,
  suggestion TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_events_encounter ON audit_events (encounter_id, seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
