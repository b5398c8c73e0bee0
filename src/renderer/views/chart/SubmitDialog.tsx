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

/**
 * `s`: the claim as the submit would record it, confirmed with Enter, or the reasons it would be
 * refused (then there is nothing to confirm). Esc leaves the chart as it was.
 */
export function SubmitDialog({ preview, onConfirm, onClose }: { preview: SubmitPreview; onConfirm(): void; onClose(): void }) {
  const codesId = useId();
  const removedId = useId();
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
      <h3 id={codesId} className="summary-heading">
        Codes to submit ({codes.length})
      </h3>
      {codes.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <table className="summary-table" aria-labelledby={codesId} data-testid="submit-codes">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Description</th>
              <th scope="col">HCC</th>
              <th scope="col">How</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((c, i) => (
              <tr key={`${i}:${c.system}:${c.code}`} data-code={c.code}>
                <td className="mono">{c.display}</td>
                <td>{c.description}</td>
                <td>{c.hccs.length ? `HCC ${c.hccs.join('/')}` : '—'}</td>
                <td>{howText(c.origin)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id={removedId} className="summary-heading">
        Removed from the claim ({removed.length})
      </h3>
      {removed.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <table className="summary-table" aria-labelledby={removedId} data-testid="submit-removed">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Description</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {removed.map((r, i) => (
              <tr key={`${i}:${r.system}:${r.code}`} data-code={r.code}>
                <td className="mono">{r.display}</td>
                <td>{r.description}</td>
                <td>{whyText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
