// Dependence on a treatment or a machine the note states as going on ("ESRD on hemodialysis", "COPD
// on 2 L home oxygen"): the Index's "Dependence > on" and "Status" lines (Z99.-), and an insulin pump worn (Z96.41). Notes say it with
// "on", never with the words "status" or "dependence", and without the history cue the status
// dictionary waits for.

import { hasOtherSense, meansOtherSense } from './abbreviation-sense';
import { SOMEONE_ELSE_WORDS } from './assertion';

/** A stated dependence: its pattern and the Z99 code ("Dependence > on > renal dialysis" Z99.2). */
export const DEPENDENCE: ReadonlyArray<readonly [RegExp, string]> = [
  // "PD" is also Parkinson's disease: only after "on" and the like ("ESRD on PD", "on CCPD x2 yrs").
  [/\b(?:on|receiv(?:es|ing)|undergo(?:es|ing)|requir(?:es|ing)|gets)\s+(?:chronic\s+|maintenance\s+|outpatient\s+|home\s+)?(?:hemodialysis|peritoneal dialysis|dialysis|HD|PD|CAPD|CCPD|APD)\b|\b(?:dialysis|HD)[- ]dependent\b/gi, 'Z992'],
  // Home or long-term oxygen only: oxygen given during an admission is treatment, not dependence.
  [/\b(?:on|requir(?:es|ing)|uses?)\s+(?:\d+(?:\.\d+)?\s*(?:L|LPM|liters?)\s+(?:of\s+)?)?(?:home|chronic|continuous|nocturnal|long[- ]term)\s+(?:oxygen|O2)\b|\b(?:oxygen|O2)[- ]dependent\b/gi, 'Z9981'],
  [/\bwheelchair[- ](?:bound|dependent)\b|\b(?:confined to|uses) a wheelchair\b/gi, 'Z993'],
  // An insulin pump worn is the Index's "Presence > insulin pump" (Z96.41), said the same way: "using a
  // hybrid closed-loop insulin pump", "on an insulin pump", "Insulin pump/CGM - functioning well".
  [/\b(?:on|uses?|using|wears?|wearing)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}insulin pump\b|\binsulin pump(?:\s*\/\s*CGM)?\s*(?:-|–|:)?\s*(?:functioning|working|in place|site)\b/gi, 'Z9641'],
];

const DENIED = /\b(?:no|not|denies|without|never|no longer|off)\b[^.;]{0,20}$/i;
/** A dependence the sentence puts in the past: "(was on PD 2 yr prior)", "previously on hemodialysis". */
const ENDED = /\b(?:was|were|had been|previously|formerly|once)\s+$/i;
/** Someone else's treatment, told in the patient's history: "His brother is on hemodialysis". */
const SOMEONE_ELSE = new RegExp(String.raw`\b${SOMEONE_ELSE_WORDS}\b[^.;,]{0,30}$`, 'i');

export interface StatedDependence {
  code: string;
  start: number;
  end: number;
}

/** The dependences a sentence states, with their spans in the document; none that the sentence denies. */
export function statedDependences(text: string, start: number, end: number): StatedDependence[] {
  const sentence = text.slice(start, end);
  const out: StatedDependence[] = [];
  for (const [re, code] of DEPENDENCE) {
    for (const m of sentence.matchAll(re)) {
      if (DENIED.test(sentence.slice(0, m.index)) || SOMEONE_ELSE.test(sentence.slice(0, m.index)) || ENDED.test(sentence.slice(0, m.index))) continue;
      // An abbreviation the words after it give another sense: "on HD 2" is the second hospital day.
      const last = /\w+$/.exec(m[0])![0];
      const after = m.index + m[0].length;
      // "PD"'s other sense is this one (peritoneal dialysis, not Parkinson's disease).
      if (last.toLowerCase() !== 'pd' && hasOtherSense(last.toLowerCase()) && meansOtherSense(last.toLowerCase(), sentence.slice(0, after - last.length), sentence.slice(after))) continue;
      out.push({ code, start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  return out;
}
