// Sends the outbox to the server in order. Each outbox row becomes one Mutation whose id is the
// row's own UUID, so a push retried after a lost response is answered `duplicate`, never stored
// twice. A row is marked sent only on a verdict that settles it (accepted, duplicate, orphaned);
// a rejected row keeps its reason and is not resent, so one bad row cannot wedge the queue.
import type { JsonValue, Mutation, MutationKind, MutationResult } from '../../shared/sync/protocol';
import { PROTOCOL_LIMITS } from '../../shared/sync/protocol';
import type { SyncClient } from '../../shared/sync/client';
import type { Db } from '../db/open';

interface OutboxRow {
  seq: number;
  id: string;
  entity: string;
  entityId: string;
  op: string;
  payload: string;
  createdAt: string;
  chartId: string | null;
  leaseVersion: number | null;
  fromServer: number;
}

const SQL = {
  // Unsent rows not yet settled, oldest first.
  batch: `SELECT o.seq, o.id, o.entity, o.entity_id AS entityId, o.op, o.payload, o.created_at AS createdAt,
                 s.chart_id AS chartId, s.lease_version AS leaseVersion,
                 (SELECT count(*) FROM sync_charts c WHERE c.chart_id = s.chart_id) AS fromServer
            FROM outbox o LEFT JOIN sync_outbox s ON s.outbox_id = o.id
           WHERE o.sent_at IS NULL AND o.seq > ? AND s.status IS NULL
           ORDER BY o.seq LIMIT ?`,
  // Rows written before the lease was known: the lease the user held on the chart most recently.
  latestLease: 'SELECT lease_version AS v FROM sync_leases WHERE chart_id = ? AND assignee_id = ? ORDER BY version DESC LIMIT 1',
  ensureMeta: 'INSERT INTO sync_outbox (outbox_id, chart_id) VALUES (?, ?) ON CONFLICT(outbox_id) DO NOTHING',
  verdict: 'UPDATE sync_outbox SET status = ?, reason = ?, decided_at = ? WHERE outbox_id = ?',
  sent: 'UPDATE outbox SET sent_at = ? WHERE id = ?',
  attempt: 'UPDATE outbox SET attempts = attempts + 1 WHERE id = ?',
  pending: `SELECT count(*) AS n FROM outbox o JOIN sync_outbox s ON s.outbox_id = o.id JOIN sync_charts c ON c.chart_id = s.chart_id
             WHERE o.sent_at IS NULL AND s.status IS NULL`,
  rejected: "SELECT count(*) AS n, max(reason) AS reason FROM sync_outbox WHERE status = 'rejected'",
} as const;

export interface PushSummary {
  accepted: number;
  duplicate: number;
  orphaned: number;
  rejected: number;
}

export function pendingCount(db: Db): number {
  return (db.prepare(SQL.pending).get() as { n: number }).n;
}

/** Rows the server refused, with one of the reasons; they wait for a person, not a retry. */
export function rejectedSummary(db: Db): string | null {
  const r = db.prepare(SQL.rejected).get() as { n: number; reason: string | null };
  return r.n ? `${r.n} change${r.n === 1 ? ' was' : 's were'} refused by the server (${r.reason ?? 'no reason given'}).` : null;
}

function kindOf(row: OutboxRow, auditor: boolean): MutationKind {
  if (auditor) return 'audit';
  return row.entity === 'encounter' && row.op === 'submit' ? 'submit' : 'decision';
}

function toMutation(db: Db, row: OutboxRow, userId: string, auditor: boolean): Mutation {
  // Audits are judged against the auditor's sample, not a lease.
  const base = auditor ? null : (row.leaseVersion ?? (db.prepare(SQL.latestLease).get(row.chartId, userId) as { v: number } | undefined)?.v ?? null);
  const payload = { entity: row.entity, entityId: row.entityId, op: row.op, data: JSON.parse(row.payload) as JsonValue };
  return { id: row.id, chartId: row.chartId ?? row.entityId, kind: kindOf(row, auditor), baseLeaseVersion: base, payload, createdAt: row.createdAt };
}

/** `auditor`: the signed-in user audits, so every change goes up as an `audit` mutation. */
export async function pushOutbox(db: Db, client: SyncClient, clientId: string, userId: string, auditor = false, batchSize: number = PROTOCOL_LIMITS.maxMutationsPerPush): Promise<PushSummary> {
  const summary: PushSummary = { accepted: 0, duplicate: 0, orphaned: 0, rejected: 0 };
  let after = 0;
  for (;;) {
    const rows = db.prepare(SQL.batch).all(after, batchSize) as OutboxRow[];
    if (rows.length === 0) return summary;
    after = rows[rows.length - 1]!.seq;
    const now = new Date().toISOString();
    const local = rows.filter((r) => !r.fromServer);
    const remote = rows.filter((r) => r.fromServer);
    const mutations = remote.map((r) => toMutation(db, r, userId, auditor));
    db.transaction(() => {
      // Work on charts that never came from the server (demo, local import) stays local.
      for (const r of local) {
        db.prepare(SQL.ensureMeta).run(r.id, r.chartId);
        db.prepare(SQL.verdict).run('local', null, now, r.id);
      }
      for (const r of remote) db.prepare(SQL.attempt).run(r.id);
    })();
    if (mutations.length === 0) continue;
    const { results } = await client.push(clientId, mutations);
    recordResults(db, results, summary);
  }
}

function recordResults(db: Db, results: MutationResult[], summary: PushSummary): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const r of results) {
      summary[r.status]++;
      db.prepare(SQL.verdict).run(r.status, r.reason ?? null, now, r.id);
      if (r.status !== 'rejected') db.prepare(SQL.sent).run(now, r.id);
    }
  })();
}
