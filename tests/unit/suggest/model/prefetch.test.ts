// The prefetch queue with the real model engine against the fake server; the queue listing and the
// result store are plain in-memory fakes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPrefetcher, type PrefetchDeps } from '../../../../src/main/suggest/prefetch/index';
import type { SuggestionRun } from '../../../../src/shared/suggest/types';
import { startFakeOpenAI, type FakeOpenAIServer } from '../../../helpers/fake-openai-server';
import { chart, engineFor, GOOD_ITEMS, NOTE } from './fixtures';

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A worklist of charts c1…cN whose notes differ by a marker the tests can read back at the server. */
function harness(over: Partial<PrefetchDeps> = {}, engineOver: Parameters<typeof engineFor>[1] = {}) {
  let queue: string[] = [];
  const stored = new Map<string, SuggestionRun>();
  const errors: Array<{ id: string | null; err: unknown }> = [];
  const prefetcher = createPrefetcher({
    engine: engineFor(server, engineOver),
    listNext: async () => queue,
    buildInput: (id) => chart(`${NOTE}\nChart marker ${id}.`, { encounterId: id }),
    sink: (id, run) => void stored.set(id, run),
    onError: (id, err) => void errors.push({ id, err }),
    ...over,
  });
  return {
    prefetcher,
    stored,
    errors,
    setQueue: (ids: string[]) => {
      queue = ids;
    },
  };
}

const sentFor = (id: string) => server.requests.filter((r) => r.rawBody.includes(`Chart marker ${id}.`)).length;

describe('prefetch', () => {
  it('computes the next N charts in the background, grounded, without blocking the caller', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS, delayMs: 100 });
    const h = harness({ depth: 3, concurrency: 2 });
    h.setQueue(['c1', 'c2', 'c3', 'c4', 'c5']);
    const t0 = performance.now();
    h.prefetcher.refresh();
    expect(performance.now() - t0).toBeLessThan(20);
    expect(h.stored.size).toBe(0);
    await h.prefetcher.idle();
    expect([...h.stored.keys()].sort()).toEqual(['c1', 'c2', 'c3']);
    for (const run of h.stored.values()) {
      expect(run.error).toBeUndefined();
      expect(run.suggestions.map((s) => s.code).sort()).toEqual(['I4821', 'I5032', 'Z7901']);
      for (const s of run.suggestions) expect(s.provenance.engine).toBe('model');
    }
    expect(server.maxInFlight).toBe(2);
    expect(sentFor('c4')).toBe(0);
    expect(h.prefetcher.status()).toMatchObject({ done: 3, failed: 0, running: [] });
  });

  it('does not recompute finished charts, and moves on as the queue advances', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const h = harness({ depth: 2 });
    h.setQueue(['c1', 'c2', 'c3']);
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    h.setQueue(['c2', 'c3', 'c4']); // the coder opened c1
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect([...h.stored.keys()].sort()).toEqual(['c1', 'c2', 'c3']);
    expect(sentFor('c2')).toBe(1);
    h.prefetcher.forget('c2'); // e.g. the chart was re-imported
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect(sentFor('c2')).toBe(2);
  });

  it('aborts the request of a chart that left the queue and never stores its answer', async () => {
    server.setDefault({ kind: 'hang' });
    const h = harness({ depth: 1 }, { timeoutMs: 30_000 });
    h.setQueue(['c1']);
    h.prefetcher.refresh();
    await until(() => server.inFlight === 1);
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    h.setQueue(['c2']); // c1 was reassigned to someone else
    h.prefetcher.refresh();
    await until(() => server.disconnects === 1);
    await h.prefetcher.idle();
    expect(h.stored.has('c1')).toBe(false);
    expect(h.stored.get('c2')?.suggestions).toHaveLength(3);
    expect(h.errors).toEqual([]);
  });

  it('stores a failed run so the coder sees why, and retries it only after the pause', async () => {
    let clock = 0;
    server.enqueue({ kind: 'content', content: 'not json at all' });
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const h = harness({ depth: 1, retryFailedAfterMs: 60_000, now: () => clock });
    h.setQueue(['c1']);
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect(h.stored.get('c1')?.error).toMatch(/not valid JSON/);
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect(sentFor('c1')).toBe(1);
    clock = 61_000;
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect(sentFor('c1')).toBe(2);
    expect(h.stored.get('c1')?.suggestions).toHaveLength(3);
  });

  it('survives a failing listing, a failing build and a failing store', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    let listFails = true;
    const h = harness({
      depth: 3,
      listNext: () => {
        if (listFails) throw new Error('worklist locked');
        return ['c1', 'c2', 'c3'];
      },
      buildInput: (id) => {
        if (id === 'c2') throw new Error('chart unreadable');
        return id === 'c3' ? null : chart(`${NOTE}\nChart marker ${id}.`);
      },
      sink: (id, run) => {
        if (id === 'c1' && run.suggestions.length > 0) throw new Error('disk full');
      },
    });
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect(h.errors.map((e) => [e.id, (e.err as Error).message])).toEqual([[null, 'worklist locked']]);
    listFails = false;
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect(h.errors.map((e) => [e.id, (e.err as Error).message]).sort()).toEqual([
      [null, 'worklist locked'],
      ['c1', 'disk full'],
      ['c2', 'chart unreadable'],
    ]);
    expect(server.requests).toHaveLength(1); // c3 had nothing to read
  });

  it('stop() aborts work in flight and ignores later refreshes', async () => {
    server.setDefault({ kind: 'hang' });
    const h = harness({ depth: 2, concurrency: 2 }, { timeoutMs: 30_000 });
    h.setQueue(['c1', 'c2']);
    h.prefetcher.refresh();
    await until(() => server.inFlight === 2);
    h.prefetcher.stop();
    await until(() => server.disconnects === 2);
    h.prefetcher.refresh();
    await h.prefetcher.idle();
    expect(server.requests).toHaveLength(2);
    expect(h.stored.size).toBe(0);
  });
});
