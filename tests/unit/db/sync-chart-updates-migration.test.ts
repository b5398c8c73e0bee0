// Migration 009 adds sync_chart_updates (a newer server version held for a chart with local work):
// a database at migration 8 with synced charts and outbox verdicts keeps them, and the new table is
// STRICT, keyed by chart and refuses a chart body that is not JSON.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/db/migrate';
import { loadMigrations } from '../../../src/main/db/migrations';
import type { Db } from '../../../src/main/db/open';
import { useScratchDatabase } from './scratch-database';

let db: Db;
useScratchDatabase('plumbline-migrate-updates-', (opened) => (db = opened));

const CHART = '22222222-2222-4222-8222-222222222222';

describe('migration 009 (sync_chart_updates)', () => {
  it('upgrades a database at migration 8 without touching its sync rows', () => {
    const all = loadMigrations();
    expect(all.find((m) => m.version === 9)?.name).toBe('sync_chart_updates');
    expect(migrate(db, all.filter((m) => m.version <= 8)).to).toBe(8);
    db.prepare('INSERT INTO sync_charts (chart_id, team_id, version) VALUES (?, ?, ?)').run(CHART, 'team-1', 7);
    db.prepare("INSERT INTO sync_outbox (outbox_id, chart_id, lease_version, status) VALUES ('o-1', ?, 3, 'accepted')").run(CHART);
    const before = [db.prepare('SELECT * FROM sync_charts').all(), db.prepare('SELECT * FROM sync_outbox').all()];

    expect(migrate(db, all)).toEqual({ from: 8, to: all.length });
    expect([db.prepare('SELECT * FROM sync_charts').all(), db.prepare('SELECT * FROM sync_outbox').all()]).toEqual(before);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sync_chart_updates'").get()).toMatchObject({ sql: expect.stringMatching(/STRICT$/) });

    const insert = db.prepare('INSERT INTO sync_chart_updates (chart_id, version, chart, received_at) VALUES (?, ?, ?, ?)');
    insert.run(CHART, 8, JSON.stringify({ encounter: { id: CHART } }), '2026-01-02T00:00:00.000Z');
    expect(() => insert.run(CHART, 9, '{}', '2026-01-03T00:00:00.000Z')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('other', 9, 'not json', '2026-01-03T00:00:00.000Z')).toThrow(/CHECK constraint/);
    expect(() => insert.run('other', 'nine', '{}', '2026-01-03T00:00:00.000Z')).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
