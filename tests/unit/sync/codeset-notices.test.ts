// Code-set releases the organisation announces, end to end on real parts: the admin announces
// through the real route on a server on 127.0.0.1 (PGlite), and the whole workstation core (real
// SQLite file, the test code set as installed) pulls the notice and judges it against that code set.
// Every test announces for its own system: the feed is global, so each install hears them all.
import { describe, expect, it } from 'vitest';
import { createSyncHandlers } from '../../../src/main/sync/handlers';
import { applyPage } from '../../../src/main/sync/pull';
import type { Workstation } from '../../../src/main/workstation';
import { SyncStateStore } from '../../../src/main/sync/state';
import type { SyncClient } from '../../../src/shared/sync/client';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import type { CodeSetNotice } from '../../../src/shared/sync/status';
import { Harness, PASSWORD, type Team } from '../../server/harness';
import { ensureTestCodeSet } from '../../helpers/codeset';
import { recorder } from './fixtures';
import { useSyncServer, useWorkstations } from './hooks';

let t: Team;
let admin: SyncClient;
const h = useSyncServer(async (team, harness) => {
  t = team;
  admin = await harness.client(await harness.user('admin', null));
}, ensureTestCodeSet);
const install = useWorkstations('codeset-notice');

async function signInAndSync(ws: Workstation, user: SessionUser): Promise<void> {
  await ws.handlers.syncSignIn({ serverUrl: h.url, user: user.name, password: PASSWORD });
  expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', lastError: null });
}

async function notices(ws: Workstation): Promise<CodeSetNotice[]> {
  return (await ws.handlers.syncStatus()).codeSetNotices;
}

const stored = (ws: Workstation, system: string): unknown => ws.db.prepare('SELECT * FROM sync_codeset_notices WHERE system = ?').get(system);

