// Login throttling per (user name, client address): a sliding window of failed attempts kept in
// a bounded map, so a flood of distinct keys cannot grow memory without limit.

export interface RateLimitOptions {
  /** Failed attempts allowed inside the window. */
  max: number;
  windowMs: number;
  /** Most keys remembered; the oldest are forgotten first. */
  maxKeys?: number;
}

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly maxKeys: number;

  constructor(private readonly opts: RateLimitOptions, private readonly now: () => number = Date.now) {
    this.maxKeys = opts.maxKeys ?? 10_000;
  }

  /** Milliseconds until another attempt is allowed, or 0 if allowed now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.opts.max) return 0;
    return Math.max(1, recent[0] + this.opts.windowMs - this.now());
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.delete(key);
    this.failures.set(key, recent);
    while (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.opts.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }
}
