// Applies pushed mutations in order, each at most once. Work on a chart whose lease moved away
// from the pusher is kept verbatim as orphaned work for the lead; it is never dropped or merged.
import { createHash, randomUUID } from 'node:crypto';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { PROTOCOL_LIMITS } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/types';
import { type FeedTx, withFeed } from '../feed';
import type { Actor } from './users';

export interface PushHooks {
  /** Test seam: runs inside the transaction, after the writes and before COMMIT. */
  beforeCommit?: () => Promise<void>;
  /** Test seam: runs after COMMIT, before the response is sent. */
  afterCommit?: () => Promise<void>;
}

function contentHash(m: Mutation, payloadText: string): string {
  return createHash('sha256').update(JSON.stringify([m.chartId, m.kind, m.baseLeaseVersion])).update('\n').update(payloadText).digest('hex');
}

export async function applyPush(db: ServerDb, actor: Actor, clientId: string, mutations: Mutation[], hooks: PushHooks = {}): Promise<MutationResult[]> {
  const results = await withFeed(db, async (tx) => {
    const out: MutationResult[] = [];
    for (const m of mutations) out.push(await applyOne(tx, actor, clientId, m));
    if (hooks.beforeCommit) await hooks.beforeCommit();
    return out;
  });
  if (hooks.afterCommit) await hooks.afterCommit();
  return results;
}

async function applyOne(tx: FeedTx, actor: Actor, clientId: string, m: Mutation): Promise<MutationResult> {
  const payloadText = JSON.stringify(m.payload);
  if (payloadText.length > PROTOCOL_LIMITS.maxPayloadBytes) {
    return { id: m.id, status: 'rejected', reason: `payload larger than ${PROTOCOL_LIMITS.maxPayloadBytes} bytes` };
  }
  const hash = contentHash(m, payloadText);
  const prior = await tx.query<{ user_id: string; status: 'accepted' | 'orphaned'; content_hash: string }>(
    'SELECT user_id, status, content_hash FROM mutations WHERE id = $1',
    [m.id],
  );
  if (prior[0]) {
    if (prior[0].user_id !== actor.id || prior[0].content_hash !== hash) {
      return { id: m.id, status: 'rejected', reason: 'mutation id already used for different content' };
    }
    return { id: m.id, status: 'duplicate', original: prior[0].status, reason: `already ${prior[0].status}` };
  }

  const charts = await tx.query<{ team_id: string }>('SELECT team_id FROM charts WHERE id = $1', [m.chartId]);
  const teamId = charts[0]?.team_id;
  if (!teamId) return { id: m.id, status: 'rejected', reason: 'chart is not leased to you' };

  const verdict = m.kind === 'audit' ? await judgeAudit(tx, actor, m) : await judgeCoding(tx, actor, m);
  if (verdict.status === 'rejected') return { id: m.id, status: 'rejected', reason: verdict.reason };

  const insert = `INSERT INTO mutations (id, client_id, user_id, chart_id, kind, base_lease_version, payload, content_hash, client_created_at, status, version, accepted_at)
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $11::bigint IS NULL THEN NULL ELSE now() END)`;
  if (verdict.status === 'accepted') {
    const version = await tx.emit({ kind: 'work', entityId: m.id, chartId: m.chartId, teamId });
    await tx.query(insert, [m.id, clientId, actor.id, m.chartId, m.kind, m.baseLeaseVersion, payloadText, hash, m.createdAt ?? null, 'accepted', version]);
    return { id: m.id, status: 'accepted' };
  }
  await tx.query(insert, [m.id, clientId, actor.id, m.chartId, m.kind, m.baseLeaseVersion, payloadText, hash, m.createdAt ?? null, 'orphaned', null]);
  await tx.query('INSERT INTO orphans (id, mutation_id, chart_id, team_id, reason) VALUES ($1, $2, $3, $4, $5)', [randomUUID(), m.id, m.chartId, teamId, verdict.reason]);
  return { id: m.id, status: 'orphaned', reason: verdict.reason };
}

type Verdict = { status: 'accepted' } | { status: 'orphaned' | 'rejected'; reason: string };

async function judgeCoding(tx: FeedTx, actor: Actor, m: Mutation): Promise<Verdict> {
  if (actor.role !== 'coder') return { status: 'rejected', reason: `a ${actor.role} cannot push ${m.kind} mutations` };
  if (m.baseLeaseVersion === null) return { status: 'rejected', reason: 'baseLeaseVersion is required for coding work' };
  const leases = await tx.query<{ state: 'active' | 'revoked'; lease_version: number; version: number }>(
    'SELECT state, lease_version, version FROM leases WHERE chart_id = $1 AND user_id = $2 ORDER BY lease_version',
    [m.chartId, actor.id],
  );
  if (leases.length === 0) return { status: 'rejected', reason: 'chart is not leased to you' };
  const base = leases.find((l) => Number(l.lease_version) === m.baseLeaseVersion);
  if (!base) return { status: 'rejected', reason: 'baseLeaseVersion does not match any lease you held on this chart' };
  if (base.state === 'active') return { status: 'accepted' };
  return { status: 'orphaned', reason: `lease revoked at version ${Number(base.version)}: the chart was reassigned while this work was offline` };
}

async function judgeAudit(tx: FeedTx, actor: Actor, m: Mutation): Promise<Verdict> {
  if (actor.role !== 'auditor') return { status: 'rejected', reason: `a ${actor.role} cannot push audit mutations` };
  const rows = await tx.query('SELECT 1 FROM samples WHERE chart_id = $1 AND auditor_id = $2', [m.chartId, actor.id]);
  return rows.length > 0 ? { status: 'accepted' } : { status: 'rejected', reason: 'chart is not in your audit sample' };
}
