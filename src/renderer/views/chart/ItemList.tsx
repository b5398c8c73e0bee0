import { useEffect, useRef } from 'react';
import { REJECT_REASON_LABELS, type Disposition, type ReviewItem } from '../../../shared/review/types';
import { queryAdvice } from './query-advice';

const DISPOSITION_LABELS: Record<Disposition, string> = {
  pending: 'To review',
  accepted: 'Kept',
  rejected: 'Rejected',
  delete_proposed: 'Delete proposed',
  query: 'Query',
};

const ORIGIN_LABELS = { existing: 'On claim', added: 'Added', suggested: 'Suggested' } as const;

/** Long quotes are cut for the list; the full one is in the tooltip. */
const QUOTE_CHARS = 120;
const shortQuote = (q: string): string => `“${q.length > QUOTE_CHARS ? `${q.slice(0, QUOTE_CHARS)}…` : q}”`;

/**
 * A suggestion the engine says to ask the provider about, not to code as is: said in words on the item
 * (not only in the badge's tooltip), so a coder moving by keyboard sees it before pressing `a`.
 */
function QueryAdvice({ item }: { item: ReviewItem }) {
  const advice = queryAdvice(item);
  return (
    <div className="hint query-advice" data-testid="item-query-advice">
      <strong>Query suggested:</strong> {advice ?? 'the engine advises asking the provider before coding this.'} <span>Press <kbd>q</kbd> to query.</span>
    </div>
  );
}

/** Why a newer server version left this code to be looked at again. */
function RecheckNote({ recheck }: { recheck: NonNullable<ReviewItem['recheck']> }) {
  return (
    <div className="hint recheck-note" data-testid="item-recheck">
      {recheck.lostQuotes.length > 0 && (
        <div title={recheck.lostQuotes.join('\n')}>
          Evidence no longer in the note (server version {recheck.serverVersion}): {recheck.lostQuotes.map(shortQuote).join(', ')}
        </div>
      )}
      {recheck.codeRemoved && <div>No longer on the claim or problem list in the server&apos;s version {recheck.serverVersion}.</div>}
    </div>
  );
}

export function ItemList({ items, activeIndex, onSelect }: { items: ReviewItem[]; activeIndex: number; onSelect(index: number): void }) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);
  if (items.length === 0) return <p className="hint">No codes yet. Press <kbd>n</kbd> to add one with its evidence.</p>;
  return (
    <ol ref={listRef} className="review-items" role="listbox" aria-label="Codes to review">
      {items.map((item, i) => (
        <li
          key={item.id}
          role="option"
          aria-selected={i === activeIndex}
          className={`review-item ${i === activeIndex ? 'selected' : ''} disp-${item.disposition}`}
          onClick={() => onSelect(i)}
          data-code={item.code}
        >
          <div className="item-line">
            <span className="mono code">{item.display}</span>
            <span className={`badge disp ${item.disposition}`}>{DISPOSITION_LABELS[item.disposition]}</span>
            <span className="badge origin">{item.origin === 'existing' && item.existingSource === 'problem-list' ? 'Problem list' : ORIGIN_LABELS[item.origin]}</span>
            {item.recheck && <span className="badge warn recheck">Re-review</span>}
            {item.hccs.length > 0 && <span className="badge hcc">HCC {item.hccs.join('/')}</span>}
            {item.suggestion && (
              <span className={`badge engine ${item.suggestion.provenance.engine}`} title={item.suggestion.rationale}>
                {item.suggestion.provenance.engine === 'model' ? `Model${item.suggestion.provenance.model ? ` · ${item.suggestion.provenance.model}` : ''}` : 'Local engine'} · {item.suggestion.kind} ·{' '}
                {Math.round(item.suggestion.confidence * 100)}%
              </span>
            )}
          </div>
          <div className="item-desc">{item.description}</div>
          {item.replacedCode && <div className="hint">Changed from {item.replacedCode}</div>}
          {item.reason && (
            <div className="hint">
              Reason: {REJECT_REASON_LABELS[item.reason]}
              {item.reasonText ? ` — ${item.reasonText}` : ''}
            </div>
          )}
          {item.queryNote && <div className="hint">Query: {item.queryNote}</div>}
          {item.disposition === 'pending' && item.suggestion?.kind === 'query' && <QueryAdvice item={item} />}
          {item.recheck && <RecheckNote recheck={item.recheck} />}
          <div className="hint evidence-count">{item.evidence.length ? `${item.evidence.length} evidence quote${item.evidence.length > 1 ? 's' : ''}` : 'No evidence in this chart'}</div>
        </li>
      ))}
    </ol>
  );
}
