// Applies one pulled page to the local database in one transaction, together with its cursor, so
// a crash between pages resumes from the last applied page and never skips or repeats one. A newer
// version of a chart already here is settled by chart-updates.ts (replaced when untouched, held
// aside when the coder has worked on it); code-set notices are kept, newest per system, by
// codeset-notices.ts.
import { randomUUID } from 'node:crypto';
import type { ImportedChart } from '../../shared/chart';
import type { ChartChange, CodeSetChange, LeaseChange, PullResponse } from '../../shared/sync/protocol';
import type { Db } from '../db/open';
import { storeCharts } from '../importing/store';
import { applyServerVersion, recordContentVersion } from './chart-updates';
import { recordNotices } from './codeset-notices';
import type { SyncStateStore } from './state';

const SQL = {
  knownVersion: 'SELECT version FROM sync_charts WHERE chart_id = ?',
  encounterExists: 'SELECT 1 FROM encounters WHERE id = ?',
  upsertChart: `INSERT INTO sync_charts (chart_id, team_id, version) VALUES (?, ?, ?)
                ON CONFLICT(chart_id) DO UPDATE SET version = max(version, excluded.version), team_id = excluded.team_id`,
  upsertLease: `INSERT INTO sync_leases (lease_id, chart_id, assignee_id, state, lease_version, version) VALUES (@leaseId, @chartId, @assigneeId, @state, @leaseVersion, @version)
                ON CONFLICT(lease_id) DO UPDATE SET state = excluded.state, version = excluded.version WHERE excluded.version >= sync_leases.version`,
  activeLeaseFor: "SELECT 1 FROM sync_leases WHERE chart_id = ? AND assignee_id = ? AND state = 'active'",
  anyLeaseFor: 'SELECT 1 FROM sync_leases WHERE chart_id = ? AND assignee_id = ?',
  encounter: 'SELECT assignee_id AS assigneeId, priority, due FROM encounters WHERE id = ?',
  assign: "UPDATE encounters SET assignee_id = ?, updated_at = ? WHERE id = ?",
  insertAssignment: 'INSERT INTO assignments (id, encounter_id, user_id, priority, due, assigned_at) VALUES (?, ?, ?, ?, ?, ?)',
} as const;

export interface PageResult {
  /** Charts new to this install. */
  charts: number;
  revoked: number;
  /** Charts already here whose content was replaced by a newer server version (no local work on them). */
  updated: number;
  /** Charts already here with local work: the newer version waits in sync_chart_updates. */
  held: number;
  /** Code-set notices that were new to this install or superseded an older one for their system. */
  notices: number;
}

/** `userId` is the signed-in user's server id, which is also their local `users` row. */
export function applyPage(db: Db, state: SyncStateStore, userId: string, page: PullResponse): PageResult {
  return db
    .transaction((): PageResult => {
      const charts = page.changes.filter((c): c is ChartChange => c.type === 'chart');
      const leases = page.changes.filter((c): c is LeaseChange => c.type === 'lease');
      const codeSets = page.changes.filter((c): c is CodeSetChange => c.type === 'codeset');
      const upsertChart = db.prepare(SQL.upsertChart);
      const knownVersion = db.prepare(SQL.knownVersion);
      const exists = db.prepare(SQL.encounterExists);
      // Charts new to this install, newest version of each, in the order they first appear.
      const fresh = new Map<string, { version: number; chart: ImportedChart }>();
      const seen = new Set<string>();
      const now = new Date().toISOString();
      let updated = 0;
      let held = 0;
      for (const c of charts) {
        seen.add(c.chartId);
        const pending = fresh.get(c.chartId);
        if (pending) {
          if (c.version > pending.version) fresh.set(c.chartId, { version: c.version, chart: c.chart });
        } else if (!exists.get(c.chartId)) {
          fresh.set(c.chartId, { version: c.version, chart: c.chart });
        } else {
          const known = knownVersion.get(c.chartId) as { version: number } | undefined;
          const outcome = applyServerVersion(db, c.chart, c.version, known?.version, now);
          if (outcome === 'replaced') updated++;
          if (outcome === 'held') held++;
        }
        upsertChart.run(c.chartId, c.teamId, c.version);
      }
      if (fresh.size) {
        storeCharts(db, [...fresh.values()].map((f) => f.chart), { assigneeId: userId, source: 'sync' });
        for (const [chartId, f] of fresh) recordContentVersion(db, chartId, f.version);
      }
      const upsertLease = db.prepare(SQL.upsertLease);
      for (const l of leases) upsertLease.run(l);
      const touched = new Set([...seen, ...leases.filter((l) => l.assigneeId === userId).map((l) => l.chartId)]);
      let revoked = 0;
      for (const chartId of touched) revoked += settleAssignment(db, chartId, userId) ? 1 : 0;
      const notices = recordNotices(db, codeSets, now);
      state.saveCursor(page.cursor);
      return { charts: fresh.size, revoked, updated, held, notices };
    })
    .immediate();
}

/**
 * The chart is in the user's queue while they hold an active lease on it. A revoked lease takes it
 * out of the queue (assignee cleared) but keeps the chart and any work on it: that work is pushed
 * and lands on the server as orphaned work for the lead. Returns true when it left the queue.
 */
function settleAssignment(db: Db, chartId: string, userId: string): boolean {
  const enc = db.prepare(SQL.encounter).get(chartId) as { assigneeId: string | null; priority: number; due: string | null } | undefined;
  if (!enc) return false;
  const active = db.prepare(SQL.activeLeaseFor).get(chartId, userId) !== undefined;
  const hadLease = db.prepare(SQL.anyLeaseFor).get(chartId, userId) !== undefined;
  const now = new Date().toISOString();
  if (active && enc.assigneeId !== userId) {
    db.prepare(SQL.assign).run(userId, now, chartId);
    db.prepare(SQL.insertAssignment).run(randomUUID(), chartId, userId, enc.priority, enc.due, now);
    return false;
  }
  // No lease at all (an auditor's sampled chart): leave it where storeCharts put it.
  if (!active && hadLease && enc.assigneeId === userId) {
    db.prepare(SQL.assign).run(null, now, chartId);
    return true;
  }
  return false;
}
