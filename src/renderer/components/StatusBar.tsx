import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api';
import { chordLabel } from '../../shared/keys';
import type { SyncStatus } from '../../shared/sync/status';
import { isMac } from '../bridge';
import { useCommands } from '../commands';
import { noticeHeadline } from './codeset-notice-text';

const SYNC_LABELS: Record<SyncStatus['state'], string> = {
  'signed-out': 'Not signed in',
  offline: 'Server unreachable',
  online: 'Synced',
  syncing: 'Syncing…',
  error: 'Sync error',
};

function since(iso: string | null): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : new Date(iso).toLocaleString();
}

export function StatusBar({ info, sync, onOpenSettings }: { info: AppInfo | null; sync: SyncStatus | null; onOpenSettings(): void }) {
  const [online, setOnline] = useState(navigator.onLine);
  const settingsKey = useCommands().bindings.find((b) => b.command === 'view.settings')?.keys[0];
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  const pull = sync?.firstPull;
  const notices = sync?.codeSetNotices ?? [];
  const settingsKbd = settingsKey && <kbd>{chordLabel(settingsKey, isMac)}</kbd>;
  return (
    <footer className="status-bar" aria-label="Status">
      <span className={`status-dot ${online ? 'online' : 'offline'}`} data-testid="connection-status">
        {online ? 'Online' : 'Offline'}
      </span>
      {sync && (
        <span data-testid="sync-status" title={sync.lastError ?? undefined} className={sync.state === 'error' ? 'error' : undefined}>
          {SYNC_LABELS[sync.state]}
          {sync.signedIn && ` · ${sync.pending} pending · last sync ${since(sync.lastSyncAt)}`}
        </span>
      )}
      {sync && sync.refused > 0 && (
        // Refused changes wait for the coder; the list with Retry / Discard is in Settings.
        <button type="button" className="link refused" data-testid="sync-refused" title={sync.lastError ?? undefined} onClick={onOpenSettings}>
          {sync.refused} refused by the server · see Settings
          {settingsKbd}
        </button>
      )}
      {notices.length > 0 && (
        // A warning, not a block: the coder keeps working; Settings says what to install.
        <button
          type="button"
          className="link codeset-notice"
          data-testid="codeset-notice"
          title={notices.map(noticeHeadline).join('\n')}
          onClick={onOpenSettings}
        >
          <span aria-hidden="true">⚠ </span>
          {noticeHeadline(notices[0]!)}
          {notices.length > 1 && ` (and ${notices.length - 1} more)`} · see Settings
          {settingsKbd}
        </button>
      )}
      {pull && (
        <span className="first-pull">
          <progress max={pull.total ?? undefined} value={pull.done} aria-label="First download of charts" /> {pull.done}
          {pull.total !== null ? ` / ${pull.total}` : ''} charts
        </span>
      )}
      <span data-testid="db-version">Database schema v{info?.dbSchemaVersion ?? '…'}</span>
      <span data-testid="codeset-version">{info ? (info.codeSetVersion ? `Code set ${info.codeSetVersion}` : 'No code set loaded') : '…'}</span>
      <span className="spacer" />
      <span>Plumbline {info?.appVersion ?? ''}</span>
    </footer>
  );
}
