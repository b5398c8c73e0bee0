// A real HTTP transport with faults injected in front of it: requests that never leave,
// responses that never come back, requests sent twice, and delays that reorder requests.
import type { FetchLike } from '../../src/shared/sync/client';

export type Fault = 'ok' | 'drop-request' | 'drop-response' | 'duplicate' | { delayMs: number };

/** Seeded PRNG (mulberry32) so a failing run can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function faultyFetch(plan: (url: string) => Fault, log: Fault[] = []): FetchLike {
  return async (url, init) => {
    const fault = plan(url);
    log.push(fault);
    const send = (): Promise<Response> => fetch(url, init);
    if (fault === 'drop-request') throw new TypeError('simulated: request lost');
    if (fault === 'drop-response') {
      const res = await send();
      await res.arrayBuffer();
      throw new TypeError('simulated: response lost');
    }
    if (fault === 'duplicate') {
      const [first, second] = await Promise.all([send(), send()]);
      await first.arrayBuffer();
      return second;
    }
    if (typeof fault === 'object') await new Promise((r) => setTimeout(r, fault.delayMs));
    return send();
  };
}
