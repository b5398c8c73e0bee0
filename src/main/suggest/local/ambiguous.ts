// Words the Index codes by what the provider meant: "Diabetes > uncontrolled > meaning > hyperglycemia
// / hypoglycemia". A note that says "uncontrolled" and not which is a documentation question; a coder
// queries the provider instead of picking one, so the engine proposes a query naming the choices.
import type { CodeTable } from './code-table';
import { contentWords } from './index-words';
import { phraseWords, type Normalizer } from './text';

export interface AmbiguousTerm {
  /** Normalised words of the line that asks for a meaning ("diabetes", "uncontrolled"); the first is the main term's. */
  words: string[];
  /** One normalised word per meaning the Index lists ("hyperglycemia", "hypoglycemia"). */
  meanings: string[];
}

const MEANING_LINE = ' > meaning';
const MEANING = `${MEANING_LINE} > `;

/** The Index lines without a code of their own whose subterms split them by meaning (two or more), from the Index's rows. */
export function readAmbiguousTerms(indexRows: ReadonlyArray<{ path: string; code: string | null }>, normalize: Normalizer): AmbiguousTerm[] {
  const rows = indexRows.filter((r) => r.path.includes(MEANING) || r.path.endsWith(MEANING_LINE));
  const byParent = new Map<string, Set<string>>();
  const coded = new Set(rows.filter((r) => r.code && r.path.endsWith(MEANING_LINE)).map((r) => r.path));
  for (const r of rows) {
    const at = r.path.indexOf(MEANING);
    if (at < 0 || r.path.slice(at + MEANING.length).includes(' > ')) continue;
    const parent = r.path.slice(0, at);
    if (coded.has(`${parent}${MEANING_LINE}`)) continue;
    const meaning = contentWords(r.path.slice(at + MEANING.length), normalize);
    // A meaning named in one word only; longer ones ("failure, left ventricle") are not asked about.
    if (meaning.length !== 1) continue;
    (byParent.get(parent) ?? byParent.set(parent, new Set()).get(parent)!).add(meaning[0]!);
  }
  const out: AmbiguousTerm[] = [];
  for (const [parent, meanings] of byParent) {
    if (meanings.size < 2) continue;
    const segs = parent.split(' > ');
    const words = contentWords([segs[0]!.split(',')[0]!, ...segs.slice(1)].join(' '), normalize);
    if (words.length >= 2) out.push({ words, meanings: [...meanings] });
  }
  return out;
}

export interface AmbiguityQuery {
  term: AmbiguousTerm;
  /** Per meaning, the code of the read code's category that names it (E11.65, E11.649). */
  choices: Array<{ meaning: string; code: string }>;
}

/**
 * The query a reading of `code` in a sentence with words `said` raises: the sentence says the ambiguous
 * word with the main term the code reads, names none of the meanings, and the code's category has a
 * code for at least two of them.
 */
export function ambiguityQuery(terms: readonly AmbiguousTerm[], table: CodeTable, normalize: Normalizer, code: string, mentionWords: readonly string[], said: ReadonlySet<string>): AmbiguityQuery | undefined {
  const titleWords = (title: string): Set<string> => new Set(phraseWords(title, normalize));
  for (const term of terms) {
    if (!mentionWords.includes(term.words[0]!) || !term.words.every((w) => said.has(w)) || term.meanings.some((m) => said.has(m))) continue;
    const own = titleWords(table.byCode.get(code)?.long_desc ?? '');
    if (term.meanings.some((m) => own.has(m))) continue;
    const choices: AmbiguityQuery['choices'] = [];
    for (const meaning of term.meanings) {
      // The plainest code naming it, in its title before any "without": highest in the category, then
      // adding fewest words to the read code's ("with hypoglycemia without coma" E11.649, not "with
      // coma"; never E11.00, "without … hyperglycemic … coma").
      const named = (t: string): Set<string> => titleWords(t.split(/\bwithout\b/i)[0]!);
      const extra = (t: string): number => [...named(t)].filter((w) => !own.has(w)).length;
      const best = table
        .billableIn(code.slice(0, 3))
        .filter((c) => named(c.long_desc).has(meaning))
        .sort((a, b) => a.code.length - b.code.length || extra(a.long_desc) - extra(b.long_desc))[0];
      if (best) choices.push({ meaning, code: best.code });
    }
    if (choices.length >= 2) return { term, choices };
  }
  return undefined;
}
