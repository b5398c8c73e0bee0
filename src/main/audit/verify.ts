// Walks the chain from the first event. An edited event no longer matches its hash; a deleted one
// leaves a gap in seq and a prev_hash that points nowhere; reordered events break prev_hash; a cut-off
// tail disagrees with the head recorded beside the log.
import type { Db } from '../db/open';
import { eventHash, GENESIS_HASH } from './hash';
import { rowToEvent } from './log';
import { AUDIT_SQL, type AuditRow } from './sql';
import type { AuditVerifyResult } from './types';

export function verifyAudit(db: Db): AuditVerifyResult {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let n = 0;
  for (const row of db.prepare(AUDIT_SQL.all).iterate() as IterableIterator<AuditRow>) {
    const bad = (problem: string): AuditVerifyResult => ({ ok: false, events: n, firstBadSeq: row.seq, problem });
    if (row.seq !== expectedSeq) return bad(`expected event ${expectedSeq} but found ${row.seq}: events are missing or were renumbered`);
    if (row.prev_hash !== prev) return bad(`event ${row.seq} does not follow event ${row.seq - 1}: an event before it was changed, removed or moved`);
    let computed: string;
    try {
      computed = eventHash(rowToEvent(row));
    } catch {
      return bad(`event ${row.seq} is not well-formed`);
    }
    if (computed !== row.hash) return bad(`event ${row.seq} was changed after it was written (hash mismatch)`);
    prev = row.hash;
    expectedSeq++;
    n++;
  }
  const head = (db.prepare(AUDIT_SQL.headGet).get() as { value: string } | undefined)?.value;
  if (head !== undefined && head !== `${n}:${prev}`) {
    const headSeq = Number(head.split(':')[0]);
    if (!Number.isInteger(headSeq) || headSeq === n) return { ok: false, events: n, firstBadSeq: n, problem: `the last event does not match the recorded head of the log` };
    if (headSeq > n) return { ok: false, events: n, firstBadSeq: n + 1, problem: `the log ends at event ${n} but ${headSeq} events were recorded: events were removed from the end` };
    return { ok: false, events: n, firstBadSeq: headSeq + 1, problem: `events after ${headSeq} were added outside Plumbline` };
  }
  return { ok: true, events: n, headHash: prev };
}
