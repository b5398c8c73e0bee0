// Runs sync in the background: every `intervalMs` while things go well, after a jittered
// exponential backoff while they do not, and at once on "sync now". Runs never overlap.
import { backoffDelay, type BackoffOptions } from '../../shared/sync/backoff';

/** What a run asks for next: the normal interval, a backoff, or no more runs (signed out). */
export type RunOutcome = 'ok' | 'retry' | 'stop';

export interface SyncLoopOptions {
  intervalMs?: number;
  backoff?: BackoffOptions;
}

export class SyncLoop {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private active = false;

  constructor(
    private readonly run: () => Promise<RunOutcome>,
    private readonly opts: SyncLoopOptions = {},
  ) {}

  get running(): boolean {
    return this.active;
  }

  start(): void {
    this.active = true;
    this.failures = 0;
    this.schedule(0);
  }

  stop(): void {
    this.active = false;
    this.clear();
  }

  /** Runs now (after any run in flight) and resolves when that run is over. */
  now(): Promise<RunOutcome> {
    this.clear();
    return this.enqueue();
  }

  /** Resolves once no run is in flight. */
  async idle(): Promise<void> {
    await this.chain;
  }

  private enqueue(): Promise<RunOutcome> {
    const p = this.chain.then(() => this.once());
    this.chain = p.catch(() => undefined);
    return p;
  }

  private async once(): Promise<RunOutcome> {
    this.clear();
    let outcome: RunOutcome;
    try {
      outcome = await this.run();
    } catch {
      outcome = 'retry';
    }
    if (outcome === 'stop') this.active = false;
    this.failures = outcome === 'ok' ? 0 : this.failures + 1;
    if (this.active) this.schedule(outcome === 'ok' ? (this.opts.intervalMs ?? 30_000) : backoffDelay(this.failures - 1, this.opts.backoff));
    return outcome;
  }

  private schedule(ms: number): void {
    this.clear();
    this.timer = setTimeout(() => void this.enqueue(), ms);
    // A pending sync must not keep a CLI or test process alive.
    this.timer.unref?.();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
