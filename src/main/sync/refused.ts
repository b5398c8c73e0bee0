// Changes the server refused (`sync_outbox.status = 'rejected'`), for a coder to look at, send again
// or give up sending. Neither retry nor discard touches the local decision or the outbox row's
// content: a refused change is the coder's work and stays in the database whatever they choose.
import { REFUSED_LIMITS, type RefusedChange, type RefusedList } from '../../shared/sync/refused';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/open';
import { patientLabel } from '../importing/store';
import type { LocalUser } from '../worklist/users';
import { describeChange, type ChangeFacts } from './describe';

interface FactsRow extends ChangeFacts {
  outboxId: string;
  chartId: string | null;
  serverReason: string | null;
  createdAt: string;
}

interface RefusedRow extends FactsRow {
  refusedAt: string | null;
  title: string | null;
  patientId: string | null;
}

// Ids travel as one JSON array (json_each), so a request of any allowed size is one statement.
// Payload fields are read in SQL: a refused payload can be large (up to the server's cap and beyond),
// and only a handful of its fields describe it. json_valid guards rows written by other tools.
const FACTS = `o.entity, o.op,
  CASE WHEN json_valid(o.payload) THEN coalesce(json_extract(o.payload, '$.after.system'), json_extract(o.payload, '$.restored.system')) END AS system,
  CASE WHEN json_valid(o.payload) THEN coalesce(json_extract(o.payload, '$.after.code'), json_extract(o.payload, '$.restored.code')) END AS code,
  CASE WHEN json_valid(o.payload) THEN json_extract(o.payload, '$.after.replacedCode') END AS replacedCode,
  CASE WHEN json_valid(o.payload) THEN json_extract(o.payload, '$.after.reason') END AS reason,
  CASE WHEN json_valid(o.payload) THEN json_extract(o.payload, '$.to') END AS toStatus,
  CASE WHEN json_valid(o.payload) AND json_type(o.payload, '$.codes') = 'array' THEN json_array_length(o.payload, '$.codes') END AS codeCount,
  CASE WHEN json_valid(o.payload) AND json_type(o.payload, '$.version') = 'integer' THEN json_extract(o.payload, '$.version') END AS version`;

const SQL = {
  list: `SELECT o.id AS outboxId, s.chart_id AS chartId, s.reason AS serverReason, o.created_at AS createdAt, s.decided_at AS refusedAt,
                e.title, e.patient_id AS patientId, ${FACTS}
           FROM sync_outbox s JOIN outbox o ON o.id = s.outbox_id LEFT JOIN encounters e ON e.id = s.chart_id
          WHERE s.status = 'rejected'
          ORDER BY o.seq DESC LIMIT ?`,
  count: "SELECT count(*) AS n FROM sync_outbox WHERE status = 'rejected'",
  known: 'SELECT s.outbox_id AS id FROM sync_outbox s JOIN json_each(?) j ON j.value = s.outbox_id',
  // The refusal said the lease the change was stamped with is not one the server knows for this
  // user (work under a lease later revoked is orphaned, not refused). Sending it again is the coder's
  // explicit choice, so it goes under the lease they hold now, if any; otherwise it keeps its stamp.
  retry: `UPDATE sync_outbox
             SET status = NULL,
                 lease_version = coalesce((SELECT l.lease_version FROM sync_leases l
                                            WHERE l.chart_id = sync_outbox.chart_id AND l.assignee_id = @userId AND l.state = 'active'
                                            ORDER BY l.version DESC LIMIT 1), lease_version)
           WHERE status = 'rejected' AND outbox_id IN (SELECT value FROM json_each(@ids))`,
  toDiscard: `SELECT s.outbox_id AS outboxId, s.chart_id AS chartId, s.reason AS serverReason, o.created_at AS createdAt, ${FACTS}
                FROM sync_outbox s JOIN outbox o ON o.id = s.outbox_id
               WHERE s.status = 'rejected' AND s.outbox_id IN (SELECT value FROM json_each(?))
               ORDER BY o.seq`,
  discard: "UPDATE sync_outbox SET status = 'discarded' WHERE outbox_id = ? AND status = 'rejected'",
} as const;

/** Audit action recorded when a coder gives up sending a refused change. */
export const DISCARD_AUDIT_ACTION = 'sync_discard';

export function refusedCount(db: Db): number {
  return (db.prepare(SQL.count).get() as { n: number }).n;
}

export function listRefused(db: Db, limit: number = REFUSED_LIMITS.listed): RefusedList {
  const rows = db.prepare(SQL.list).all(limit) as RefusedRow[];
  const changes = rows.map(
    (r): RefusedChange => ({
      outboxId: r.outboxId,
      chartId: r.chartId,
      chart: r.title !== null && r.patientId !== null ? { title: r.title, patientLabel: patientLabel(r.patientId) } : null,
      change: describeChange(r),
      reason: r.serverReason,
      createdAt: r.createdAt,
      refusedAt: r.refusedAt,
    }),
  );
  return { changes, total: rows.length < limit ? rows.length : refusedCount(db) };
}

/** A request's ids: a non-empty array of short strings, at most REFUSED_LIMITS.maxIds, duplicates dropped. */
export function checkRefusedIds(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new Error('Which changes? Expected a list of change ids.');
  if (raw.length > REFUSED_LIMITS.maxIds) throw new Error(`At most ${REFUSED_LIMITS.maxIds} changes at a time; ${raw.length} were given.`);
  for (const id of raw) {
    if (typeof id !== 'string' || id === '' || id.length > REFUSED_LIMITS.maxIdLength) throw new Error('Each change id must be a short text id.');
  }
  return [...new Set(raw as string[])];
}

/** Throws, naming the first few, when some ids are not outbox rows on this install. */
function assertKnown(db: Db, ids: string[]): void {
  const known = new Set((db.prepare(SQL.known).all(JSON.stringify(ids)) as Array<{ id: string }>).map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const named = unknown.slice(0, 3).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '');
  throw new Error(`${unknown.length === 1 ? 'This change is' : `${unknown.length} of these changes are`} not on this install: ${named}. Nothing was changed.`);
}

/**
 * Puts refused rows back in the push queue. Ids of rows no longer refused (already retried or
 * discarded) are left alone; an unknown id refuses the whole request. Returns the rows changed.
 * `userId` is the signed-in server user, whose current lease the retried rows go under.
 */
export function retryRefused(db: Db, rawIds: unknown, userId: string | null): number {
  const ids = checkRefusedIds(rawIds);
  return db
    .transaction(() => {
      assertKnown(db, ids);
      return db.prepare(SQL.retry).run({ ids: JSON.stringify(ids), userId }).changes;
    })
    .immediate();
}

/**
 * Marks refused rows 'discarded': never pushed again, not counted as refused, and each one recorded in
 * the audit trail by `user`. The row, its reason and the local decision it carries all stay.
 */
export function discardRefused(db: Db, rawIds: unknown, user: LocalUser): number {
  const ids = checkRefusedIds(rawIds);
  return db
    .transaction(() => {
      assertKnown(db, ids);
      const rows = db.prepare(SQL.toDiscard).all(JSON.stringify(ids)) as FactsRow[];
      const discard = db.prepare(SQL.discard);
      for (const r of rows) {
        discard.run(r.outboxId);
        appendAudit(db, {
          user,
          encounterId: r.chartId,
          action: DISCARD_AUDIT_ACTION,
          system: r.system,
          code: r.code,
          detail: { outboxId: r.outboxId, change: describeChange(r), madeAt: r.createdAt, serverReason: r.serverReason },
          codeSetVersion: null,
        });
      }
      return rows.length;
    })
    .immediate();
}
