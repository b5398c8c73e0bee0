import { useEffect, useState } from 'react';
import type { RefusedChange, RefusedList, RefusedResult } from '../../../shared/sync/refused';
import type { SyncStatus } from '../../../shared/sync/status';
import { api } from '../../bridge';
import { Modal } from '../../components/Modal';

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function chartName(c: RefusedChange): string {
  return c.chart ? `${c.chart.title} (${c.chart.patientLabel})` : (c.chartId ?? 'unknown chart');
}

/**
 * The changes the server refused, each with Retry and Discard. Refetched whenever the status's
 * refused count changes (the status is polled), so a background sync's verdicts show up here.
 */
export function RefusedChanges({ status, onStatus }: { status: SyncStatus | null; onStatus(s: SyncStatus): void }) {
  const [list, setList] = useState<RefusedList | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<RefusedChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = status?.refused ?? 0;

  useEffect(() => {
    let live = true;
    api()
      .syncRefusedList()
      .then((l) => {
        if (live) setList(l);
      })
      .catch((err: unknown) => {
        if (live) setError((err as Error).message);
      });
    return () => {
      live = false;
    };
  }, [count]);

  const run = async (label: string, fn: () => Promise<RefusedResult>) => {
    setBusy(label);
    try {
      const r = await fn();
      setList(r.refused);
      onStatus(r.status);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const retry = (ids: string[]) => void run('retry', () => api().syncRefusedRetry({ ids }));
  const discard = (c: RefusedChange) => {
    setConfirming(null);
    void run('discard', () => api().syncRefusedDiscard({ ids: [c.outboxId] }));
  };

  if (!list || list.total === 0) return error ? <p className="error" role="alert">{error}</p> : null;
  const shown = list.changes;
  return (
    <section className="refused-changes" aria-labelledby="refused-title">
      <h3 id="refused-title">Changes the server refused ({list.total})</h3>
      <p className="hint">
        These decisions are saved on this computer but the server did not accept them. Retry once the reason is fixed (for example, when your lead has
        assigned you the chart), or discard to stop sending them; discarding keeps your decision here and is recorded in the audit trail.
      </p>
      <table className="refused-table">
        <thead>
          <tr>
            <th scope="col">Chart</th>
            <th scope="col">Change</th>
            <th scope="col">Server's reason</th>
            <th scope="col">When</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.outboxId} data-outbox-id={c.outboxId}>
              <td>{chartName(c)}</td>
              <td>{c.change}</td>
              <td>{c.reason ?? 'no reason given'}</td>
              <td>
                <span title={`Made ${when(c.createdAt)}`}>Refused {when(c.refusedAt)}</span>
              </td>
              <td className="actions">
                <button type="button" disabled={busy !== null} onClick={() => retry([c.outboxId])} aria-label={`Retry: ${c.change}, ${chartName(c)}`}>
                  Retry
                </button>
                <button type="button" disabled={busy !== null} onClick={() => setConfirming(c)} aria-label={`Discard: ${c.change}, ${chartName(c)}`}>
                  Discard
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.total > shown.length && <p className="hint">Showing the newest {shown.length}.</p>}
      <div className="key-row">
        {shown.length > 1 && (
          <button type="button" disabled={busy !== null} onClick={() => retry(shown.map((c) => c.outboxId))}>
            Retry all shown
          </button>
        )}
        {busy && (
          <span role="status" className="hint">
            {busy === 'retry' ? 'Sending again…' : 'Discarding…'}
          </span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <Modal title="Discard this change?" onClose={() => setConfirming(null)}>
          <p>
            <strong>{confirming.change}</strong> on {chartName(confirming)} will no longer be sent to the server. Your decision stays on this computer, and
            the discard is recorded in the audit trail.
          </p>
          <div className="key-row">
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => discard(confirming)}>
              Discard change
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
