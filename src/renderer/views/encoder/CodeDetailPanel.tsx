import type { CodeDetail } from '../../../shared/codeset/search';
import type { NoteKind } from '../../../shared/codeset/types';

const NOTE_TITLES: Record<NoteKind, string> = {
  includes: 'Includes',
  inclusion_terms: 'Inclusion terms',
  excludes1: 'Excludes1',
  excludes2: 'Excludes2',
  code_first: 'Code first',
  use_additional_code: 'Use additional code',
  code_also: 'Code also',
  notes: 'Notes',
  seven_chr_note: '7th character',
};

export function CodeDetailPanel({ detail, onOpenCode }: { detail: CodeDetail; onOpenCode(code: string): void }) {
  const r = detail.record;
  const kinds = [...new Set(detail.notes.map((n) => n.kind))];
  return (
    <article className="code-detail" aria-labelledby="code-detail-title" tabIndex={-1}>
      <nav aria-label="Code hierarchy" className="breadcrumbs">
        {detail.path.map((step, i) => (
          <span key={step.id}>
            {i > 0 && ' › '}
            <span title={step.title}>{step.display}</span>
          </span>
        ))}
      </nav>
      <h2 id="code-detail-title">
        <span className="mono">{r.display}</span> {r.description}
      </h2>
      <p className="detail-flags">
        <span className={r.billable ? 'badge ok' : 'badge warn'}>{r.billable ? 'Billable' : 'Header — not billable'}</span>
        <span className="badge">Valid FY {detail.validFiscalYears.join(', ') || '—'}</span>
        {detail.poaExempt && <span className="badge">POA exempt</span>}
        {detail.manifestationNotPrincipal && <span className="badge warn">Manifestation: not principal</span>}
        {detail.unacceptablePrincipal && <span className="badge warn">Unacceptable principal dx</span>}
        {detail.mceAge && (
          <span className="badge warn">
            MCE age {detail.mceAge.category} {detail.mceAge.minAge}–{detail.mceAge.maxAge}
          </span>
        )}
      </p>
      {detail.hccs.length > 0 && (
        <section>
          <h3>CMS-HCC V28</h3>
          <ul>
            {detail.hccs.map((h) => (
              <li key={h.hcc}>
                HCC {h.hcc} — {h.label}
                {h.coefficient !== null && <> · CNA factor {h.coefficient.toFixed(3)}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {detail.dxEdits.length > 0 && (
        <section>
          <h3>V28 age/sex edits</h3>
          <ul>
            {detail.dxEdits.map((e, i) => (
              <li key={i}>
                {e.editType} {e.sex ? `sex ${e.sex}` : ''} {e.ageMin ?? ''}
                {e.ageMax !== null ? `–${e.ageMax}` : ''} → {e.action}
                {e.hccOverride ? ` HCC ${e.hccOverride}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {kinds.map((kind) => (
        <section key={kind}>
          <h3>{NOTE_TITLES[kind]}</h3>
          <ul>
            {detail.notes
              .filter((n) => n.kind === kind)
              .map((n, i) => (
                <li key={i}>
                  {n.text} <span className="note-source">({n.sourceLevel} {n.source})</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {detail.seventhCharacters.length > 0 && (
        <section>
          <h3>7th characters</h3>
          <ul>
            {detail.seventhCharacters.map((s) => (
              <li key={s.character}>
                <span className="mono">{s.character}</span> {s.meaning}
              </li>
            ))}
          </ul>
        </section>
      )}
      {detail.noteCorrections.length > 0 && (
        <section>
          <h3>FY2026 corrections to the notes</h3>
          <ul>
            {detail.noteCorrections.map((c, i) => (
              <li key={i}>
                {c.action === 'remove' ? 'Not applied: ' : 'Added: '}
                {c.text} — {c.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {detail.children.length > 0 && (
        <section>
          <h3>Codes below</h3>
          <ul className="children">
            {detail.children.map((c) => (
              <li key={c.code}>
                <button type="button" className="link mono" onClick={() => onOpenCode(c.code)}>
                  {c.display}
                </button>{' '}
                {c.description} {!c.billable && <span className="flag">hdr</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {detail.indexTerms.length > 0 && (
        <section>
          <h3>Index entries</h3>
          <ul>
            {detail.indexTerms.slice(0, 25).map((t, i) => (
              <li key={i}>{t.path}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
