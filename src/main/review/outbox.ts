// Local writes the server must hear about. Always called inside the transaction of the write itself, so
// a change and its outbox row commit together or not at all.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';

export interface OutboxEntry {
  entity: string;
  entityId: string;
  op: string;
  payload: unknown;
}

export function enqueueOutbox(db: Db, entry: OutboxEntry, now = new Date()): void {
  if (!db.inTransaction) throw new Error('enqueueOutbox must run inside the transaction of the change it carries.');
  db.prepare('INSERT INTO outbox (id, entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    randomUUID(),
    entry.entity,
    entry.entityId,
    entry.op,
    JSON.stringify(entry.payload),
    now.toISOString(),
  );
}
