-- Keeps the worklist instant at 100k charts: the per-status counts are maintained by triggers instead
-- of counted on every query, a covering index answers "how many match these filters", and a trigram
-- full-text index answers the free-text search without reading every chart.

CREATE TABLE queue_counts (
  assignee_id TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (assignee_id, status)
) STRICT, WITHOUT ROWID;

INSERT INTO queue_counts (assignee_id, status, n)
  SELECT assignee_id, status, count(*) FROM encounters WHERE assignee_id IS NOT NULL GROUP BY assignee_id, status;

CREATE TRIGGER encounters_count_insert AFTER INSERT ON encounters WHEN new.assignee_id IS NOT NULL
BEGIN
  INSERT INTO queue_counts (assignee_id, status, n) VALUES (new.assignee_id, new.status, 1)
    ON CONFLICT (assignee_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER encounters_count_delete AFTER DELETE ON encounters WHEN old.assignee_id IS NOT NULL
BEGIN
  UPDATE queue_counts SET n = n - 1 WHERE assignee_id = old.assignee_id AND status = old.status;
END;

CREATE TRIGGER encounters_count_update AFTER UPDATE OF status, assignee_id ON encounters
  WHEN old.status IS NOT new.status OR old.assignee_id IS NOT new.assignee_id
BEGIN
  UPDATE queue_counts SET n = n - 1 WHERE assignee_id = old.assignee_id AND status = old.status;
  INSERT INTO queue_counts (assignee_id, status, n) SELECT new.assignee_id, new.status, 1 WHERE new.assignee_id IS NOT NULL
    ON CONFLICT (assignee_id, status) DO UPDATE SET n = n + 1;
END;

CREATE INDEX encounters_filter ON encounters (assignee_id, status, setting, payer);

-- External content keyed by import_seq (a stable integer; the implicit rowid may change on VACUUM).
CREATE VIRTUAL TABLE encounter_search USING fts5 (search_text, content = 'encounters', content_rowid = 'import_seq', tokenize = 'trigram');
INSERT INTO encounter_search (encounter_search) VALUES ('rebuild');

CREATE TRIGGER encounters_search_insert AFTER INSERT ON encounters
BEGIN
  INSERT INTO encounter_search (rowid, search_text) VALUES (new.import_seq, new.search_text);
END;

CREATE TRIGGER encounters_search_delete AFTER DELETE ON encounters
BEGIN
  INSERT INTO encounter_search (encounter_search, rowid, search_text) VALUES ('delete', old.import_seq, old.search_text);
END;

CREATE TRIGGER encounters_search_update AFTER UPDATE OF search_text ON encounters
BEGIN
  INSERT INTO encounter_search (encounter_search, rowid, search_text) VALUES ('delete', old.import_seq, old.search_text);
  INSERT INTO encounter_search (rowid, search_text) VALUES (new.import_seq, new.search_text);
END;
