// Conditions the Index codes only by severity: "Disorder > cannabis use" has no code of its own, only
// "mild" (F12.10) and "moderate or severe" (F12.20); "Asthma > persistent" only mild, moderate and
// severe. A note that names the condition and no severity leaves the code to the provider, so the
// engine proposes a query naming the choices instead of a code the words happen to reach ("cannabis
// use disorder" read F12.99, "use, unspecified with unspecified disorder"; "persistent asthma" J45.909).
import { normalizeCode } from '../../../shared/codeset/format';
import { contentWords } from './index-words';
import type { Normalizer } from './text';

export interface SeverityTerm {
  /** Normalised words of the line ("disorder", "cannabis", "use"). */
  words: string[];
  /** Category the choices share (F12): a reading elsewhere is not this condition. */
  category: string;
  choices: SeverityChoice[];
}

export interface SeverityChoice {
  /** The Index's own subterm ("mild", "moderate or severe"). */
  severity: string;
  /** Its code, then the codes of its subterms with the words each needs ("in remission" F12.11). */
  code: string;
  refinements: Array<{ words: string[]; code: string }>;
}

const SEVERITY = /^(mild|moderate|severe|mild or moderate|moderate or severe)$/;
const SEVERITY_WORDS = ['mild', 'moderate', 'severe'];
/** A path with a severity level above its last: the only rows that can refine a choice. */
const SEVERITY_SEGMENT = / > (mild|moderate|severe)[^>]* > /;

/** The Index lines with neither code nor "see" whose severity subterms give two or more codes. */
export function readSeverityTerms(indexRows: ReadonlyArray<{ path: string; code: string | null; see: string | null }>, normalize: Normalizer): SeverityTerm[] {
  const byPath = new Map(indexRows.map((r) => [r.path, r]));
  const kids = new Map<string, SeverityChoice[]>();
  for (const r of indexRows) {
    const at = r.path.lastIndexOf(' > ');
    const severity = r.path.slice(at + 3);
    if (at < 0 || !r.code || !SEVERITY.test(severity)) continue;
    const parent = r.path.slice(0, at);
    const p = byPath.get(parent);
    if (!p || p.code || p.see) continue;
    (kids.get(parent) ?? kids.set(parent, []).get(parent)!).push({ severity, code: normalizeCode(r.code), refinements: [] });
  }
  const out: SeverityTerm[] = [];
  // Each kept choice by its own path ("Disorder > cannabis use > mild"), so one pass over the Index finds its subterms.
  const byChoicePath = new Map<string, SeverityChoice>();
  for (const [parent, choices] of kids) {
    if (new Set(choices.map((c) => c.code)).size < 2) continue;
    const category = choices[0]!.code.slice(0, 3);
    if (choices.some((c) => c.code.slice(0, 3) !== category)) continue;
    for (const c of choices) byChoicePath.set(`${parent} > ${c.severity}`, c);
    const segs = parent.split(' > ');
    const words = contentWords([segs[0]!.split(',')[0]!, ...segs.slice(1)].join(' '), normalize);
    if (words.length >= 2) out.push({ words, category, choices });
  }
  for (const r of indexRows) {
    if (!r.code || !SEVERITY_SEGMENT.test(r.path)) continue;
    const segs = r.path.split(' > ');
    for (let i = 2; i < segs.length; i++) {
      const choice = byChoicePath.get(segs.slice(0, i).join(' > '));
      if (!choice) continue;
      const words = contentWords(segs.slice(i).filter((s) => s !== 'with').join(' '), normalize);
      if (words.length > 0) choice.refinements.push({ words, code: normalizeCode(r.code) });
      break;
    }
  }
  return out;
}

export interface SeverityQuery {
  term: SeverityTerm;
  /** Per severity, its code, refined by what the sentence says ("in remission"). */
  choices: Array<{ severity: string; code: string }>;
}

/**
 * The query a reading of `code` raises when the sentence (words `said`) names a severity-coded
 * condition of the code's category and no severity.
 */
export function severityQuery(terms: readonly SeverityTerm[], code: string, said: ReadonlySet<string>): SeverityQuery | undefined {
  if (SEVERITY_WORDS.some((w) => said.has(w))) return undefined;
  for (const term of terms) {
    if (term.category !== code.slice(0, 3) || !term.words.every((w) => said.has(w))) continue;
    const choices = term.choices.map((c) => {
      // The most specific subterm the sentence fully says, else the severity's own code.
      const refined = c.refinements.filter((r) => r.words.every((w) => said.has(w))).sort((a, b) => b.words.length - a.words.length)[0];
      return { severity: c.severity, code: refined?.code ?? c.code };
    });
    return { term, choices };
  }
  return undefined;
}

interface Reading {
  start: number;
  end: number;
  assertion: string;
  entry: { code: string };
}

/**
 * A reading of the condition's category, away from the words that name the condition, that gives its
 * code by itself: "methadone maintenance" (F11.20) beside "opioid use disorder". Not a reading of the
 * condition's own words ("asthma" in "persistent asthma", "opioid use … in remission" F11.91).
 */
export function readsApart(term: SeverityTerm, reading: Reading, tokens: ReadonlyArray<{ start: number; end: number; norm: string }>): boolean {
  return reading.assertion === 'present' && reading.entry.code.slice(0, 3) === term.category
    && !tokens.some((t) => term.words.includes(t.norm) && t.start < reading.end && reading.start < t.end);
}
