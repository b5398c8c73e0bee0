// "With" in the Index presumes a link (guideline I.A.15): a condition named in one sentence "with"
// another the Index lists under it is the combination code ("low back pain with left sciatica" is
// "Sciatica > with lumbago", M54.42, not M54.50 beside M54.32). The other condition is found by the
// code its words read as alone, as a note rarely uses the Index's own word ("lumbago").
// Diabetes, hypertension, COPD and stroke sequelae have rules of their own (combine.ts).
import { shareSentence, type Candidate } from './candidate';
import type { CombineInto } from './combine';
import type { WithLink } from './dictionary';

/** A category's unspecified code one level below it: K70.9, J18.9 (not M54.50, one kind of M54). */
const CATEGORY_UNSPECIFIED = /^[A-Z]\d\d9$/;
/** Categories whose "with" links other rules make, across the note and not only in one sentence. */
const OWN_RULES = /^(E0[89]|E1[0-3]|I1[0-6]|J44|I69|I63)/;

/**
 * `keep(other, link)`: whether the other condition's code stays beside the combination (the
 * combination's "use additional code" asks for it, or its title does not name the condition: delirium
 * with dementia is F05, and the dementia is still coded).
 */
export function indexWithLinks(
  cands: Map<string, Candidate>,
  links: readonly WithLink[],
  combineInto: CombineInto,
  keep: (other: string, link: WithLink) => boolean,
  unspecified: (code: string) => boolean,
): void {
  // Where the other condition alone reads as its unspecified code ("radiculopathy", M54.10), the note
  // may have said more: "lumbar disc herniation with radiculopathy" read M54.16 beside M51.26.
  // A category's own unspecified code ("alcoholic liver disease", K70.9) speaks for the category:
  // "alcoholic cirrhosis" (K70.30) is an alcoholic liver disease.
  const bySubcategory = new Map<string, Candidate>();
  const byCategory = new Map<string, Candidate>();
  for (const c of cands.values()) {
    if (c.via !== 'match') continue;
    if (!bySubcategory.has(c.code.slice(0, 4))) bySubcategory.set(c.code.slice(0, 4), c);
    if (!byCategory.has(c.code.slice(0, 3))) byCategory.set(c.code.slice(0, 3), c);
  }
  const sameKind = (alone: string): Candidate | undefined => {
    if (!unspecified(alone)) return undefined;
    return bySubcategory.get(alone.slice(0, 4)) ?? (CATEGORY_UNSPECIFIED.test(alone) ? byCategory.get(alone.slice(0, 3)) : undefined);
  };
  for (const link of links) {
    // The other condition first: one lookup rules out almost every link for a chart.
    const other = cands.get(link.alone!) ?? sameKind(link.alone!);
    if (!other || cands.get(other.code) !== other || other.via !== 'match' || OWN_RULES.test(link.main) || OWN_RULES.test(link.code)) continue;
    // A line under the category's unspecified code speaks for the category: "Calculus > urinary > with
    // hydronephrosis" (N13.2) is a kidney stone's (N20.0) too, which the Index lists no "with" for.
    // Not a line that only refines its own category ("Ulcer > lower limb > with > necrosis of bone" is L97.9-'s).
    const category = unspecified(link.main) && !link.code.startsWith(link.main.slice(0, 3)) ? link.main.slice(0, 3) : undefined;
    const mains = [...cands.values()].filter((c) => c.via === 'match' && (c.code.startsWith(link.main) || c.code.slice(0, 3) === category) && c.code !== link.code);
    for (const main of mains) {
      if (main === other || !shareSentence(main, other)) continue;
      // Another kind of the main condition's own category is the same condition said twice, not the
      // second one the link names: "focal epilepsy w/ impaired awareness seizures" is no status
      // epilepticus (G40.901, read as its kind G40.909) with focal epilepsy.
      if (other.code !== link.alone && other.code.slice(0, 3) === main.code.slice(0, 3)) continue;
      combineInto(cands, link.code, `"${main.mentions[0]!.phrase}" with "${other.mentions[0]!.phrase}": one code, as the Index links them (I.A.15)`, [main, other], [main, other]);
      cands.delete(main.code);
      if (!keep(other.code, link)) cands.delete(other.code);
    }
  }
}
