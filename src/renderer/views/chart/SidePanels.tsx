import type { EditResult } from '../../../shared/edits/types';
import type { RafResult } from '../../../shared/hcc/types';
import type { HistoryEncounter } from '../../../shared/review/types';

export function EditsPanel({ edits }: { edits: EditResult[] }) {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...edits].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section className="panel" aria-labelledby="edits-title" data-testid="edits">
      <h2 id="edits-title">
        Edits <span className="count">{edits.filter((e) => e.severity === 'error').length} errors</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="hint">No edits.</p>
      ) : (
        <ul className="edits">
          {sorted.map((e, i) => (
            <li key={i} className={`edit ${e.severity}`} data-rule={e.id}>
              <span className={`badge ${e.severity}`}>{e.severity}</span> {e.message}
              <div className="hint">{e.source}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RafPanel({ raf }: { raf: RafResult | null }) {
  return (
    <section className="panel" aria-labelledby="raf-title">
      <h2 id="raf-title">HCC / RAF</h2>
      {!raf ? (
        <p className="hint">Risk score needs the patient's age and sex.</p>
      ) : (
        <>
          <p>
            <strong data-testid="raf-score">{raf.total.toFixed(3)}</strong> <span className="hint">raw V28 {raf.segment}</span>
          </p>
          <ul className="raf-hccs">
            {raf.hccs.map((h) => (
              <li key={h.hcc}>
                HCC {h.hcc} {h.label} <span className="hint">+{h.coefficient.toFixed(3)}</span>
              </li>
            ))}
            {raf.dropped.map((h) => (
              <li key={`d${h.hcc}`} className="hint">
                HCC {h.hcc} dropped by HCC {h.droppedBy}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function HistoryPanel({ history }: { history: HistoryEncounter[] }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Earlier encounters</h2>
      {history.length === 0 ? (
        <p className="hint">No earlier encounters for this patient.</p>
      ) : (
        <ul className="history">
          {history.map((h) => (
            <li key={h.encounterId}>
              <div>
                {h.dateOfService} · {h.setting}
              </div>
              <div className="history-codes">
                {h.codes.map((c) => (
                  <span key={c.code} className="mono chip" title={`${c.description} (${c.source})`}>
                    {c.display}
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
