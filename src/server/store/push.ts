// Applies pushed mutations in order, each at most once. Work on a chart whose lease moved away
// from the pusher is kept verbatim as orphaned work for the lead; it is never dropped or merged.
// The whole batch is one transaction: a crash leaves none of it, and a retry applies all of it.
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

interface Known {
  userId: string;
  status: 'accepted' | 'orphaned';
  hash: string;
}

interface LeaseRow {
  chart_id: string;
  state: 'active' | 'revoked';
  lease_version: number;
  version: number;
}

interface Stored {
  m: Mutation;
  payload: string;
  hash: string;
  teamId: string;
  status: 'accepted' | 'orphaned';
  reason?: string;
}

export async function applyPush(db: ServerDb, actor: Actor, clientId: string, mutations: Mutation[], hooks: PushHooks = {}): Promise<MutationResult[]> {
  const results = await withFeed(db, async (tx) => {
    const out = await applyBatch(tx, actor, clientId, mutations);
    if (hooks.beforeCommit) await hooks.beforeCommit();
    return out;
  });
  if (hooks.afterCommit) await hooks.afterCommit();
  return results;
}

async function applyBatch(tx: FeedTx, actor: Actor, clientId: string, mutations: Mutation[]): Promise<MutationResult[]> {
  if (mutations.length === 0) return [];
  const ids = [...new Set(mutations.map((m) => m.id))];
  const chartIds = [...new Set(mutations.map((m) => m.chartId))];
  // One round trip for everything the verdicts depend on (pushes queue on the feed lock, so
  // each statement saved here shortens every other client's wait).
  const [facts] = await tx.query<{ prior: string; charts: string; leases: string; samples: string }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('id', id, 'user_id', user_id, 'status', status, 'content_hash', content_hash)), '[]')::text
          FROM mutations WHERE id = ANY($1::uuid[])) AS prior,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'team_id', team_id)), '[]')::text
          FROM charts WHERE id = ANY($2::uuid[])) AS charts,
       (SELECT coalesce(json_agg(json_build_object('chart_id', chart_id, 'state', state, 'lease_version', lease_version, 'version', version)), '[]')::text
          FROM leases WHERE $4 = 'coder' AND user_id = $3 AND chart_id = ANY($2::uuid[])) AS leases,
       (SELECT coalesce(json_agg(chart_id), '[]')::text
          FROM samples WHERE $4 = 'auditor' AND auditor_id = $3 AND chart_id = ANY($2::uuid[])) AS samples`,
    [ids, chartIds, actor.id, actor.role],
  );
  const priorRows = JSON.parse(facts.prior) as Array<{ id: string; user_id: string; status: 'accepted' | 'orphaned'; content_hash: string }>;
  const chartRows = JSON.parse(facts.charts) as Array<{ id: string; team_id: string }>;
  const leaseRows = JSON.parse(facts.leases) as LeaseRow[];
  const sampleRows = (JSON.parse(facts.samples) as string[]).map((chart_id) => ({ chart_id }));
  const known = new Map<string, Known>(priorRows.map((r) => [r.id, { userId: r.user_id, status: r.status, hash: r.content_hash }]));
  const teamOf = new Map(chartRows.map((r) => [r.id, r.team_id]));
  const sampled = new Set(sampleRows.map((r) => r.chart_id));
  const leasesOf = new Map<string, LeaseRow[]>();
  for (const l of leaseRows) leasesOf.set(l.chart_id, [...(leasesOf.get(l.chart_id) ?? []), l]);

  const results: MutationResult[] = [];
  const stored: Stored[] = [];
  for (const m of mutations) {
    const payload = JSON.stringify(m.payload);
    if (payload.length > PROTOCOL_LIMITS.maxPayloadBytes) {
      results.push({ id: m.id, status: 'rejected', reason: `payload larger than ${PROTOCOL_LIMITS.maxPayloadBytes} bytes` });
      continue;
    }
    const hash = contentHash(m, payload);
    const prior = known.get(m.id);
    if (prior) {
      if (prior.userId !== actor.id || prior.hash !== hash) results.push({ id: m.id, status: 'rejected', reason: 'mutation id already used for different content' });
      else results.push({ id: m.id, status: 'duplicate', original: prior.status, reason: `already ${prior.status}` });
      continue;
    }
    const teamId = teamOf.get(m.chartId);
    // Unknown charts get the same answer as other people's, so ids cannot be probed.
    if (!teamId) {
      results.push({ id: m.id, status: 'rejected', reason: 'chart is not leased to you' });
      continue;
    }
    const verdict = m.kind === 'audit' ? judgeAudit(actor, sampled.has(m.chartId)) : judgeCoding(actor, m, leasesOf.get(m.chartId) ?? []);
    if (verdict.status === 'rejected') {
      results.push({ id: m.id, status: 'rejected', reason: verdict.reason });
      continue;
    }
    known.set(m.id, { userId: actor.id, status: verdict.status, hash });
    stored.push({ m, payload, hash, teamId, status: verdict.status, reason: verdict.status === 'orphaned' ? verdict.reason : undefined });
    results.push(verdict.status === 'accepted' ? { id: m.id, status: 'accepted' } : { id: m.id, status: 'orphaned', reason: verdict.reason });
  }
  await store(tx, actor, clientId, stored);
  return results;
}

async function store(tx: FeedTx, actor: Actor, clientId: string, stored: Stored[]): Promise<void> {
  if (stored.length === 0) return;
  const accepted = stored.filter((s) => s.status === 'accepted');
  const seqs = await tx.emitMany(accepted.map((s) => ({ kind: 'work', entityId: s.m.id, chartId: s.m.chartId, teamId: s.teamId })));
  const versionOf = new Map(accepted.map((s, i) => [s.m.id, seqs[i]]));
  await tx.query(
    `INSERT INTO mutations (id, client_id, user_id, chart_id, kind, base_lease_version, payload, content_hash, client_created_at, status, version, accepted_at)
     SELECT u.id, $2, $3, u.chart_id, u.kind, u.base, u.payload, u.hash, u.created, u.status, u.version, CASE WHEN u.version IS NULL THEN NULL ELSE now() END
       FROM unnest($1::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[])
         AS u(id, chart_id, kind, base, payload, hash, created, status, version)`,
    [
      stored.map((s) => s.m.id),
      clientId,
      actor.id,
      stored.map((s) => s.m.chartId),
      stored.map((s) => s.m.kind),
      stored.map((s) => s.m.baseLeaseVersion),
      stored.map((s) => s.payload),
      stored.map((s) => s.hash),
      stored.map((s) => s.m.createdAt ?? null),
      stored.map((s) => s.status),
      stored.map((s) => versionOf.get(s.m.id) ?? null),
    ],
  );
  const orphans = stored.filter((s) => s.status === 'orphaned');
  if (orphans.length > 0) {
    await tx.query(
      'INSERT INTO orphans (id, mutation_id, chart_id, team_id, reason) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[])',
      [orphans.map(() => randomUUID()), orphans.map((s) => s.m.id), orphans.map((s) => s.m.chartId), orphans.map((s) => s.teamId), orphans.map((s) => s.reason ?? '')],
    );
  }
}

type Verdict = { status: 'accepted' } | { status: 'orphaned' | 'rejected'; reason: string };

function judgeCoding(actor: Actor, m: Mutation, leases: LeaseRow[]): Verdict {
  if (actor.role !== 'coder') return { status: 'rejected', reason: `a ${actor.role} cannot push ${m.kind} mutations` };
  if (m.baseLeaseVersion === null) return { status: 'rejected', reason: 'baseLeaseVersion is required for coding work' };
  if (leases.length === 0) return { status: 'rejected', reason: 'chart is not leased to you' };
  const base = leases.find((l) => Number(l.lease_version) === m.baseLeaseVersion);
  if (!base) return { status: 'rejected', reason: 'baseLeaseVersion does not match any lease you held on this chart' };
  if (base.state === 'active') return { status: 'accepted' };
  return { status: 'orphaned', reason: `lease revoked at version ${Number(base.version)}: the chart was reassigned while this work was offline` };
}

function judgeAudit(actor: Actor, inSample: boolean): Verdict {
  if (actor.role !== 'auditor') return { status: 'rejected', reason: `a ${actor.role} cannot push audit mutations` };
  return inSample ? { status: 'accepted' } : { status: 'rejected', reason: 'chart is not in your audit sample' };
}
