// Model endpoint settings and the vault that keeps the API key encrypted.
export { DEFAULT_MODEL_SETTINGS, MODEL_SETTING_KEYS, ModelSettingsStore, type ModelSettings, type ModelSettingsView, type ResolvedModelConfig, type SettingsRows } from './model-settings';
export { API_KEY_ENV, type SecretVault } from './vault';
