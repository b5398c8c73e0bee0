-- A coder can give up sending a change the server refused: the row becomes 'discarded', keeps the
-- work it carries and the server's reason, and is never pushed again. SQLite cannot alter a CHECK,
-- so sync_outbox is rebuilt with the same columns and index. The stamping trigger names
-- sync_outbox in its body; left in place while the table is dropped, the rename below would fail
-- on it, so it is dropped first and recreated unchanged at the end.

DROP TRIGGER sync_outbox_stamp;

CREATE TABLE sync_outbox_next (
  outbox_id TEXT PRIMARY KEY,
  chart_id TEXT,
  lease_version INTEGER,
  status TEXT CHECK (status IN ('accepted', 'duplicate', 'orphaned', 'rejected', 'local', 'discarded')),
  reason TEXT,
  decided_at TEXT
) STRICT;

INSERT INTO sync_outbox_next (outbox_id, chart_id, lease_version, status, reason, decided_at)
SELECT outbox_id, chart_id, lease_version, status, reason, decided_at FROM sync_outbox;

DROP TABLE sync_outbox;
ALTER TABLE sync_outbox_next RENAME TO sync_outbox;
CREATE INDEX sync_outbox_chart ON sync_outbox (chart_id);

CREATE TRIGGER sync_outbox_stamp AFTER INSERT ON outbox
BEGIN
  INSERT INTO sync_outbox (outbox_id, chart_id, lease_version)
  SELECT NEW.id, c.chart_id,
         (SELECT lease_version FROM sync_leases WHERE chart_id = c.chart_id AND state = 'active' ORDER BY version DESC LIMIT 1)
    FROM (SELECT CASE WHEN NEW.entity = 'encounter' THEN NEW.entity_id ELSE json_extract(NEW.payload, '$.encounterId') END AS chart_id) AS c;
END;
