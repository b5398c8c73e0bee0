// What the desktop shows about sync: the status bar (state, pending count, last sync), the sign-in
// view (who, where) and the first-pull progress bar.

export type SyncState = 'offline' | 'online' | 'syncing' | 'error' | 'signed-out';

export interface SyncStatus {
  signedIn: boolean;
  user: string | null;
  serverUrl: string | null;
  state: SyncState;
  /** Local changes not yet accepted (or kept as orphaned work) by the server. */
  pending: number;
  /** Changes the server refused that wait for the coder to retry or discard them (Settings). */
  refused: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Set while the first pull after sign-in runs; `total` is null when the server gives no count. */
  firstPull: { done: number; total: number | null } | null;
}

export interface SyncSignInRequest {
  serverUrl: string;
  user: string;
  password: string;
}
