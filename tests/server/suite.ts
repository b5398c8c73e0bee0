// The vitest side of the server harness (kept apart so Playwright tests can use the harness too).
import { afterAll, beforeAll, describe } from 'vitest';
import { Harness } from './harness';
import { pgAvailability } from './pg-cluster';

/**
 * Runs `body` once per database. The PostgreSQL variant is skipped, with the reason printed,
 * when no server can be found or started.
 */
export function serverSuite(name: string, body: (h: Harness) => void): void {
  for (const variant of ['pglite', 'postgres'] as const) {
    if (variant === 'postgres') {
      const avail = pgAvailability();
      if (!avail.ok) {
        console.warn(`[tests/server] skipping PostgreSQL variant of "${name}": ${avail.reason}`);
        describe.skip(`${name} [postgres]`, () => body(new Harness(variant)));
        continue;
      }
    }
    describe(`${name} [${variant}]`, () => {
      const h = new Harness(variant);
      beforeAll(() => h.setup());
      afterAll(() => h.teardown());
      body(h);
    });
  }
}

