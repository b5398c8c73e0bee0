// The desktop side of sync against a real server on 127.0.0.1 (embedded PGlite) and a real SQLite
// file: sign in, first pull, offline coding through the real review core, reassignment while
// offline, reconnect; lost responses; tokens never in clear.
import { describe, expect, it } from 'vitest';
import { createCoderHandlers, type CoderHandlers } from '../../../src/main/review/handlers';
import { enqueueOutbox } from '../../../src/main/review/outbox';
import { localUser } from '../../../src/main/worklist/users';
import { createSyncHandlers, type SyncHandlers } from '../../../src/main/sync/handlers';
import type { FetchLike } from '../../../src/shared/sync/client';
import type { PullResponse, SessionUser, WorkItem } from '../../../src/shared/sync/protocol';
import type { SyncStatus } from '../../../src/shared/sync/status';
import type { ChartView, ReviewItem } from '../../../src/shared/review/types';
import { movableClock, PASSWORD, type Team } from '../../server/harness';
import { memoryLookup } from '../edits/fixtures/memory-lookup';
import { aesVault, claimCharts, diskBytes, type Desktop } from './fixtures';
import { FAST_SYNC, useSyncedDesktops, useSyncServer } from './hooks';

let t: Team;
const h = useSyncServer((team) => void (t = team), memoryLookup);
const install = useSyncedDesktops();

function coderUi(d: Desktop, user: SessionUser): CoderHandlers {
  return createCoderHandlers({ db: d.db, codeSet: memoryLookup(), user: { id: user.id, name: user.name, role: 'coder' }, dataDir: d.dir });
}

async function leaseTo(user: SessionUser, n: number, offset = 0): Promise<string[]> {
  const charts = claimCharts(n, offset);
  const { results } = await t.leadClient.importCharts(charts);
  expect(results.every((r) => r.status === 'stored')).toBe(true);
  const ids = charts.map((c) => c.encounter.id);
  await t.leadClient.reassign(ids, user.id);
  return ids;
}

const item = (v: ChartView, display: string): ReviewItem => {
  const found = v.items.find((i) => i.display === display);
  if (!found) throw new Error(`no item ${display}`);
  return found;
};

function queue(ui: CoderHandlers): string[] {
  return (ui.worklistQuery({ limit: 100 }) as { rows: Array<{ encounterId: string }> }).rows.map((r) => r.encounterId);
}

async function leadView(): Promise<{ work: WorkItem[]; orphanIds: string[] }> {
  const work: WorkItem[] = [];
  await t.leadClient.pullAll(0, (p) => {
    for (const c of p.changes) if (c.type === 'work') work.push(c.work);
  });
  const { orphans } = await t.leadClient.orphans('all');
  return { work, orphanIds: orphans.map((o) => o.mutationId) };
}

