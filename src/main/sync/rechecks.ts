// Review items a load of a newer server version flagged for re-review (migration 011,
// `review_rechecks`): the load writes the flags; the chart view and the review's submit gate read
// the open ones. A flag stays open until the coder decides on the item again after the load; undoing
// that decision opens it again, since the answer it gave is gone.
import type { EvidenceSpan } from '../../shared/review/types';
import type { Db } from '../db/open';
import type { RecheckFlag } from './load-plan';

const SQL = {
  open: `SELECT r.item_id AS itemId, r.evidence_lost AS lost, r.code_removed AS codeRemoved, r.server_version AS serverVersion
           FROM review_rechecks r
          WHERE r.encounter_id = ?
            AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.item_id = r.item_id AND d.audit_seq > r.audit_seq AND d.undone_audit_seq IS NULL)`,
  upsert: `INSERT INTO review_rechecks (item_id, encounter_id, evidence_lost, code_removed, server_version, audit_seq, flagged_at)
           VALUES (@itemId, @encounterId, @lost, @codeRemoved, @serverVersion, @auditSeq, @now)
           ON CONFLICT(item_id) DO UPDATE SET evidence_lost = excluded.evidence_lost, code_removed = excluded.code_removed,
             server_version = excluded.server_version, audit_seq = excluded.audit_seq, flagged_at = excluded.flagged_at`,
  clear: 'DELETE FROM review_rechecks WHERE item_id = ?',
} as const;

export interface OpenRecheckRow {
  itemId: string;
  /** The quotes taken off the item, with their offsets in the text before the load. */
  lost: EvidenceSpan[];
  codeRemoved: boolean;
  serverVersion: number;
}

/** Flags of this chart the coder has not yet answered with a new decision on the item. */
export function openRechecks(db: Db, encounterId: string): OpenRecheckRow[] {
  const rows = db.prepare(SQL.open).all(encounterId) as Array<{ itemId: string; lost: string; codeRemoved: number; serverVersion: number }>;
  return rows.map((r) => ({ itemId: r.itemId, lost: JSON.parse(r.lost) as EvidenceSpan[], codeRemoved: r.codeRemoved === 1, serverVersion: r.serverVersion }));
}

/** Inside the load's transaction: `auditSeq` is its audit event, after which a decision answers the flag. */
export function writeRechecks(db: Db, p: { encounterId: string; flags: readonly RecheckFlag[]; clear: readonly string[]; serverVersion: number; auditSeq: number; now: string }): void {
  if (!db.inTransaction) throw new Error('writeRechecks must run inside the transaction of the load.');
  const upsert = db.prepare(SQL.upsert);
  for (const f of p.flags) {
    upsert.run({ itemId: f.itemId, encounterId: p.encounterId, lost: JSON.stringify(f.lost), codeRemoved: f.codeRemoved ? 1 : 0, serverVersion: p.serverVersion, auditSeq: p.auditSeq, now: p.now });
  }
  const clear = db.prepare(SQL.clear);
  for (const id of p.clear) clear.run(id);
}
