// A condition read "without complications" whose complication the same sentence names apart: "UC,
// pancolitis, moderate flare w/ rectal bleeding" is ulcerative colitis with rectal bleeding (K51.911),
// not K51.90 beside K62.5 (the list's commas keep the Index's "with" line from reading it whole). And a
// type said in one place with a complication said in another: "ulcerative pancolitis … UC with rectal
// bleeding" is the pancolitis with rectal bleeding (K51.011).
import { recode, shareSentence, type Candidate } from './candidate';
import type { CombineInto } from './combine';
import type { CodeTable } from './code-table';
import { phraseWords, type Normalizer } from './text';

const WITHOUT = /\bwithout complications$/i;
/** Any "without" clause closing a title: "…without thyrotoxic crisis or storm". */
const WITHOUT_ANY = /\bwithout ([a-z ]+)$/i;
const STOP_WORDS = new Set(['or', 'and', 'of', 'the', 'mention']);
const DENIED_IN_PHRASE = /\b(?:without|w\/o|no|not|denies|negative for)\b/i;
/** A sibling's complication: "Ulcerative (chronic) pancolitis with rectal bleeding". */
const WITH = /\bwith ([a-z ]+)$/i;

export function complicationSaid(cands: Map<string, Candidate>, table: CodeTable, normalize: Normalizer, combineInto: CombineInto): void {
  const title = (code: string): string => table.byCode.get(code)?.long_desc ?? '';
  /** The complication's words of a "with <complication>" title, as the chart's words read. */
  const complicationOf = (code: string): string[] | undefined => {
    const m = WITH.exec(title(code));
    return m ? phraseWords(m[1]!, normalize) : undefined;
  };
  /** The subcategory's billable "with <complication>" siblings, by the complication's words. */
  const withSiblings = (code: string): Array<{ code: string; words: string[] }> =>
    table.billableIn(code.slice(0, 3)).flatMap((r) => {
      const words = r.code.slice(0, 4) === code.slice(0, 4) ? complicationOf(r.code) : undefined;
      return words ? [{ code: r.code, words }] : [];
    });
  // The same sentence's complication.
  for (const c of [...cands.values()]) {
    if (c.via !== 'match' || !WITHOUT.test(title(c.code)) || !cands.has(c.code)) continue;
    const siblings = withSiblings(c.code);
    for (const o of [...cands.values()]) {
      if (o === c || o.code.slice(0, 3) === c.code.slice(0, 3) || !shareSentence(c, o)) continue;
      const said = new Set(o.mentions.flatMap((m) => m.words));
      const sibling = siblings.find((s) => s.words.length > 0 && s.words.every((w) => said.has(w)));
      if (!sibling) continue;
      combineInto(cands, sibling.code, `${c.code} with ${o.code} said in its sentence: ${title(sibling.code)}`, [c, o], [c, o]);
      cands.delete(c.code);
      cands.delete(o.code);
      break;
    }
  }
  // A type "without complications" beside the category's unspecified type with a complication: the type's own "with" code.
  for (const typed of [...cands.values()]) {
    if (!WITHOUT.test(title(typed.code)) || /\bunspecified\b/i.test(title(typed.code)) || !cands.has(typed.code)) continue;
    const siblings = withSiblings(typed.code);
    for (const vague of [...cands.values()]) {
      const words = vague.code.slice(0, 3) === typed.code.slice(0, 3) && /\bunspecified\b/i.test(title(vague.code)) ? complicationOf(vague.code)?.join(' ') : undefined;
      const own = words === undefined ? undefined : siblings.find((s) => s.words.join(' ') === words);
      if (!own) continue;
      combineInto(cands, own.code, `${typed.code} and ${vague.code}: ${title(own.code)}`, [typed, vague], [typed, vague]);
      cands.delete(typed.code);
      cands.delete(vague.code);
      break;
    }
  }
}

/**
 * A code "without" a complication whose own readings name it: "Graves' disease in thyroid storm" read as
 * E05.00 (thyrotoxicosis with diffuse goiter without thyrotoxic crisis or storm), "thyroid storm" among its
 * words once the vaguer thyrotoxicosis joined it, is E05.01, the title's "with" sibling.
 */
export function complicationNamed(cands: Map<string, Candidate>, table: CodeTable, normalize: Normalizer): void {
  const title = (code: string): string => table.byCode.get(code)?.long_desc ?? '';
  for (const c of [...cands.values()]) {
    const without = WITHOUT_ANY.exec(title(c.code));
    if (!without || WITHOUT.test(title(c.code)) || !cands.has(c.code)) continue;
    const head = new Set(phraseWords(title(c.code).slice(0, without.index), normalize));
    // Each alternative whole ("thyrotoxic crisis" or "storm"): "acute pulmonary embolism" says no acute cor pulmonale.
    const alternatives = without[1]!.split(/\s+or\s+/i).map((alt) => phraseWords(alt, normalize).filter((w) => !head.has(w) && !STOP_WORDS.has(w))).filter((alt) => alt.length > 0);
    // Not a reading that says it without: "Enlarged prostate w/o LUTS" is N40.0 as read.
    const said = c.mentions.some((m) => m.assertion === 'present' && !DENIED_IN_PHRASE.test(m.phrase) && alternatives.some((alt) => alt.every((w) => m.words.includes(w))));
    const sibling = said ? table.billableIn(c.code.slice(0, 3)).find((r) => r.long_desc === title(c.code).replace(/\bwithout\b/i, 'with')) : undefined;
    if (sibling) recode(cands, c, sibling.code, `${c.code} whose readings name its ${without[1]}: ${sibling.long_desc}`);
  }
}
