// The product of a nicotine dependence, from anywhere in the note: "Tobacco dependence - counseled" in
// the assessment with "1 ppd cigarettes x 20 yrs" in the social history is F17.210, as a coder takes it
// from the whole encounter. Not an e-cigarette (F17.290), and not a relative's or a past habit.
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { SentenceSpan } from './meat';

const UNSPECIFIED_PRODUCT = 'F17200';
const CIGARETTES_CODE = 'F17210';
const CIGARETTES = /(?<!\be-|\belectronic )\b(cigarettes?|cigs?|ppd|packs?\s*(per|a|\/)\s*day|pack[- ]?years?|pk[- ]?yrs?)\b/i;
/** A sentence about someone else's smoking, a denied one, or one given up. */
const NOT_THE_PATIENTS_NOW = /\b(denies|never|no|quit|former|formerly|ex|father|mother|husband|wife|spouse|partner|parents?|brother|sister|son|daughter|roommate|vap\w*|e-?cig\w*)\b/i;

/** The note's sentences that say the patient smokes cigarettes now: the first, as a quote. */
function cigarettesSaid(texts: ReadonlyMap<string, string>, sentences: ReadonlyMap<string, readonly SentenceSpan[]>): { documentId: string; start: number; end: number } | undefined {
  for (const [documentId, spans] of sentences) {
    const text = texts.get(documentId) ?? '';
    for (const s of spans) {
      if (s.section === 'family') continue;
      const sentence = text.slice(s.start, s.end);
      const m = CIGARETTES.exec(sentence);
      if (m && !NOT_THE_PATIENTS_NOW.test(sentence)) return { documentId, start: s.start + m.index, end: s.start + m.index + m[0].length };
    }
  }
  return undefined;
}

/** F17.200 made F17.210 where the note says the patient smokes cigarettes, with that quote added. */
export function withTobaccoProduct(raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>, sentences: ReadonlyMap<string, readonly SentenceSpan[]>): RawSuggestion[] {
  const at = raw.findIndex((r) => r.code === UNSPECIFIED_PRODUCT && r.kind === 'add');
  if (at < 0 || raw.some((r) => r.code === CIGARETTES_CODE)) return [...raw];
  const said = cigarettesSaid(texts, sentences);
  if (!said) return [...raw];
  const r = raw[at]!;
  const out = [...raw];
  out[at] = { ...r, code: CIGARETTES_CODE, quotes: [...(r.quotes ?? []), said], rationale: `${r.rationale ?? ''}; the note says the patient smokes cigarettes: ${CIGARETTES_CODE}` };
  return out;
}
