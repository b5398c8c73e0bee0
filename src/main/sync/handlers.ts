// The desktop's sync commands: sign in / out, status for the status bar (with the code-set releases
// the organisation announced that this install lacks), "sync now", the changes the server refused
// (list, retry, discard), and loading a newer server version of a chart onto the work on it. The
// composition root creates this with the open database and the OS vault (null in plain Node, where
// tokens then stay in memory and a restart means signing in again).
import type { BackoffOptions } from '../../shared/sync/backoff';
import { SyncError } from '../../shared/sync/client';
import type { RefusedList, RefusedRequest, RefusedResult } from '../../shared/sync/refused';
import type { SyncSignInRequest, SyncStatus } from '../../shared/sync/status';
import type { Db } from '../db/open';
import type { SecretVault } from '../suggest/settings';
import { localUser } from '../worklist/users';
import type { InstalledCodeSet } from './codeset-compare';
import { SyncEngine, type EngineOptions } from './engine';
import { loadServerUpdate, type LoadResult } from './load-update';
import { SyncLoop } from './loop';
import { rejectedSummary } from './push';
import { discardRefused, listRefused, retryRefused } from './refused';
import { SyncStateStore } from './state';
import { TokenStore } from './tokens';

export interface SyncDeps {
  db: Db;
  dataDir: string;
  vault: SecretVault | null;
  /** The loaded code set, against which announced code-set releases are judged; absent: none loaded. */
  codeSet?: InstalledCodeSet | null;
}

export interface SyncOptions extends EngineOptions {
  /** Between successful syncs (default 30 s). */
  intervalMs?: number;
  backoff?: BackoffOptions;
}

export interface SyncHandlers {
  syncStatus(): SyncStatus;
  syncSignIn(req: SyncSignInRequest): Promise<SyncStatus>;
  syncSignOut(): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  syncRefusedList(): RefusedList;
  /** Back in the push queue; when signed in, a sync runs at once and the answer reflects it. */
  syncRefusedRetry(req: RefusedRequest): Promise<RefusedResult>;
  syncRefusedDiscard(req: RefusedRequest): RefusedResult;
  /** Loads the waiting server version of a chart, keeping the coder's work (load-update.ts); the caller shows the chart again. */
  loadServerUpdate(req: { encounterId: string; version: number }): LoadResult;
  close(): void;
}

function checkServerUrl(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new Error('Enter the server address, e.g. https://plumbline.example.org.');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error('The server address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The server address must start with https:// (or http:// on a local network).');
  if (url.username || url.password) throw new Error('Put the user name and password in their own fields, not in the address.');
  return url.toString().replace(/\/+$/, '');
}

export function createSyncHandlers(deps: SyncDeps, opts: SyncOptions = {}): SyncHandlers {
  const state = new SyncStateStore(deps.db);
  const tokens = new TokenStore(state, deps.vault);
  const engine = new SyncEngine(deps.db, state, tokens, opts, deps.codeSet ?? null);
  const loop = new SyncLoop(() => engine.run(), { intervalMs: opts.intervalMs, backoff: opts.backoff });

  // Resume a session the vault kept across restarts.
  const saved = state.get();
  if (saved.serverUrl && saved.userId && tokens.load()) {
    const client = engine.makeClient(saved.serverUrl);
    if (client.user) {
      engine.adopt(client, saved.serverUrl, client.user);
      loop.start();
    }
  }

  async function signOut(): Promise<void> {
    loop.stop();
    await loop.idle();
    const client = engine.client;
    engine.drop(null);
    // Revokes the session on the server when reachable; the local tokens go either way.
    await client?.logout();
    tokens.save(null);
  }

  /**
   * Runs a retry or discard. The saved error is the refusal summary until the next sync writes it
   * again; when it is, it is rewritten in the same transaction so the status bar is right at once.
   */
  function settleRefused(change: () => number): number {
    return deps.db
      .transaction(() => {
        const before = rejectedSummary(deps.db);
        const changed = change();
        if (changed > 0 && before !== null && state.get().lastError === before) state.saveResult(null, rejectedSummary(deps.db));
        return changed;
      })
      .immediate();
  }

  const result = (changed: number): RefusedResult => ({ changed, refused: listRefused(deps.db), status: engine.status() });

  async function syncNow(): Promise<SyncStatus> {
    if (!engine.client) return engine.status();
    if (!loop.running) loop.start();
    await loop.now();
    return engine.status();
  }

  return {
    syncStatus: () => engine.status(),

    async syncSignIn(req) {
      const serverUrl = checkServerUrl(req?.serverUrl);
      if (typeof req.user !== 'string' || req.user.trim() === '' || typeof req.password !== 'string' || req.password === '') {
        throw new Error('Enter your user name and password.');
      }
      if (engine.client) await signOut();
      tokens.save(null);
      const client = engine.makeClient(serverUrl);
      try {
        const user = await client.login(req.user.trim(), req.password);
        engine.adopt(client, serverUrl, user);
      } catch (err) {
        tokens.save(null);
        if (err instanceof SyncError && err.status === 401) throw new Error('Sign-in refused: wrong user name or password.');
        if (err instanceof SyncError && err.status === 0) throw new Error(`Cannot reach ${serverUrl}: ${err.message}`);
        throw err;
      }
      loop.start();
      return engine.status();
    },

    async syncSignOut() {
      await signOut();
      return engine.status();
    },

    syncNow,

    syncRefusedList: () => listRefused(deps.db),

    async syncRefusedRetry(req) {
      const changed = settleRefused(() => retryRefused(deps.db, req?.ids, state.get().userId));
      if (changed > 0) await syncNow();
      return result(changed);
    },

    syncRefusedDiscard(req) {
      // Read before the transaction: the first call on a fresh install creates the local user.
      const user = localUser(deps.db);
      return result(settleRefused(() => discardRefused(deps.db, req?.ids, user)));
    },

    loadServerUpdate(req) {
      // Read before the transaction: the first call on a fresh install creates the local user.
      return loadServerUpdate(deps.db, localUser(deps.db), req);
    },

    close() {
      loop.stop();
    },
  };
}