describe('code-set notices on the desktop', () => {
  it('a newer ICD-10-CM edition the organisation announced is outstanding, with what this install has', async () => {
    const { ws } = install();
    const installed = `FY2026 (${ws.codeSet.version})`;
    expect(ws.codeSet.fiscalYears).toEqual([2026]);
    const before = Date.now();
    await admin.announceCodeSet({ system: 'ICD-10-CM', fiscalYear: 2027, codeSetVersion: 'icd10cm-FY2027+hcc-v28-PY2027', note: 'October 1 release: code FY2027 dates of service with it' });
    expect(await notices(ws)).toEqual([]);

    await signInAndSync(ws, t.coderA);
    const [n, ...rest] = (await notices(ws)).filter((x) => x.systemId === 'icd10cm');
    expect(rest).toEqual([]);
    expect(n).toEqual({
      systemId: 'icd10cm',
      system: 'ICD-10-CM',
      fiscalYear: 2027,
      codeSetVersion: 'icd10cm-FY2027+hcc-v28-PY2027',
      note: 'October 1 release: code FY2027 dates of service with it',
      announcedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      installed,
    });
    // The server's clock, not the pull's.
    expect(Math.abs(Date.parse(n!.announcedAt) - before)).toBeLessThan(60_000);
    expect(stored(ws, 'icd10cm')).toMatchObject({ system_name: 'ICD-10-CM', fiscal_year: 2027, note: expect.stringContaining('October') });

    // It describes the code set, not the session: still there after signing out.
    await ws.handlers.syncSignOut();
    expect((await notices(ws)).map((x) => x.systemId)).toContain('icd10cm');
  }, 120_000);

  it('a notice matching the installed code set is recorded but not outstanding; an install with no code set would be told', async () => {
    const { ws, dir } = install();
    await admin.announceCodeSet({ system: 'icd10pcs', fiscalYear: ws.codeSet.fiscalYears[0]!, codeSetVersion: ws.codeSet.version, note: null });
    await signInAndSync(ws, t.coderB);
    expect(stored(ws, 'icd10pcs')).toMatchObject({ fiscal_year: 2026, code_set_version: ws.codeSet.version });
    expect((await notices(ws)).map((x) => x.systemId)).not.toContain('icd10pcs');

    // The same rows read against no loaded code set: everything is outstanding.
    const bare = createSyncHandlers({ db: ws.db, dataDir: dir, vault: null });
    try {
      expect(bare.syncStatus().codeSetNotices.find((x) => x.systemId === 'icd10pcs')).toMatchObject({ system: 'ICD-10-PCS', installed: 'no code set loaded' });
    } finally {
      bare.close();
    }
  }, 120_000);

  it('pulling the same page twice changes nothing', async () => {
    const { ws, dir } = install();
    const coder = await h.user('coder', t.id);
    await admin.announceCodeSet({ system: 'cms-hcc', fiscalYear: 2027, codeSetVersion: 'V28-PY2027', note: 'Payment year 2027' });
    const { fetch: recording, pages } = recorder();
    const sync = createSyncHandlers({ db: ws.db, dataDir: dir, vault: null }, { intervalMs: 60_000, timeoutMs: 5_000, fetch: recording });
    try {
      await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
      expect(await sync.syncNow()).toMatchObject({ state: 'online', lastError: null });
      const withNotices = pages.filter((p) => p.changes.some((c) => c.type === 'codeset'));
      expect(withNotices.length).toBeGreaterThan(0);
      const rows = () => ws.db.prepare('SELECT * FROM sync_codeset_notices ORDER BY system').all();
      const after = { rows: rows(), notices: await notices(ws) };
      expect(after.notices.find((x) => x.systemId === 'hcc')).toMatchObject({ system: 'CMS-HCC', fiscalYear: 2027, note: 'Payment year 2027' });

      const state = new SyncStateStore(ws.db);
      const cursor = state.get().cursor;
      for (const p of withNotices) expect(applyPage(ws.db, state, coder.id, { ...p, cursor })).toMatchObject({ notices: 0 });
      expect({ rows: rows(), notices: await notices(ws) }).toEqual(after);
      // And through the server again from cursor 0.
      await sync.syncSignOut();
      await ws.handlers.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
      ws.db.prepare('UPDATE sync_state SET cursor = 0').run();
      expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', lastError: null });
      expect({ rows: rows(), notices: await notices(ws) }).toEqual(after);
    } finally {
      sync.close();
    }
  }, 120_000);

  it('a later notice for the same system supersedes the earlier one, however the system is spelt; an older one arriving late does not come back', async () => {
    const { ws, dir } = install();
    const coder = await h.user('coder', t.id);
    const { fetch: recording, pages } = recorder();
    const sync = createSyncHandlers({ db: ws.db, dataDir: dir, vault: null }, { intervalMs: 60_000, timeoutMs: 5_000, fetch: recording });
    try {
      await admin.announceCodeSet({ system: 'hcpcs', fiscalYear: 2026, codeSetVersion: 'HCPCS 2026-04', note: 'April quarterly update' });
      await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
      expect(await sync.syncNow()).toMatchObject({ state: 'online', lastError: null });
      expect((await notices(ws)).find((x) => x.systemId === 'hcpcs')).toMatchObject({ system: 'HCPCS Level II', codeSetVersion: 'HCPCS 2026-04', installed: `FY2026 (${ws.codeSet.version})` });
      const early = pages.splice(0).filter((p) => p.changes.some((c) => c.type === 'codeset' && c.system === 'hcpcs'));
      expect(early).toHaveLength(1);

      // The organisation settles on the edition this install has.
      await admin.announceCodeSet({ system: 'HCPCS Level II', fiscalYear: 2026, codeSetVersion: ws.codeSet.version, note: 'Staying on the January release' });
      expect(await sync.syncNow()).toMatchObject({ state: 'online', lastError: null });
      expect((await notices(ws)).map((x) => x.systemId)).not.toContain('hcpcs');
      const latest = stored(ws, 'hcpcs');
      expect(latest).toMatchObject({ system_name: 'HCPCS Level II', code_set_version: ws.codeSet.version, note: 'Staying on the January release' });
      expect(ws.db.prepare("SELECT count(*) AS n FROM sync_codeset_notices WHERE system = 'hcpcs'").get()).toEqual({ n: 1 });

      const state = new SyncStateStore(ws.db);
      expect(applyPage(ws.db, state, coder.id, { ...early[0]!, cursor: state.get().cursor })).toMatchObject({ notices: 0 });
      expect(stored(ws, 'hcpcs')).toEqual(latest);

      // Newer again: outstanding again.
      await admin.announceCodeSet({ system: 'HCPCS', fiscalYear: 2026, codeSetVersion: 'HCPCS 2026-07', note: null });
      expect(await sync.syncNow()).toMatchObject({ state: 'online', lastError: null });
      expect((await notices(ws)).find((x) => x.systemId === 'hcpcs')).toMatchObject({ codeSetVersion: 'HCPCS 2026-07', note: null });
    } finally {
      sync.close();
    }
  }, 120_000);

  it('signing in to another server forgets the notices of the one before', async () => {
    const { ws } = install();
    await admin.announceCodeSet({ system: 'Local-Payer-Set', fiscalYear: 2027, codeSetVersion: 'LP-2027', note: null });
    await signInAndSync(ws, t.coderA);
    expect((await notices(ws)).find((x) => x.systemId === 'localpayerset')).toMatchObject({ system: 'Local-Payer-Set', installed: 'no Local-Payer-Set code set' });

    const other = new Harness('pglite');
    await other.setup();
    try {
      await other.startServer();
      const team = await other.team();
      await ws.handlers.syncSignIn({ serverUrl: other.url, user: team.coderA.name, password: PASSWORD });
      expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', lastError: null });
      expect(await notices(ws)).toEqual([]);
    } finally {
      await ws.handlers.syncSignOut();
      await other.teardown();
    }
  }, 180_000);
});
