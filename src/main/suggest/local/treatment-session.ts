// A visit whose purpose is a dose of cancer treatment is that session's encounter (guideline I.C.2.e.2):
// antineoplastic chemotherapy (Z51.11), immunotherapy (Z51.12) or radiotherapy (Z51.0), coded with the
// malignancy it treats. Notes name the session by its place in the course, not by the word "encounter":
// "Here for C4D1 mFOLFOX6", "Presents to infusion center for cycle 7 chemotherapy", "Here for cycle 8
// pembrolizumab", "Fraction today: 24/35". Not a cycle the note holds or delays ("C3D1 held for ANC
// 0.8"), nor one ahead of the visit ("C5 next week"). A day of the course given with "today" is read as a
// dose ("C3D1 today"): a lab-only day ("C2D8 labs today") is not told apart.
import type { Candidate, CandidateMention } from './candidate';
import type { CodeTable } from './code-table';

const CHEMOTHERAPY = 'Z5111';
const IMMUNOTHERAPY = 'Z5112';
const RADIOTHERAPY = 'Z510';
/** A malignancy the treatment is for (primary or secondary, solid or of blood-forming tissue). */
const MALIGNANCY = /^C(?:[0-8]\d|9[0-6])/;
/** A secondary neoplasm (C77–C79): the session is coded with the primary where the chart names one. */
const SECONDARY = /^C7[7-9]/;
/** A cycle, day or dose of a course: "C4D1", "cycle 7", "cycle 2 day 8", "dose #3". */
const COURSE_STEP = String.raw`(?:C\d{1,2}\s?D\d{1,2}|cycle\s*#?\s*\d{1,2}(?:\s*,?\s*(?:day|D)\s*\d{1,2})?|dose\s*#?\s*\d{1,2})`;
/**
 * The visit is the step: "here for C1D1", "presents to infusion center for cycle 7", "proceed (with)
 * C4D1", "C3D1 today". Read within a line.
 */
const DRUG_SESSION = new RegExp(
  String.raw`\b(?:here|presents?|presenting|arrives?)\b[^.;\n]{0,40}?\bfor\s+(?:(?:his|her|the)\s+)?${COURSE_STEP}|\bproceed(?:ing)?\s+(?:with\s+)?${COURSE_STEP}|\b${COURSE_STEP}[^.;\n]{0,40}?\btoday\b`,
  'gi',
);
/** A fraction given at the visit: "Fraction today: 24/35", "single-fraction SRS" delivered today, "here for fraction 12". */
const RADIATION_SESSION = /\bfraction\s+today\b|\btoday\b[^.;\n]{0,30}\bfraction|\bhere for\s+(?:(?:RT|XRT|radiation)\s+)?(?:fraction|fx)\b/gi;
/** The session did not happen or is not this visit's. */
const NOT_THIS_VISIT = /\b(?:hold|held|holding|delay(?:ed)?|defer(?:red)?|postpone(?:d)?|cancel(?:l?ed)?|next (?:week|visit)|not (?:be )?(?:given|treated))\b/i;
/** Immune checkpoint inhibitors and the word itself: antineoplastic immunotherapy. */
const IMMUNOTHERAPY_DRUG =
  /\b(?:immunotherapy|pembrolizumab|keytruda|nivolumab|opdivo|atezolizumab|tecentriq|durvalumab|imfinzi|ipilimumab|yervoy|cemiplimab|libtayo|avelumab|bavencio|dostarlimab|jemperli|tremelimumab|relatlimab|tislelizumab|toripalimab)\b/i;
/**
 * Cytotoxic chemotherapy, by the word, the drug or the regimen. Monoclonal antibodies aimed at the tumour
 * (bevacizumab, trastuzumab, rituximab) are neither list's: writers disagree which session they are.
 */
const CHEMOTHERAPY_DRUG =
  /\b(?:chemo(?:therapy)?|m?FOLFOX\d*|FOLFIRI(?:NOX)?|CAPOX|XELOX|R-?CHOP|ABVD|dd-?AC|AC-?T|TCHP|carboplatin|carbo|cisplatin|oxaliplatin|paclitaxel|nab-paclitaxel|abraxane|taxol|docetaxel|taxotere|gemcitabine|gem|pemetrexed|alimta|irinotecan|fluorouracil|5-?FU|capecitabine|doxorubicin|adriamycin|cyclophosphamide|etoposide|vincristine|bendamustine|azacitidine|decitabine|cytarabine|bortezomib|carfilzomib)\b/i;

export function treatmentSession(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts) return;
  // The primary where the chart names one: the treatment is for the cancer, wherever it has spread.
  const cancers = [...cands.values()].filter((c) => MALIGNANCY.test(c.code));
  const cancer = cancers.find((c) => !SECONDARY.test(c.code)) ?? cancers[0];
  if (!cancer) return;
  // Read in the malignancy's own document; the evidence is the session's words.
  const anchor = cancer.mentions[0]!;
  const text = texts.get(anchor.documentId) ?? '';
  const add = (code: string, start: number, end: number, what: string): void => {
    if (cands.has(code) && cands.get(code)!.via !== 'match') return;
    if (!table.byCode.get(code)?.billable) return;
    const mention: CandidateMention = { ...anchor, start, end, phrase: text.slice(start, end), words: [], assertion: 'present', section: 'subjective' };
    cands.set(code, { code, via: 'combination', mentions: [mention], rationale: `This visit gives a dose of ${what} for ${cancer.code}: encounter for ${what} (I.C.2.e.2)`, parts: [cancer] });
  };
  for (const said of text.matchAll(DRUG_SESSION)) {
    const line = lineAround(text, said.index);
    if (NOT_THIS_VISIT.test(line)) continue;
    // The drugs the session's line names, else those the note names anywhere.
    const named = IMMUNOTHERAPY_DRUG.test(line) || CHEMOTHERAPY_DRUG.test(line) ? line : text;
    const end = said.index + said[0].length;
    if (IMMUNOTHERAPY_DRUG.test(named)) add(IMMUNOTHERAPY, said.index, end, 'antineoplastic immunotherapy');
    if (CHEMOTHERAPY_DRUG.test(named)) add(CHEMOTHERAPY, said.index, end, 'antineoplastic chemotherapy');
    break;
  }
  for (const said of text.matchAll(RADIATION_SESSION)) {
    if (NOT_THIS_VISIT.test(lineAround(text, said.index))) continue;
    add(RADIOTHERAPY, said.index, said.index + said[0].length, 'radiotherapy');
    break;
  }
}

/** The sentence or line a match stands in. */
function lineAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('. ', at)) + 1;
  const ends = [text.indexOf('\n', at), text.indexOf('. ', at)].filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}
