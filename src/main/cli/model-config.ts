// The model engine's settings for one CLI run: what the desktop app saved in the data folder, overridden
// by flags, with the API key from the environment only (a flag would end up in shell history). Nothing
// is written back, so a batch run can point at another endpoint without changing the app's settings,
// and it works in a data folder the app has never opened.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { DATA_DATABASE_FILE } from '../importing/database';
import { SettingsStore } from '../settings/settings-store';
import type { ModelEngineConfig } from '../suggest/model';
import { API_KEY_ENV, MODEL_SETTING_KEYS, ModelSettingsStore, type ModelSettings } from '../suggest/settings';
import { UsageError } from './command';

export const MODEL_OPTIONS = {
  endpoint: { type: 'string' },
  model: { type: 'string' },
  provider: { type: 'string' },
  'api-version': { type: 'string' },
} as const;

export const MODEL_USAGE = '[--endpoint <url> --model <name> [--provider openai|azure|compatible] [--api-version v]]';

/** Flag → setting; the flags override the saved settings one by one. */
const FLAG_FIELDS: ReadonlyArray<[keyof typeof MODEL_OPTIONS, keyof ModelSettings]> = [
  ['provider', 'provider'],
  ['endpoint', 'baseUrl'],
  ['model', 'model'],
  ['api-version', 'apiVersion'],
];

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** The model flags present on the command line (they mean nothing to the local engine). */
export function modelFlagsGiven(values: Values): string[] {
  return Object.keys(MODEL_OPTIONS).filter((k) => values[k] !== undefined).map((k) => `--${k}`);
}

/** The saved `model.config` row, read without migrating or writing anything. */
function savedModelRow(dataDir: string): string | undefined {
  const file = path.join(dataDir, DATA_DATABASE_FILE);
  if (!existsSync(file)) return undefined;
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    return new SettingsStore(db).get(MODEL_SETTING_KEYS.config);
  } catch (err) {
    throw new Error(`Cannot read the saved model settings in ${file}: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
}

export function resolveCliModelConfig(dataDir: string, values: Values, env: Readonly<Record<string, string | undefined>> = process.env): ModelEngineConfig {
  const rows = new Map<string, string>();
  const saved = savedModelRow(dataDir);
  if (saved !== undefined) rows.set(MODEL_SETTING_KEYS.config, saved);
  // No vault: a key the app stored encrypted is unreadable here, so only the environment counts.
  const store = new ModelSettingsStore({ get: (k) => rows.get(k), set: (k, v) => void rows.set(k, v) }, null, env);
  // Asking for --engine model is an explicit request; the app's on/off switch is about the workstation.
  store.set({ enabled: true });
  for (const [flag, field] of FLAG_FIELDS) {
    const v = values[flag];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new UsageError(`--${flag} needs a value`);
    try {
      store.set({ [field]: v });
    } catch (err) {
      throw new UsageError(`--${flag}: ${(err as Error).message}`);
    }
  }
  const view = store.get();
  // A local OpenAI-compatible server (Ollama, vLLM) usually takes no key, as in the app.
  if (!view.hasKey && view.provider !== 'compatible') {
    throw new UsageError(`No API key for the model endpoint: set ${API_KEY_ENV} in the environment. The CLI reads the key from the environment only, never from a flag (flags end up in shell history).`);
  }
  const config = view.problem ? null : store.resolve();
  if (!config) {
    throw new UsageError(`${view.problem ?? 'The model settings are incomplete.'} Give ${MODEL_USAGE.slice(1, -1)}; they override the settings saved by the app.`);
  }
  return config;
}
