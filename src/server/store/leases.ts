// Leases (who may code a chart) and audit samples (which charts an auditor reviews).
// A lead's reassignment always wins: the old lease is revoked, never deleted.
import { randomUUID } from 'node:crypto';
import type { ReassignResult } from '../../shared/sync/protocol';
import type { ServerDb, SqlExecutor } from '../db/types';
import { canManageTeam } from '../access';
import { badRequest, forbidden, notFound } from '../errors';
import { type FeedEntry, withFeed } from '../feed';
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
    const unique = [...new Set(chartIds)];
    for (const chartId of unique) {
      if (coder.teamId !== teams.get(chartId)) throw forbidden(`User ${toUserId} is not in the chart's team`);
    }
    const activeRows = await tx.query<{ id: string; chart_id: string; user_id: string; lease_version: number }>(
      `SELECT id, chart_id, user_id, lease_version FROM leases WHERE chart_id = ANY($1::uuid[]) AND state = 'active' FOR UPDATE`,
      [unique],
    );
    const active = new Map(activeRows.map((r) => [r.chart_id, r]));
    const moving = unique.filter((id) => active.get(id)?.user_id !== toUserId);
    // Per chart, in feed order: the old holder's revocation, then the chart and the new lease
    // for the new holder (chart first, so no client sees a lease for a chart it lacks).
    const entries: FeedEntry[] = [];
    const newLease = new Map(moving.map((id) => [id, randomUUID()]));
    for (const chartId of moving) {
      const teamId = teams.get(chartId) as string;
      const old = active.get(chartId);
      if (old) entries.push({ kind: 'lease', entityId: old.id, chartId, userId: old.user_id, teamId });
      entries.push({ kind: 'chart', entityId: chartId, chartId, userId: toUserId, teamId });
      entries.push({ kind: 'lease', entityId: newLease.get(chartId) as string, chartId, userId: toUserId, teamId });
    }
    const seqs = await tx.emitMany(entries);
    const seqOf = new Map(entries.map((e, i) => [e.entityId + e.kind + (e.userId ?? ''), seqs[i]]));
    const revoked = moving.flatMap((id) => {
      const old = active.get(id);
      return old ? [{ id: old.id, version: seqOf.get(old.id + 'lease' + old.user_id) as number }] : [];
    });
    if (revoked.length > 0) {
      await tx.query(
        `UPDATE leases SET state = 'revoked', version = u.version, revoked_at = now()
           FROM unnest($1::uuid[], $2::bigint[]) AS u(id, version) WHERE leases.id = u.id`,
        [revoked.map((r) => r.id), revoked.map((r) => r.version)],
      );
    }
    if (moving.length > 0) {
      await tx.query(
        `INSERT INTO leases (id, chart_id, user_id, state, lease_version, version, created_by)
         SELECT u.id, u.chart_id, $2, 'active', u.v, u.v, $3 FROM unnest($1::uuid[], $4::uuid[], $5::bigint[]) AS u(id, chart_id, v)`,
        [
          moving.map((id) => newLease.get(id) as string),
          toUserId,
          actor.id,
          moving,
          moving.map((id) => seqOf.get((newLease.get(id) as string) + 'lease' + toUserId) as number),
        ],
      );
    }
    return unique.map((chartId): ReassignResult => {
      const old = active.get(chartId);
      if (old && old.user_id === toUserId) return { chartId, status: 'unchanged', leaseId: old.id, leaseVersion: Number(old.lease_version) };
      const leaseId = newLease.get(chartId) as string;
      const leaseVersion = seqOf.get(leaseId + 'lease' + toUserId) as number;
      return old ? { chartId, status: 'reassigned', leaseId, leaseVersion, revokedLeaseId: old.id } : { chartId, status: 'assigned', leaseId, leaseVersion };
    });
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
