// Charts enter the server here: shape-checked by the route schema, PHI-guarded, stored verbatim.
import { createHash } from 'node:crypto';
import type { ImportedChart } from '../../shared/chart';
import type { ImportChartResult } from '../../shared/sync/protocol';
import type { ServerDb, SqlExecutor } from '../db/types';
import { guardChart } from '../charts/guard';
import { withFeed } from '../feed';

export async function importCharts(db: ServerDb, teamId: string, charts: ImportedChart[]): Promise<ImportChartResult[]> {
  const results: ImportChartResult[] = [];
  const accepted: Array<{ chart: ImportedChart; data: string; hash: string; index: number }> = [];
  for (const chart of charts) {
    const verdict = guardChart(chart);
    if (!verdict.ok) {
      results.push({ chartId: chart.encounter.id, status: 'refused', kinds: verdict.kinds, reason: 'PHI guard found identifiers' });
      continue;
    }
    const data = JSON.stringify(chart);
    accepted.push({ chart, data, hash: createHash('sha256').update(data).digest('hex'), index: results.length });
    results.push({ chartId: chart.encounter.id, status: 'stored' });
  }
  if (accepted.length === 0) return results;
  // Outcomes by position in the request, so a chart listed twice gets two answers.
  const outcome = new Map<number, ImportChartResult>();
  const seen = new Set<string>();
  await withFeed(db, async (tx) => {
    const ids = accepted.map((a) => a.chart.encounter.id);
    const existing = await tx.query<{ id: string; team_id: string; data_hash: string }>(
      'SELECT id, team_id, data_hash FROM charts WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const byId = new Map(existing.map((r) => [r.id, r]));
    const fresh: typeof accepted = [];
    for (const a of accepted) {
      const id = a.chart.encounter.id;
      if (seen.has(id)) {
        outcome.set(a.index, { chartId: id, status: 'refused', reason: 'Chart appears twice in one import' });
        continue;
      }
      seen.add(id);
      const prev = byId.get(id);
      if (prev && prev.team_id !== teamId) {
        outcome.set(a.index, { chartId: id, status: 'refused', reason: 'Chart id already belongs to another team' });
      } else if (prev && prev.data_hash === a.hash) {
        outcome.set(a.index, { chartId: id, status: 'unchanged' });
      } else if (prev) {
        const version = await tx.emit({ kind: 'chart', entityId: id, chartId: id, teamId });
        await tx.query('UPDATE charts SET data = $2, data_hash = $3, version = $4, updated_at = now() WHERE id = $1', [id, a.data, a.hash, version]);
        await notifyHolders(tx, id, async (userId) => {
          await tx.emit({ kind: 'chart', entityId: id, chartId: id, userId, teamId });
        });
        outcome.set(a.index, { chartId: id, status: 'updated' });
      } else {
        fresh.push(a);
        outcome.set(a.index, { chartId: id, status: 'stored' });
      }
    }
    if (fresh.length === 0) return;
    const seqs = await tx.emitMany(fresh.map((a) => ({ kind: 'chart', entityId: a.chart.encounter.id, chartId: a.chart.encounter.id, teamId })));
    await tx.query(
      `INSERT INTO charts (id, team_id, data, data_hash, version)
       SELECT u.id, $2, u.data, u.hash, u.version FROM unnest($1::uuid[], $3::text[], $4::text[], $5::bigint[]) AS u(id, data, hash, version)`,
      [fresh.map((a) => a.chart.encounter.id), teamId, fresh.map((a) => a.data), fresh.map((a) => a.hash), seqs],
    );
  });
  return results.map((r, i) => outcome.get(i) ?? r);
}

/** Calls `fn` for the coder holding the chart and every auditor sampling it. */
async function notifyHolders(tx: SqlExecutor, chartId: string, fn: (userId: string) => Promise<void>): Promise<void> {
  const rows = await tx.query<{ user_id: string }>(
    `SELECT user_id FROM leases WHERE chart_id = $1 AND state = 'active'
     UNION SELECT auditor_id AS user_id FROM samples WHERE chart_id = $1`,
    [chartId],
  );
  for (const r of rows) await fn(r.user_id);
}

export interface StoredChart {
  id: string;
  teamId: string;
  version: number;
  chart: ImportedChart;
}

export async function getChart(db: SqlExecutor, id: string): Promise<StoredChart | null> {
  const rows = await db.query<{ id: string; team_id: string; version: number; data: string }>(
    'SELECT id, team_id, version, data FROM charts WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, teamId: r.team_id, version: Number(r.version), chart: JSON.parse(r.data) as ImportedChart } : null;
}
