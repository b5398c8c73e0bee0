// A preterm newborn is coded by its completed weeks of gestation, and a low birth weight the chart gives
// by its grams, birth weight first (P07.-, guideline I.C.16.e). Read only where the chart already names
// the prematurity as a condition; an age in postmenstrual or corrected weeks is no gestational age.
import type { CodeTable } from './code-table';
import type { RawSuggestion } from '../../../shared/suggest/grounding';

/** Completed weeks at birth, with the words that tie them to the birth: "ex-29 3/7 wk preemie", "born at 29 weeks", "Prematurity, 29 wk". */
const WEEKS = /\b(2[0-9]|3[0-6])(?:\s*(?:\+|and)?\s*[0-6]\/7)?[\s-]*(?:wk|wks|weeks?|weeker)\b/gi;
/** Ages counted in weeks that are not the gestational age at birth. */
const NOT_AT_BIRTH = /^\W{0,3}(?:PMA|CGA|corrected|postmenstrual|post-?conceptual|of life|old|ago|postnatal)/i;
const TIED_BEFORE = /(?:\bex-?\s?|\bformer\s+|\bborn (?:at\s+)?|\bdelivered at\s+|\bGA\s*(?:of\s*)?|\bgestational age\s*(?:of\s*)?|\bpremat\w*,?\s+|\bpreterm\s+(?:at\s+)?)$/i;
const TIED_AFTER = /^\W{0,3}(?:\d\/7\s+)?(?:preemie|premature|preterm|gestation|GA\b|EGA\b)/i;
const BIRTH_WEIGHT = /\b(?:BW|birth ?weight|birth wt|born weighing)\s*(?:of\s*|was\s*|:\s*)?(\d[,.]?\d{3}|\d{3})\s*(?:g|gm|gms|grams)\b/i;

const WEEKS_CODE = (weeks: number): string => (weeks < 23 ? 'P0721' : weeks <= 27 ? `P072${weeks - 21}` : `P073${weeks - 27}`);
const WEIGHT_CODE = (grams: number): string | undefined =>
  grams < 500 ? 'P0701' : grams < 750 ? 'P0702' : grams < 1000 ? 'P0703' : grams < 1250 ? 'P0714' : grams < 1500 ? 'P0715' : grams < 1750 ? 'P0716' : grams < 2000 ? 'P0717' : grams < 2500 ? 'P0718' : undefined;

interface Found {
  code: string;
  documentId: string;
  start: number;
  end: number;
}

function weeksAtBirth(texts: ReadonlyMap<string, string>): Found | undefined {
  for (const [documentId, text] of texts) {
    for (const m of text.matchAll(WEEKS)) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (NOT_AT_BIRTH.test(after)) continue;
      if (!TIED_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) && !TIED_AFTER.test(after)) continue;
      return { code: WEEKS_CODE(Number(m[1])), documentId, start: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

function birthWeight(texts: ReadonlyMap<string, string>): Found | undefined {
  for (const [documentId, text] of texts) {
    const m = BIRTH_WEIGHT.exec(text);
    const code = m ? WEIGHT_CODE(Number(m[1]!.replace(/[,.]/, ''))) : undefined;
    if (m && code) return { code, documentId, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** A preterm newborn's codes of unstated weeks made the weeks the chart gives, with its low birth weight before them. */
export function withPrematurityDetail(raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>, table: CodeTable): RawSuggestion[] {
  const preterm = raw.find((r) => r.kind === 'add' && /^P07[23]/.test(r.code));
  if (!preterm) return [...raw];
  const weeks = weeksAtBirth(texts);
  const weight = birthWeight(texts);
  const out = raw.filter((r) => r === preterm || !(r.kind === 'add' && /^P07/.test(r.code)));
  const at = out.indexOf(preterm);
  const made = (f: Found, why: string): RawSuggestion => ({ ...preterm, code: f.code, quotes: [{ documentId: f.documentId, start: f.start, end: f.end }], rationale: `${table.byCode.get(f.code)!.long_desc}: ${why} (guideline I.C.16.e)` });
  const byWeeks = weeks && table.byCode.get(weeks.code)?.billable ? made(weeks, 'the completed weeks of gestation the chart gives') : preterm;
  const byWeight = weight && table.byCode.get(weight.code)?.billable ? made(weight, 'the birth weight the chart gives, before the weeks') : undefined;
  out.splice(at, 1, ...(byWeight ? [byWeight, byWeeks] : [byWeeks]));
  return out;
}
