// A skin cancer is coded by its site and its morphology together: in C44 the fifth character is the
// morphology (0 unspecified, 1 basal cell, 2 squamous cell, 9 other), so "squamous cell carcinoma of
// the skin of the left cheek" is C44.329, not the morphology without a site (C44.92) beside the site
// without a morphology (C44.309).
import { shareSentence, type Candidate } from './candidate';
import type { CombineInto } from './combine';
import type { CodeTable } from './code-table';

/** The morphology-only readings (skin, unspecified site), their fifth character and their title's name. */
const MORPHOLOGIES: ReadonlyArray<readonly [code: string, digit: string, name: RegExp]> = [
  ['C4491', '1', /^Basal cell carcinoma\b/i],
  ['C4492', '2', /^Squamous cell carcinoma\b/i],
];

export function skinCancerMorphology(cands: Map<string, Candidate>, table: CodeTable, combineInto: CombineInto): void {
  for (const [morphCode, digit, name] of MORPHOLOGIES) {
    const morph = cands.get(morphCode);
    if (!morph) continue;
    let used = false;
    for (const site of [...cands.values()]) {
      // A site reading with no morphology: C44.x0x, "Unspecified malignant neoplasm of skin of …".
      if (!/^C44[0-8]0/.test(site.code) || !/^unsp/i.test(table.byCode.get(site.code)?.long_desc ?? '')) continue;
      if (!shareSentence(site, morph)) continue;
      const code = `${site.code.slice(0, 4)}${digit}${site.code.slice(5)}`;
      const target = table.byCode.get(code);
      if (!target?.billable || !name.test(target.long_desc)) continue;
      combineInto(cands, code, `${target.long_desc}: the morphology and the skin site the note names`, [morph, site], [morph, site]);
      cands.delete(site.code);
      used = true;
    }
    if (used) cands.delete(morphCode);
  }
}
