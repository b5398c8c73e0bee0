import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartView as ChartData, ReviewAction, SubmitPreview } from '../../../shared/review/types';
import { STATUS_LABELS } from '../../../shared/worklist/types';
import { api } from '../../bridge';
import { useCommand } from '../../commands';
import { DocumentPane, selectionInDocuments, type TextSelection } from './DocumentPane';
import { ItemList } from './ItemList';
import { EditsPanel, HistoryPanel, RafPanel } from './SidePanels';
import { LoadUpdateDialog, ServerUpdateBanner } from './ServerUpdateBanner';
import { keepUnchangedDocuments } from './stable-documents';
import { SuggestionsPanel } from './SuggestionsPanel';
import { queryAdvice } from './query-advice';
import { AddCodeDialog, ChangeCodeDialog, QueryDialog, ReasonDialog } from './dialogs';
import { SubmitDialog } from './SubmitDialog';
import { FiscalYearBanner } from './FiscalYearBanner';
import { uncoveredFiscalYear } from './fiscal-year-coverage';

type Dialog = { kind: 'reject' | 'delete' | 'query' | 'change' | 'load' } | { kind: 'add'; selection: TextSelection | null } | { kind: 'submit'; preview: SubmitPreview } | null;

/**
 * One chart: notes with evidence on the left, codes with their edits, RAF and history on the right.
 * `loadedFiscalYears` are the code set's (from the app info), null until known.
 */
