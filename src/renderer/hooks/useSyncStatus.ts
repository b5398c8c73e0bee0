import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/sync/status';
import { api } from '../bridge';

/** The sync status, polled (faster while syncing) so the status bar tracks background sync. */
export function useSyncStatus(): { status: SyncStatus | null; refresh(): void; set(s: SyncStatus): void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const refresh = useCallback(() => {
    api()
      .syncStatus()
      .then(setStatus)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    refresh();
    const busy = status?.state === 'syncing' || status?.firstPull !== null;
    const timer = setInterval(refresh, busy ? 500 : 3000);
    return () => clearInterval(timer);
  }, [refresh, status?.state, status?.firstPull]);
  return { status, refresh, set: setStatus };
}
