import type { SyncStatus } from '../../../shared/sync/status';
import { fiscalYearSpan, noticeHeadline } from '../../components/codeset-notice-text';

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

/**
 * Code-set releases the organisation announced that this install does not have, with the admin's
 * note and what to do. Code sets ship with the app, so the way to get one is the Plumbline update
 * that carries it; nothing here downloads or installs anything.
 */
export function CodeSetNotices({ status }: { status: SyncStatus | null }) {
  const notices = status?.codeSetNotices ?? [];
  if (notices.length === 0) return null;
  return (
    <section className="codeset-notices" aria-labelledby="codeset-notices-title">
      <h3 id="codeset-notices-title">Code-set releases this install does not have ({notices.length})</h3>
      <ul>
        {notices.map((n) => (
          <li key={n.systemId} data-system={n.systemId}>
            <span className="headline">{noticeHeadline(n)}.</span> <span className="hint">Announced {when(n.announcedAt)}.</span>
            {n.note && <div>Note from your organisation: {n.note}</div>}
            {fiscalYearSpan(n) && <div className="hint">{fiscalYearSpan(n)}</div>}
            {n.systemId === 'cpt' && (
              <div className="hint">
                CPT comes from your organisation&apos;s licensed file: <code>plumbline codeset import-cpt &lt;file&gt;</code>. This install does not record
                which CPT edition it imported, so this notice stays listed after the import.
              </div>
            )}
          </li>
        ))}
      </ul>
      <p className="hint">
        What to do: code sets ship with Plumbline, so a new edition reaches this computer with the Plumbline update that includes it. Ask whoever installs
        Plumbline for your organisation for that update and install it; on its next start the app copies the update&apos;s prebuilt code set (or builds it from
        the update&apos;s files) and the notice goes away once the loaded code set is the announced version. Until then, ask your lead before coding charts
        whose date of service the new edition covers: coding them against this install&apos;s code set would be wrong.
      </p>
    </section>
  );
}
