// The one contract between the renderer and the core. The Electron preload, the test bridge and the
// core's handler table are all derived from API_METHODS, so a method exists everywhere or nowhere.
import type { CommandId, CommandScope } from './commands';
import type { CodeSystemId } from './codeset/types';
import type { CodeDetail, SearchHit } from './codeset/search';
import type { EditEncounter, EditResult } from './edits/types';
import type { RafInput, RafResult } from './hcc/types';
import type { WorklistPage, WorklistQuery, ChartStatus } from './worklist/types';
import type { ChartView, ReviewAction, SubmitPreview, SubmitResult } from './review/types';
import type { ModelSettings, ModelSettingsView } from './suggest/model-settings';
import type { SuggestionRun } from './suggest/types';
import type { SyncSignInRequest, SyncStatus } from './sync/status';
import type { RefusedList, RefusedRequest, RefusedResult } from './sync/refused';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface AppInfo {
  appVersion: string;
  dataDir: string;
  /** Applied schema migration of the local database. */
  dbSchemaVersion: number;
  /** e.g. "icd10cm-FY2026+hcc-v28-PY2026", or null while no code set is loaded. */
  codeSetVersion: string | null;
  fiscalYears: number[];
  platform: 'mac' | 'windows' | 'linux';
}

export interface KeyBinding {
  command: CommandId;
  title: string;
  scope: CommandScope;
  keys: string[];
  isDefault: boolean;
}

interface Call<Req, Res> {
  req: Req;
  res: Res;
}

export interface ApiContract {
  appInfo: Call<void, AppInfo>;
  keymapList: Call<void, KeyBinding[]>;
  keymapSet: Call<{ command: string; keys: string[] }, KeyBinding[]>;
  keymapReset: Call<{ command?: string }, KeyBinding[]>;
  themeGet: Call<void, ThemeChoice>;
  themeSet: Call<{ theme: ThemeChoice }, ThemeChoice>;

  // Encoder
  codesetSearch: Call<{ query: string; system?: CodeSystemId; limit?: number }, SearchHit[]>;
  codesetDetail: Call<{ system: CodeSystemId; code: string }, CodeDetail | null>;
  editsRun: Call<EditEncounter, EditResult[]>;
  rafScore: Call<RafInput, RafResult>;

  // Worklist
  worklistQuery: Call<WorklistQuery, WorklistPage>;
  /** The next chart to work after `afterEncounterId` in queue order (new/in progress), or null. */
  worklistNext: Call<{ afterEncounterId?: string }, string | null>;
  /** Charts bundled with the app for a first look; `load` imports them once. */
  demoStatus: Call<void, { available: number; loaded: boolean; chartCount: number }>;
  demoLoad: Call<void, { imported: number }>;

  // Chart review
  chartOpen: Call<{ encounterId: string }, ChartView>;
  reviewAct: Call<{ encounterId: string; action: ReviewAction }, ChartView>;
  reviewUndo: Call<{ encounterId: string }, ChartView>;
  /** Read-only: what `reviewSubmit` would record for the chart now, or why it would refuse. */
  reviewSubmitPreview: Call<{ encounterId: string }, SubmitPreview>;
  /**
   * Records the chart's codes and sets it done. With `expected` (a summary's `fingerprint`) it refuses,
   * writing nothing, when the codes or decisions are no longer the ones that summary showed.
   */
  reviewSubmit: Call<{ encounterId: string; expected?: string }, SubmitResult>;
  chartSetStatus: Call<{ encounterId: string; status: Extract<ChartStatus, 'on_hold' | 'in_progress' | 'pending_query'> }, ChartView>;

  // Suggestions
  /** The latest suggestion runs for a chart (local and model), with their grounding drop counts. */
  suggestStatus: Call<{ encounterId: string }, SuggestDiagnostics>;
  modelSettingsGet: Call<void, ModelSettingsView>;
  modelSettingsSet: Call<Partial<ModelSettings>, ModelSettingsView>;
  modelKeySet: Call<{ key: string }, ModelSettingsView>;
  modelKeyClear: Call<void, ModelSettingsView>;

