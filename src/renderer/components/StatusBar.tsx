import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api';

export function StatusBar({ info }: { info: AppInfo | null }) {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return (
    <footer className="status-bar" aria-label="Status">
      <span className={`status-dot ${online ? 'online' : 'offline'}`} data-testid="connection-status">
        {online ? 'Online' : 'Offline'}
      </span>
      <span data-testid="db-version">Database schema v{info?.dbSchemaVersion ?? '…'}</span>
      <span data-testid="codeset-version">{info ? (info.codeSetVersion ? `Code set ${info.codeSetVersion}` : 'No code set loaded') : '…'}</span>
      <span className="spacer" />
      <span>Plumbline {info?.appVersion ?? ''}</span>
    </footer>
  );
}
