// The model-endpoint settings as the renderer sees them. The API key never crosses the bridge back:
// the renderer only learns whether one is stored.

export type ModelProvider = 'openai' | 'azure' | 'compatible';

export interface ModelSettings {
  /** Off: the workstation uses the local engine only. */
  enabled: boolean;
  provider: ModelProvider;
  baseUrl: string;
  /** Model name, or the deployment name on Azure. */
  model: string;
  /** Azure only. */
  apiVersion: string;
  /** Null leaves temperature out of the request. */
  temperature: number | null;
  timeoutMs: number;
  maxConcurrency: number;
  maxRetries: number;
}

export interface ModelSettingsView extends ModelSettings {
  hasKey: boolean;
  keySource: 'vault' | 'env' | null;
  /** Whether a key can be saved here (the OS offers encryption). */
  secureStorage: boolean;
  /** Why model suggestions cannot run, in words for the settings screen; null when ready. */
  problem: string | null;
}
