import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ChartDocumentView, ReviewItem } from '../../../shared/review/types';
import { evidenceSegments, type Segment } from './evidence-segments';

export interface TextSelection {
  documentId: string;
  start: number;
  end: number;
  quote: string;
}

/** Reads the user's text selection as offsets into the document text (marks add no characters). */
export function selectionInDocuments(root: HTMLElement | null): TextSelection | null {
  const sel = window.getSelection();
  if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const container = (range.commonAncestorContainer instanceof Element ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement)?.closest<HTMLElement>('[data-document-id]');
  if (!container || !root.contains(container)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const quote = range.toString();
  return { documentId: container.dataset.documentId!, start, end: start + quote.length, quote };
}

/**
 * What the highlights depend on: each item's evidence offsets and the code it shows. Deciding on a
 * code changes its disposition, not this, so the note is not re-rendered on a key press.
 */
function evidenceKey(items: readonly ReviewItem[]): string {
  return items.map((i) => `${i.id}=${i.display}:${i.evidence.map((e) => `${e.documentId}@${e.start}-${e.end}`).join(',')}`).join('|');
}

export function DocumentPane({ documents, items, activeItemId, onSelectItem, rootRef }: { documents: ChartDocumentView[]; items: ReviewItem[]; activeItemId: string | null; onSelectItem(id: string): void; rootRef: React.RefObject<HTMLDivElement | null> }) {
  const localRef = useRef<HTMLDivElement | null>(null);
  const key = evidenceKey(items);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  // Recomputed only when the evidence or the codes' display change.
  const highlights = useMemo(() => {
    const list = itemsRef.current;
    const codeOf = new Map(list.map((i) => [i.id, i.display]));
    return documents.map((doc) => ({ doc, segments: evidenceSegments(doc.id, doc.text.length, list), codeOf }));
  }, [documents, key]);
  const selectRef = useRef(onSelectItem);
  selectRef.current = onSelectItem;
  const select = useCallback((id: string) => selectRef.current(id), []);

  // The active code's highlights are marked on the DOM after every render, so moving j/k or acting on
  // a code never re-renders the note text.
  useLayoutEffect(() => {
    const root = localRef.current;
    if (!root) return;
    for (const m of root.querySelectorAll('mark.evidence.active')) m.classList.remove('active');
    if (activeItemId) for (const m of root.querySelectorAll(`mark[data-items~="${CSS.escape(activeItemId)}"]`)) m.classList.add('active');
  });

  // Code → evidence: bring the active code's first highlight into view.
  useEffect(() => {
    if (!activeItemId) return;
    const mark = localRef.current?.querySelector<HTMLElement>(`mark[data-items~="${CSS.escape(activeItemId)}"]`);
    mark?.scrollIntoView({ block: 'nearest' });
  }, [activeItemId]);

  return (
    <div
      className="documents"
      ref={(el) => {
        localRef.current = el;
        rootRef.current = el;
      }}
      aria-label="Chart documents"
      role="region"
      tabIndex={0}
    >
      {highlights.map(({ doc, segments, codeOf }) => (
        <DocumentArticle key={doc.id} doc={doc} segments={segments} codeOf={codeOf} onSelectItem={select} />
      ))}
    </div>
  );
}

const DocumentArticle = memo(function DocumentArticle({ doc, segments, codeOf, onSelectItem }: { doc: ChartDocumentView; segments: Segment[]; codeOf: ReadonlyMap<string, string>; onSelectItem(id: string): void }) {
  return (
    <article className="document" aria-label={doc.type}>
      <header className="document-header">
        <h2>{doc.type}</h2>
        <span className="hint">
          {doc.date ?? ''} {doc.authorRole ? `· ${doc.authorRole}` : ''}
        </span>
        {doc.sections.length > 1 && (
          <nav className="sections" aria-label={`Sections of ${doc.type}`}>
            {doc.sections.map((s) => (
              <span key={s.start} className="section-chip">
                {s.title}
              </span>
            ))}
          </nav>
        )}
      </header>
      <div className="document-text" data-document-id={doc.id}>
        {segments.map((seg) => {
          const text = doc.text.slice(seg.start, seg.end);
          if (seg.itemIds.length === 0) return <span key={seg.start}>{text}</span>;
          return (
            <mark
              key={seg.start}
              className="evidence"
              data-items={seg.itemIds.join(' ')}
              title={`Evidence for ${seg.itemIds.map((id) => codeOf.get(id)).join(', ')}`}
              onClick={() => onSelectItem(seg.itemIds[0]!)}
            >
              {text}
            </mark>
          );
        })}
      </div>
    </article>
  );
});
