import { useId } from 'react';
import { REJECT_REASON_LABELS, type SubmitCodeOrigin, type SubmitPreview, type SubmitPreviewRemoved } from '../../../shared/review/types';
import { Modal } from '../../components/Modal';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function howText(origin: SubmitCodeOrigin): string {
  const where = (source: 'claim' | 'problem-list') => (source === 'problem-list' ? 'problem list' : 'claim');
  switch (origin.kind) {
    case 'kept':
      return `Kept from the ${where(origin.source)}`;
    case 'changed':
      return `Changed from ${origin.from} (${where(origin.source)})`;
    case 'added':
      return origin.suggested ? 'Added (accepted suggestion)' : 'Added';
  }
}

function whyText(r: SubmitPreviewRemoved): string {
  const reason = r.reason ? `${REJECT_REASON_LABELS[r.reason]}${r.reasonText ? ` — ${r.reasonText}` : ''}` : '';
  const decision = r.disposition === 'delete_proposed' ? 'Deletion proposed' : r.disposition === 'rejected' ? 'Rejected' : 'Sent to provider query';
  const detail = r.disposition === 'query' ? (r.queryNote ?? '') : reason;
  return `${decision}${detail ? `: ${detail}` : ''}${r.source === 'problem-list' ? ' (problem list)' : ''}`;
}

interface SummaryRow {
  key: string;
  code: string;
  /** The cells in column order; the first is the code as displayed. */
  cells: string[];
}

/** One of the summary's lists under its heading with its count, labelled by it; "None." when empty. */
function SummaryTable({ heading, testId, columns, rows }: { heading: string; testId: string; columns: readonly string[]; rows: readonly SummaryRow[] }) {
  const id = useId();
  return (
    <>
      <h3 id={id} className="summary-heading">
        {heading} ({rows.length})
      </h3>
      {rows.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <table className="summary-table" aria-labelledby={id} data-testid={testId}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-code={r.code}>
                {r.cells.map((cell, i) => (
                  <td key={columns[i]} className={i === 0 ? 'mono' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * `s`: the claim as the submit would record it, confirmed with Enter, or the reasons it would be
 * refused (then there is nothing to confirm). Esc leaves the chart as it was.
 */
export function SubmitDialog({ preview, onConfirm, onClose }: { preview: SubmitPreview; onConfirm(): void; onClose(): void }) {
  const { allowed, codes, removed } = preview;
  return (
    <Modal
      title="Submit this chart?"
      onClose={onClose}
      onKeyDown={(e) => {
        // On a button, Enter presses that button (so Enter on Cancel cancels); anywhere else it confirms.
        if (e.key === 'Enter' && allowed && (e.target as HTMLElement).tagName !== 'BUTTON') {
          e.preventDefault();
          onConfirm();
        }
      }}
    >
      {allowed ? (
        <p>Submitting records {codes.length === 1 ? 'this code' : `these ${codes.length} codes`} for the chart and marks it done.</p>
      ) : (
        <div className="banner error" role="alert" data-testid="submit-refused">
          Cannot submit yet:
          <ul>
            {preview.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <SummaryTable
        heading="Codes to submit"
        testId="submit-codes"
        columns={['Code', 'Description', 'HCC', 'How']}
        rows={codes.map((c, i) => ({ key: `${i}:${c.system}:${c.code}`, code: c.code, cells: [c.display, c.description, c.hccs.length ? `HCC ${c.hccs.join('/')}` : '—', howText(c.origin)] }))}
      />
      <SummaryTable
        heading="Removed from the claim"
        testId="submit-removed"
        columns={['Code', 'Description', 'Why']}
        rows={removed.map((r, i) => ({ key: `${i}:${r.system}:${r.code}`, code: r.code, cells: [r.display, r.description, whyText(r)] }))}
      />
      <div className="key-row">
        <button type="button" onClick={onClose}>
          {allowed ? 'Cancel' : 'Close'}
        </button>
        {allowed && (
          <button type="button" className="primary" data-autofocus onClick={onConfirm}>
            Submit {plural(codes.length, 'code')}
          </button>
        )}
      </div>
      <p className="hint">{allowed ? 'Enter submits · Esc cancels' : 'Esc closes; nothing is submitted.'}</p>
    </Modal>
  );
}
