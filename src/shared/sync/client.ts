// HTTP client for the sync protocol. Platform-free (uses the global fetch, or an injected one):
// the desktop core wraps it with its outbox and token storage, the tests with fault injection.
import { backoffDelay, type BackoffOptions } from './backoff';
import type {
  ImportChartResult,
  Mutation,
  OrphanedWork,
  PullResponse,
  PushResponse,
  ReassignResult,
  SessionUser,
  TokenPair,
} from './protocol';
import type { ImportedChart } from '../chart';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

export class SyncError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }

  /** Worth retrying later with the same request (network trouble, overload, server restart). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504 || this.status === 500;
  }

  /** The user has to sign in again. */
  get needsSignIn(): boolean {
    return this.status === 401;
  }
}

export interface SyncClientOptions {
  baseUrl: string;
  fetch?: FetchLike;
  /** A saved session to resume (e.g. from the OS keychain). */
  session?: TokenPair | null;
  /** Called whenever tokens change (login, refresh, logout), so the caller can persist them. */
  onSession?: (session: TokenPair | null) => void;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
}

export class SyncClient {
  private session: TokenPair | null;
  private refreshing: Promise<void> | null = null;
  private readonly fetchImpl: FetchLike;
  private readonly baseUrl: string;

  constructor(private readonly opts: SyncClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetch ?? ((url, init) => fetch(url, init));
    this.session = opts.session ?? null;
  }

  get user(): SessionUser | null {
    return this.session?.user ?? null;
  }

  get signedIn(): boolean {
    return this.session !== null;
  }

  async login(name: string, password: string): Promise<SessionUser> {
    const pair = await this.raw<TokenPair>('POST', '/v1/auth/login', { name, password }, null);
    this.setSession(pair);
    return pair.user;
  }

  async logout(): Promise<void> {
    const s = this.session;
    this.setSession(null);
    if (s) await this.raw('POST', '/v1/auth/logout', { refreshToken: s.refreshToken }, null).catch(() => undefined);
  }

  /** Trades the refresh token for a new pair; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const s = this.session;
      if (!s) throw new SyncError('Not signed in', 401, 'unauthorized');
      try {
        this.setSession(await this.raw<TokenPair>('POST', '/v1/auth/refresh', { refreshToken: s.refreshToken }, null));
      } catch (err) {
        if (err instanceof SyncError && err.status === 401) this.setSession(null);
        throw err;
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  pull(cursor: number, limit?: number): Promise<PullResponse> {
    const q = `cursor=${cursor}${limit ? `&limit=${limit}` : ''}`;
    return this.authed<PullResponse>('GET', `/v1/sync/pull?${q}`);
  }

  push(clientId: string, mutations: Mutation[]): Promise<PushResponse> {
    return this.authed<PushResponse>('POST', '/v1/sync/push', { clientId, mutations });
  }

  /**
   * Pulls page after page from `cursor`. `apply` must store the page's changes and its cursor
   * together (one local transaction); if the process dies between pages, resuming from the last
   * stored cursor neither skips nor repeats a page.
   */
  async pullAll(cursor: number, apply: (page: PullResponse) => Promise<void> | void, limit?: number): Promise<number> {
    let current = cursor;
    for (;;) {
      const page = await this.pull(current, limit);
      await apply(page);
      current = page.cursor;
      if (!page.hasMore) return current;
    }
  }

  getChart(chartId: string): Promise<{ chartId: string; teamId: string; version: number; chart: ImportedChart }> {
    return this.authed('GET', `/v1/charts/${encodeURIComponent(chartId)}`);
  }

  importCharts(charts: ImportedChart[], teamId?: string): Promise<{ results: ImportChartResult[] }> {
    return this.authed('POST', `/v1/admin/charts${teamId ? `?teamId=${encodeURIComponent(teamId)}` : ''}`, charts);
  }

  reassign(chartIds: string[], toUserId: string): Promise<{ results: ReassignResult[] }> {
    return this.authed('POST', '/v1/lead/reassign', { chartIds, toUserId });
  }

  addToSample(auditorId: string, chartIds: string[]): Promise<{ added: string[]; alreadySampled: string[] }> {
    return this.authed('POST', '/v1/lead/samples', { auditorId, chartIds });
  }

  teamUsers(): Promise<{ users: SessionUser[] }> {
    return this.authed('GET', '/v1/lead/users');
  }

  orphans(status: 'open' | 'resolved' | 'all' = 'open'): Promise<{ orphans: OrphanedWork[] }> {
    return this.authed('GET', `/v1/lead/orphans?status=${status}`);
  }

  resolveOrphan(id: string, action: 'apply' | 'discard', note: string): Promise<OrphanedWork> {
    return this.authed('POST', `/v1/lead/orphans/${encodeURIComponent(id)}/resolve`, { action, note });
  }

  announceCodeSet(n: { system: string; fiscalYear: number; codeSetVersion: string; note?: string | null }): Promise<{ id: string; version: number }> {
    return this.authed('POST', '/v1/admin/codesets', n);
  }

  /**
   * Sends with the access token; on an expired token refreshes and resends. A second refresh is
   * allowed because on a slow machine or network a short-lived token can expire again between the
   * refresh and the resend; a session the server really ended fails at the refresh itself.
   */
  private async authed<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (!this.session) throw new SyncError('Not signed in', 401, 'unauthorized');
      try {
        return await this.raw<T>(method, path, body, this.session.accessToken);
      } catch (err) {
        if (!(err instanceof SyncError) || err.status !== 401 || !this.session || attempt >= 2) throw err;
        await this.refresh();
      }
    }
  }

  private async raw<T>(method: string, path: string, body: unknown, token: string | null): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.opts.timeoutMs ?? 30_000);
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await this.fetchImpl(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
    } catch (err) {
      throw new SyncError(`Server unreachable: ${err instanceof Error ? err.message : String(err)}`, 0, 'network');
    } finally {
      clearTimeout(timer);
    }
    let data: unknown;
    try {
      data = await res.json();
    } catch {
      throw new SyncError(`Unreadable response (HTTP ${res.status})`, res.status >= 400 ? res.status : 502, 'bad_response');
    }
    if (res.status >= 400) {
      const e = (data ?? {}) as { error?: string; message?: string };
      throw new SyncError(e.message ?? `HTTP ${res.status}`, res.status, e.error ?? 'error');
    }
    return data as T;
  }

  private setSession(s: TokenPair | null): void {
    this.session = s;
    this.opts.onSession?.(s);
  }
}

export interface RetryOptions extends BackoffOptions {
  /** Attempts in total, including the first (default 6). */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs `fn` until it succeeds or fails with a non-retryable error or runs out of attempts. */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 6;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const retryable = err instanceof SyncError && err.retryable;
      if (!retryable || attempt + 1 >= attempts) throw err;
      await sleep(backoffDelay(attempt, opts));
    }
  }
}
