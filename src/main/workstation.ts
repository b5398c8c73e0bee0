// Composition root of the desktop core: opens the local database, applies migrations, loads the code
// set and returns the handler table for the API contract. Runs in plain Node (Electron main, the CLI
// and the tests all call this), never imports electron.
import path from 'node:path';
import type { ApiHandlers, AppInfo } from '../shared/api';
import { openDatabase, type Db } from './db/open';
import { migrate } from './db/migrate';
import { loadMigrations } from './db/migrations';
import { KeymapStore } from './settings/keymap-store';
import { SettingsStore } from './settings/settings-store';
import { appVersion } from './version';
import { codeSetDirFor } from './paths';
import { ensureCodeSet, openCodeSet, type CodeSet } from './codeset/open';
import { createCodesetHandlers } from './codeset/handlers';
import { installedCodeSet } from './codeset/installed';
import { createCoderHandlers } from './review/handlers';
import { localUser } from './worklist/users';
import { ModelSettingsStore, type SecretVault } from './suggest/settings';
import { SuggestionService } from './suggest/service';
import { createSyncHandlers } from './sync/handlers';

export interface WorkstationOptions {
  dataDir: string;
  /**
   * Folder holding the built code-set database (rebuilt there when its inputs change). Defaults to
   * `$PLUMBLINE_CODESET_DIR`, else `<dataDir>/codesets`; tests share one folder so the build happens once.
   */
  codeSetDir?: string;
  onProgress?: (step: string) => void;
  /** Encrypts secrets (the model API key) with the OS keychain; the Electron shell passes safeStorage. */
  vault?: SecretVault | null;
}

export interface Workstation {
  readonly dataDir: string;
  readonly db: Db;
  readonly handlers: ApiHandlers;
  readonly settings: SettingsStore;
  readonly keymap: KeymapStore;
  readonly codeSet: CodeSet;
  close(): void;
}

export const DATABASE_FILE = 'plumbline.sqlite';

export function openWorkstation(options: WorkstationOptions): Workstation {
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE));
  let schema: number;
  try {
    schema = migrate(db, loadMigrations()).to;
  } catch (err) {
    db.close();
    throw err;
  }
  let codeSet: CodeSet;
  try {
    codeSet = openCodeSet(ensureCodeSet(options.codeSetDir ?? codeSetDirFor(options.dataDir), undefined, options.onProgress));
  } catch (err) {
    db.close();
    throw err;
  }
  const keymap = new KeymapStore(db);
  const settings = new SettingsStore(db);

  const info = (): AppInfo => ({
    appVersion: appVersion(),
    dataDir: options.dataDir,
    dbSchemaVersion: schema,
    codeSetVersion: codeSet.version,
    fiscalYears: [...codeSet.fiscalYears],
    platform: process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux',
  });

  const modelSettings = new ModelSettingsStore(settings, options.vault ?? null);
  // Sync first: a session resumed from the vault makes the server user the install's local user.
  const sync = createSyncHandlers({ db, dataDir: options.dataDir, vault: options.vault ?? null, codeSet: installedCodeSet(codeSet) });
  let user = localUser(db);
  let coder = createCoderHandlers({ db, codeSet, user, dataDir: options.dataDir });
  /** Signing in or out changes whose queue this install shows; the coder handlers follow. */
  const followLocalUser = <T>(status: T): T => {
    const now = localUser(db);
    if (now.id !== user.id) {
      user = now;
      coder = createCoderHandlers({ db, codeSet, user, dataDir: options.dataDir });
    }
    return status;
  };
  const suggestions = new SuggestionService({ db, codeSet, dataDir: options.dataDir, modelSettings, userId: () => user.id });

  const openChart = (req: { encounterId: string }) => {
    // Local suggestions are in place before the chart is first shown; the model's arrive later.
    if (typeof req?.encounterId === 'string') suggestions.ensureLocal(req.encounterId);
    const view = coder.chartOpen(req);
    suggestions.requestModel(view.encounter.id);
    return view;
  };

  const handlers: ApiHandlers = {
    appInfo: () => info(),
    keymapList: () => keymap.list(),
    keymapSet: (req) => keymap.set(req.command, req.keys),
    keymapReset: (req) => keymap.reset(req?.command),
    themeGet: () => settings.theme(),
    themeSet: (req) => settings.setTheme(req?.theme),
    ...createCodesetHandlers(codeSet),
    worklistQuery: (req) => coder.worklistQuery(req),
    worklistNext: (req) => coder.worklistNext(req),
    demoStatus: (req) => coder.demoStatus(req),
    demoLoad: (req) => coder.demoLoad(req),
    reviewAct: (req) => {
      const view = coder.reviewAct(req);
      const action = req.action;
      if (action.type === 'accept' || action.type === 'reject') {
        const item = view.items.find((i) => i.id === action.itemId);
        if (item) suggestions.learnFromDecision(item, action.type === 'accept');
      }
      return view;
    },
    reviewUndo: (req) => coder.reviewUndo(req),
    reviewSubmitPreview: (req) => coder.reviewSubmitPreview(req),
    reviewSubmit: (req) => coder.reviewSubmit(req),
    chartSetStatus: (req) => coder.chartSetStatus(req),
    chartOpen: (req) => openChart(req),
    suggestStatus: (req) => {
      if (typeof req?.encounterId !== 'string') throw new Error('Which chart? An encounterId is required.');
      return suggestions.diagnostics(req.encounterId);
    },
    modelSettingsGet: () => modelSettings.get(),
    modelSettingsSet: (req) => modelSettings.set(req),
    modelKeySet: (req) => modelSettings.setKey(req?.key),
    modelKeyClear: () => modelSettings.clearKey(),
    syncStatus: () => sync.syncStatus(),
    syncSignIn: async (req) => followLocalUser(await sync.syncSignIn(req)),
    syncSignOut: async () => followLocalUser(await sync.syncSignOut()),
    syncNow: () => sync.syncNow(),
    syncRefusedList: () => sync.syncRefusedList(),
    syncRefusedRetry: (req) => sync.syncRefusedRetry(req),
    syncRefusedDiscard: (req) => sync.syncRefusedDiscard(req),
    chartLoadServerUpdate: (req) => {
      sync.loadServerUpdate(req);
      // Opened like a chart: the suggestions the load dropped with the old text are made afresh.
      return openChart(req);
    },
  };

  return {
    dataDir: options.dataDir,
    db,
    handlers,
    settings,
    keymap,
    codeSet,
    close: () => {
      sync.close();
      suggestions.close();
      db.close();
      codeSet.close();
    },
  };
}
