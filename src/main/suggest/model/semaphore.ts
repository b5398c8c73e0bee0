// A counting semaphore with two priorities: a chart the coder just opened goes ahead of background
// prefetch. Waiting is cancellable, so a coder who moves on frees their place in the line.

export type Priority = 'interactive' | 'background';

interface Waiter {
  grant: (release: () => void) => void;
}

export class Semaphore {
  private active = 0;
  private readonly queues: Record<Priority, Waiter[]> = { interactive: [], background: [] };

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('Concurrency limit must be a positive integer.');
  }

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queues.interactive.length + this.queues.background.length;
  }

  /** Resolves with a release function once a slot is free; rejects with the signal's reason if aborted first. */
  acquire(priority: Priority = 'interactive', signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const queue = this.queues[priority];
      const onAbort = (): void => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queues.interactive.shift() ?? this.queues.background.shift();
      // The slot passes straight to the next waiter, so the count never dips and lets a newcomer jump the line.
      if (next) next.grant(this.releaser());
      else this.active--;
    };
  }
}
