// A survivorship or surveillance visit checks for a treated cancer's return: the follow-up examination
// after completed treatment of a malignancy (Z08), coded with its history (Z85.-; guideline I.C.21.c.8):
// "Survivorship clinic … Colon cancer, completed treatment, no evidence of disease on surveillance". Not
// a history read only in a past history, nor one among a visit's other problems ("Hx BCC, no recurrence").
import type { Candidate } from './candidate';
import type { CodeTable } from './code-table';

const FOLLOW_UP = 'Z08';
const CANCER_HISTORY = /^Z85/;
/** The visit named a survivorship or surveillance visit: a history among other problems is no reason for the visit. */
const SURVEILLANCE_VISIT = /\b(?:survivorship|surveillance) (?:clinic|visit|cystoscopy|colonoscopy|endoscopy|egd|bronchoscopy)\b|\b(?:cystoscopy|colonoscopy|endoscopy|egd|bronchoscopy) \((?:for )?surveillance\)/i;

export function cancerSurveillance(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts || cands.has(FOLLOW_UP) || !table.byCode.get(FOLLOW_UP)?.billable) return;
  for (const c of cands.values()) {
    if (!CANCER_HISTORY.test(c.code)) continue;
    for (const m of c.mentions) {
      if (m.section !== 'assessment') continue;
      const text = texts.get(m.documentId) ?? '';
      if (!SURVEILLANCE_VISIT.test(text)) continue;
      cands.set(FOLLOW_UP, { code: FOLLOW_UP, via: 'combination', mentions: [{ ...m, source: 'history', words: [] }], rationale: `${c.code} checked for its return after completed treatment: follow-up examination after treatment for malignant neoplasm (Z08, I.C.21.c.8)`, parts: [c] });
      return;
    }
  }
}
