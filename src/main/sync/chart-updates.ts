// A newer server version of a chart already stored here. Untouched charts take the new content
// as if freshly imported; charts with local work keep their content and work, and the newer
// version waits in sync_chart_updates for the chart view to tell the coder what changed (the coder
// may then load it onto their work: load-update.ts). Runs inside applyPage's transaction, so the
// decision, the content and the cursor commit together.
import type { ImportedChart } from '../../shared/chart';
import { describeChartChanges } from '../../shared/sync/chart-changes';
import type { Db } from '../db/open';
import { loadLocalChart } from '../importing/local-chart';
import { replaceChartContent } from '../importing/replace';

const SQL = {
  // Work is anything the coder did that the outbox carries or the review tables keep: decisions
  // (keep, reject, add, change, query and their undos), status changes and a submission. Stored
  // suggestions are not work: they are derived from the text and rebuilt with it.
  hasWork: `SELECT e.status <> 'new'
                   OR EXISTS (SELECT 1 FROM review_decisions d WHERE d.encounter_id = e.id)
                   OR EXISTS (SELECT 1 FROM sync_outbox o WHERE o.chart_id = e.id)
                   OR EXISTS (SELECT 1 FROM encounter_codes c WHERE c.encounter_id = e.id AND c.source = 'coded') AS work
            FROM encounters e WHERE e.id = ?`,
  hold: `INSERT INTO sync_chart_updates (chart_id, version, chart, received_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(chart_id) DO UPDATE SET version = excluded.version, chart = excluded.chart, received_at = excluded.received_at
         WHERE excluded.version > sync_chart_updates.version`,
  drop: 'DELETE FROM sync_chart_updates WHERE chart_id = ?',
  contentVersion: 'SELECT version FROM sync_content_versions WHERE chart_id = ?',
  recordContent: `INSERT INTO sync_content_versions (chart_id, version) VALUES (?, ?)
                  ON CONFLICT(chart_id) DO UPDATE SET version = excluded.version`,
} as const;

export type ChartVersionOutcome = 'replaced' | 'held' | 'unchanged' | 'stale';

/**
 * The server version whose content the chart holds here (stored, replaced, found identical or
 * loaded); undefined for a chart not from the server or synced before this was recorded.
 */
export function contentVersion(db: Db, chartId: string): number | undefined {
  return (db.prepare(SQL.contentVersion).get(chartId) as { version: number } | undefined)?.version;
}

/** In the transaction that puts (or finds) that version's content on the chart. */
export function recordContentVersion(db: Db, chartId: string, version: number): void {
  db.prepare(SQL.recordContent).run(chartId, version);
}

export function hasLocalWork(db: Db, encounterId: string): boolean {
  const row = db.prepare(SQL.hasWork).get(encounterId) as { work: number } | undefined;
  return row?.work === 1;
}

/**
 * `knownVersion` is the version this install last recorded for the chart (undefined for a chart
 * stored here before it came from the server). Only a strictly newer version does anything, so a
 * repeated or out-of-order page never rewrites a chart.
 */
export function applyServerVersion(db: Db, chart: ImportedChart, version: number, knownVersion: number | undefined, now = new Date().toISOString()): ChartVersionOutcome {
  if (!db.inTransaction) throw new Error('applyServerVersion must run inside the pull transaction.');
  if (knownVersion !== undefined && version <= knownVersion) return 'stale';
  const id = chart.encounter.id;
  const local = loadLocalChart(db, id);
  if (!local) throw new Error('applyServerVersion is for charts already stored here.');
  if (describeChartChanges(local, chart).length === 0) {
    // The server's newest content is what the coder already has: an older waiting version is moot.
    db.prepare(SQL.drop).run(id);
    recordContentVersion(db, id, version);
    return 'unchanged';
  }
  if (!hasLocalWork(db, id)) {
    replaceChartContent(db, chart, now);
    db.prepare(SQL.drop).run(id);
    recordContentVersion(db, id, version);
    return 'replaced';
  }
  db.prepare(SQL.hold).run(id, version, JSON.stringify(chart), now);
  return 'held';
}
