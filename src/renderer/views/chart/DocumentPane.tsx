import { useEffect, useMemo, useRef } from 'react';
import type { ChartDocumentView, ReviewItem } from '../../../shared/review/types';
import { evidenceSegments } from './evidence-segments';

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

export function DocumentPane({ documents, items, activeItemId, onSelectItem, rootRef }: { documents: ChartDocumentView[]; items: ReviewItem[]; activeItemId: string | null; onSelectItem(id: string): void; rootRef: React.RefObject<HTMLDivElement | null> }) {
  const codeOf = useMemo(() => new Map(items.map((i) => [i.id, i.display])), [items]);
  const localRef = useRef<HTMLDivElement | null>(null);

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
      {documents.map((doc) => {
        const segments = evidenceSegments(doc.id, doc.text.length, items);
        return (
          <article key={doc.id} className="document" aria-label={doc.type}>
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
                const active = activeItemId !== null && seg.itemIds.includes(activeItemId);
                return (
                  <mark
                    key={seg.start}
                    className={active ? 'evidence active' : 'evidence'}
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
      })}
    </div>
  );
}
