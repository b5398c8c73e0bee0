// The rules by which a quote moves from a chart's old text to its new one (src/main/sync/reanchor.ts).
import { describe, expect, it } from 'vitest';
import { Reanchorer } from '../../../src/main/sync/reanchor';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

const span = (documentId: string, text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  return { documentId, start, end: start + quote.length, quote };
};

describe('re-anchoring evidence onto a newer text', () => {
  it('finds a quote whose line was rewrapped, pointing at the new text verbatim', () => {
    const before = 'Assessment: chronic kidney disease stage 3a, stable.';
    const after = 'Assessment: chronic kidney\n   disease stage 3a, stable.';
    const moved = new Reanchorer([{ id: A, text: before }], [{ id: A, text: after }]).anchor(span(A, before, 'chronic kidney disease stage 3a'));
    expect(moved).toEqual({ documentId: A, start: 12, end: 12 + 'chronic kidney\n   disease stage 3a'.length, quote: 'chronic kidney\n   disease stage 3a' });
  });

  it('prefers the quote’s own document over another that also holds it', () => {
    const before = 'Plan: metformin.';
    const anchors = new Reanchorer([{ id: B, text: before }], [{ id: A, text: 'Meds: metformin.' }, { id: B, text: 'New plan: metformin.' }]);
    expect(anchors.anchor(span(B, before, 'metformin'))).toMatchObject({ documentId: B, start: 10 });
  });

  it('follows a document into a new id when its own no longer holds the quote', () => {
    const before = 'Gout of the left foot.';
    const anchors = new Reanchorer([{ id: A, text: before }], [{ id: A, text: 'Seen today.' }, { id: B, text: 'Gout of the left foot.' }]);
    expect(anchors.anchor(span(A, before, 'Gout'))).toEqual({ documentId: B, start: 0, end: 4, quote: 'Gout' });
  });

  it('among several occurrences picks the one where the old text would now be, after text inserted above it', () => {
    const before = 'asthma. Plan: asthma action plan.';
    const after = `Addendum: asthma, asthma, asthma.\n${before}`;
    const anchors = new Reanchorer([{ id: A, text: before }], [{ id: A, text: after }]);
    const second = span(A, before, 'asthma', 1);
    expect(anchors.anchor(second)).toMatchObject({ start: second.start + after.length - before.length });
  });

  it('reports a quote the new text no longer holds as lost', () => {
    const before = 'Mixed hyperlipidemia. Hypertension.';
    const anchors = new Reanchorer([{ id: A, text: before }], [{ id: A, text: 'Hypertension.' }]);
    expect(anchors.anchor(span(A, before, 'Mixed hyperlipidemia'))).toBeNull();
  });
});
