// Model endpoint settings in the desktop database's settings table. The non-secret fields are one JSON
// row (`model.config`, written in one statement, so a half-applied change cannot exist); the API key is
// a separate row holding only the vault's ciphertext, base64. Nothing here ever returns the key
// except `resolve()`, which hands it to the engine in memory.
import { checkEndpointUrl, MODEL_DEFAULTS, MODEL_LIMITS, type ModelEngineConfig, type ModelProvider } from '../model/config';
import { API_KEY_ENV, type SecretVault } from './vault';
import type { ModelSettings, ModelSettingsView } from '../../../shared/suggest/model-settings';

/** The part of SettingsStore this needs. */
export interface SettingsRows {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export const MODEL_SETTING_KEYS = { config: 'model.config', apiKey: 'model.apiKeyEncrypted' } as const;

export type { ModelSettings, ModelSettingsView };

export type ResolvedModelConfig = ModelEngineConfig;

const PROVIDERS: readonly ModelProvider[] = ['openai', 'azure', 'compatible'];
const FIELDS = ['enabled', 'provider', 'baseUrl', 'model', 'apiVersion', 'temperature', 'timeoutMs', 'maxConcurrency', 'maxRetries'] as const;
const MAX_KEY_CHARS = 4096;

export const DEFAULT_MODEL_SETTINGS: Readonly<ModelSettings> = {
  enabled: true,
  provider: MODEL_DEFAULTS.provider,
  baseUrl: MODEL_DEFAULTS.baseUrl,
  model: '',
  apiVersion: '',
  temperature: MODEL_DEFAULTS.temperature,
  timeoutMs: MODEL_DEFAULTS.timeoutMs,
  maxConcurrency: MODEL_DEFAULTS.maxConcurrency,
  maxRetries: MODEL_DEFAULTS.maxRetries,
};

function intIn(v: unknown, range: { min: number; max: number }): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= range.min && v <= range.max;
}

