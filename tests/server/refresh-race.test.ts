// Regression: on a slow machine a freshly refreshed, short-lived access token can expire again before
// the request that needed it is resent. The client must refresh again instead of reporting the
// session as ended (which signed the desktop out in CI).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyncClient, type FetchLike } from '../../src/shared/sync/client';
import { Harness, movableClock, PASSWORD } from './harness';

const h = new Harness('pglite');
const TTL_SECONDS = 60;
/** Longer than any token lives: the server's clock jumps this far instead of the test sleeping. */
const PAST_EXPIRY_MS = (TTL_SECONDS + 1) * 1_000;
const clock = movableClock();

beforeAll(async () => {
  await h.setup();
  await h.startServer({ accessTtlSeconds: TTL_SECONDS, clock: clock.now });
}, 120_000);
afterAll(() => h.teardown());

it('refreshes again when the refreshed token expires before the resend, and the call succeeds', async () => {
  const team = await h.team();
  let refreshes = 0;
  let stallNext = false;
  const slow: FetchLike = async (url, init) => {
    if (stallNext && !url.includes('/v1/auth/')) {
      stallNext = false;
      // The resend arrives after the token refreshed a moment ago has expired again.
      clock.advance(PAST_EXPIRY_MS);
    }
    const res = await fetch(url, init);
    if (url.includes('/v1/auth/refresh')) {
      refreshes++;
      if (refreshes === 1) stallNext = true;
    }
    return res;
  };
  const client = new SyncClient({ baseUrl: h.url, fetch: slow });
  await client.login(team.coderA.name, PASSWORD);
  clock.advance(PAST_EXPIRY_MS);
  const page = await client.pull(0, 10);
  expect(page.cursor).toBeGreaterThanOrEqual(0);
  expect(refreshes).toBe(2);
  expect(client.signedIn).toBe(true);
}, 60_000);
