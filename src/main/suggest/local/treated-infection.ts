// An infection the note says was treated and is over is the patient's history, not a disease now:
// "Syphilis, treated 2019; RPR nonreactive" is Z86.19 and "Latent TB, completed 4 months rifampin"
// Z86.15 (I.C.21.c.4: a condition that no longer exists). Chronic conditions stay: "hypertension,
// treated" still has it, and an infection treated now ("gonorrhea, treated with ceftriaxone today")
// is this visit's.

/**
 * Infectious and parasitic diseases, latent tuberculosis (a carrier state read as a Z code), and venous
 * thromboembolism, whose course of anticoagulation ends it: "L portal vein thrombosis post-splenectomy,
 * completed 6 mo warfarin, no recurrence" is Z86.718.
 */
const INFECTION = /^([AB]\d|Z227|I26|I8[0-2])/;
const WHEN_PAST = String.raw`(?:\s+(?:in\s+)?(?:19|20)\d\d|\s+(?:\d+|a|one|two|three|several|many)\s+(?:years?|yrs?|months?)\s+ago|\s+in\s+the\s+past|\s+as\s+a\s+(?:child|teen|teenager))`;
/** After the infection, in its clause: "treated 2019", "treated with 4 months of rifampin in 2019", "treated years ago", "completed therapy", "s/p treatment". */
const DATED = new RegExp(String.raw`^[^.;\n]{0,30}?\b(?:(?:was\s+|previously\s+|fully\s+)?treated(?:\s+with\s+[^.;\n]{1,40}?)?${WHEN_PAST}|completed\b|(?:s\/p|status\s+post)\s+(?:treatment|therapy|tx)\b)`, 'i');
/** Dated first, then treated: "Chlamydia urethritis 2022, treated", "Gonorrhea 3 years ago - treated". */
const DATED_THEN_TREATED = new RegExp(String.raw`^${WHEN_PAST}\s*[,;:-]?\s*(?:(?:was|previously|fully|adequately)\s+)?(?:treated|completed)\b`, 'i');
/** "Syphilis, treated." closing an item of a past list: over, though undated (not in a stay, where it was treated now). */
const UNDATED = /^[\s,-]*(?:(?:was|previously|fully|adequately)\s+)?treated\s*(?:[,;.)]|$)/i;

/** Whether the words after an infection's mention put it in the past. */
/** Treatment still going on: "on apixaban, completed 3 of 6 months". */
const STILL_TREATED = /\bon\s+(?:apixaban|rivaroxaban|warfarin|coumadin|eliquis|xarelto|enoxaparin|lovenox|heparin|dabigatran|edoxaban|anticoagulation|antibiotics|abx)\b|\bcompleted\s+\d+\s+of\s+\d+\b/i;

export function treatedInPast(code: string, after: string, inpatient: boolean): boolean {
  if (!INFECTION.test(code) || STILL_TREATED.test(after)) return false;
  return DATED.test(after) || DATED_THEN_TREATED.test(after) || (!inpatient && UNDATED.test(after));
}
