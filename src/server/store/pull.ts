// Pull: the changes addressed to a user since their cursor, one page at a time. The page, the
// rows it refers to and the feed head are read in one statement (one snapshot): access checks
// and content agree, and the returned cursor never skips a change that was still committing.
import type { Change, JsonValue, MutationKind, PullResponse, WorkItem } from '../../shared/sync/protocol';
import type { SqlExecutor, SqlParam } from '../db/types';
import type { ChangeKind } from '../feed';
import type { Actor } from './users';
import { workForCharts } from './work';

interface Row {
  head: number;
  seq: number | null;
  kind: ChangeKind | null;
  entity_id: string;
  chart_team: string | null;
  chart_version: number | null;
  chart_data: string | null;
  lease_chart: string | null;
  lease_user: string;
  lease_state: 'active' | 'revoked';
  lease_version: number;
  lease_row_version: number;
  cs_system: string | null;
  cs_fiscal_year: number;
  cs_version: string;
  cs_note: string | null;
  cs_row_version: number;
  cs_created_at: Date | string;
  work_chart: string | null;
  work_user: string;
  work_kind: MutationKind;
  work_payload: string;
  work_version: number;
  work_accepted_at: Date | string;
}

const GLOBAL = '(c.user_id IS NULL AND c.team_id IS NULL)';

/** Which feed rows a user may see, judged on current leases and samples. */
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
        where: `((((c.user_id = $3 AND c.kind = 'chart') OR (c.kind = 'work' AND c.user_id IS NULL))
                 AND EXISTS (SELECT 1 FROM samples s WHERE s.chart_id = c.chart_id AND s.auditor_id = $3))
                 OR ${GLOBAL})`,
        params: [actor.id],
      };
  }
}

export async function pull(db: SqlExecutor, actor: Actor, cursor: number, limit: number): Promise<PullResponse> {
  return JSON.parse(await pullJson(db, actor, cursor, limit)) as PullResponse;
}

/**
 * The pull response as JSON text. Chart bodies are stored as the JSON text they arrived as, so
 * they are spliced in verbatim instead of being parsed and re-serialised (most of a first sync).
 */
export async function pullJson(db: SqlExecutor, actor: Actor, cursor: number, limit: number): Promise<string> {
  const aud = audience(actor);
  const rows = await db.query<Row>(
    `WITH page AS (
       SELECT c.seq, c.kind, c.entity_id FROM changes c
        WHERE c.seq > $1 AND ${aud.where}
        ORDER BY c.seq LIMIT $2
     )
     SELECT h.head, p.seq, p.kind, p.entity_id,
            ch.team_id AS chart_team, ch.version AS chart_version, ch.data AS chart_data,
            l.chart_id AS lease_chart, l.user_id AS lease_user, l.state AS lease_state, l.lease_version, l.version AS lease_row_version,
            n.system AS cs_system, n.fiscal_year AS cs_fiscal_year, n.code_set_version AS cs_version, n.note AS cs_note, n.version AS cs_row_version, n.created_at AS cs_created_at,
            m.chart_id AS work_chart, m.user_id AS work_user, m.kind AS work_kind, m.payload AS work_payload, m.version AS work_version, m.accepted_at AS work_accepted_at
       FROM (SELECT coalesce(max(seq), 0) AS head FROM changes) h
       LEFT JOIN page p ON true
       LEFT JOIN charts ch ON p.kind = 'chart' AND ch.id = p.entity_id
       LEFT JOIN leases l ON p.kind = 'lease' AND l.id = p.entity_id
       LEFT JOIN code_set_notices n ON p.kind = 'codeset' AND n.id = p.entity_id
       LEFT JOIN mutations m ON p.kind = 'work' AND m.id = p.entity_id AND m.status = 'accepted'
      ORDER BY p.seq`,
    [cursor, limit + 1, ...aud.params],
  );
  const head = Number(rows[0]?.head ?? 0);
  const feed = rows.filter((r) => r.seq !== null);
  const hasMore = feed.length > limit;
  const page = feed.slice(0, limit);
  const work = actor.role === 'auditor' ? await workForCharts(db, [...new Set(page.filter((r) => r.kind === 'chart').map((r) => r.entity_id))]) : null;
  const parts: string[] = [];
  for (const r of page) {
    const c = toChangeJson(r, work);
    if (c) parts.push(c);
  }
  // Without more pages the client may jump to the head: nothing below it is addressed to them.
  const next = hasMore ? Number(page[page.length - 1].seq) : Math.max(cursor, head);
  return `{"changes":[${parts.join(',')}],"cursor":${next},"hasMore":${hasMore}}`;
}

function toChangeJson(r: Row, work: Map<string, WorkItem[]> | null): string | null {
  if (r.kind !== 'chart') {
    const c = toChange(r);
    return c ? JSON.stringify(c) : null;
  }
  if (r.chart_data === null || r.chart_team === null) return null;
  const head = JSON.stringify({ type: 'chart', seq: Number(r.seq), chartId: r.entity_id, teamId: r.chart_team, version: Number(r.chart_version) });
  const extra = work ? `,"work":${JSON.stringify(work.get(r.entity_id) ?? [])}` : '';
  return `${head.slice(0, -1)},"chart":${r.chart_data}${extra}}`;
}

function toChange(r: Row): Exclude<Change, { type: 'chart' }> | null {
  const seq = Number(r.seq);
  switch (r.kind) {
    case 'lease':
      if (r.lease_chart === null) return null;
      return {
        type: 'lease',
        seq,
        leaseId: r.entity_id,
        chartId: r.lease_chart,
        assigneeId: r.lease_user,
        state: r.lease_state,
        leaseVersion: Number(r.lease_version),
        version: Number(r.lease_row_version),
      };
    case 'codeset':
      if (r.cs_system === null) return null;
      return {
        type: 'codeset',
        seq,
        system: r.cs_system,
        fiscalYear: Number(r.cs_fiscal_year),
        codeSetVersion: r.cs_version,
        note: r.cs_note,
        version: Number(r.cs_row_version),
        announcedAt: new Date(r.cs_created_at).toISOString(),
      };
    case 'work':
      if (r.work_chart === null) return null;
      return {
        type: 'work',
        seq,
        work: {
          mutationId: r.entity_id,
          chartId: r.work_chart,
          userId: r.work_user,
          kind: r.work_kind,
          payload: JSON.parse(r.work_payload) as JsonValue,
          version: Number(r.work_version),
          acceptedAt: new Date(r.work_accepted_at).toISOString(),
        },
      };
    default:
      return null;
  }
}

