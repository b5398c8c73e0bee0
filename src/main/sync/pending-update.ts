// The newer server version waiting for a chart with local work, as the chart view shows it.
import type { ImportedChart } from '../../shared/chart';
import { describeChartChanges, type ServerUpdateNotice } from '../../shared/sync/chart-changes';
import type { Db } from '../db/open';
import { loadLocalChart } from '../importing/local-chart';

const SQL = {
  pending: 'SELECT version, chart, received_at AS receivedAt FROM sync_chart_updates WHERE chart_id = ?',
} as const;

export function pendingServerUpdate(db: Db, encounterId: string): ServerUpdateNotice | null {
  const row = db.prepare(SQL.pending).get(encounterId) as { version: number; chart: string; receivedAt: string } | undefined;
  if (!row) return null;
  const local = loadLocalChart(db, encounterId);
  if (!local) return null;
  const changes = describeChartChanges(local, JSON.parse(row.chart) as ImportedChart);
  return changes.length ? { version: row.version, receivedAt: row.receivedAt, changes } : null;
}
