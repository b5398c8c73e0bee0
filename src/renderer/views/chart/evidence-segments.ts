import type { ReviewItem } from '../../../shared/review/types';

export interface Segment {
  start: number;
  end: number;
  /** Review items whose evidence covers this stretch of text. */
  itemIds: string[];
}

/**
 * Cuts a document's text at every evidence boundary, so overlapping evidence of several codes is
 * shown as nested highlights without duplicating or losing characters.
 */
export function evidenceSegments(documentId: string, textLength: number, items: readonly ReviewItem[]): Segment[] {
  const spans = items.flatMap((item) =>
    item.evidence.filter((e) => e.documentId === documentId && e.start < e.end && e.end <= textLength).map((e) => ({ start: e.start, end: e.end, id: item.id })),
  );
  const cuts = new Set<number>([0, textLength]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const itemIds = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({ start, end, itemIds: [...new Set(itemIds)] });
  }
  return segments;
}

/** Finds a phrase in the chart (case-insensitive) and returns the verbatim chart text there. */
export function findEvidence(documents: ReadonlyArray<{ id: string; text: string }>, phrase: string): { documentId: string; start: number; end: number; quote: string } | null {
  const needle = phrase.trim().toLowerCase();
  if (needle.length < 2) return null;
  for (const doc of documents) {
    const at = doc.text.toLowerCase().indexOf(needle);
    if (at >= 0) return { documentId: doc.id, start: at, end: at + needle.length, quote: doc.text.slice(at, at + needle.length) };
  }
  return null;
}