export function ChartView({
  encounterId,
  loadedFiscalYears,
  onOpenChart,
  onDone,
}: {
  encounterId: string;
  loadedFiscalYears: readonly number[] | null;
  onOpenChart(id: string): void;
  onDone(): void;
}) {
  const [chart, setChartState] = useState<ChartData | null>(null);
  const setChart = useCallback((next: ChartData | null) => setChartState((prev) => (next ? keepUnchangedDocuments(prev, next) : null)), []);
  const [active, setActive] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string; reasons?: string[] } | null>(null);
  const [loading, setLoading] = useState(false);
  /** While the submit summary is fetched or the submit runs, review keys wait: the summary must show the chart as it is submitted. */
  const [submitting, setSubmitting] = useState(false);
  const docsRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    setChart(null);
    setActive(0);
    setMessage(null);
    api()
      .chartOpen({ encounterId })
      .then(setChart)
      .catch((err: unknown) => setMessage({ kind: 'error', text: (err as Error).message }));
  }, [encounterId]);

  const items = chart?.items ?? [];
  const index = Math.min(active, Math.max(0, items.length - 1));
  const item = items[index];

  const act = useCallback(
    async (action: ReviewAction) => {
      setDialog(null);
      try {
        const next = await api().reviewAct({ encounterId, action });
        setChart(next);
        setMessage(null);
        if (action.type === 'add') setActive(next.items.length - 1);
      } catch (err) {
        setMessage({ kind: 'error', text: (err as Error).message });
      }
    },
    [encounterId],
  );

  const loadUpdate = useCallback(
    async (version: number) => {
      setDialog(null);
      setLoading(true);
      try {
        const next = await api().chartLoadServerUpdate({ encounterId, version });
        setChart(next);
        const flagged = next.items.filter((i) => i.recheck).length;
        setMessage({
          kind: 'info',
          text: `Loaded the server's version ${version}; your work is kept. ${
            flagged === 0 ? 'All of your evidence was found in the new text.' : `${flagged} code${flagged === 1 ? ' needs' : 's need'} re-review (marked Re-review below).`
          }`,
        });
      } catch (err) {
        setMessage({ kind: 'error', text: (err as Error).message });
      } finally {
        setLoading(false);
      }
    },
    [encounterId],
  );

  const submit = useCallback(async (preview: SubmitPreview) => {
    setDialog(null);
    setSubmitting(true);
    try {
      // The core applies its gate again, and refuses if the chart is no longer what the summary showed.
      const result = await api().reviewSubmit({ encounterId, expected: preview.fingerprint });
      if (!result.ok) setMessage({ kind: 'error', text: 'Cannot submit yet:', reasons: result.reasons });
      else if (result.nextEncounterId) onOpenChart(result.nextEncounterId);
      else onDone();
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setSubmitting(false);
    }
  }, [encounterId, onOpenChart, onDone]);

  const open = dialog === null && chart !== null && !submitting;
  const needItem = (fn: () => void) => () => (item ? fn() : setMessage({ kind: 'info', text: 'No code selected.' }));
  useCommand('review.next', () => setActive((i) => Math.min(items.length - 1, i + 1)), open);
  useCommand('review.prev', () => setActive((i) => Math.max(0, i - 1)), open);
  useCommand('review.accept', needItem(() => void act({ type: 'accept', itemId: item!.id })), open);
  useCommand('review.reject', needItem(() => setDialog({ kind: 'reject' })), open);
  useCommand(
    'review.delete',
    needItem(() => (item!.origin === 'existing' ? setDialog({ kind: 'delete' }) : setMessage({ kind: 'info', text: 'Only codes already on the claim are proposed for deletion; reject (r) this one instead.' }))),
    open,
  );
  useCommand('review.change', needItem(() => setDialog({ kind: 'change' })), open);
  useCommand('review.query', needItem(() => setDialog({ kind: 'query' })), open);
  useCommand('review.add', () => setDialog({ kind: 'add', selection: selectionInDocuments(docsRef.current) }), open);
  useCommand(
    'review.undo',
    () =>
      void api()
        .reviewUndo({ encounterId })
        .then((c) => {
          setChart(c);
          setMessage(null);
        })
        .catch((err: unknown) => setMessage({ kind: 'error', text: (err as Error).message })),
    open,
  );
  useCommand(
    'review.hold',
    () =>
      void api()
        .chartSetStatus({ encounterId, status: 'on_hold' })
        .then((c) => {
          setChart(c);
          setMessage({ kind: 'info', text: 'Chart put on hold.' });
        }),
    open,
  );
  useCommand(
    'review.submit',
    () => {
      setSubmitting(true);
      void api()
        .reviewSubmitPreview({ encounterId })
        .then((preview) => setDialog({ kind: 'submit', preview }))
        .catch((err: unknown) => setMessage({ kind: 'error', text: (err as Error).message }))
        .finally(() => setSubmitting(false));
    },
    open,
  );
  useCommand('review.loadServerUpdate', () => setDialog({ kind: 'load' }), open && chart.serverUpdate !== null && !loading);
  useCommand('nav.back', onDone, open);

  if (!chart) {
    return (
      <section className="view chart-view" aria-label="Chart">
        {message ? (
          <p className="error" role="alert">
            {message.text}
          </p>
        ) : (
          <p className="hint">Opening chart…</p>
        )}
      </section>
    );
  }

  const e = chart.encounter;
  const dateGap = uncoveredFiscalYear(e.fiscalYear, loadedFiscalYears);
  return (
    <section className="view chart-view" aria-labelledby="chart-title" data-encounter={e.id}>
      <header className="view-header chart-header">
        <h1 id="chart-title">{e.title}</h1>
        <span className="hint">
          {chart.patient.label} · {chart.patient.sex}
          {chart.patient.age !== null ? ` · ${chart.patient.age} y` : ''} · {e.setting} · DOS {e.dateOfService} (FY{e.fiscalYear}) · {e.payer ?? 'no payer'}
        </span>
        <span className={`badge status ${e.status}`} data-testid="chart-status">
          {STATUS_LABELS[e.status]}
        </span>
      </header>
      {dateGap && <FiscalYearBanner gap={dateGap} />}
      {chart.serverUpdate && <ServerUpdateBanner update={chart.serverUpdate} busy={loading} onLoad={() => setDialog({ kind: 'load' })} />}
      {message && (
        <div className={message.kind === 'error' ? 'banner error' : 'banner'} role="alert">
          {message.text}
          {message.reasons && (
            <ul>
              {message.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="chart-body">
        <DocumentPane documents={chart.documents} items={items} activeItemId={item?.id ?? null} onSelectItem={(id) => setActive(items.findIndex((i) => i.id === id))} rootRef={docsRef} />
        <aside className="chart-side" aria-label="Codes and checks" tabIndex={0}>
          <section className="panel" aria-labelledby="codes-title">
            <h2 id="codes-title">
              Codes <span className="hint">j/k move · a keep · r reject · d delete · e change · n add · q query · u undo · s submit…</span>
            </h2>
            <ItemList items={items} activeIndex={index} onSelect={setActive} />
          </section>
          <EditsPanel edits={chart.edits} />
          <RafPanel raf={chart.raf} />
          <SuggestionsPanel
            encounterId={encounterId}
            dateGap={dateGap}
            onModelArrived={() =>
              void api()
                .chartOpen({ encounterId })
                .then(setChart)
                .catch(() => undefined)
            }
          />
          <HistoryPanel history={chart.history} />
        </aside>
      </div>
      {dialog?.kind === 'reject' && item && <ReasonDialog title={`Reject ${item.display}`} onClose={() => setDialog(null)} onSubmit={(reason, text) => void act({ type: 'reject', itemId: item.id, reason, text })} />}
      {dialog?.kind === 'delete' && item && (
        <ReasonDialog title={`Propose deleting ${item.display}`} onClose={() => setDialog(null)} onSubmit={(reason, text) => void act({ type: 'delete', itemId: item.id, reason, text })} />
      )}
      {dialog?.kind === 'query' && item && (
        <QueryDialog code={item.display} initialNote={queryAdvice(item) ?? ''} onClose={() => setDialog(null)} onSubmit={(note) => void act({ type: 'query', itemId: item.id, note })} />
      )}
      {dialog?.kind === 'change' && item && (
        <ChangeCodeDialog current={item.display} onClose={() => setDialog(null)} onPick={(hit) => void act({ type: 'change', itemId: item.id, system: hit.system, code: hit.code })} />
      )}
      {dialog?.kind === 'load' && chart.serverUpdate && (
        <LoadUpdateDialog update={chart.serverUpdate} onClose={() => setDialog(null)} onConfirm={() => void loadUpdate(chart.serverUpdate!.version)} />
      )}
      {dialog?.kind === 'submit' && <SubmitDialog preview={dialog.preview} onClose={() => setDialog(null)} onConfirm={() => void submit(dialog.preview)} />}
      {dialog?.kind === 'add' && (
        <AddCodeDialog
          documents={chart.documents}
          selection={dialog.selection}
          onClose={() => setDialog(null)}
          onAdd={(hit, ev) => void act({ type: 'add', system: hit.system, code: hit.code, evidence: [{ documentId: ev.documentId, start: ev.start, end: ev.end, quote: ev.quote }] })}
        />
      )}
    </section>
  );
}
