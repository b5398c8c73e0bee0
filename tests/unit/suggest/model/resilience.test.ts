// Timeouts, retries, cancellation, the concurrency limit and the PHI gate, each observed at the server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAIServer } from '../../../helpers/fake-openai-server';
import { chart, engineFor, GOOD_ITEMS, NOTE } from './fixtures';

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('model engine: time and retries', () => {
  it('gives up on a silent server with a clear error within the configured bound', async () => {
    server.setDefault({ kind: 'hang' });
    const t0 = Date.now();
    const run = await engineFor(server, { timeoutMs: 1_000, maxRetries: 2 }).suggest(chart());
    const took = Date.now() - t0;
    expect(run.suggestions).toEqual([]);
    expect(run.error).toMatch(/did not finish within 1 s/);
    // The whole call is bounded, retries included (slack for a loaded test machine).
    expect(took).toBeGreaterThanOrEqual(950);
    // Without the overall bound, three SDK attempts of 1 s each plus backoff would take over 4 s.
    expect(took).toBeLessThan(3_000);
    await until(() => server.inFlight === 0);
  });

  it('gives up on a stream that stalls after its first chunk', async () => {
    server.setDefault({ kind: 'stall-stream' });
    const t0 = Date.now();
    const run = await engineFor(server, { timeoutMs: 1_000 }).suggest(chart());
    expect(run.error).toMatch(/did not finish within 1 s/);
    expect(Date.now() - t0).toBeLessThan(3_000);
    await until(() => server.disconnects === 1);
  });

  it('retries a 429 and then succeeds', async () => {
    server.enqueue({ kind: 'status', status: 429, message: 'Rate limit reached', retryAfterMs: 50 });
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const run = await engineFor(server).suggest(chart());
    expect(run.error).toBeUndefined();
    expect(run.suggestions).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.rawBody).toBe(server.requests[0]!.rawBody);
  });

  it('retries a 500 and then succeeds', async () => {
    server.enqueue({ kind: 'status', status: 500, retryAfterMs: 50 }, { kind: 'status', status: 503, retryAfterMs: 50 });
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const run = await engineFor(server, { maxRetries: 2 }).suggest(chart());
    expect(run.error).toBeUndefined();
    expect(run.suggestions).toHaveLength(3);
    expect(server.requests).toHaveLength(3);
  });

  it('backs off exponentially between retries when the server gives no Retry-After', async () => {
    server.enqueue({ kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const run = await engineFor(server, { maxRetries: 2 }).suggest(chart());
    expect(run.suggestions).toHaveLength(3);
    const [a, b, c] = server.requests.map((r) => r.at);
    // The SDK waits 0.5 s then 1 s, minus up to 25 % jitter.
    expect(b! - a!).toBeGreaterThanOrEqual(370);
    expect(c! - b!).toBeGreaterThanOrEqual(740);
  });

  it('gives up on a long Retry-After within the bound and names the rate limit', async () => {
    server.setDefault({ kind: 'status', status: 429, retryAfterMs: 60_000 });
    const t0 = Date.now();
    const run = await engineFor(server, { timeoutMs: 1_000 }).suggest(chart());
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(run.error).toMatch(/rate-limiting requests \(429\); gave up after 1 s/);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a persistent 500 after the configured retries', async () => {
    server.setDefault({ kind: 'status', status: 500, retryAfterMs: 20 });
    const run = await engineFor(server, { maxRetries: 2 }).suggest(chart());
    expect(run.suggestions).toEqual([]);
    expect(run.error).toMatch(/failed \(HTTP 500\) after 2 retries/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a rejected key and says what to fix', async () => {
    server.setDefault({ kind: 'status', status: 401, message: 'Incorrect API key provided' });
    const run = await engineFor(server).suggest(chart());
    expect(run.error).toMatch(/refused the API key \(401\)/);
    expect(run.error).not.toContain('sk-test');
    expect(server.requests).toHaveLength(1);
  });

  it('reports an unreachable endpoint without throwing', async () => {
    const gone = await startFakeOpenAI();
    const url = gone.baseUrl;
    await gone.close();
    const run = await engineFor(server, { baseUrl: url, maxRetries: 1 }).suggest(chart());
    expect(run.error).toMatch(/Could not reach the model endpoint 127\.0\.0\.1:\d+ after 1 retry/);
  });
});

describe('model engine: cancellation and concurrency', () => {
  it('aborts the HTTP request when the coder moves on', async () => {
    server.setDefault({ kind: 'hang' });
    const ac = new AbortController();
    const pending = engineFor(server, { timeoutMs: 30_000 }).suggest(chart(), ac.signal);
    await until(() => server.inFlight === 1);
    const t0 = Date.now();
    ac.abort();
    const run = await pending;
    expect(Date.now() - t0).toBeLessThan(500);
    expect(run.error).toMatch(/cancelled/);
    expect(run.suggestions).toEqual([]);
    await until(() => server.disconnects === 1 && server.inFlight === 0);
  });

  it('never sends a request that was cancelled while waiting for a slot', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS, delayMs: 300 });
    const engine = engineFor(server, { maxConcurrency: 1 });
    const first = engine.suggest(chart());
    const ac = new AbortController();
    const second = engine.suggest(chart(), ac.signal);
    await until(() => engine.waiting === 1);
    ac.abort();
    expect((await second).error).toMatch(/cancelled/);
    expect((await first).suggestions).toHaveLength(3);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps at most maxConcurrency requests at the server at once', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS, delayMs: 150 });
    const engine = engineFor(server, { maxConcurrency: 2 });
    const runs = await Promise.all(Array.from({ length: 7 }, () => engine.suggest(chart())));
    expect(runs.every((r) => r.error === undefined && r.suggestions.length === 3)).toBe(true);
    expect(server.requests).toHaveLength(7);
    expect(server.maxInFlight).toBe(2);
  });

  it('lets an opened chart go ahead of queued background work', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS, delayMs: 100 });
    const engine = engineFor(server, { maxConcurrency: 1 });
    const order: string[] = [];
    const track = (name: string, p: Promise<unknown>) => p.then(() => order.push(name));
    const all = [
      track('bg1', engine.suggest(chart(), undefined, { priority: 'background' })),
      track('bg2', engine.suggest(chart(), undefined, { priority: 'background' })),
      track('bg3', engine.suggest(chart(), undefined, { priority: 'background' })),
    ];
    await until(() => engine.waiting === 2);
    all.push(track('open', engine.suggest(chart(), undefined, { priority: 'interactive' })));
    await Promise.all(all);
    expect(order).toEqual(['bg1', 'open', 'bg2', 'bg3']);
  });
});

describe('model engine: PHI gate', () => {
  it('refuses a chart holding an SSN and a phone number before any request, naming only the kinds', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const text = `${NOTE}\nPatient SSN 123-45-6789, call back at (617) 555-0143.`;
    const run = await engineFor(server).suggest(chart(text));
    expect(run.suggestions).toEqual([]);
    expect(run.error).toMatch(/Not sent to the model/);
    expect(run.error).toMatch(/Social Security numbers/);
    expect(run.error).toMatch(/phone numbers/);
    expect(run.error).not.toMatch(/6789|555-0143/);
    expect(server.requests).toHaveLength(0);
  });

  it('sends an age over 89 only as a band', async () => {
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    await engineFor(server).suggest(chart(NOTE.replace('81 y/o', 'Elderly'), { age: 93 }));
    const user = server.requests[0]!.body!.messages![1]!.content;
    expect(user).toContain('patient age 90 or older');
    expect(user).not.toMatch(/\b93\b/);
  });
});
