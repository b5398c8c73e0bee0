// Migration 010 adds sync_codeset_notices (the code-set releases the organisation announced, newest
// per system): a database at migration 9 with sync rows keeps them, and the new table is STRICT,
// keyed by system and refuses a row without what the notice needs.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/db/migrate';
import { loadMigrations } from '../../../src/main/db/migrations';
import type { Db } from '../../../src/main/db/open';
import { useScratchDatabase } from './scratch-database';

let db: Db;
useScratchDatabase('plumbline-migrate-notices-', (opened) => (db = opened));

const CHART = '33333333-3333-4333-8333-333333333333';

describe('migration 010 (sync_codeset_notices)', () => {
  it('upgrades a database at migration 9 without touching its sync rows', () => {
    const all = loadMigrations();
    expect(all.find((m) => m.version === 10)?.name).toBe('sync_codeset_notices');
    expect(migrate(db, all.filter((m) => m.version <= 9)).to).toBe(9);
    db.prepare('INSERT INTO sync_charts (chart_id, team_id, version) VALUES (?, ?, ?)').run(CHART, 'team-1', 7);
    db.prepare('INSERT INTO sync_chart_updates (chart_id, version, chart, received_at) VALUES (?, ?, ?, ?)').run(CHART, 8, '{}', '2026-01-02T00:00:00.000Z');
    db.prepare("INSERT INTO sync_state (id, client_id, cursor) VALUES (1, 'client-1', 42)").run();
    const tables = ['sync_charts', 'sync_chart_updates', 'sync_state', 'sync_outbox'];
    const before = tables.map((name) => db.prepare(`SELECT * FROM ${name}`).all());

    expect(migrate(db, all)).toEqual({ from: 9, to: all.length });
    expect(tables.map((name) => db.prepare(`SELECT * FROM ${name}`).all())).toEqual(before);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sync_codeset_notices'").get()).toMatchObject({ sql: expect.stringMatching(/STRICT$/) });

    const insert = db.prepare(
      'INSERT INTO sync_codeset_notices (system, system_name, fiscal_year, code_set_version, note, version, announced_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('icd10cm', 'ICD-10-CM', 2027, 'icd10cm-FY2027', null, 12, null, '2026-09-15T00:00:00.000Z');
    expect(() => insert.run('icd10cm', 'icd10cm', 2028, 'x', null, 13, null, '2026-09-16T00:00:00.000Z')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('hcpcs', 'HCPCS', 'FY2027', 'x', null, 14, null, '2026-09-16T00:00:00.000Z')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insert.run('cpt', 'CPT', 2027, null, null, 15, null, '2026-09-16T00:00:00.000Z')).toThrow(/NOT NULL/);
  });
});
