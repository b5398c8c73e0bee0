// Vitest lifecycle for the sync tests (kept apart from fixtures.ts, which the Playwright specs import
// too): a loopback server for the file, and desktops or whole workstations cleaned up after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSyncHandlers, type SyncHandlers, type SyncOptions } from '../../../src/main/sync/handlers';
import type { SecretVault } from '../../../src/main/suggest/settings';
import { openWorkstation, type Workstation } from '../../../src/main/workstation';
import { Harness, type Team } from '../../server/harness';
import { TEST_CODESET_DIR } from '../../helpers/codeset';
import { desktop, type Desktop } from './fixtures';

/** Sync timings for tests: no background interval to wait on, quick backoff, a short request timeout. */
export const FAST_SYNC: SyncOptions = { intervalMs: 60_000, backoff: { baseMs: 20, maxMs: 100 }, timeoutMs: 5_000 };

/**
 * A loopback sync server on PGlite with one team for the whole test file: `before` runs first (e.g. the
 * code set the desktops need), `ready` receives the team once the server is up.
 */
export function useSyncServer(ready: (team: Team, h: Harness) => void | Promise<void>, before?: () => void): Harness {
  const h = new Harness('pglite');
  beforeAll(async () => {
    before?.();
    await h.setup();
    await h.startServer();
    await ready(await h.team(), h);
  }, 180_000);
  afterAll(() => h.teardown());
  return h;
}

export interface SyncedDesktop {
  d: Desktop;
  sync: SyncHandlers;
}

/**
 * Desktops with their sync handlers, each closed and deleted after its test. `track` adds handlers a
 * test opened again on a desktop (a restart) to the same clean-up.
 */
export function useSyncedDesktops(): ((vault?: SecretVault | null, opts?: SyncOptions) => SyncedDesktop) & { track(o: SyncedDesktop): void } {
  const open: SyncedDesktop[] = [];
  afterEach(() => {
    for (const o of open.splice(0)) {
      o.sync.close();
      o.d.cleanup();
    }
  });
  const install = (vault: SecretVault | null = null, opts: SyncOptions = {}): SyncedDesktop => {
    const d = desktop();
    const o = { d, sync: createSyncHandlers({ db: d.db, dataDir: d.dir, vault }, { ...FAST_SYNC, ...opts }) };
    open.push(o);
    return o;
  };
  return Object.assign(install, { track: (o: SyncedDesktop) => void open.push(o) });
}

/** Whole workstations (real SQLite file, test code set), each closed and deleted after its test. */
export function useWorkstations(prefix: string): () => { ws: Workstation; dir: string } {
  const open: Array<{ ws: Workstation; dir: string }> = [];
  afterEach(() => {
    for (const o of open.splice(0)) {
      o.ws.close();
      fs.rmSync(o.dir, { recursive: true, force: true });
    }
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `plumbline-${prefix}-`));
    const ws = openWorkstation({ dataDir: dir, codeSetDir: TEST_CODESET_DIR });
    open.push({ ws, dir });
    return { ws, dir };
  };
}
