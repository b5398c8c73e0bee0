// A real HTTP transport with faults injected in front of it: requests that never leave,
// responses that never come back, requests sent twice, and delays that reorder requests.
import type { FetchLike } from '../../src/shared/sync/client';

export type Fault = 'ok' | 'drop-request' | 'drop-response' | 'duplicate' | { delayMs: number };


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
