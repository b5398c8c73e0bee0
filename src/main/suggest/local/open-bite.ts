// A bite is coded as an open bite whatever wound it left: "dog bite, L forearm - multiple puncture
// wounds" is S51.852A (open bite of left forearm), not the puncture wound S51.832A. The open-wound
// categories put the kind of wound in the 5th character (3, 4 puncture; 5 open bite).
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { CodeTable } from './code-table';
import { lineOf } from './text';

/** A puncture wound of the open-wound categories (S01, S11 … S91), with or without a foreign body. */
const PUNCTURE = /^S[0-9]1[0-9][34]/;
const BITE_WORD = /\b(bite|bites|bitten|bit)\b/i;

/** Puncture wounds whose own line says a bite made them, as that site's open bite. */
export function withOpenBites(table: CodeTable, raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>): RawSuggestion[] {
  return raw.map((r) => {
    if (r.kind !== 'add' || !PUNCTURE.test(r.code)) return r;
    const bitten = (r.quotes ?? []).some((q) => typeof q !== 'string' && q.start !== undefined && BITE_WORD.test(lineOf(texts.get(q.documentId ?? '') ?? '', q.start, q.end ?? q.start)));
    if (!bitten) return r;
    const bite = `${r.code.slice(0, 4)}5${r.code.slice(5)}`;
    const rec = table.byCode.get(bite);
    if (!rec?.billable || !/\bopen bite\b/i.test(rec.long_desc) || raw.some((o) => o.code === bite)) return r;
    return { ...r, code: bite, rationale: `${r.rationale ?? ''}; a bite made the wound: ${bite}` };
  });
}
