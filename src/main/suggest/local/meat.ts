// MEAT (monitor, evaluate, assess, treat) for HCC conditions, read from the sentences around a mention.
import type { RawEvidence } from '../../../shared/suggest/grounding';
import type { MeatSupport } from '../../../shared/suggest/types';
import type { CandidateMention } from './candidate';
import type { SectionKind } from './text';

/** Enough quotes per MEAT element for a coder to check; a long note repeats itself. */
const MAX_PER_KIND = 5;
/** How many sentences after a mention's, on its line, may hold its MEAT. */
const SAME_LINE_REACH = 4;
/** Longest MEAT quote: a run-on "sentence" is clipped around the mention. */
const MAX_QUOTE = 300;

function clip(s: SentenceSpan, around: number): { start: number; end: number } {
  if (s.end - s.start <= MAX_QUOTE) return { start: s.start, end: s.end };
  const start = Math.max(s.start, Math.min(around - MAX_QUOTE / 2, s.end - MAX_QUOTE));
  return { start, end: Math.min(s.end, start + MAX_QUOTE) };
}

const CUES: ReadonlyArray<[keyof MeatSupport, RegExp]> = [
  ['treat', /\b(continue[sd]?|start(ed)?|begin|increase[d]?|decrease[d]?|reduce[d]?|titrate|adjust(ed)?|switch(ed)?|hold|held|stop(ped)?|discontinue[d]?|resume[d]?|restart(ed)?|refer(red|ral)?|prescribed?|\d+\s?(mg|mcg|units?)|insulin|therapy|dialysis|counsel(ing|ed)?|diet|GDMT|on [a-z]+|add(ing)?|consider(ing)?|paracentesis|thoracentesis|drain(age)?|debride(ment|d)?|dressings?|offload(ing)?|wound care|transfus(ion|ed)|chemo(therapy)?|radiation|hospice|comfort (care|measures)|supplements?)\b/i],
  ['evaluate', /\b(a1c|hba1c|egfr|creatinine|bnp|nt-probnp|echo(cardiogram)?|ecg|ekg|x-ray|cxr|ct|mri|ultrasound|labs?|lipid|potassium|tsh|inr|pfts?|spirometry|fev1|biopsy|culture|exam|mmse|moca|slums|fast\s*(?:stage\s*)?[1-7][a-f]?|phq-?[29]|gad-?7)\b/i],
  ['monitor', /\b(stable|unchanged|controlled|uncontrolled|worsen(ing|ed)?|improv(ing|ed)|monitor(ing)?|follow(ing)?|f\/u|recheck|repeat|compensated|euvolemic)\b/i],
  ['assess', /\b(assess(ed|ment)?|consistent with|due to|secondary to|likely|NYHA|GOLD|stage)\b/i],
];

export interface SentenceSpan {
  start: number;
  end: number;
  section: SectionKind;
}

/** MEAT quotes for a condition (as spans for grounding), or undefined when the chart shows none. */
export function collectMeat(mentions: readonly CandidateMention[], sentencesByDoc: ReadonlyMap<string, readonly SentenceSpan[]>, texts: ReadonlyMap<string, string>): Partial<Record<keyof MeatSupport, RawEvidence[]>> | undefined {
  const out: Partial<Record<keyof MeatSupport, RawEvidence[]>> = {};
  let any = false;
  const seen = new Set<string>();
  for (const m of mentions) {
    const sents = sentencesByDoc.get(m.documentId);
    const text = texts.get(m.documentId);
    if (!sents || !text || m.section === 'history' || m.section === 'family' || m.section === 'allergies') continue;
    const here = sents[m.sentence];
    if (!here) continue;
    if (m.section === 'assessment' && (out.assess?.length ?? 0) < MAX_PER_KIND) {
      const c = clip(here, m.start);
      (out.assess ??= []).push({ documentId: m.documentId, start: c.start, end: c.end });
      any = true;
    }
    // The mention's sentence and the next few on the same line ("CKD 3a - eGFR 52. Monitor K."): a
    // problem's paragraph ("Problem 1: Rheumatoid arthritis … No extra-articular disease. Methotrexate
    // 15 mg weekly.") speaks of its problem.
    const nearby = [m.sentence];
    for (let i = m.sentence + 1; i <= m.sentence + SAME_LINE_REACH && sents[i] && !text.slice(sents[i - 1]!.end, sents[i]!.start).includes('\n'); i++) nearby.push(i);
    for (const i of nearby) {
      const s = clip(sents[i]!, i === m.sentence ? m.start : sents[i]!.start);
      const key = `${m.documentId}:${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sentence = text.slice(s.start, s.end);
      for (const [kind, re] of CUES) {
        if ((out[kind]?.length ?? 0) < MAX_PER_KIND && re.test(sentence)) {
          (out[kind] ??= []).push({ documentId: m.documentId, start: s.start, end: s.end });
          any = true;
        }
      }
    }
  }
  return any ? out : undefined;
}
