-- Loading a newer server version onto a chart the coder has worked on ("load the new version,
-- keeping my work", src/main/sync/load-update.ts).

-- The server version whose content a chart holds here. sync_charts.version is the newest version
-- heard of, which runs ahead of the content while a version waits in sync_chart_updates; a waiting
-- version is loaded only when it is newer than this one.
CREATE TABLE sync_content_versions (
  chart_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) STRICT;

-- Charts synced before this migration: with nothing waiting, the content is the newest version
-- heard of. With a version waiting the content's version was never recorded; no row, and the
-- waiting version (only ever held when newer than what was stored) may be loaded.
INSERT INTO sync_content_versions (chart_id, version)
SELECT chart_id, version FROM sync_charts WHERE chart_id NOT IN (SELECT chart_id FROM sync_chart_updates);

-- Review items a load flagged for re-review: a quote of their evidence is no longer in the new text
-- (it was taken off the item, so nothing points at the wrong words, and kept here with its old
-- offsets), or the server's version no longer lists the existing code the item was made from. One
-- row per item, the latest load's. The flag is open until the coder decides on the item again: a
-- decision after `audit_seq` (the load's audit event) that is not undone.
CREATE TABLE review_rechecks (
  item_id TEXT PRIMARY KEY REFERENCES review_items (id),
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  -- JSON array of {documentId, start, end, quote} as they were in the text before the load.
  evidence_lost TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence_lost)),
  code_removed INTEGER NOT NULL DEFAULT 0 CHECK (code_removed IN (0, 1)),
  server_version INTEGER NOT NULL,
  audit_seq INTEGER NOT NULL,
  flagged_at TEXT NOT NULL
) STRICT;
CREATE INDEX review_rechecks_encounter ON review_rechecks (encounter_id);
