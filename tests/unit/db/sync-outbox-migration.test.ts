// Migration 008 rebuilds sync_outbox to allow 'discarded': a database at migration 7 holding refused
// changes keeps every row and verdict, and the stamping trigger still works afterwards.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/db/migrate';
import { loadMigrations } from '../../../src/main/db/migrations';
import type { Db } from '../../../src/main/db/open';
import { useScratchDatabase } from './scratch-database';

let db: Db;
useScratchDatabase('plumbline-migrate-sync-', (opened) => (db = opened));

const CHART = '11111111-1111-4111-8111-111111111111';

function addOutbox(id: string, seq: number): void {
  db.prepare('INSERT INTO outbox (id, entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    'review_decision',
    `decision-${seq}`,
    'accept',
    JSON.stringify({ encounterId: CHART, after: { system: 'icd10cm', code: 'E119' } }),
    `2026-01-0${seq}T10:00:00.000Z`,
  );
}

const rows = () => db.prepare('SELECT outbox_id AS id, chart_id AS chartId, lease_version AS lease, status, reason, decided_at AS decidedAt FROM sync_outbox ORDER BY outbox_id').all();

describe('migration 008 (sync_outbox accepts discarded)', () => {
  it('keeps refused rows, their reasons and leases from a database at migration 7', () => {
    const all = loadMigrations();
    expect(all.map((m) => m.version)).toContain(8);
    expect(migrate(db, all.slice(0, 7)).to).toBe(7);
    db.prepare("INSERT INTO sync_leases VALUES ('lease-1', ?, 'coder-1', 'active', 42, 42)").run(CHART);
    addOutbox('a', 1);
    addOutbox('b', 2);
    addOutbox('c', 3);
    db.prepare("UPDATE sync_outbox SET status = 'rejected', reason = 'chart is not leased to you', decided_at = '2026-01-04T00:00:00.000Z' WHERE outbox_id IN ('a', 'b')").run();
    db.prepare("UPDATE sync_outbox SET status = 'accepted', decided_at = '2026-01-04T00:00:00.000Z' WHERE outbox_id = 'c'").run();
    expect(() => db.prepare("UPDATE sync_outbox SET status = 'discarded' WHERE outbox_id = 'a'").run()).toThrow(/CHECK constraint/);
    const before = rows();
    expect(before).toHaveLength(3);
    expect(before[0]).toMatchObject({ chartId: CHART, lease: 42, status: 'rejected' });

    expect(migrate(db, all)).toEqual({ from: 7, to: all.length });
    expect(rows()).toEqual(before);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sync_outbox'").get()).toMatchObject({ sql: expect.stringMatching(/STRICT$/) });
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sync_outbox' AND name NOT LIKE 'sqlite_%'").all()).toEqual([{ name: 'sync_outbox_chart' }]);

    // 'discarded' is now allowed; anything else still is not.
    db.prepare("UPDATE sync_outbox SET status = 'discarded' WHERE outbox_id = 'a'").run();
    expect(() => db.prepare("UPDATE sync_outbox SET status = 'gone' WHERE outbox_id = 'b'").run()).toThrow(/CHECK constraint/);

    // The trigger came back: a new outbox row is stamped with its chart and the active lease.
    addOutbox('d', 5);
    expect(db.prepare("SELECT chart_id AS chartId, lease_version AS lease, status FROM sync_outbox WHERE outbox_id = 'd'").get()).toEqual({ chartId: CHART, lease: 42, status: null });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
