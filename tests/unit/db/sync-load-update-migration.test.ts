// Migration 011 adds what loading a newer server version onto a chart with work needs: the server
// version of each chart's stored content (sync_content_versions, backfilled for charts with nothing
// waiting) and the review items a load flagged for re-review (review_rechecks). A database at
// migration 10 keeps its rows; the new tables are STRICT.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/db/migrate';
import { loadMigrations } from '../../../src/main/db/migrations';
import type { Db } from '../../../src/main/db/open';
import { useScratchDatabase } from './scratch-database';

let db: Db;
useScratchDatabase('plumbline-migrate-load-', (opened) => (db = opened));

const SETTLED = '44444444-4444-4444-8444-444444444444';
const WAITING = '55555555-5555-4555-8555-555555555555';

describe('migration 011 (sync_load_update)', () => {
  it('upgrades a database at migration 10, recording the content version only where no newer version waits', () => {
    const all = loadMigrations();
    expect(all.find((m) => m.version === 11)?.name).toBe('sync_load_update');
    expect(migrate(db, all.filter((m) => m.version <= 10)).to).toBe(10);
    const chart = db.prepare('INSERT INTO sync_charts (chart_id, team_id, version) VALUES (?, ?, ?)');
    chart.run(SETTLED, 'team-1', 7);
    chart.run(WAITING, 'team-1', 9);
    db.prepare('INSERT INTO sync_chart_updates (chart_id, version, chart, received_at) VALUES (?, ?, ?, ?)').run(WAITING, 9, '{}', '2026-01-02T00:00:00.000Z');
    const tables = ['sync_charts', 'sync_chart_updates'];
    const before = tables.map((name) => db.prepare(`SELECT * FROM ${name}`).all());

    expect(migrate(db, all)).toEqual({ from: 10, to: all.length });
    expect(tables.map((name) => db.prepare(`SELECT * FROM ${name}`).all())).toEqual(before);
    // The waiting chart's content version was never recorded: no row, so its waiting version may be loaded.
    expect(db.prepare('SELECT * FROM sync_content_versions').all()).toEqual([{ chart_id: SETTLED, version: 7 }]);
    for (const table of ['sync_content_versions', 'review_rechecks']) {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table)).toMatchObject({ sql: expect.stringMatching(/STRICT$/) });
    }
    // A flag must name a review item that exists, and its lost evidence must be JSON.
    const flag = db.prepare('INSERT INTO review_rechecks (item_id, encounter_id, evidence_lost, server_version, audit_seq, flagged_at) VALUES (?, ?, ?, 9, 1, ?)');
    expect(() => flag.run('no-such-item', WAITING, '[]', '2026-01-03T00:00:00.000Z')).toThrow(/FOREIGN KEY/);
    db.pragma('foreign_keys = OFF');
    expect(() => flag.run('item', WAITING, 'not json', '2026-01-03T00:00:00.000Z')).toThrow(/CHECK constraint/);
  });
});
