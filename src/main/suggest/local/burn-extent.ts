// A burn's extent is coded beside its site (T20–T25: "use additional code from category T31 or T32 to
// identify extent of body surface involved"): "Total body surface area approximately 1.5%" is T31.0,
// "TBSA 24%, 6% full thickness" T31.20 — the tens of the total, then the tens of the third-degree part.
// Only where a burn of a site is read: a TBSA in a note of no burn names none.

/** The total burned, as notes write it: "TBSA 12%", "total body surface area approximately 1.5%", "18% BSA". */
const TOTAL = /\b(?:(?:total\s+)?(?:body\s+surface\s+area|TBSA|BSA)(?:\s+(?:burned|burnt|involved|affected))?[\s:=,-]*(?:(?:of|is|was|approximately|approx\.?|about|estimated|est\.?|~|<)\s*)*(\d{1,3}(?:\.\d+)?)\s*%|(\d{1,3}(?:\.\d+)?)\s*%\s*(?:total\s+)?(?:TBSA|BSA|body\s+surface\s+area))/gi;
/** The third-degree part: "third-degree 6%", "6% full thickness", "full-thickness portion approximately 4%". */
const THIRD = /\b(?:(?:third[- ]degree|3rd[- ]degree|full[- ]thickness)\b[^.;\n%]{0,30}?(\d{1,3}(?:\.\d+)?)\s*%|(\d{1,3}(?:\.\d+)?)\s*%\s*(?:TBSA\s+)?(?:third[- ]degree|3rd[- ]degree|full[- ]thickness))/i;

/** A burn of a site (T20–T25), which asks for its extent. */
export const SITED_BURN = /^T2[0-5]/;

export interface BurnExtent {
  code: string;
  start: number;
  end: number;
}

/** The T31 code for the extent a sentence states, with where it says the total; undefined when it states none. */
export function burnExtent(sentence: string): BurnExtent | undefined {
  for (const m of sentence.matchAll(TOTAL)) {
    const total = Number(m[1] ?? m[2]);
    if (!(total > 0 && total <= 100)) continue;
    const third = THIRD.exec(sentence);
    const deep = third ? Number(third[1] ?? third[2]) : 0;
    const tens = Math.min(9, Math.floor(total / 10));
    const code = tens === 0 ? 'T310' : `T31${tens}${Math.min(tens, Math.floor(Math.min(deep, total) / 10))}`;
    return { code, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}
