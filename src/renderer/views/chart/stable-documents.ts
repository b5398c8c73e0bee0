import type { ChartView } from '../../../shared/review/types';

/**
 * The next chart view, keeping the previous documents when their text is unchanged: every action
 * answers with the whole chart, and the note (often thousands of words) need not be redrawn for it.
 */
export function keepUnchangedDocuments(prev: ChartView | null, next: ChartView): ChartView {
  if (!prev || prev.encounter.id !== next.encounter.id || prev.documents.length !== next.documents.length) return next;
  const same = prev.documents.every((d, i) => {
    const n = next.documents[i]!;
    return d.id === n.id && d.text === n.text && d.type === n.type && d.date === n.date && d.authorRole === n.authorRole && JSON.stringify(d.sections) === JSON.stringify(n.sections);
  });
  return same ? { ...next, documents: prev.documents } : next;
}
