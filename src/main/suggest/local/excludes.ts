// Excludes1 between suggestions: two codes the tabular says are never reported together ("recurrent
// depressive disorder" is excluded from F32) cannot both be suggested. The claim edits flag such a
// pair as an error; the engine should not propose one in the first place.
import type { CodeSetLookup } from '../../../shared/codeset/types';
import { excludes1Override } from '../../../shared/edits/overrides';
import { parseNoteReferences, referenceMatches } from '../../../shared/edits/references';

/** Pairs of the given codes that an Excludes1 note keeps apart (each pair once, in input order). */
export function excludes1Pairs(lookup: CodeSetLookup, codes: readonly string[]): Array<[string, string]> {
  const chapterOf = (code: string): number | null => lookup.code('icd10cm', code)?.chapter ?? null;
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const a of codes) {
    for (const note of lookup.notes(a)) {
      if (note.kind !== 'excludes1') continue;
      for (const ref of parseNoteReferences(note.text).references) {
        // A note pointing back into the code's own family describes a sibling, not a clash.
        if (referenceMatches(ref, a, chapterOf)) continue;
        for (const b of codes) {
          if (b === a || !referenceMatches(ref, b, chapterOf) || excludes1Override(a, b)) continue;
          const [x, y] = codes.indexOf(a) < codes.indexOf(b) ? [a, b] : [b, a];
          if (!seen.has(`${x}|${y}`)) {
            seen.add(`${x}|${y}`);
            out.push([x, y]);
          }
        }
      }
    }
  }
  return out;
}
