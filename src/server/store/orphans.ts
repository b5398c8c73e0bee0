// Orphaned work: what a coder did offline on a chart that was reassigned meanwhile. The lead
// sees it verbatim and decides: apply (it joins the chart's record) or discard (kept, marked).
import type { JsonValue, MutationKind, OrphanedWork } from '../../shared/sync/protocol';
import type { ServerDb, SqlExecutor } from '../db/types';
import { canManageTeam } from '../access';
import { conflict, notFound } from '../errors';
import { withFeed } from '../feed';
import type { Actor } from './users';

interface OrphanRow {
  id: string;
  mutation_id: string;
  chart_id: string;
  team_id: string;
  user_id: string;
  user_name: string;
  kind: MutationKind;
  base_lease_version: number | null;
  payload: string;
  reason: string;
  received_at: Date | string;
  resolution: 'apply' | 'discard' | null;
  resolution_note: string | null;
  resolver_name: string | null;
  resolved_at: Date | string | null;
}

const SELECT = `SELECT o.id, o.mutation_id, o.chart_id, o.team_id, m.user_id, u.name AS user_name, m.kind, m.base_lease_version,
                       m.payload, o.reason, m.received_at, o.resolution, o.resolution_note, r.name AS resolver_name, o.resolved_at
                  FROM orphans o JOIN mutations m ON m.id = o.mutation_id JOIN users u ON u.id = m.user_id
                  LEFT JOIN users r ON r.id = o.resolved_by`;

function toOrphan(r: OrphanRow): OrphanedWork {
  return {
    id: r.id,
    mutationId: r.mutation_id,
    chartId: r.chart_id,
    userId: r.user_id,
    userName: r.user_name,
    kind: r.kind,
    baseLeaseVersion: r.base_lease_version === null ? null : Number(r.base_lease_version),
    payload: JSON.parse(r.payload) as JsonValue,
    reason: r.reason,
    receivedAt: new Date(r.received_at).toISOString(),
    resolution:
      r.resolution === null
        ? null
        : { action: r.resolution, note: r.resolution_note ?? '', by: r.resolver_name ?? '', at: new Date(r.resolved_at ?? 0).toISOString() },
  };
}

export async function listOrphans(db: SqlExecutor, actor: Actor, status: 'open' | 'resolved' | 'all'): Promise<OrphanedWork[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (actor.role !== 'admin') {
    params.push(actor.teamId ?? '00000000-0000-0000-0000-000000000000');
    where.push(`o.team_id = $${params.length}`);
  }
  if (status === 'open') where.push('o.resolved_at IS NULL');
  if (status === 'resolved') where.push('o.resolved_at IS NOT NULL');
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.received_at, o.id`;
  const rows = await db.query<OrphanRow>(sql, params);
  return rows.map(toOrphan);
}

export async function resolveOrphan(db: ServerDb, actor: Actor, orphanId: string, action: 'apply' | 'discard', note: string): Promise<OrphanedWork> {
  return withFeed(db, async (tx) => {
    const rows = await tx.query<OrphanRow>(`${SELECT} WHERE o.id = $1 FOR UPDATE OF o`, [orphanId]);
    const row = rows[0];
    if (!row || !canManageTeam(actor, row.team_id)) throw notFound('Orphaned work not found in your team');
    if (row.resolution !== null) throw conflict(`Already resolved (${row.resolution})`);
    if (action === 'apply') {
      const version = await tx.emit({ kind: 'work', entityId: row.mutation_id, chartId: row.chart_id, teamId: row.team_id });
      await tx.query(`UPDATE mutations SET status = 'accepted', version = $2, accepted_at = now() WHERE id = $1`, [row.mutation_id, version]);
    }
    await tx.query('UPDATE orphans SET resolution = $2, resolution_note = $3, resolved_by = $4, resolved_at = now() WHERE id = $1', [orphanId, action, note, actor.id]);
    const after = await tx.query<OrphanRow>(`${SELECT} WHERE o.id = $1`, [orphanId]);
    return toOrphan(after[0]);
  });
}
