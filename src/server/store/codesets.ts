// Code-set version notices: the admin announces a new code-set release and every client hears of it.
import { randomUUID } from 'node:crypto';
import type { ServerDb } from '../db/types';
import { withFeed } from '../feed';

export async function announceCodeSet(db: ServerDb, n: { system: string; fiscalYear: number; codeSetVersion: string; note?: string | null }): Promise<{ id: string; version: number }> {
  return withFeed(db, async (tx) => {
    const id = randomUUID();
    const version = await tx.emit({ kind: 'codeset', entityId: id });
    await tx.query('INSERT INTO code_set_notices (id, system, fiscal_year, code_set_version, note, version) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      n.system,
      n.fiscalYear,
      n.codeSetVersion,
      n.note ?? null,
      version,
    ]);
    return { id, version };
  });
}
