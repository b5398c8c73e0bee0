// Sepsis due to a gram-negative bacterium without a code of its own (Klebsiella, Proteus, Enterobacter…)
// is "other Gram-negative sepsis", A41.59 (Index: Sepsis > Gram-negative; the Tabular's A41.5-), not
// A41.9 "unspecified organism" with the bacterium's B96 code beside it: a sepsis code names its organism,
// and the B95–B97 codes are for conditions classified elsewhere.
import { sentenceKey, type Candidate, type CandidateMention } from './candidate';
import type { CombineInto } from './combine';
import type { CodeTable } from './code-table';

const OTHER_GRAM_NEGATIVE = /\b(klebsiella|proteus|enterobacter|serratia|acinetobacter|citrobacter|morganella|providencia)\b/i;
/** The organism's own "cause of diseases classified elsewhere" codes: Klebsiella B96.1, Proteus B96.4, other B96.89. */
const ORGANISM_ELSEWHERE = /^(B961|B964|B9689)$/;

/** The sentence of `text` holding [start, end): from the line or full stop before it to the one after. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('\n', start), text.lastIndexOf('. ', start)) + 1;
  const stops = [text.indexOf('\n', end), text.indexOf('. ', end)].filter((i) => i >= 0);
  return text.slice(from, stops.length > 0 ? Math.min(...stops) : text.length);
}

/**
 * Where the note names the sepsis: its own mentions, and those of severe sepsis or septic shock
 * (R65.2-, whose infection A41.9 is), where the organism may be named too.
 */
export function sepsisMentions(cands: ReadonlyMap<string, Candidate>, sepsis: Candidate): CandidateMention[] {
  const severe = [...cands.values()].filter((c) => c.code.startsWith('R652')).flatMap((c) => c.mentions);
  return [...sepsis.mentions, ...severe];
}

export function gramNegativeSepsis(cands: Map<string, Candidate>, table: CodeTable, texts: ReadonlyMap<string, string> | undefined, combineInto: CombineInto): void {
  const sepsis = cands.get('A419');
  if (!sepsis || !texts || !table.byCode.get('A4159')?.billable) return;
  const named = sepsisMentions(cands, sepsis).filter((m) => m.assertion === 'present' && OTHER_GRAM_NEGATIVE.test(sentenceAround(texts.get(m.documentId) ?? '', m.start, m.end)));
  if (named.length === 0) return;
  const keys = new Set(named.map(sentenceKey));
  const organisms = [...cands.values()].filter((c) => ORGANISM_ELSEWHERE.test(c.code) && c.mentions.every((m) => keys.has(sentenceKey(m))));
  combineInto(cands, 'A4159', 'Sepsis due to a gram-negative bacterium without a code of its own: other Gram-negative sepsis (A41.59)', [sepsis], [sepsis, ...organisms]);
  cands.delete('A419');
  for (const o of organisms) cands.delete(o.code);
}
