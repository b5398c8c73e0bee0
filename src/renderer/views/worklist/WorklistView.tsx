import { useEffect, useState } from 'react';
import type { Setting } from '../../../shared/chart';
import { CHART_STATUSES, STATUS_LABELS, type ChartStatus, type WorklistSort } from '../../../shared/worklist/types';
import { api } from '../../bridge';
import { useCommand } from '../../commands';
import { useVirtualRows } from '../../hooks/useVirtualRows';
import { useWorklistPages } from './useWorklistPages';

const ROW_HEIGHT = 36;

export function WorklistView({ onOpenChart }: { onOpenChart(encounterId: string): void }) {
  const [status, setStatus] = useState<ChartStatus | 'all'>('new');
  const [search, setSearch] = useState('');
  const [setting, setSetting] = useState<Setting | ''>('');
  const [payer, setPayer] = useState('');
  const [sort, setSort] = useState<WorklistSort>('priority');
  const [active, setActive] = useState(0);
  const [demo, setDemo] = useState<{ available: number; loaded: boolean; chartCount: number } | null>(null);
  const [loadingDemo, setLoadingDemo] = useState(false);

  const list = useWorklistPages({ status, search: search.trim() || undefined, setting: setting || undefined, payer: payer || undefined, sort, direction: sort === 'priority' || sort === 'due' ? 'asc' : 'desc' });
  const { containerRef, onScroll, first, last, totalHeight, reveal } = useVirtualRows(list.total, ROW_HEIGHT);
  const selected = Math.min(active, Math.max(0, list.total - 1));

  const [demoError, setDemoError] = useState<string | null>(null);
  useEffect(() => {
    api()
      .demoStatus()
      .then(setDemo)
      .catch((err: unknown) => setDemoError((err as Error).message));
  }, []);
  useEffect(() => setActive(0), [status, search, setting, payer, sort]);

  const move = (delta: number) => {
    if (!list.total) return;
    const next = Math.min(list.total - 1, Math.max(0, selected + delta));
    setActive(next);
    reveal(next);
  };
  const openSelected = () => {
    const row = list.rowAt(selected);
    if (row) onOpenChart(row.encounterId);
  };
  useCommand('list.down', () => move(1));
  useCommand('list.up', () => move(-1));
  useCommand('review.next', () => move(1));
  useCommand('review.prev', () => move(-1));
  useCommand('list.open', openSelected);

  const loadDemo = async () => {
    setLoadingDemo(true);
    try {
      await api().demoLoad();
      setDemo(await api().demoStatus());
      list.reload();
    } catch (err) {
      setDemoError((err as Error).message);
    } finally {
      setLoadingDemo(false);
    }
  };

  const empty = demo !== null && demo.chartCount === 0;

  return (
    <section className="view worklist-view" aria-labelledby="worklist-title">
      <header className="view-header">
        <h1 id="worklist-title">My queue</h1>
        <span className="hint">
          <kbd>↑</kbd>
          <kbd>↓</kbd> move · <kbd>Enter</kbd> open
        </span>
      </header>
      {demoError && (
        <p className="error" role="alert">
          {demoError}
        </p>
      )}
      {empty ? (
        <div className="empty-state" role="status">
          <p>Your queue is empty.</p>
          {demo.available > 0 && (
            <p>
              <button type="button" className="primary" onClick={() => void loadDemo()} disabled={loadingDemo} autoFocus>
                {loadingDemo ? 'Loading…' : `Load ${demo.available} de-identified demo charts`}
              </button>
            </p>
          )}
          <p className="hint">
            Or import charts: <code>npx plumbline import &lt;file or folder&gt;</code> (FHIR R4 bundles, bulk NDJSON, JSONL).
          </p>
        </div>
      ) : (
        <>
          <div className="status-tabs" role="tablist" aria-label="Status">
            {[...CHART_STATUSES, 'all' as const].map((s) => (
              <button key={s} type="button" role="tab" aria-selected={status === s} className={status === s ? 'active' : ''} onClick={() => setStatus(s)}>
                {s === 'all' ? 'All' : STATUS_LABELS[s]}
                <span className="count" data-testid={`count-${s}`}>
                  {list.counts ? (s === 'all' ? Object.values(list.counts).reduce((a, b) => a + b, 0) : list.counts[s]) : '…'}
                </span>
              </button>
            ))}
          </div>
          <div className="worklist-filters">
            <input type="search" aria-label="Search the queue" placeholder="Search charts, patients, payers, codes…" value={search} onChange={(e) => setSearch(e.target.value)} />
            <select aria-label="Setting" value={setting} onChange={(e) => setSetting(e.target.value as Setting | '')}>
              <option value="">All settings</option>
              <option value="inpatient">Inpatient</option>
              <option value="outpatient">Outpatient</option>
              <option value="professional">Professional</option>
            </select>
            <select aria-label="Payer" value={payer} onChange={(e) => setPayer(e.target.value)}>
              <option value="">All payers</option>
              {list.payers.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as WorklistSort)}>
              <option value="priority">Priority</option>
              <option value="due">Due date</option>
              <option value="date_of_service">Date of service</option>
              <option value="imported">Recently imported</option>
            </select>
            <span className="hint" aria-live="polite">
              {list.total.toLocaleString()} chart{list.total === 1 ? '' : 's'}
            </span>
          </div>
          {list.error && (
            <p className="error" role="alert">
              {list.error}
            </p>
          )}
          <div className="worklist-head" aria-hidden="true">
            <span>Pri</span>
            <span>Chart</span>
            <span>Patient</span>
            <span>Setting</span>
            <span>DOS</span>
            <span>Payer</span>
            <span>Due</span>
            <span>Status</span>
          </div>
          <div ref={containerRef} className="worklist-rows" onScroll={onScroll} role="listbox" aria-label="Charts" tabIndex={0}>
            <div style={{ height: totalHeight, position: 'relative' }}>
              {Array.from({ length: Math.max(0, last - first) }, (_, i) => {
                const index = first + i;
                const row = list.rowAt(index);
                return (
                  <div
                    key={index}
                    role="option"
                    aria-selected={index === selected}
                    className={`worklist-row ${index === selected ? 'selected' : ''}`}
                    style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                    onClick={() => setActive(index)}
                    onDoubleClick={() => row && onOpenChart(row.encounterId)}
                    data-encounter={row?.encounterId}
                  >
                    {row ? (
                      <>
                        <span className={`priority p${row.priority}`}>P{row.priority}</span>
                        <span className="title">
                          {row.title}
                          {row.updatedOnServer && (
                            <span className="badge warn server-update-marker" title="Updated on the server after you started coding it; open the chart to see what changed">
                              updated on server
                            </span>
                          )}
                        </span>
                        <span className="mono">{row.patientLabel}</span>
                        <span>{row.setting}</span>
                        <span>{row.dateOfService}</span>
                        <span>{row.payer ?? '—'}</span>
                        <span>{row.due ?? '—'}</span>
                        <span className={`status ${row.status}`}>{STATUS_LABELS[row.status]}</span>
                      </>
                    ) : (
                      <span className="hint">Loading…</span>
                    )}
                  </div>
                );
              })}
            </div>
            {list.loaded && list.total === 0 && <p className="empty">No charts match these filters.</p>}
          </div>
        </>
      )}
    </section>
  );
}
