// Where the session tokens live: encrypted by the OS vault in sync_state.token_blob when there is
// one (so the app stays signed in across restarts), otherwise only in this process's memory.
// Never in clear on disk.
import type { TokenPair } from '../../shared/sync/protocol';
import type { SecretVault } from '../suggest/settings';
import type { SyncStateStore } from './state';

export class TokenStore {
  private memory: TokenPair | null = null;

  constructor(
    private readonly state: SyncStateStore,
    private readonly vault: SecretVault | null,
  ) {}

  get persistent(): boolean {
    return this.vault?.available() ?? false;
  }

  load(): TokenPair | null {
    if (this.memory) return this.memory;
    const blob = this.state.get().tokenBlob;
    if (!blob || !this.vault?.available()) return null;
    try {
      this.memory = JSON.parse(this.vault.decrypt(blob)) as TokenPair;
    } catch {
      // A blob the vault can no longer open (OS keyring reset): sign in again.
      this.state.saveTokenBlob(null);
      return null;
    }
    return this.memory;
  }

  save(session: TokenPair | null): void {
    this.memory = session;
    const vault = this.vault;
    this.state.saveTokenBlob(session && vault?.available() ? vault.encrypt(JSON.stringify(session)) : null);
  }
}
