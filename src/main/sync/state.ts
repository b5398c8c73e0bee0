// The install's sync bookkeeping in `sync_state` (one row). All SQL for that table lives here.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';

export interface SyncStateRow {
  clientId: string;
  serverUrl: string | null;
  userId: string | null;
  userName: string | null;
  userRole: string | null;
  cursor: number;
  firstPullDone: boolean;
  tokenBlob: Buffer | null;
  lastSyncAt: string | null;
  lastError: string | null;
}

const SQL = {
  get: `SELECT client_id AS clientId, server_url AS serverUrl, user_id AS userId, user_name AS userName, user_role AS userRole,
               cursor, first_pull_done AS firstPullDone, token_blob AS tokenBlob, last_sync_at AS lastSyncAt, last_error AS lastError
          FROM sync_state WHERE id = 1`,
  init: 'INSERT INTO sync_state (id, client_id) VALUES (1, ?) ON CONFLICT(id) DO NOTHING',
  signIn: `UPDATE sync_state SET server_url = @serverUrl, user_id = @userId, user_name = @userName, user_role = @userRole,
             cursor = CASE WHEN server_url IS @serverUrl AND user_id IS @userId THEN cursor ELSE 0 END,
             first_pull_done = CASE WHEN server_url IS @serverUrl AND user_id IS @userId THEN first_pull_done ELSE 0 END,
             last_error = NULL WHERE id = 1`,
  cursor: 'UPDATE sync_state SET cursor = ? WHERE id = 1',
  firstPullDone: 'UPDATE sync_state SET first_pull_done = 1 WHERE id = 1',
  token: 'UPDATE sync_state SET token_blob = ? WHERE id = 1',
  result: 'UPDATE sync_state SET last_sync_at = coalesce(?, last_sync_at), last_error = ? WHERE id = 1',
} as const;

export class SyncStateStore {
  constructor(private readonly db: Db) {
    db.prepare(SQL.init).run(randomUUID());
  }

  get(): SyncStateRow {
    const row = this.db.prepare(SQL.get).get() as Omit<SyncStateRow, 'firstPullDone'> & { firstPullDone: number };
    return { ...row, firstPullDone: row.firstPullDone === 1 };
  }

  /** A different server or user starts from cursor 0; the same one resumes where it stopped. */
  signIn(v: { serverUrl: string; userId: string; userName: string; userRole: string }): void {
    this.db.prepare(SQL.signIn).run(v);
  }

  /** Call inside the transaction that applied the page. */
  saveCursor(cursor: number): void {
    this.db.prepare(SQL.cursor).run(cursor);
  }

  markFirstPullDone(): void {
    this.db.prepare(SQL.firstPullDone).run();
  }

  saveTokenBlob(blob: Buffer | null): void {
    this.db.prepare(SQL.token).run(blob);
  }

  saveResult(syncedAt: string | null, error: string | null): void {
    this.db.prepare(SQL.result).run(syncedAt, error);
  }
}
