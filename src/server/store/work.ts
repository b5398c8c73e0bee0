// Accepted work (decisions, submissions, audits) as it is sent to leads and auditors.
import type { JsonValue, MutationKind, WorkItem } from '../../shared/sync/protocol';
import type { SqlExecutor } from '../db/types';

interface WorkRow {
  id: string;
  chart_id: string;
  user_id: string;
  kind: MutationKind;
  payload: string;
  version: number;
  accepted_at: Date | string;
}

const COLUMNS = 'id, chart_id, user_id, kind, payload, version, accepted_at';

export function toWorkItem(r: WorkRow): WorkItem {
  return {
    mutationId: r.id,
    chartId: r.chart_id,
    userId: r.user_id,
    kind: r.kind,
    payload: JSON.parse(r.payload) as JsonValue,
    version: Number(r.version),
    acceptedAt: new Date(r.accepted_at).toISOString(),
  };
}

export async function workForCharts(db: SqlExecutor, chartIds: string[]): Promise<Map<string, WorkItem[]>> {
  const out = new Map<string, WorkItem[]>();
  if (chartIds.length === 0) return out;
  const rows = await db.query<WorkRow>(
    `SELECT ${COLUMNS} FROM mutations WHERE chart_id = ANY($1::uuid[]) AND status = 'accepted' ORDER BY version`,
    [chartIds],
  );
  for (const r of rows) {
    const list = out.get(r.chart_id) ?? [];
    list.push(toWorkItem(r));
    out.set(r.chart_id, list);
  }
  return out;
}
