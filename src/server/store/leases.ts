// Leases (who may code a chart) and audit samples (which charts an auditor reviews).
// A lead's reassignment always wins: the old lease is revoked, never deleted.
import { randomUUID } from 'node:crypto';
import type { ReassignResult } from '../../shared/sync/protocol';
import type { ServerDb, SqlExecutor } from '../db/types';
import { canManageTeam } from '../access';
import { badRequest, forbidden, notFound } from '../errors';
import { withFeed } from '../feed';
import type { Actor } from './users';

async function chartTeams(tx: SqlExecutor, actor: Actor, chartIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(chartIds)];
  const rows = await tx.query<{ id: string; team_id: string }>('SELECT id, team_id FROM charts WHERE id = ANY($1::uuid[])', [unique]);
  const teams = new Map(rows.map((r) => [r.id, r.team_id]));
  for (const id of unique) {
    const team = teams.get(id);
    // Same answer for "missing" and "not yours" so a lead cannot probe other teams' chart ids.
    if (!team || !canManageTeam(actor, team)) throw notFound(`Chart ${id} not found in your team`);
  }
  return teams;
}

async function targetUser(tx: SqlExecutor, userId: string, role: 'coder' | 'auditor'): Promise<{ id: string; teamId: string | null }> {
  const rows = await tx.query<{ id: string; role: string; team_id: string | null; disabled: boolean }>(
    'SELECT id, role, team_id, disabled FROM users WHERE id = $1',
    [userId],
  );
  const u = rows[0];
  if (!u) throw notFound(`User ${userId} not found`);
  if (u.role !== role) throw badRequest(`User ${userId} is not a ${role}`);
  if (u.disabled) throw badRequest(`User ${userId} is disabled`);
  return { id: u.id, teamId: u.team_id };
}

export async function reassign(db: ServerDb, actor: Actor, chartIds: string[], toUserId: string): Promise<ReassignResult[]> {
  return withFeed(db, async (tx) => {
    const teams = await chartTeams(tx, actor, chartIds);
    const coder = await targetUser(tx, toUserId, 'coder');
    const results: ReassignResult[] = [];
    for (const chartId of [...new Set(chartIds)]) {
      const teamId = teams.get(chartId) as string;
      if (coder.teamId !== teamId) throw forbidden(`User ${toUserId} is not in the chart's team`);
      const active = await tx.query<{ id: string; user_id: string; lease_version: number }>(
        `SELECT id, user_id, lease_version FROM leases WHERE chart_id = $1 AND state = 'active' FOR UPDATE`,
        [chartId],
      );
      const old = active[0];
      if (old && old.user_id === toUserId) {
        results.push({ chartId, status: 'unchanged', leaseId: old.id, leaseVersion: Number(old.lease_version) });
        continue;
      }
      if (old) {
        const v = await tx.emit({ kind: 'lease', entityId: old.id, chartId, userId: old.user_id, teamId });
        await tx.query(`UPDATE leases SET state = 'revoked', version = $2, revoked_at = now() WHERE id = $1`, [old.id, v]);
      }
      const leaseId = randomUUID();
      // The chart row first, so a client applying one page never sees a lease for a chart it lacks.
      await tx.emit({ kind: 'chart', entityId: chartId, chartId, userId: toUserId, teamId });
      const v = await tx.emit({ kind: 'lease', entityId: leaseId, chartId, userId: toUserId, teamId });
      await tx.query(
        `INSERT INTO leases (id, chart_id, user_id, state, lease_version, version, created_by) VALUES ($1, $2, $3, 'active', $4, $4, $5)`,
        [leaseId, chartId, toUserId, v, actor.id],
      );
      results.push({ chartId, status: old ? 'reassigned' : 'assigned', leaseId, leaseVersion: v, ...(old ? { revokedLeaseId: old.id } : {}) });
    }
    return results;
  });
}

export async function addToSample(db: ServerDb, actor: Actor, auditorId: string, chartIds: string[]): Promise<{ added: string[]; alreadySampled: string[] }> {
  return withFeed(db, async (tx) => {
    const teams = await chartTeams(tx, actor, chartIds);
    const auditor = await targetUser(tx, auditorId, 'auditor');
    const added: string[] = [];
    const alreadySampled: string[] = [];
    for (const chartId of [...new Set(chartIds)]) {
      const teamId = teams.get(chartId) as string;
      if (auditor.teamId !== teamId) throw forbidden(`User ${auditorId} is not in the chart's team`);
      const rows = await tx.query(
        'INSERT INTO samples (auditor_id, chart_id, created_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING chart_id',
        [auditorId, chartId, actor.id],
      );
      if (rows.length === 0) {
        alreadySampled.push(chartId);
        continue;
      }
      await tx.emit({ kind: 'chart', entityId: chartId, chartId, userId: auditorId, teamId });
      added.push(chartId);
    }
    return { added, alreadySampled };
  });
}
