// The eyelids a condition of one eye's lids is at: "MGD upper and lower lids OU", "inspissated
// meibomian glands, all 4 lids" is "Meibomian gland dysfunction right eye, upper and lower eyelids"
// (H02.88A) and its left twin (H02.88B), not the eye's "unspecified eyelid" (H02.883). Blepharitis,
// lagophthalmos and the other H01–H02 categories split their lids alike.
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { CodeTable } from './code-table';
import { spansOf } from './shown-together';
import { lineAround } from './text';

/** An eye's lid unspecified in a code's title. */
const UNSPECIFIED_LID = /\b(right|left) eye, unspecified eyelid$/i;
/** Both lids of an eye, or of both eyes: "upper and lower lids", "all 4 lids", "both lids". */
const BOTH_LIDS = /\b(?:upper and lower|lower and upper|upper\/lower|all (?:4|four)|both)\s+(?:eye)?lids\b/i;
const UPPER_LID = /\bupper\s+(?:eye)?lids?\b|\b(?:RUL|LUL)\b/i;
const LOWER_LID = /\blower\s+(?:eye)?lids?\b|\b(?:RLL|LLL)\b/i;

/** The code of the same condition and eye whose title names `lids`. */
function lidCode(table: CodeTable, code: string, side: string, lids: RegExp): string | undefined {
  return table.billableIn(code.slice(0, 3)).find((c) => c.code.length === code.length && c.code.slice(0, -1) === code.slice(0, -1) && new RegExp(`\\b${side}\\b`, 'i').test(c.long_desc) && lids.test(c.long_desc))?.code;
}

export function withEyelidsNamed(table: CodeTable, raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>): RawSuggestion[] {
  return raw.map((r) => {
    const side = r.kind === 'add' ? UNSPECIFIED_LID.exec(table.byCode.get(r.code)?.long_desc ?? '')?.[1]?.toLowerCase() : undefined;
    if (!side) return r;
    const lines = spansOf(r).map((q) => lineAround(texts, q));
    const both = lines.some((l) => BOTH_LIDS.test(l) || (UPPER_LID.test(l) && LOWER_LID.test(l)));
    const lids = both ? /upper and lower eyelids/i : lines.some((l) => UPPER_LID.test(l)) ? /upper eyelid$/i : lines.some((l) => LOWER_LID.test(l)) ? /lower eyelid$/i : undefined;
    const code = lids && lidCode(table, r.code, side, lids);
    return code && !raw.some((o) => o.code === code) ? { ...r, code, rationale: `${r.rationale ?? ''} – at the eyelids the note names: ${table.byCode.get(code)!.long_desc}` } : r;
  });
}