  // Sync with the organisation's Plumbline server
  syncStatus: Call<void, SyncStatus>;
  syncSignIn: Call<SyncSignInRequest, SyncStatus>;
  syncSignOut: Call<void, SyncStatus>;
  syncNow: Call<void, SyncStatus>;
  /** Changes the server refused, newest first, for the coder to retry or discard. */
  syncRefusedList: Call<void, RefusedList>;
  /** Puts refused changes back in the push queue and, when signed in, syncs at once. */
  syncRefusedRetry: Call<RefusedRequest, RefusedResult>;
  /** Stops sending refused changes; they stay on this install and the discard is audited. */
  syncRefusedDiscard: Call<RefusedRequest, RefusedResult>;
  /**
   * Loads the newer server version waiting for a chart the coder has worked on (`ChartView.serverUpdate`),
   * keeping the work: decisions stay, evidence moves onto the new text, codes whose evidence is gone
   * are flagged for re-review. `version` is the waiting version the coder saw; another one refuses.
   * Answers with the chart as it now is.
   */
  chartLoadServerUpdate: Call<{ encounterId: string; version: number }, ChartView>;
}

export interface SuggestDiagnostics {
  runs: Array<Omit<SuggestionRun, 'suggestions'> & { at: string; accepted: number; rejected: number }>;
  /** True while a model call for this chart is in flight. */
  modelPending: boolean;
  /** Acceptance rates per engine over all charts on this install. */
  acceptance: Array<{ engine: 'local' | 'model'; acted: number; accepted: number }>;
}

export type ApiMethod = keyof ApiContract;
export type ApiRequest<M extends ApiMethod> = ApiContract[M]['req'];
export type ApiResponse<M extends ApiMethod> = ApiContract[M]['res'];

/** The contract's calls as the renderer invokes them. */
export type PlumblineCalls = { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResponse<M>> };

/**
 * What the renderer sees as `window.plumbline`: the calls, plus one subscription for commands the
 * desktop shell's menu sends (the renderer owns key handling; the menu just names a command).
 */
export type PlumblineApi = PlumblineCalls & { onCommand(listener: (command: string) => void): () => void };

/** IPC channel the shell uses to send a menu command to the renderer. */
export const COMMAND_CHANNEL = 'plumbline:command';

/** What the core implements. */
export type ApiHandlers = { [M in ApiMethod]: (req: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>> };

// A record (not an array) so the compiler refuses a contract method that is missing here.
const METHOD_TABLE: { [M in ApiMethod]: true } = {
  appInfo: true,
  keymapList: true,
  keymapSet: true,
  keymapReset: true,
  themeGet: true,
  themeSet: true,
  codesetSearch: true,
  codesetDetail: true,
  editsRun: true,
  rafScore: true,
  worklistQuery: true,
  worklistNext: true,
  demoStatus: true,
  demoLoad: true,
  chartOpen: true,
  reviewAct: true,
  reviewUndo: true,
  reviewSubmitPreview: true,
  reviewSubmit: true,
  chartSetStatus: true,
  suggestStatus: true,
  modelSettingsGet: true,
  modelSettingsSet: true,
  modelKeySet: true,
  modelKeyClear: true,
  syncStatus: true,
  syncSignIn: true,
  syncSignOut: true,
  syncNow: true,
  syncRefusedList: true,
  syncRefusedRetry: true,
  syncRefusedDiscard: true,
  chartLoadServerUpdate: true,
};

export const API_METHODS = Object.freeze(Object.keys(METHOD_TABLE) as ApiMethod[]);

export const IPC_PREFIX = 'plumbline:';

/** Errors cross the bridge as data so the renderer gets the core's message, not a transport wrapper. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };

export function unwrapEnvelope<T>(envelope: ApiEnvelope<T>): T {
  if (envelope.ok) return envelope.value;
  const err = new Error(envelope.error.message);
  err.name = envelope.error.name;
  throw err;
}

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(METHOD_TABLE, value);
}
