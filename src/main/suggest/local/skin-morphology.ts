// A skin cancer is coded by its site and its morphology together: in C44 the fifth character is the
// morphology (0 unspecified, 1 basal cell, 2 squamous cell, 9 other), so "squamous cell carcinoma of
// the skin of the left cheek" is C44.329, not the morphology without a site (C44.92) beside the site
// without a morphology (C44.309).
import { recode, shareSentence, type Candidate } from './candidate';
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

/** A limb's malignant neoplasm of no stated tissue (C76.4-, C76.5-) and its side digit (0 unspecified, 1 right, 2 left). */
const LIMB_ILL_DEFINED = /^C76([45])([0-2])$/;
const SQUAMOUS = /\b(scc|squamous)\b/i;
const IN_SITU = /\bin situ\b|\bbowen/i;
/** C44.62-/C44.72- by the side digit: unspecified, right, left. */
const SCC_SIDE = ['1', '2', '9'];

/**
 * A squamous cell carcinoma of a limb ("SCC, left forearm") is the skin's, as a dermatology note means it: the
 * Neoplasm Table's forearm row reads C76.42 (ill-defined upper limb); the skin's is C44.629, and in situ
 * (Bowen's disease, "SCC in situ, L dorsal forearm") D04.62, with no carcinoma in situ of no site (D09.9) beside it.
 */
export function squamousCarcinomaOfLimbSkin(cands: Map<string, Candidate>, table: CodeTable): void {
  for (const c of [...cands.values()]) {
    const m = LIMB_ILL_DEFINED.exec(c.code);
    if (!m || !c.mentions.some((x) => SQUAMOUS.test(x.phrase))) continue;
    const [limb, side] = [m[1]!, Number(m[2])];
    const inSitu = c.mentions.some((x) => IN_SITU.test(x.phrase));
    const code = inSitu ? `D04${limb === '4' ? '6' : '7'}${side}` : `C44${limb === '4' ? '6' : '7'}2${SCC_SIDE[side]!}`;
    if (!table.byCode.get(code)?.billable) continue;
    const unsited = cands.get('D099');
    if (inSitu && unsited && shareSentence(unsited, c)) cands.delete('D099');
    recode(cands, c, code, `A squamous cell carcinoma${inSitu ? ' in situ' : ''} of the limb the note names is the skin's: ${table.byCode.get(code)!.long_desc}`);
  }
}
