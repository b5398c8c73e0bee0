// Background suggestions for the charts the coder will open next. `refresh()` re-reads the queue and
// returns at once; work for charts that left the queue is aborted (their HTTP requests included), the
// rest runs at background priority so a chart the coder opens goes first. Results go to a sink; a
// chart is computed once unless it failed (retried after a pause) or is forgotten.
import type { ModelEngine, ModelSuggestOptions } from '../model/index';
import type { SuggestInput, SuggestionRun } from '../../../shared/suggest/types';

type MaybePromise<T> = T | Promise<T>;

export interface PrefetchDeps {
  engine: Pick<ModelEngine, 'suggest'>;
  /** Encounter ids the coder will open next, nearest first. */
  listNext(): MaybePromise<readonly string[]>;
  /** The engine's input for one chart; null when the chart is gone or has nothing to read. */
  buildInput(encounterId: string): MaybePromise<SuggestInput | null>;
  /** Hints for the model, e.g. the local engine's codes for this chart. */
  candidatesFor?(input: SuggestInput): MaybePromise<ModelSuggestOptions['candidates']>;
  /** Stores a finished run (errors included, so the coder can see why a chart has no model suggestions). */
  sink(encounterId: string, run: SuggestionRun): MaybePromise<void>;
  /** How many of the next charts to compute ahead. Default 5. */
  depth?: number;
  /** Charts computed at once. Default 1; the engine's own limit applies on top. */
  concurrency?: number;
  /** A chart whose run failed is tried again on a refresh this long after. Default 60 s. */
  retryFailedAfterMs?: number;
  /** Listing, building or storing failed; never thrown at the caller. */
  onError?(encounterId: string | null, err: unknown): void;
  now?(): number;
}

export interface PrefetchStatus {
  wanted: string[];
  running: string[];
  done: number;
  failed: number;
}

export interface Prefetcher {
  /** Re-reads the queue and schedules work. Never blocks, never throws. */
  refresh(): void;
  /** Aborts work for one chart (if running) and forgets its result, so the next refresh computes it again. */
  forget(encounterId: string): void;
  /** Aborts everything; later refreshes do nothing. */
  stop(): void;
  /** Resolves when nothing is listed, running or startable (tests, CLI). */
  idle(): Promise<void>;
  status(): PrefetchStatus;
}

const MAX_REMEMBERED = 2_000;

export function createPrefetcher(deps: PrefetchDeps): Prefetcher {
  const depth = Math.max(0, Math.floor(deps.depth ?? 5));
  const concurrency = Math.max(1, Math.floor(deps.concurrency ?? 1));
  const retryAfter = deps.retryFailedAfterMs ?? 60_000;
  const now = deps.now ?? Date.now;
  const report = (id: string | null, err: unknown): void => {
    try {
      deps.onError?.(id, err);
    } catch {
      // a failing error reporter must not stop the queue
    }
  };

  let wanted: string[] = [];
  const running = new Map<string, AbortController>();
  const finished = new Map<string, { ok: boolean; at: number }>();
  let stopped = false;
  let listing = false;
  let listAgain = false;
  let idleWaiters: Array<() => void> = [];

  function eligible(id: string): boolean {
    if (running.has(id)) return false;
    const f = finished.get(id);
    return !f || (!f.ok && now() - f.at >= retryAfter);
  }

  function settle(): void {
    if (listing || running.size > 0 || idleWaiters.length === 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function pump(): void {
    if (stopped) return;
    for (const id of wanted) {
      if (running.size >= concurrency) break;
      if (eligible(id)) start(id);
    }
    settle();
  }

  function start(id: string): void {
    const controller = new AbortController();
    running.set(id, controller);
    void (async () => {
      const { signal } = controller;
      try {
        const input = await deps.buildInput(id);
        if (signal.aborted) return;
        if (!input) {
          finished.set(id, { ok: true, at: now() });
          return;
        }
        const candidates = deps.candidatesFor ? await deps.candidatesFor(input) : undefined;
        if (signal.aborted) return;
        const run = await deps.engine.suggest(input, signal, { priority: 'background', ...(candidates ? { candidates } : {}) });
        // A chart that left the queue while its request ran: the answer is discarded, not stored.
        if (signal.aborted) return;
        await deps.sink(id, run);
        finished.set(id, { ok: !run.error, at: now() });
      } catch (err) {
        if (!signal.aborted) {
          finished.set(id, { ok: false, at: now() });
          report(id, err);
        }
      } finally {
        if (running.get(id) === controller) running.delete(id);
        pruneFinished();
        pump();
      }
    })();
  }

  function pruneFinished(): void {
    if (finished.size <= MAX_REMEMBERED) return;
    const keep = new Set(wanted);
    for (const id of finished.keys()) {
      if (finished.size <= MAX_REMEMBERED / 2) break;
      if (!keep.has(id)) finished.delete(id);
    }
  }

  async function list(): Promise<void> {
    do {
      listAgain = false;
      try {
        const next = await deps.listNext();
        if (stopped) return;
        wanted = [...new Set(Array.isArray(next) ? next.filter((x): x is string => typeof x === 'string') : [])].slice(0, depth);
      } catch (err) {
        report(null, err);
        continue;
      }
      const keep = new Set(wanted);
      for (const [id, controller] of running) {
        if (!keep.has(id)) {
          controller.abort();
          running.delete(id);
        }
      }
      pump();
    } while (listAgain && !stopped);
  }

  return {
    refresh() {
      if (stopped) return;
      if (listing) {
        listAgain = true;
        return;
      }
      listing = true;
      void list().finally(() => {
        listing = false;
        settle();
      });
    },
    forget(id) {
      running.get(id)?.abort();
      running.delete(id);
      finished.delete(id);
      settle();
    },
    stop() {
      stopped = true;
      for (const c of running.values()) c.abort();
      running.clear();
      wanted = [];
      settle();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      });
    },
    status() {
      let failed = 0;
      for (const f of finished.values()) if (!f.ok) failed++;
      return { wanted: [...wanted], running: [...running.keys()], done: finished.size - failed, failed };
    },
  };
}
