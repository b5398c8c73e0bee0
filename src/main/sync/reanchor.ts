// Moves a piece of evidence from a chart's old text onto its new text. The quote is looked up
// verbatim (whitespace runs collapsed) with the grounding code's QuoteFinder, the same matching a
// suggestion's quotes pass before a coder sees them; a quote the new text does not hold is reported
// lost, never guessed at. Pure: no database, no clock.
import type { EvidenceSpan } from '../../shared/review/types';
import { QuoteFinder } from '../../shared/suggest/grounding';

export interface AnchorDocument {
  id: string;
  text: string;
}

/** How much of a document is unchanged at its start and at its end. */
interface Unchanged {
  before: string;
  after: string;
  prefix: number;
  suffix: number;
}

function unchanged(before: string, after: string): Unchanged {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { before, after, prefix, suffix };
}

export class Reanchorer {
  private readonly finder: QuoteFinder;
  private readonly oldTexts: Map<string, string>;
  private readonly newTexts: Map<string, string>;
  private readonly diffs = new Map<string, Unchanged>();
  private readonly memo = new Map<string, EvidenceSpan | null>();

  constructor(oldDocuments: readonly AnchorDocument[], newDocuments: readonly AnchorDocument[]) {
    this.finder = new QuoteFinder(newDocuments);
    this.oldTexts = new Map(oldDocuments.map((d) => [d.id, d.text]));
    this.newTexts = new Map(newDocuments.map((d) => [d.id, d.text]));
  }

  /**
   * Where `span` is in the new text, or null when its quote is no longer in the chart. Among several
   * occurrences, those in the span's own document win, then the one nearest where the old text
   * would have put it (see `expectedStart`). The result's quote is the new text at its offsets.
   */
  anchor(span: EvidenceSpan): EvidenceSpan | null {
    const key = `${span.documentId}\u0000${span.start}\u0000${span.end}\u0000${span.quote}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const found = this.finder.findAll(span.quote);
    const same = found.filter((s) => s.documentId === span.documentId);
    const pool = same.length > 0 ? same : found;
    const expected = this.expectedStart(span);
    let best: EvidenceSpan | null = null;
    for (const s of pool) if (best === null || Math.abs(s.start - expected) < Math.abs(best.start - expected)) best = s;
    this.memo.set(key, best);
    return best;
  }

  /**
   * The old offset, shifted by what was inserted or removed before it when the text after the span
   * is unchanged: an addendum on top moves every quote by its length, and "nearest to the old
   * offset" alone would then pick the wrong one of two identical phrases.
   */
  private expectedStart(span: EvidenceSpan): number {
    const before = this.oldTexts.get(span.documentId);
    const after = this.newTexts.get(span.documentId);
    if (before === undefined || after === undefined) return span.start;
    let d = this.diffs.get(span.documentId);
    if (!d) this.diffs.set(span.documentId, (d = unchanged(before, after)));
    if (span.end <= d.prefix) return span.start;
    if (span.start >= d.before.length - d.suffix) return span.start + (d.after.length - d.before.length);
    return span.start;
  }
}
