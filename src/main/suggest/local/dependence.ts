// Dependence on a treatment or a machine the note states as going on ("ESRD on hemodialysis", "COPD
// on 2 L home oxygen"): the Index's "Dependence > on" and "Status" lines (Z99.-). Notes say it with
// "on", never with the words "status" or "dependence", and without the history cue the status
// dictionary waits for.

import { hasOtherSense, meansOtherSense } from './abbreviation-sense';

/** A stated dependence: its pattern and the Z99 code ("Dependence > on > renal dialysis" Z99.2). */
export const DEPENDENCE: ReadonlyArray<readonly [RegExp, string]> = [
  // "PD" is also Parkinson's disease: only the words.
  [/\b(?:on|receiv(?:es|ing)|undergo(?:es|ing)|requir(?:es|ing)|gets)\s+(?:chronic\s+|maintenance\s+|outpatient\s+|home\s+)?(?:hemodialysis|peritoneal dialysis|dialysis|HD)\b|\b(?:dialysis|HD)[- ]dependent\b/gi, 'Z992'],
  // Home or long-term oxygen only: oxygen given during an admission is treatment, not dependence.
  [/\b(?:on|requir(?:es|ing)|uses?)\s+(?:\d+(?:\.\d+)?\s*(?:L|LPM|liters?)\s+(?:of\s+)?)?(?:home|chronic|continuous|nocturnal|long[- ]term)\s+(?:oxygen|O2)\b|\b(?:oxygen|O2)[- ]dependent\b/gi, 'Z9981'],
  [/\bwheelchair[- ](?:bound|dependent)\b|\b(?:confined to|uses) a wheelchair\b/gi, 'Z993'],
];

const DENIED = /\b(?:no|not|denies|without|never|no longer|off)\b[^.;]{0,20}$/i;

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
      if (DENIED.test(sentence.slice(0, m.index))) continue;
      // An abbreviation the words after it give another sense: "on HD 2" is the second hospital day.
      const last = /\w+$/.exec(m[0])![0];
      const after = m.index + m[0].length;
      if (hasOtherSense(last.toLowerCase()) && meansOtherSense(last.toLowerCase(), sentence.slice(0, after - last.length), sentence.slice(after))) continue;
      out.push({ code, start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  return out;
}
