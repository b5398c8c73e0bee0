import type { ServerUpdateNotice } from '../../../shared/sync/chart-changes';
import { Modal } from '../../components/Modal';

const codes = (n: number): string => `${n} code${n === 1 ? '' : 's'}`;

/** The chart was changed on the server after the coder started on it: what changed, and a button to load it onto the work. */
export function ServerUpdateBanner({ update, busy, onLoad }: { update: ServerUpdateNotice; busy: boolean; onLoad(): void }) {
  return (
    <section className="banner warn server-update" role="status" aria-label="Chart updated on the server" data-testid="server-update">
      <strong>This chart was updated on the server after you started coding it.</strong> Your work and the text you see are as they were; the server&apos;s
      version {update.version} (received {update.receivedAt.slice(0, 16).replace('T', ' ')} UTC) is not loaded yet:
      <ul>
        {update.changes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="banner-actions">
        <button type="button" className="primary" disabled={busy} onClick={onLoad}>
          Load new version
        </button>
        <span className="hint">
          Keeps your decisions;{' '}
          {update.itemsToRecheck === 0 ? 'the evidence is checked again in the new text.' : `${codes(update.itemsToRecheck)} will need re-review.`}
        </span>
      </div>
    </section>
  );
}

/** Confirms loading the waiting version: says the work is kept and what will need looking at again. */
export function LoadUpdateDialog({ update, onConfirm, onClose }: { update: ServerUpdateNotice; onConfirm(): void; onClose(): void }) {
  const n = update.itemsToRecheck;
  return (
    <Modal title={`Load version ${update.version} from the server?`} onClose={onClose}>
      <p>
        The chart&apos;s text, date of service and the codes that came with it become the server&apos;s version. <strong>Your work is kept</strong>: your
        decisions and their audit trail, the chart&apos;s status, and changes waiting to sync.
      </p>
      <p data-testid="load-update-recheck">
        Your evidence is looked up again in the new text.{' '}
        {n === 0
          ? 'All of it is still there.'
          : `${codes(n)} will be flagged for re-review: ${n === 1 ? 'its' : 'their'} evidence is no longer in the note, or the server no longer lists the code.`}{' '}
        Suggestions are made again from the new text.
      </p>
      <div className="key-row">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          Load version {update.version}
        </button>
      </div>
    </Modal>
  );
}
