import { describe, expect, it } from 'vitest';
import type { ChartView } from '../../../src/shared/review/types';
import { keepUnchangedDocuments } from '../../../src/renderer/views/chart/stable-documents';

function chart(encounterId: string, text: string, disposition: 'pending' | 'accepted' = 'pending'): ChartView {
  return {
    encounter: { id: encounterId },
    documents: [{ id: 'd1', type: 'Progress note', authorRole: null, date: '2026-03-02', text, sections: [{ title: 'Assessment', start: 0, end: text.length }] }],
    items: [{ id: 'i1', disposition }],
  } as unknown as ChartView;
}

describe('keepUnchangedDocuments', () => {
  it('keeps the previous documents when an action answers with the same note, and takes everything else from the answer', () => {
    const before = chart('e1', 'Essential hypertension.');
    const after = chart('e1', 'Essential hypertension.', 'accepted');
    const next = keepUnchangedDocuments(before, after);
    expect(next.documents).toBe(before.documents);
    expect(next.items).toBe(after.items);
  });

  it('takes the new documents when the text, the chart or the number of documents changed', () => {
    const before = chart('e1', 'Essential hypertension.');
    expect(keepUnchangedDocuments(before, chart('e1', 'Essential hypertension, controlled.')).documents).not.toBe(before.documents);
    expect(keepUnchangedDocuments(before, chart('e2', 'Essential hypertension.')).documents).not.toBe(before.documents);
    const two = chart('e1', 'Essential hypertension.');
    two.documents.push({ ...two.documents[0]!, id: 'd2' });
    expect(keepUnchangedDocuments(before, two).documents).toBe(two.documents);
    expect(keepUnchangedDocuments(null, before)).toBe(before);
  });
});
