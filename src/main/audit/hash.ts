import { createHash } from 'node:crypto';
import { canonicalJson, type Json } from './canonical';
import type { AuditEvent } from './types';

/** The chain starts from a fixed value so the first event is hashed like every other. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the canonical JSON of every field except the hash itself (prev_hash included). */
export function eventHash(event: Omit<AuditEvent, 'hash'>): string {
  const body: Json = {
    seq: event.seq,
    id: event.id,
    at: event.at,
    userId: event.userId,
    userName: event.userName,
    role: event.role,
    encounterId: event.encounterId,
    action: event.action,
    system: event.system,
    code: event.code,
    evidence: event.evidence.map((e) => ({ documentId: e.documentId, start: e.start, end: e.end, quote: e.quote })),
    reason: event.reason,
    detail: event.detail,
    codeSetVersion: event.codeSetVersion,
    suggestion: event.suggestion,
    prevHash: event.prevHash,
  };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
