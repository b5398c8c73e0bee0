// Where the model API key lives. The Electron shell implements this with safeStorage (OS keychain /
// DPAPI / libsecret); plain Node (CLI, tests) has none, and then the key only ever comes from the
// environment and is never written anywhere.

export interface SecretVault {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
  /** False when the OS offers no encryption (e.g. Linux without a keyring): then nothing is stored. */
  available(): boolean;
}

export const API_KEY_ENV = 'PLUMBLINE_MODEL_API_KEY';
