// Appends events to the hash-chained audit trail. Callers run this inside their own transaction so the
// event commits (or not) together with the change it records.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import type { Json } from './canonical';
import { eventHash, GENESIS_HASH } from './hash';
import { AUDIT_SQL, type AuditRow } from './sql';
import type { AuditEvent, AuditInput } from './types';

export function appendAudit(db: Db, input: AuditInput, now = new Date()): AuditEvent {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records.');
  const last = db.prepare(AUDIT_SQL.last).get() as { seq: number; hash: string } | undefined;
  const base: Omit<AuditEvent, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: now.toISOString(),
    userId: input.user.id,
    userName: input.user.name,
    role: input.user.role,
    encounterId: input.encounterId,
    action: input.action,
    system: input.system ?? null,
    code: input.code ?? null,
    evidence: input.evidence ?? [],
    reason: input.reason ?? null,
    detail: input.detail ?? {},
    codeSetVersion: input.codeSetVersion,
    suggestion: input.suggestion ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const event: AuditEvent = { ...base, hash: eventHash(base) };
  db.prepare(AUDIT_SQL.insert).run({
    ...event,
    evidence: JSON.stringify(event.evidence),
    detail: JSON.stringify(event.detail),
    suggestion: event.suggestion === null ? null : JSON.stringify(event.suggestion),
  });
  db.prepare(AUDIT_SQL.headSet).run(`${event.seq}:${event.hash}`, event.at);
  return event;
}

export function rowToEvent(r: AuditRow): AuditEvent {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    role: r.role,
    encounterId: r.encounter_id,
    action: r.action,
    system: r.system,
    code: r.code,
    evidence: JSON.parse(r.evidence) as AuditEvent['evidence'],
    reason: r.reason,
    detail: JSON.parse(r.detail) as AuditEvent['detail'],
    codeSetVersion: r.code_set_version,
    suggestion: r.suggestion === null ? null : (JSON.parse(r.suggestion) as Json),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function* iterateAudit(db: Db, encounterId?: string): Generator<AuditEvent> {
  const stmt = encounterId ? db.prepare(AUDIT_SQL.byEncounter).bind(encounterId) : db.prepare(AUDIT_SQL.all);
  for (const row of stmt.iterate() as IterableIterator<AuditRow>) yield rowToEvent(row);
}
