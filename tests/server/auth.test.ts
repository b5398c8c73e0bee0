// Sign-in, tokens and who may read what, against a real server on loopback and a real database.
import { createHmac } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { SyncClient, SyncError } from '../../src/shared/sync/client';
import type { TokenPair } from '../../src/shared/sync/protocol';
import { issueAccessToken } from '../../src/server/auth/tokens';
import { makeCharts, movableClock, PASSWORD, TOKEN_SECRET, type Team } from './harness';
import { serverSuite } from './suite';

async function post(url: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function get(url: string, path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

serverSuite('auth', (h) => {
  let t: Team;
  let chartA: string;
  let chartB: string;
  let chartSampled: string;

  beforeAll(async () => {
    await h.startServer({ loginRateLimit: { max: 3, windowMs: 60_000 } });
    t = await h.team();
    const charts = makeCharts(3);
    const { results } = await t.leadClient.importCharts(charts);
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    [chartA, chartB, chartSampled] = charts.map((c) => c.encounter.id);
    await t.leadClient.reassign([chartA, chartSampled], t.coderA.id);
    await t.leadClient.reassign([chartB], t.coderB.id);
    await t.leadClient.addToSample(t.auditor.id, [chartSampled]);
  });

  it('signs in with the right password and refuses a wrong one', async () => {
    const ok = await post(h.url, '/v1/auth/login', { name: t.coderA.name, password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ id: t.coderA.id, role: 'coder', teamId: t.id });
    const bad = await post(h.url, '/v1/auth/login', { name: t.coderA.name, password: 'not the password' });
    expect(bad.status).toBe(401);
    const nobody = await post(h.url, '/v1/auth/login', { name: 'no-such-user', password: PASSWORD });
    expect(nobody.status).toBe(401);
    expect(nobody.body.message).toBe(bad.body.message);
  });

  it('rate-limits repeated failed sign-ins for one user and address', async () => {
    const victim = await h.user('coder', t.id);
    for (let i = 0; i < 3; i++) expect((await post(h.url, '/v1/auth/login', { name: victim.name, password: 'wrong-wrong' })).status).toBe(401);
    const blocked = await post(h.url, '/v1/auth/login', { name: victim.name, password: PASSWORD });
    expect(blocked.status).toBe(429);
    // Other users are not affected.
    expect((await post(h.url, '/v1/auth/login', { name: t.coderB.name, password: PASSWORD })).status).toBe(200);
  });

  it('rejects malformed bodies with 400 and a message naming the problem', async () => {
    const missing = await post(h.url, '/v1/auth/login', { name: 'x' });
    expect(missing.status).toBe(400);
    expect(String(missing.body.message)).toMatch(/password/);
    const notJson = await post(h.url, '/v1/auth/login', '{"name": ');
    expect(notJson.status).toBe(400);
    const extra = await post(h.url, '/v1/auth/login', { name: 'x', password: 'y', admin: true });
    expect(extra.status).toBe(400);
    const token = (await post(h.url, '/v1/auth/login', { name: t.coderA.name, password: PASSWORD })).body.accessToken as string;
    const badPush = await post(h.url, '/v1/sync/push', { clientId: 'c', mutations: [{ id: 'not-a-uuid', chartId: chartA, kind: 'decision', baseLeaseVersion: 1, payload: {} }] }, token);
    expect(badPush.status).toBe(400);
    expect(String(badPush.body.message)).toMatch(/mutations\/0\/id/);
    const badCursor = await get(h.url, '/v1/sync/pull?cursor=-1', token);
    expect(badCursor.status).toBe(400);
  });

  it('refuses forged, tampered and wrongly signed tokens', async () => {
    const pair = (await post(h.url, '/v1/auth/login', { name: t.coderA.name, password: PASSWORD })).body as unknown as TokenPair;
    expect((await get(h.url, '/v1/me', pair.accessToken)).status).toBe(200);
    const [body, sig] = pair.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { sub: string; sid: string; iat: number; exp: number };
    // Same signature, claims switched to another user.
    const swapped = Buffer.from(JSON.stringify({ ...claims, sub: t.lead.id })).toString('base64url');
    expect((await get(h.url, '/v1/me', `${swapped}.${sig}`)).status).toBe(401);
    // Properly formed but signed with another key.
    const otherKey = issueAccessToken('some-other-secret-that-is-long-enough-xx', { ...claims, exp: 4_000_000_000 });
    expect((await get(h.url, '/v1/me', otherKey)).status).toBe(401);
    // Signature over the right body with a plain HMAC (no domain prefix) is still refused.
    const naive = `${body}.${createHmac('sha256', TOKEN_SECRET).update(body).digest('base64url')}`;
    expect((await get(h.url, '/v1/me', naive)).status).toBe(401);
    expect((await get(h.url, '/v1/me', 'garbage')).status).toBe(401);
    expect((await get(h.url, '/v1/me')).status).toBe(401);
  });

  it('expires access tokens, refreshes them once per refresh token, and logs out for good', async () => {
    const clock = movableClock();
    await h.startServer({ accessTtlSeconds: 60, clock: clock.now });
    try {
      const login = (await post(h.url, '/v1/auth/login', { name: t.coderA.name, password: PASSWORD })).body as unknown as TokenPair;
      expect((await get(h.url, '/v1/me', login.accessToken)).status).toBe(200);
      clock.advance(61_000);
      const expired = await get(h.url, '/v1/me', login.accessToken);
      expect(expired.status).toBe(401);
      expect(expired.body.error).toBe('token_expired');

      const r1 = await post(h.url, '/v1/auth/refresh', { refreshToken: login.refreshToken });
      expect(r1.status).toBe(200);
      const fresh = r1.body as unknown as TokenPair;
      expect(fresh.refreshToken).not.toBe(login.refreshToken);
      expect((await get(h.url, '/v1/me', fresh.accessToken)).status).toBe(200);

      // Retrying the old token right away (the response was lost) is honoured, and the
      // replacement that never arrived stops working.
      const retry = await post(h.url, '/v1/auth/refresh', { refreshToken: login.refreshToken });
      expect(retry.status).toBe(200);
      expect((await post(h.url, '/v1/auth/refresh', { refreshToken: fresh.refreshToken })).status).toBe(401);
      // ...which counts as theft of the family: the whole session is gone.
      const latest = retry.body as unknown as TokenPair;
      expect((await get(h.url, '/v1/me', latest.accessToken)).status).toBe(401);

      const second = (await post(h.url, '/v1/auth/login', { name: t.coderA.name, password: PASSWORD })).body as unknown as TokenPair;
      const out = await post(h.url, '/v1/auth/logout', { refreshToken: second.refreshToken });
      expect(out.body.revoked).toBe(true);
      expect((await get(h.url, '/v1/me', second.accessToken)).status).toBe(401);
      expect((await post(h.url, '/v1/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    } finally {
      await h.startServer({ loginRateLimit: { max: 3, windowMs: 60_000 } });
    }
  });

  it('lets a coder read only charts leased to them', async () => {
    const a = await h.client(t.coderA);
    expect((await a.getChart(chartA)).chart.encounter.id).toBe(chartA);
    await expect(a.getChart(chartB)).rejects.toMatchObject({ status: 404 });
    const b = await h.client(t.coderB);
    await expect(b.getChart(chartA)).rejects.toMatchObject({ status: 404 });
    const pulled = await a.pull(0, 1000);
    const chartIds = pulled.changes.filter((c) => c.type === 'chart').map((c) => (c.type === 'chart' ? c.chartId : ''));
    expect(new Set(chartIds)).toEqual(new Set([chartA, chartSampled]));
  });

  it('lets an auditor read only charts in their sample', async () => {
    const aud = await h.client(t.auditor);
    expect((await aud.getChart(chartSampled)).chartId).toBe(chartSampled);
    await expect(aud.getChart(chartA)).rejects.toMatchObject({ status: 404 });
    const pulled = await aud.pull(0, 1000);
    const charts = pulled.changes.filter((c) => c.type === 'chart');
    expect(charts.map((c) => (c.type === 'chart' ? c.chartId : ''))).toEqual([chartSampled]);
  });

  it("keeps leads to their own team's charts and everyone else out of lead endpoints", async () => {
    const other = await h.team();
    await expect(other.leadClient.getChart(chartA)).rejects.toMatchObject({ status: 404 });
    await expect(other.leadClient.reassign([chartA], other.coderA.id)).rejects.toMatchObject({ status: 404 });
    await expect(t.leadClient.reassign([chartA], other.coderA.id)).rejects.toMatchObject({ status: 403 });
    const otherPull = await other.leadClient.pull(0, 1000);
    expect(otherPull.changes.some((c) => c.type === 'chart' && c.chartId === chartA)).toBe(false);
    const a = await h.client(t.coderA);
    await expect(a.reassign([chartA], t.coderB.id)).rejects.toMatchObject({ status: 403 });
    await expect(a.orphans()).rejects.toMatchObject({ status: 403 });
    await expect(a.importCharts(makeCharts(1))).rejects.toMatchObject({ status: 403 });
    const aud = await h.client(t.auditor);
    await expect(aud.addToSample(t.auditor.id, [chartA])).rejects.toMatchObject({ status: 403 });
  });

  it('refreshes transparently when the access token expires in the middle of a sync', async () => {
    const clock = movableClock();
    await h.startServer({ accessTtlSeconds: 60, clock: clock.now });
    try {
      const seen: Array<TokenPair | null> = [];
      const c = new SyncClient({ baseUrl: h.url, onSession: (s) => seen.push(s) });
      await c.login(t.coderA.name, PASSWORD);
      const first = await c.pull(0, 1);
      clock.advance(61_000);
      const rest = await c.pullAll(first.cursor, () => undefined, 1);
      expect(rest).toBeGreaterThanOrEqual(first.cursor);
      // Login, then exactly one refresh: the refreshed token lives on the moved clock too.
      expect(seen.length).toBe(2);
      expect(new Set(seen.map((s) => s?.accessToken)).size).toBe(seen.length);
    } finally {
      await h.startServer({ loginRateLimit: { max: 3, windowMs: 60_000 } });
    }
  });

  it('surfaces a dead session as needing sign-in rather than retrying forever', async () => {
    const c = await h.client(t.coderB);
    await c.logout();
    const err = await c.pull(0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).needsSignIn).toBe(true);
  });
});