describe('desktop sync', () => {
  it('signs in, pulls, codes offline, and on reconnect the server holds every decision once; work on a chart reassigned meanwhile is orphaned for the lead', async () => {
    const [x, y, z] = await leaseTo(t.coderA, 3);
    const { d, sync } = install();
    const before = localUser(d.db);
    let s = await sync.syncSignIn({ serverUrl: h.url, user: t.coderA.name, password: PASSWORD });
    expect(s).toMatchObject({ signedIn: true, user: t.coderA.name, serverUrl: h.url });
    // The signed-in person becomes the install's user; the placeholder created before sign-in stays as a row.
    expect(localUser(d.db)).toEqual({ id: t.coderA.id, name: t.coderA.name, role: 'coder' });
    expect(before.id).not.toBe(t.coderA.id);
    s = await sync.syncNow();
    expect(s).toMatchObject({ state: 'online', pending: 0, lastError: null, firstPull: null });
    expect(s.lastSyncAt).not.toBeNull();
    const ui = coderUi(d, t.coderA);
    expect(queue(ui).sort()).toEqual([x, y, z].sort());

    // Offline: the server goes away; the coder keeps working through the real review core.
    await h.stopServer();
    let vx = ui.chartOpen({ encounterId: x }) as ChartView;
    vx = ui.reviewAct({ encounterId: x, action: { type: 'accept', itemId: item(vx, 'I10').id } }) as ChartView;
    ui.reviewAct({ encounterId: x, action: { type: 'delete', itemId: item(vx, 'E11.9').id, reason: 'history_only', text: 'resolved' } }) as ChartView;
    expect(ui.reviewSubmit({ encounterId: x })).toMatchObject({ ok: true });
    const vy = ui.chartOpen({ encounterId: y }) as ChartView;
    ui.reviewAct({ encounterId: y, action: { type: 'accept', itemId: item(vy, 'E11.9').id } });
    s = await sync.syncNow();
    expect(s).toMatchObject({ signedIn: true, state: 'offline', pending: 4 });
    expect(s.lastError).toMatch(/unreachable/i);

    // Meanwhile the lead moves chart y to coder B.
    await h.startServer();
    const [moved] = (await t.leadClient.reassign([y], t.coderB.id)).results;
    expect(moved).toMatchObject({ status: 'reassigned' });

    s = await sync.syncNow();
    expect(s).toMatchObject({ state: 'online', pending: 0, lastError: null });

    const local = d.db.prepare('SELECT id, entity, entity_id AS entityId, payload FROM outbox ORDER BY seq').all() as Array<{ id: string; entity: string; entityId: string; payload: string }>;
    expect(local).toHaveLength(4);
    const chartOf = (r: (typeof local)[number]) => (r.entity === 'encounter' ? r.entityId : (JSON.parse(r.payload) as { encounterId: string }).encounterId);
    const onX = local.filter((r) => chartOf(r) === x).map((r) => r.id);
    const onY = local.filter((r) => chartOf(r) === y).map((r) => r.id);
    expect(onX).toHaveLength(3);
    expect(onY).toHaveLength(1);

    const { work, orphanIds } = await leadView();
    const mine = work.filter((w) => w.userId === t.coderA.id);
    expect(mine.map((w) => w.mutationId).sort()).toEqual([...onX].sort());
    expect(mine.map((w) => w.kind).sort()).toEqual(['decision', 'decision', 'submit']);
    expect(orphanIds).toEqual(onY);
    const { orphans } = await t.leadClient.orphans('open');
    expect(orphans.find((o) => o.mutationId === onY[0])).toMatchObject({ chartId: y, userId: t.coderA.id, kind: 'decision' });
    const stored = await h.db.query<{ n: string }>('SELECT count(*) AS n FROM mutations WHERE user_id = $1', [t.coderA.id]);
    expect(Number(stored[0]!.n)).toBe(4);

    // The moved chart left A's queue but A's work on it is still on the desktop.
    expect(queue(ui)).not.toContain(y);
    expect(queue(ui)).toContain(z);
    expect((d.db.prepare('SELECT count(*) AS n FROM review_decisions WHERE encounter_id = ?').get(y) as { n: number }).n).toBe(1);

    // Nothing is pushed again on the next sync.
    await sync.syncNow();
    expect(Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM mutations WHERE user_id = $1', [t.coderA.id]))[0]!.n)).toBe(4);
  }, 60_000);

  it('a push whose response is lost is retried and stores nothing twice', async () => {
    const coder = await h.user('coder', t.id);
    const [c] = await leaseTo(coder, 1, 5);
    let dropped = 0;
    const lossy: FetchLike = async (url, init) => {
      const res = await fetch(url, init);
      if (url.includes('/v1/sync/push') && dropped === 0) {
        dropped++;
        await res.json();
        throw new Error('connection reset after the server answered');
      }
      return res;
    };
    const { d, sync } = install(null, { fetch: lossy });
    await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
    await sync.syncNow();
    const ui = coderUi(d, coder);
    const v = ui.chartOpen({ encounterId: c }) as ChartView;
    ui.reviewAct({ encounterId: c, action: { type: 'accept', itemId: item(v, 'I10').id } });
    ui.reviewAct({ encounterId: c, action: { type: 'accept', itemId: item(v, 'E11.9').id } });

    let s = await sync.syncNow();
    expect(dropped).toBe(1);
    expect(s).toMatchObject({ state: 'offline', pending: 2 });
    const afterLoss = await h.db.query<{ id: string }>('SELECT id FROM mutations WHERE user_id = $1', [coder.id]);
    expect(afterLoss).toHaveLength(2);

    s = await sync.syncNow();
    expect(s).toMatchObject({ state: 'online', pending: 0 });
    const rows = await h.db.query<{ id: string }>('SELECT id FROM mutations WHERE user_id = $1 ORDER BY id', [coder.id]);
    const ids = (d.db.prepare('SELECT id FROM outbox ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    expect(rows.map((r) => r.id)).toEqual(ids);
    const verdicts = d.db.prepare('SELECT status FROM sync_outbox ORDER BY status').all() as Array<{ status: string }>;
    expect(verdicts.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
  }, 60_000);

  it('keeps tokens only encrypted, and sign-out clears them and ends the session on the server', async () => {
    const coder = await h.user('coder', t.id);
    let captured: { access: string; refresh: string } | null = null;
    const spy: FetchLike = async (url, init) => {
      const res = await fetch(url, init);
      if (url.endsWith('/v1/auth/login')) {
        const body = (await res.json()) as { accessToken: string; refreshToken: string };
        captured = { access: body.accessToken, refresh: body.refreshToken };
        return { status: res.status, json: async () => body };
      }
      return res;
    };
    const vault = aesVault();
    const { d, sync } = install(vault, { fetch: spy });
    await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
    await sync.syncNow();
    expect(captured).not.toBeNull();
    const tokens = captured as unknown as { access: string; refresh: string };
    const blob = (d.db.prepare('SELECT token_blob AS b FROM sync_state').get() as { b: Buffer | null }).b;
    expect(blob).toBeInstanceOf(Buffer);
    const disk = diskBytes(d.file);
    expect(disk).not.toContain(tokens.access);
    expect(disk).not.toContain(tokens.refresh);
    expect(disk).not.toContain(tokens.refresh.slice(0, 16));

    // With the vault the session survives a restart of the app.
    sync.close();
    const again = createSyncHandlers({ db: d.reopen(), dataDir: d.dir, vault }, FAST_SYNC);
    install.track({ d, sync: again });
    expect(again.syncStatus()).toMatchObject({ signedIn: true, user: coder.name });

    const s = await again.syncSignOut();
    expect(s).toMatchObject({ signedIn: false, state: 'signed-out', user: null });
    expect((d.db.prepare('SELECT token_blob AS b FROM sync_state').get() as { b: Buffer | null }).b).toBeNull();
    const res = await fetch(`${h.url}/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: tokens.refresh }) });
    expect(res.status).toBe(401);
    const fresh = createSyncHandlers({ db: d.db, dataDir: d.dir, vault }, FAST_SYNC);
    expect(fresh.syncStatus().signedIn).toBe(false);
    fresh.close();
  }, 60_000);

  it('without a vault the tokens never reach the database file', async () => {
    const coder = await h.user('coder', t.id);
    const { d, sync } = install(null);
    await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
    await sync.syncNow();
    expect((d.db.prepare('SELECT token_blob AS b FROM sync_state').get() as { b: Buffer | null }).b).toBeNull();
    expect(diskBytes(d.file)).not.toMatch(/eyJ|Bearer/);
    sync.close();
    const restarted = createSyncHandlers({ db: d.reopen(), dataDir: d.dir, vault: null }, FAST_SYNC);
    install.track({ d, sync: restarted });
    expect(restarted.syncStatus()).toMatchObject({ signedIn: false, state: 'signed-out' });
  }, 60_000);

  it('an interrupted first pull keeps every applied page; after a restart it resumes from the saved cursor without repeating a chart', async () => {
    const coder = await h.user('coder', t.id);
    const ids = await leaseTo(coder, 3, 7);
    const vault = aesVault();
    let pulls = 0;
    let failAt = 3;
    const cursors: number[] = [];
    let during: SyncStatus | null = null;
    let sync: SyncHandlers | null = null;
    const flaky: FetchLike = async (url, init) => {
      if (url.includes('/v1/sync/pull')) {
        pulls++;
        if (pulls === 2) during = sync?.syncStatus() ?? null;
        if (pulls === failAt) throw new Error('network dropped mid-pull');
        const res = await fetch(url, init);
        const body = (await res.json()) as PullResponse;
        cursors.push(body.cursor);
        return { status: res.status, json: async () => body };
      }
      return fetch(url, init);
    };
    const inst = install(vault, { fetch: flaky, pageSize: 1 });
    const d = inst.d;
    sync = inst.sync;
    await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
    const s = await sync.syncNow();
    expect(s.state).toBe('offline');
    expect(during).toMatchObject({ state: 'syncing', firstPull: { total: null } });
    const stored = (d.db.prepare('SELECT cursor, first_pull_done AS done FROM sync_state').get() as { cursor: number; done: number });
    expect(stored).toEqual({ cursor: cursors[1], done: 0 });
    const partial = (d.db.prepare('SELECT count(*) AS n FROM encounters').get() as { n: number }).n;
    expect(partial).toBeGreaterThanOrEqual(1);
    expect(partial).toBeLessThan(3);

    // The app restarts (same file, same vault) and carries on.
    sync.close();
    failAt = -1;
    const restarted = createSyncHandlers({ db: d.reopen(), dataDir: d.dir, vault }, { ...FAST_SYNC, fetch: flaky, pageSize: 1 });
    install.track({ d, sync: restarted });
    expect(restarted.syncStatus()).toMatchObject({ signedIn: true });
    expect(await restarted.syncNow()).toMatchObject({ state: 'online', firstPull: null });
    const rows = d.db.prepare('SELECT id FROM encounters ORDER BY id').all() as Array<{ id: string }>;
    expect(rows.map((r) => r.id)).toEqual([...ids].sort());
    expect((d.db.prepare('SELECT count(*) AS n FROM assignments').get() as { n: number }).n).toBe(3);
    expect(queue(coderUi(d, coder)).sort()).toEqual([...ids].sort());
  }, 60_000);

  it('a change the server refuses keeps its reason, is not resent, and does not hold back the changes after it', async () => {
    const coder = await h.user('coder', t.id);
    const [c] = await leaseTo(coder, 1, 11);
    const { d, sync } = install();
    await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
    await sync.syncNow();
    // A change too large for the protocol (the server caps a mutation at 256 KiB).
    d.db.transaction(() => enqueueOutbox(d.db, { entity: 'review_decision', entityId: c!, op: 'query', payload: { encounterId: c, note: 'x'.repeat(300_000) } }))();
    const ui = coderUi(d, coder);
    const v = ui.chartOpen({ encounterId: c }) as ChartView;
    ui.reviewAct({ encounterId: c, action: { type: 'accept', itemId: item(v, 'I10').id } });
    expect(sync.syncStatus().pending).toBe(2);

    let s = await sync.syncNow();
    expect(s.pending).toBe(0);
    expect(s.lastError).toMatch(/1 change was refused by the server \(payload larger than/);
    const rows = await h.db.query<{ kind: string }>('SELECT kind FROM mutations WHERE user_id = $1', [coder.id]);
    expect(rows).toHaveLength(1);
    s = await sync.syncNow();
    expect(s.lastError).toMatch(/refused/);
    const attempts = d.db.prepare("SELECT o.attempts AS a FROM outbox o JOIN sync_outbox s ON s.outbox_id = o.id WHERE s.status = 'rejected'").all();
    expect(attempts).toEqual([{ a: 1 }]);
  }, 60_000);

  it('an access token that expires between pages is refreshed and the sync carries on', async () => {
    // The server's clock jumps past the token's life before the second page, rather than the
    // test sleeping against a one-second token (which raced the machine's speed).
    const clock = movableClock();
    await h.startServer({ accessTtlSeconds: 60, clock: clock.now });
    try {
      const coder = await h.user('coder', t.id);
      const ids = await leaseTo(coder, 2, 13);
      let pulls = 0;
      let refreshes = 0;
      const slow: FetchLike = async (url, init) => {
        if (url.includes('/v1/auth/refresh')) refreshes++;
        if (url.includes('/v1/sync/pull') && ++pulls === 2) clock.advance(61_000);
        return fetch(url, init);
      };
      const { d, sync } = install(null, { fetch: slow, pageSize: 1 });
      await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
      const s = await sync.syncNow();
      expect(s).toMatchObject({ state: 'online', signedIn: true, lastError: null });
      expect(refreshes).toBe(1);
      expect(queue(coderUi(d, coder)).sort()).toEqual([...ids].sort());
    } finally {
      await h.startServer();
    }
  }, 60_000);

  it("an auditor pulls their sample and their review goes up as audit work on the chart's record", async () => {
    const coder = await h.user('coder', t.id);
    const [c] = await leaseTo(coder, 1, 17);
    await t.leadClient.addToSample(t.auditor.id, [c!]);
    const { d, sync } = install();
    await sync.syncSignIn({ serverUrl: h.url, user: t.auditor.name, password: PASSWORD });
    expect(await sync.syncNow()).toMatchObject({ state: 'online' });
    const ui = createCoderHandlers({ db: d.db, codeSet: memoryLookup(), user: { id: t.auditor.id, name: t.auditor.name, role: 'auditor' }, dataDir: d.dir });
    expect(queue(ui)).toEqual([c]);
    const v = ui.chartOpen({ encounterId: c }) as ChartView;
    ui.reviewAct({ encounterId: c, action: { type: 'accept', itemId: item(v, 'I10').id } });
    expect(await sync.syncNow()).toMatchObject({ state: 'online', pending: 0, lastError: null });
    const { work } = await leadView();
    expect(work.filter((w) => w.userId === t.auditor.id).map((w) => [w.chartId, w.kind])).toEqual([[c, 'audit']]);
  }, 60_000);
});
