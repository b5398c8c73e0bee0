// A bite is coded as an open bite whatever wound it left: "dog bite, L forearm - multiple puncture
// wounds" is S51.852A (open bite of left forearm), not the puncture wound S51.832A. The open-wound
// categories put the kind of wound in the 5th character (1, 2 laceration; 3, 4 puncture; 5 open bite).
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { CodeTable } from './code-table';
import { spansOf } from './shown-together';
import { lineAround } from './text';

/** A laceration or puncture wound of the open-wound categories (S01, S11 … S91), with or without a foreign body. */
const WOUND = /^S[0-9]1[0-9][1-4]/;
/** Not the teeth's meeting: an "open bite", "crossbite" or "deep bite" of a malocclusion is no wound. */
const BITE_WORD = /\b(?<!\b(?:open|cross|deep|over|under)[ -]?)(bite|bites|bitten|bit)\b/i;

/**
 * Lacerations and puncture wounds whose own line says a bite made them, as that site's open bite;
 * beside the open bite the line already reads ("dog bite of right hand with puncture wound"), none.
 */
export function withOpenBites(table: CodeTable, raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>): RawSuggestion[] {
  return raw.flatMap((r) => {
    if (r.kind !== 'add' || !WOUND.test(r.code)) return [r];
    const bitten = spansOf(r).some((q) => BITE_WORD.test(lineAround(texts, q)));
    if (!bitten) return [r];
    const bite = `${r.code.slice(0, 4)}5${r.code.slice(5)}`;
    const rec = table.byCode.get(bite);
    if (!rec?.billable || !/\bopen bite\b/i.test(rec.long_desc)) return [r];
    if (raw.some((o) => o.code === bite && o.kind === 'add')) return [];
    return [{ ...r, code: bite, rationale: `${r.rationale ?? ''}; a bite made the wound: ${bite}` }];
  });
}
