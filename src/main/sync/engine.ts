// One signed-in sync session on the desktop: push the outbox, then pull from the saved cursor.
// Pushing first means offline work is judged against the lease it was made under before the pull
// brings news of a reassignment.
import { SyncClient, SyncError, type FetchLike } from '../../shared/sync/client';
import type { SessionUser } from '../../shared/sync/protocol';
import type { SyncState, SyncStatus } from '../../shared/sync/status';
import type { Db } from '../db/open';
import { ensureUser } from '../worklist/users';
import type { SyncLoop, RunOutcome } from './loop';
import type { InstalledCodeSet } from './codeset-compare';
import { clearNotices, outstandingNotices } from './codeset-notices';
import { applyPage } from './pull';
import { pendingCount, pushOutbox, rejectedSummary } from './push';
import { refusedCount } from './refused';
import type { SyncStateStore } from './state';
import type { TokenStore } from './tokens';

export interface EngineOptions {
  pageSize?: number;
  fetch?: FetchLike;
  timeoutMs?: number;
}

export class SyncEngine {
  client: SyncClient | null = null;
  private phase: Exclude<SyncState, 'signed-out'> = 'offline';
  private firstPull: { done: number; total: number | null } | null = null;
  /** Why the last sign-in ended, shown until the next sign-in. */
  private endedReason: string | null = null;
  loop: SyncLoop | null = null;

  constructor(
    private readonly db: Db,
    private readonly state: SyncStateStore,
    private readonly tokens: TokenStore,
    private readonly opts: EngineOptions = {},
    /** What the loaded code set is, to tell which announced releases this install lacks (null: none loaded). */
    private readonly installed: InstalledCodeSet | null = null,
  ) {}

  makeClient(serverUrl: string): SyncClient {
    return new SyncClient({
      baseUrl: serverUrl,
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs ?? 30_000,
      session: this.tokens.load(),
      onSession: (s) => this.tokens.save(s),
    });
  }

  /**
   * Records the signed-in user locally: their server id is their `users` row and they become the
   * install's local user (`localUser(db)`), so pulled charts land in the queue the worklist shows.
   */
  adopt(client: SyncClient, serverUrl: string, user: SessionUser): void {
    this.db
      .transaction(() => {
        const before = this.state.get();
        // Another server or user pulls from cursor 0 and hears every notice again.
        if (before.serverUrl !== serverUrl || before.userId !== user.id) clearNotices(this.db);
        this.state.signIn({ serverUrl, userId: user.id, userName: user.name, userRole: user.role });
      })
      .immediate();
    ensureUser(this.db, { id: user.id, name: user.name, role: user.role });
    this.db.prepare('UPDATE users SET is_local = (id = ?)').run(user.id);
    this.client = client;
    this.phase = 'offline';
    this.endedReason = null;
  }

  drop(reason: string | null): void {
    this.client = null;
    this.firstPull = null;
    this.endedReason = reason;
  }

  async run(): Promise<RunOutcome> {
    const client = this.client;
    const row = this.state.get();
    if (!client?.signedIn || !row.userId) return 'stop';
    this.phase = 'syncing';
    try {
      await pushOutbox(this.db, client, row.clientId, row.userId, row.userRole === 'auditor');
      if (!row.firstPullDone) this.firstPull = { done: 0, total: null };
      await client.pullAll(
        row.cursor,
        (page) => {
          const r = applyPage(this.db, this.state, row.userId!, page);
          if (this.firstPull) this.firstPull = { ...this.firstPull, done: this.firstPull.done + r.charts };
        },
        this.opts.pageSize,
      );
      if (!row.firstPullDone) this.state.markFirstPullDone();
      this.firstPull = null;
      this.state.saveResult(new Date().toISOString(), rejectedSummary(this.db));
      this.phase = 'online';
      return 'ok';
    } catch (err) {
      this.firstPull = null;
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof SyncError && err.needsSignIn) {
        this.tokens.save(null);
        this.state.saveResult(null, `Signed out by the server: ${message}. Sign in again.`);
        this.drop(`Signed out by the server: ${message}. Sign in again.`);
        return 'stop';
      }
      this.phase = err instanceof SyncError && err.retryable ? 'offline' : 'error';
      this.state.saveResult(null, message);
      return 'retry';
    }
  }

  status(): SyncStatus {
    const row = this.state.get();
    const signedIn = this.client?.signedIn ?? false;
    return {
      signedIn,
      user: signedIn ? row.userName : null,
      serverUrl: row.serverUrl,
      state: signedIn ? this.phase : 'signed-out',
      pending: pendingCount(this.db),
      refused: refusedCount(this.db),
      lastSyncAt: row.lastSyncAt,
      lastError: signedIn ? row.lastError : this.endedReason,
      firstPull: this.firstPull,
      codeSetNotices: outstandingNotices(this.db, this.installed),
    };
  }
}
