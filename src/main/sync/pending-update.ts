// The newer server version waiting for a chart with local work, as the chart view shows it: what it
// changes, and how many of the coder's items loading it would flag for re-review.
import type { ImportedChart } from '../../shared/chart';
import { describeChartChanges, type ServerUpdateNotice } from '../../shared/sync/chart-changes';
import type { Db } from '../db/open';
import { loadLocalChart } from '../importing/local-chart';
import { countItemsToRecheck } from './load-update';

const SQL = {
  pending: 'SELECT version, chart, received_at AS receivedAt FROM sync_chart_updates WHERE chart_id = ?',
} as const;

export function pendingServerUpdate(db: Db, encounterId: string): ServerUpdateNotice | null {
  const row = db.prepare(SQL.pending).get(encounterId) as { version: number; chart: string; receivedAt: string } | undefined;
  if (!row) return null;
  const local = loadLocalChart(db, encounterId);
  if (!local) return null;
  const chart = JSON.parse(row.chart) as ImportedChart;
  const changes = describeChartChanges(local, chart);
  return changes.length ? { version: row.version, receivedAt: row.receivedAt, changes, itemsToRecheck: countItemsToRecheck(db, encounterId, chart) } : null;
}