/** Validates one field; returns the clean value or throws with a message for the settings screen. */
function checkField<K extends keyof ModelSettings>(key: K, value: unknown): ModelSettings[K] {
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  switch (key) {
    case 'enabled':
      return (typeof value === 'boolean' ? value : fail('"enabled" must be true or false.')) as ModelSettings[K];
    case 'provider':
      return (PROVIDERS.includes(value as ModelProvider) ? value : fail(`Unknown provider "${String(value)}". Choose openai, azure or compatible.`)) as ModelSettings[K];
    case 'baseUrl': {
      if (typeof value !== 'string' || !value.trim()) fail('Set the endpoint URL.');
      const url = (value as string).trim();
      const bad = checkEndpointUrl(url);
      return (bad ? fail(bad) : url) as ModelSettings[K];
    }
    case 'model': {
      // vLLM and OpenRouter name models "org/model"; only an Azure deployment name (a URL path segment) cannot have a slash.
      if (typeof value !== 'string' || value.length > 200 || /[\s?#\\]/.test(value.trim())) fail('"model" must be a name without spaces.');
      return (value as string).trim() as ModelSettings[K];
    }
    case 'apiVersion': {
      if (typeof value !== 'string' || value.length > 200 || /[\s/?#]/.test(value.trim())) fail(`"${key}" must be a name without spaces or slashes.`);
      return (value as string).trim() as ModelSettings[K];
    }
    case 'temperature':
      if (value === null) return null as ModelSettings[K];
      return (typeof value === 'number' && value >= MODEL_LIMITS.temperature.min && value <= MODEL_LIMITS.temperature.max
        ? value
        : fail(`Temperature must be between ${MODEL_LIMITS.temperature.min} and ${MODEL_LIMITS.temperature.max}, or empty.`)) as ModelSettings[K];
    case 'timeoutMs':
      return (intIn(value, MODEL_LIMITS.timeoutMs) ? value : fail(`Timeout must be ${MODEL_LIMITS.timeoutMs.min / 1000}–${MODEL_LIMITS.timeoutMs.max / 1000} s.`)) as ModelSettings[K];
    case 'maxConcurrency':
      return (intIn(value, MODEL_LIMITS.maxConcurrency) ? value : fail(`Concurrent requests must be ${MODEL_LIMITS.maxConcurrency.min}–${MODEL_LIMITS.maxConcurrency.max}.`)) as ModelSettings[K];
    case 'maxRetries':
      return (intIn(value, MODEL_LIMITS.maxRetries) ? value : fail(`Retries must be ${MODEL_LIMITS.maxRetries.min}–${MODEL_LIMITS.maxRetries.max}.`)) as ModelSettings[K];
  }
  return fail(`Unknown setting "${String(key)}".`);
}

export class ModelSettingsStore {
  constructor(
    private readonly rows: SettingsRows,
    private readonly vault: SecretVault | null,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  private stored(): ModelSettings {
    const out: ModelSettings = { ...DEFAULT_MODEL_SETTINGS };
    let saved: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(this.rows.get(MODEL_SETTING_KEYS.config) ?? '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) saved = parsed as Record<string, unknown>;
    } catch {
      // A damaged row reads as defaults; the next `set` rewrites it whole.
    }
    for (const f of FIELDS) {
      if (!(f in saved)) continue;
      try {
        (out as unknown as Record<string, unknown>)[f] = checkField(f, saved[f]);
      } catch {
        // Keep the default for a field that no longer validates (limits may have tightened).
      }
    }
    return out;
  }

  private secureStorage(): boolean {
    try {
      return this.vault?.available() === true;
    } catch {
      return false;
    }
  }

  private key(): { key: string; source: 'vault' | 'env' } | null {
    const blob = this.rows.get(MODEL_SETTING_KEYS.apiKey);
    if (blob && this.secureStorage()) {
      try {
        const key = this.vault!.decrypt(Buffer.from(blob, 'base64'));
        if (key) return { key, source: 'vault' };
      } catch {
        // Encrypted on another machine or user account: unreadable here, fall through to the environment.
      }
    }
    const fromEnv = this.env[API_KEY_ENV]?.trim();
    return fromEnv ? { key: fromEnv, source: 'env' } : null;
  }

  private problem(s: ModelSettings, hasKey: boolean): string | null {
    if (!s.enabled) return 'Model suggestions are turned off.';
    if (!s.model) return s.provider === 'azure' ? 'Set the Azure deployment name.' : 'Set the model name.';
    if (s.provider === 'azure' && s.model.includes('/')) return 'An Azure deployment name has no slashes.';
    if (s.provider === 'azure' && !s.apiVersion) return 'Set the Azure API version.';
    if (s.provider === 'azure' && s.baseUrl === MODEL_DEFAULTS.baseUrl) return 'Set the Azure resource endpoint (https://<resource>.openai.azure.com).';
    const badUrl = checkEndpointUrl(s.baseUrl);
    if (badUrl) return badUrl;
    // A local OpenAI-compatible server (Ollama, vLLM) usually takes no key.
    if (!hasKey && s.provider !== 'compatible') {
      return this.secureStorage() ? 'Enter the API key.' : `No secure key storage on this system; set ${API_KEY_ENV} in the environment.`;
    }
    return null;
  }

  get(): ModelSettingsView {
    const s = this.stored();
    const key = this.key();
    return { ...s, hasKey: key !== null, keySource: key?.source ?? null, secureStorage: this.secureStorage(), problem: this.problem(s, key !== null) };
  }

  /** Validates every given field first, then writes them together; an invalid field changes nothing. */
  set(partial: Partial<ModelSettings>): ModelSettingsView {
    if (!partial || typeof partial !== 'object' || Array.isArray(partial)) throw new Error('Model settings must be an object.');
    const next = this.stored();
    for (const [k, v] of Object.entries(partial)) {
      if (k === 'apiKey' || k === 'key') throw new Error('The API key is set on its own (setKey), so it is never stored with the other settings.');
      if (!(FIELDS as readonly string[]).includes(k)) throw new Error(`Unknown model setting "${k}".`);
      (next as unknown as Record<string, unknown>)[k] = checkField(k as keyof ModelSettings, v);
    }
    this.rows.set(MODEL_SETTING_KEYS.config, JSON.stringify(next));
    return this.get();
  }

  /** Encrypts and stores the key; refuses when the OS offers no encryption (the key is then not kept at all). */
  setKey(key: string): ModelSettingsView {
    if (typeof key !== 'string' || !key.trim()) throw new Error('The API key is empty.');
    const clean = key.trim();
    if (clean.length > MAX_KEY_CHARS || /\s/.test(clean)) throw new Error('That does not look like an API key (it has spaces or is too long).');
    if (!this.secureStorage()) throw new Error(`This system offers no secure key storage, so the key was not saved. Set ${API_KEY_ENV} in the environment instead.`);
    const blob = this.vault!.encrypt(clean);
    this.rows.set(MODEL_SETTING_KEYS.apiKey, Buffer.from(blob).toString('base64'));
    return this.get();
  }

  clearKey(): ModelSettingsView {
    this.rows.set(MODEL_SETTING_KEYS.apiKey, '');
    return this.get();
  }

  /** Everything the engine needs, key included; null when model suggestions are off or incomplete. */
  resolve(): ResolvedModelConfig | null {
    const s = this.stored();
    const key = this.key();
    if (this.problem(s, key !== null)) return null;
    const config: ResolvedModelConfig = {
      provider: s.provider,
      baseUrl: s.baseUrl,
      model: s.model,
      apiKey: key?.key ?? '',
      temperature: s.temperature,
      timeoutMs: s.timeoutMs,
      maxConcurrency: s.maxConcurrency,
      maxRetries: s.maxRetries,
    };
    if (s.provider === 'azure') config.apiVersion = s.apiVersion;
    return config;
  }
}
