import { useEffect, useRef, useState } from 'react';
import type { SuggestDiagnostics } from '../../../shared/api';
import { api } from '../../bridge';
import { invalidForDateReason, type UncoveredFiscalYear } from './fiscal-year-coverage';

const DROP_LABELS: Record<string, string> = {
  unknownCode: 'code not in the code set',
  invalidForDate: 'not valid for the date of service',
  headerCode: 'header code',
  quoteNotFound: 'quote not in the chart',
  noEvidence: 'no evidence left',
  malformed: 'malformed',
};

/** A drop count in words; a date drop says which fiscal year is missing when the chart's year is not loaded. */
function dropLabel(kind: string, dateGap: UncoveredFiscalYear | null): string {
  const label = DROP_LABELS[kind] ?? kind;
  return kind === 'invalidForDate' && dateGap ? `${label} (${invalidForDateReason(dateGap)})` : label;
}

/**
 * Where the suggestions came from and what grounding threw away. While a model call is in flight it
 * polls, and tells the chart to reload when the model's suggestions have landed.
 */
export function SuggestionsPanel({
  encounterId,
  dateGap,
  onModelArrived,
}: {
  encounterId: string;
  /** Set when the chart's fiscal year is not in the loaded code set. */
  dateGap: UncoveredFiscalYear | null;
  onModelArrived(): void;
}) {
  const [diag, setDiag] = useState<SuggestDiagnostics | null>(null);
  const wasPending = useRef(false);
  const arrived = useRef(onModelArrived);
  arrived.current = onModelArrived;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api()
        .suggestStatus({ encounterId })
        .then((d) => {
          if (cancelled) return;
          setDiag(d);
          if (wasPending.current && !d.modelPending) arrived.current();
          wasPending.current = d.modelPending;
          if (d.modelPending) timer = setTimeout(poll, 750);
        })
        .catch(() => undefined);
    };
    poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [encounterId]);

  if (!diag) return null;
  return (
    <section className="panel" aria-labelledby="suggest-title" data-testid="suggestion-diagnostics">
      <h2 id="suggest-title">Suggestions {diag.modelPending && <span className="badge">model reading…</span>}</h2>
      {diag.runs.length === 0 && <p className="hint">No suggestion runs yet.</p>}
      <ul className="runs">
        {diag.runs.map((r, i) => {
          const dropped = Object.entries(r.drops).filter(([, n]) => n > 0);
          return (
            <li key={i}>
              <strong>{r.engine === 'model' ? 'Model' : 'Local engine'}</strong> · {r.proposed} proposed · {Math.round(r.elapsedMs)} ms
              {r.error ? (
                <div className="error">{r.error}</div>
              ) : (
                <div className="hint">{dropped.length ? `Dropped by grounding: ${dropped.map(([k, n]) => `${n} ${dropLabel(k, dateGap)}`).join(', ')}` : 'Nothing dropped by grounding.'}</div>
              )}
            </li>
          );
        })}
      </ul>
      {diag.acceptance.length > 0 && (
        <p className="hint">
          Acceptance on this install:{' '}
          {diag.acceptance.map((a) => `${a.engine} ${a.accepted}/${a.acted}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
