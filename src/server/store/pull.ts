// Pull: the changes addressed to a user since their cursor, one page at a time. The page and
// the feed head are read in one statement (one snapshot), so the returned cursor never skips
// a change that was still committing.
import type { ImportedChart } from '../../shared/chart';
import type { Change, PullResponse } from '../../shared/sync/protocol';
import type { SqlExecutor, SqlParam } from '../db/types';
import type { ChangeKind } from '../feed';
import type { Actor } from './users';
import { workByIds, workForCharts } from './work';

interface FeedRow {
  seq: number | null;
  kind: ChangeKind | null;
  entity_id: string | null;
  head: number;
}

const GLOBAL = '(c.user_id IS NULL AND c.team_id IS NULL)';

/** Which feed rows a user may see. Chart rows are also re-checked against current access. */
function audience(actor: Actor): { where: string; params: SqlParam[] } {
  switch (actor.role) {
    case 'admin':
      return { where: 'true', params: [] };
    case 'lead':
      return { where: `((c.team_id = $3 AND (c.kind <> 'chart' OR c.user_id IS NULL)) OR ${GLOBAL})`, params: [actor.teamId] };
    case 'coder':
      return {
        where: `((c.user_id = $3 AND (c.kind = 'lease' OR EXISTS (SELECT 1 FROM leases l WHERE l.chart_id = c.chart_id AND l.user_id = $3 AND l.state = 'active'))) OR ${GLOBAL})`,
        params: [actor.id],
      };
    case 'auditor':
      return {
        where: `(((c.user_id = $3 AND c.kind = 'chart') OR (c.kind = 'work' AND c.user_id IS NULL))
                 AND EXISTS (SELECT 1 FROM samples s WHERE s.chart_id = c.chart_id AND s.auditor_id = $3)
                 OR ${GLOBAL})`,
        params: [actor.id],
      };
  }
}

export async function pull(db: SqlExecutor, actor: Actor, cursor: number, limit: number): Promise<PullResponse> {
  const aud = audience(actor);
  const rows = await db.query<FeedRow>(
    `WITH page AS (
       SELECT c.seq, c.kind, c.entity_id FROM changes c
        WHERE c.seq > $1 AND ${aud.where}
        ORDER BY c.seq LIMIT $2
     )
     SELECT p.seq, p.kind, p.entity_id, h.head
       FROM (SELECT coalesce(max(seq), 0) AS head FROM changes) h
       LEFT JOIN page p ON true
      ORDER BY p.seq`,
    [cursor, limit + 1, ...aud.params],
  );
  const head = Number(rows[0]?.head ?? 0);
  const feed = rows.filter((r): r is FeedRow & { seq: number; kind: ChangeKind; entity_id: string } => r.seq !== null);
  const hasMore = feed.length > limit;
  const pageRows = feed.slice(0, limit).map((r) => ({ seq: Number(r.seq), kind: r.kind, entityId: r.entity_id }));
  const changes = await resolve(db, actor, pageRows);
  // Without more pages the client may jump to the head: nothing below it is addressed to them.
  const next = hasMore ? pageRows[pageRows.length - 1].seq : Math.max(cursor, head);
  return { changes, cursor: next, hasMore };
}

async function resolve(db: SqlExecutor, actor: Actor, rows: Array<{ seq: number; kind: ChangeKind; entityId: string }>): Promise<Change[]> {
  const idsOf = (kind: ChangeKind): string[] => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.entityId))];
  const [charts, leases, notices, work] = await Promise.all([
    chartsVisible(db, actor, idsOf('chart')),
    leasesByIds(db, idsOf('lease')),
    noticesByIds(db, idsOf('codeset')),
    workByIds(db, idsOf('work')),
  ]);
  const chartWork = actor.role === 'auditor' ? await workForCharts(db, [...charts.keys()]) : null;
  const out: Change[] = [];
  for (const r of rows) {
    if (r.kind === 'chart') {
      const c = charts.get(r.entityId);
      if (!c) continue; // access was lost after the page was read
      out.push({ type: 'chart', seq: r.seq, chartId: c.id, teamId: c.teamId, version: c.version, chart: c.chart, ...(chartWork ? { work: chartWork.get(c.id) ?? [] } : {}) });
    } else if (r.kind === 'lease') {
      const l = leases.get(r.entityId);
      if (l) out.push({ ...l, seq: r.seq });
    } else if (r.kind === 'codeset') {
      const n = notices.get(r.entityId);
      if (n) out.push({ ...n, seq: r.seq });
    } else {
      const w = work.get(r.entityId);
      if (w) out.push({ type: 'work', seq: r.seq, work: w });
    }
  }
  return out;
}

interface ChartRow {
  id: string;
  team_id: string;
  version: number;
  data: string;
}

async function chartsVisible(db: SqlExecutor, actor: Actor, ids: string[]): Promise<Map<string, { id: string; teamId: string; version: number; chart: ImportedChart }>> {
  if (ids.length === 0) return new Map();
  let sql = 'SELECT ch.id, ch.team_id, ch.version, ch.data FROM charts ch WHERE ch.id = ANY($1::uuid[])';
  const params: SqlParam[] = [ids];
  if (actor.role === 'coder') {
    sql += ` AND EXISTS (SELECT 1 FROM leases l WHERE l.chart_id = ch.id AND l.user_id = $2 AND l.state = 'active')`;
    params.push(actor.id);
  } else if (actor.role === 'auditor') {
    sql += ' AND EXISTS (SELECT 1 FROM samples s WHERE s.chart_id = ch.id AND s.auditor_id = $2)';
    params.push(actor.id);
  } else if (actor.role === 'lead') {
    sql += ' AND ch.team_id = $2';
    params.push(actor.teamId);
  }
  const rows = await db.query<ChartRow>(sql, params);
  return new Map(rows.map((r) => [r.id, { id: r.id, teamId: r.team_id, version: Number(r.version), chart: JSON.parse(r.data) as ImportedChart }]));
}

async function leasesByIds(db: SqlExecutor, ids: string[]): Promise<Map<string, Omit<Extract<Change, { type: 'lease' }>, 'seq'>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; chart_id: string; user_id: string; state: 'active' | 'revoked'; lease_version: number; version: number }>(
    'SELECT id, chart_id, user_id, state, lease_version, version FROM leases WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { type: 'lease' as const, leaseId: r.id, chartId: r.chart_id, assigneeId: r.user_id, state: r.state, leaseVersion: Number(r.lease_version), version: Number(r.version) },
    ]),
  );
}

async function noticesByIds(db: SqlExecutor, ids: string[]): Promise<Map<string, Omit<Extract<Change, { type: 'codeset' }>, 'seq'>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; system: string; fiscal_year: number; code_set_version: string; note: string | null; version: number }>(
    'SELECT id, system, fiscal_year, code_set_version, note, version FROM code_set_notices WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { type: 'codeset' as const, system: r.system, fiscalYear: Number(r.fiscal_year), codeSetVersion: r.code_set_version, note: r.note, version: Number(r.version) },
    ]),
  );
}
