import { useState } from 'react';
import type { SyncStatus } from '../../../shared/sync/status';
import { api } from '../../bridge';
import { CodeSetNotices } from './CodeSetNotices';
import { RefusedChanges } from './RefusedChanges';

/** Sign in to the organisation's Plumbline server, or out of it. The password is never stored. */
export function SyncSettingsForm({ status, onStatus }: { status: SyncStatus | null; onStatus(s: SyncStatus): void }) {
  const [serverUrl, setServerUrl] = useState(status?.serverUrl ?? '');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<SyncStatus>) => {
    setBusy(true);
    try {
      onStatus(await fn());
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="model-settings" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">Sync server</h2>
      {status?.signedIn ? (
        <>
          <p role="status">
            Signed in as <strong>{status.user}</strong> at {status.serverUrl}.
          </p>
          <div className="key-row">
            <button type="button" disabled={busy} onClick={() => void run(() => api().syncNow())}>
              Sync now
            </button>
            <button type="button" disabled={busy} onClick={() => void run(() => api().syncSignOut())}>
              Sign out
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const req = { serverUrl, user, password };
            setPassword('');
            void run(() => api().syncSignIn(req));
          }}
        >
          <p className="hint">Coding works offline; sign in to receive your assigned charts and send your decisions back.</p>
          <div className="form-grid">
            <label>
              Server address
              <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://plumbline.example.org" spellCheck={false} />
            </label>
            <label>
              User name
              <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" spellCheck={false} />
            </label>
            <label>
              Password
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
            </label>
          </div>
          <button type="submit" disabled={busy || !serverUrl || !user || !password}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <CodeSetNotices status={status} />
      <RefusedChanges status={status} onStatus={onStatus} />
    </section>
  );
}
