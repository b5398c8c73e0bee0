// A condition read "without complications" whose complication the same sentence names apart: "UC,
// pancolitis, moderate flare w/ rectal bleeding" is ulcerative colitis with rectal bleeding (K51.911),
// not K51.90 beside K62.5 (the list's commas keep the Index's "with" line from reading it whole). And a
// type said in one place with a complication said in another: "ulcerative pancolitis … UC with rectal
// bleeding" is the pancolitis with rectal bleeding (K51.011).
import { shareSentence, type Candidate } from './candidate';
import type { CombineInto } from './combine';
import { titleWords, type CodeTable } from './code-table';

const WITHOUT = /\bwithout complications$/i;
/** A sibling's complication: "Ulcerative (chronic) pancolitis with rectal bleeding". */
const WITH = /\bwith ([a-z ]+)$/i;

export function complicationSaid(cands: Map<string, Candidate>, table: CodeTable, normalize: (w: string) => string, combineInto: CombineInto): void {
  const title = (code: string): string => table.byCode.get(code)?.long_desc ?? '';
  /** The subcategory's "with <complication>" siblings, by the complication's words. */
  const withSiblings = (code: string): Array<{ code: string; words: string[] }> =>
    table.billableIn(code.slice(0, 3)).flatMap((r) => {
      const m = r.code.slice(0, 4) === code.slice(0, 4) ? WITH.exec(r.long_desc) : null;
      return m ? [{ code: r.code, words: titleWords(m[1]!).map(normalize) }] : [];
    });
  // The same sentence's complication.
  for (const c of [...cands.values()]) {
    if (c.via !== 'match' || !WITHOUT.test(title(c.code)) || !cands.has(c.code)) continue;
    const siblings = withSiblings(c.code);
    for (const o of [...cands.values()]) {
      if (o === c || o.code.slice(0, 3) === c.code.slice(0, 3) || !shareSentence(c, o)) continue;
      const said = new Set(o.mentions.flatMap((m) => m.words));
      const sibling = siblings.find((s) => s.words.length > 0 && s.words.every((w) => said.has(w)));
      if (!sibling || !table.byCode.get(sibling.code)?.billable) continue;
      combineInto(cands, sibling.code, `${c.code} with ${o.code} said in its sentence: ${title(sibling.code)}`, [c, o], [c, o]);
      cands.delete(c.code);
      cands.delete(o.code);
      break;
    }
  }
  // A type "without complications" beside the category's unspecified type with a complication: the type's own "with" code.
  for (const typed of [...cands.values()]) {
    if (!WITHOUT.test(title(typed.code)) || /\bunspecified\b/i.test(title(typed.code)) || !cands.has(typed.code)) continue;
    for (const vague of [...cands.values()]) {
      const m = WITH.exec(title(vague.code));
      if (vague.code.slice(0, 3) !== typed.code.slice(0, 3) || !m || !/\bunspecified\b/i.test(title(vague.code))) continue;
      const words = titleWords(m[1]!).map(normalize).join(' ');
      const own = withSiblings(typed.code).find((s) => s.words.join(' ') === words);
      if (!own || !table.byCode.get(own.code)?.billable) continue;
      combineInto(cands, own.code, `${typed.code} and ${vague.code}: ${title(own.code)}`, [typed, vague], [typed, vague]);
      cands.delete(typed.code);
      cands.delete(vague.code);
      break;
    }
  }
}
