// Long-term drug therapy (Z79.-) from medication names in lists and plans. The table is data
// (resources/priors/medications.tsv) so an organisation can extend it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../paths';
import { SOMEONE_ELSE_WORDS } from './assertion';

export function medicationsFile(): string {
  return join(resourcesDir(), 'priors', 'medications.tsv');
}

/** Lower-case drug name → Z79 code. A missing file means no medication codes, not an error. */
export function loadMedications(file = medicationsFile()): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, code] = line.split('\t').map((s) => s.trim());
    if (name && code && /^Z79[0-9A-Z]{0,4}$/.test(code)) out.set(name.toLowerCase(), code);
  }
  return out;
}

/** Words after a drug name that mean it is not being taken (long term) now. */
// "d/c on glargine + metformin" is discharged on them, not discontinued.
const NOT_TAKING = /\b(off(?![-\w])|stop(ped|ping)?|discontinue[d]?|d\/c(?! on\b)|held|hold(ing)?|declined?|allerg(y|ic)|intoleran(t|ce)|sensitiv(e|ity)|once|x\s?1|today only|in hospital|completed|finished|not (?:indicated|needed|recommended|required)|prior(?! to\b| tapers?\b| attempts? (?:to|at)\b)|previous(?:ly)?)\b/i;
/** Said right before a drug: "avoid metformin", "avoiding NSAIDs and", "avoid NSAIDs/aspirin", "should avoid". */
const AVOIDED = /\bavoid(?:s|ed|ing)?\s+(?:(?:all|any|further|the)\s+|[\w-]+(?:\s+(?:and|or)\s+|\s*\/\s*|,\s*))?$/i;
/** Every stop word of a sentence, for the clauses they sit in. */
const NOT_TAKING_ALL = new RegExp(NOT_TAKING.source, 'gi');
/** A short course said of the drug in its own clause ("prednisone 40 mg x 5 days", "finishing prednisone", "prednisone taper"): a list's other drugs go on. */
const SHORT_COURSE = /\b(course|burst|taper(ing|ed)?|dose ?pa(c)?k|(x|for)\s*\d+\s*(more\s*)?(days?|d)|finish(es|ing)?|completing|complete\s+\d+\s*(days?|d)|\d+[- ]day)\b/i;

/** A course counted in days, or a burst: "x5 days", "for 5 days", "5-day course", "dose pack". */
const COUNTED_COURSE = /\b(burst|dose ?pa(c)?k|(x|for)\s*\d+\s*(more\s*)?(days?|d)|\d+[- ]day)\b/i;

/**
 * A hold for a procedure or a few days is temporary: the patient stays on the drug long term ("hold
 * warfarin for 5 days before colonoscopy" is still Z79.01); a plain "hold" or "held" is not.
 */
const TEMPORARY_HOLD = /\b(hold(ing)?|held)\b[^.;]{0,60}?\b(for (\d+|one|two|three|four|five|seven|a few) (days?|doses?)|(the )?(night|morning|day) before|before|prior to|until|pre-?op(erative(ly)?)?|peri-?(op(erative(ly)?)?|procedur(e|al)))\b/gi;

/** Words before a drug, in its clause, that say the patient takes it: "type 2 diabetes on metformin 1000 mg BID and glargine". */
const ON_DRUG_BEFORE = /\b(on|taking|takes|uses|using)\b[^.;:()\n]{0,60}$/i;
/** Words that put that taking in the past: "previously on glipizide", "was on warfarin". */
const TAKEN_BEFORE = /\b(previously|formerly|was|were|had been|used to|prior(ly)?|in the past|history of)\b/i;

/**
 * A history of the present illness names a drug the patient takes now ("T2DM on metformin"), which is
 * current therapy as a medication list's would be; not one taken before ("previously on glipizide").
 */
export function saysTakingNow(clauseBefore: string): boolean {
  const on = ON_DRUG_BEFORE.exec(clauseBefore);
  return on !== null && !TAKEN_BEFORE.test(clauseBefore);
}

/** Long-term use of a drug with no Z79 code of its own: the catch-all "other long term (current) drug therapy". */
export const OTHER_THERAPY = 'Z79899';
const AS_NEEDED_AFTER = /^[^,;.\n]{0,30}?\b(?:prn|as needed|as-needed)\b/i;

/**
 * "Ondansetron/olanzapine prn": a drug taken only as needed is no continuous therapy the catch-all
 * reports. The named codes keep their own readings (an opioid's in acuteOpioid).
 */
export function asNeededOnly(code: string, text: string, end: number): boolean {
  return code === OTHER_THERAPY && AS_NEEDED_AFTER.test(text.slice(end, end + 40));
}

/** Words right before a drug that start it: "start olanzapine", "load levetiracetam", "initiated low-dose quetiapine". */
const STARTED_BEFORE = /\b(?:start(?:ed|ing)?|initiat(?:ed|ing)?|load(?:ed|ing)?(?:\s+dose)?(?:\s+(?:of|with))?|began|begun|add(?:ed|ing)?)\s+(?:(?:low[- ]dose|iv|po)\s+)?$/i;

/**
 * A drug of the catch-all started during a hospital stay ("load levetiracetam", "start olanzapine") is
 * this stay's treatment, no long-term therapy yet; the discharge list says whether it goes on.
 */
export function startedInStay(code: string, inpatient: boolean, sentence: string, start: number): boolean {
  return code === OTHER_THERAPY && inpatient && STARTED_BEFORE.test(sentence.slice(Math.max(0, start - 40), start));
}

/** Long-term use of an opiate analgesic. */
export const OPIOID_THERAPY = 'Z79891';
/**
 * Words in an opioid's sentence that make it an acute pain's or this visit's dose: given here, by
 * vein or muscle, after surgery or an injury. Such doses are no long-term use (Z79.891). A chart that
 * says "post-op" or "fracture" anywhere reads none at all (SHORT_TERM_OPIOID_CHART).
 */
const ACUTE_OPIOID = /\b(iv|im|intravenous(ly)?|intramuscular(ly)?|given|administered|received|after (the )?surgery|acute|injury|sprain|strain|extraction|renal colic|kidney stones?)\b/i;

/**
 * A chart whose opioids are an operation's or an injury's, or are being tapered: its listed opioid is a
 * short course however the list writes it ("oxycodone prn" 14 days after a knee replacement).
 */
const SHORT_TERM_OPIOID_CHART = /\b(post-?op(erative(ly)?)?|s\/p [^.\n]{0,40}?(arthroplasty|fixation|orif|nailing|surgery|repair|replacement|ectomy|otomy)|fractures?|(taper|wean)(ing|ed)? (off )?(the )?(oxycodone|hydrocodone|morphine|hydromorphone|tramadol|opioids?|narcotics?))\b/i;

/** Whether a chart's opioids are a short course (see above): no long-term opioid use is read from it. */
export function shortTermOpioidChart(text: string): boolean {
  return SHORT_TERM_OPIOID_CHART.test(text);
}

/** Words that keep an opioid going in a plan: a new prescription there is usually for an acute pain. */
const OPIOID_KEPT = /\b(continue[sd]?|cont|refill(ed|s)?|chronic|long[- ]term|maintained on|stable on)\b/i;

/**
 * An opioid that is no long-term analgesic therapy: any given during a hospital stay (whose orders
 * and prn doses a list mixes with home medications), an acute pain's dose in an office chart, and one
 * a plan prescribes without keeping it going ("Oxycodone 5 mg for pain" for a kidney stone).
 */
export function acuteOpioid(code: string, sentence: string, inpatient: boolean, fromList: boolean): boolean {
  return code === OPIOID_THERAPY && (inpatient || ACUTE_OPIOID.test(sentence) || (!fromList && !OPIOID_KEPT.test(sentence)));
}

/** Words that keep a drug going, in its own clause: "continue metformin, glipizide stopped". */
const TAKING = /\b(continue[sd]?|cont|resume[sd]?|restart(s|ed)?|start(s|ed)?|increased?|decreased?|taking|takes|refill(ed)?)\b/i;

/**
 * The sentence says the drug at `start`–`end` is not being taken now. A stop elsewhere in the
 * sentence speaks for every drug in it ("lisinopril and HCTZ stopped", "stopped lisinopril, HCTZ"),
 * except one its own clause keeps going, and except after an earlier clause whose stop follows a drug
 * of its own (`drugsAt`, the sentence's drug names): "prednisone taper, insulin glargine" stops no insulin.
 */
export function saysNotTaking(sentence: string, start: number, end: number, drugsAt: ReadonlyArray<readonly [number, number]> = []): boolean {
  // A drug to avoid is not taken, and only it: "on insulin glargine; avoid metformin given decompensation".
  if (AVOIDED.test(sentence.slice(Math.max(0, start - 24), start))) return true;
  const plain = sentence.replace(TEMPORARY_HOLD, (m) => ' '.repeat(m.length));
  const [from, to] = clauseAround(plain, start, end);
  const clause = plain.slice(from, to);
  if (SHORT_COURSE.test(clause)) return true;
  if (!NOT_TAKING.test(plain)) return false;
  if (NOT_TAKING.test(clause)) return true;
  if (TAKING.test(clause)) return false;
  const stops = [...plain.matchAll(NOT_TAKING_ALL)].map((m) => m.index);
  return stops.some((at) => at >= to || !drugsAt.some(([s, e]) => s < at && e > clauseAround(plain, at, at)[0]));
}

/**
 * The drug at `start`–`end` of `sentence` is a course counted in days in its own clause ("prednisone
 * 40 mg daily x5 days", "Medrol dose pack"). Said once, it is the chart's course of that drug: "sliding
 * scale insulin while on prednisone" later in the note is the same burst, no long-term steroid (I.C.21.c.3).
 */
export function saysShortCourse(sentence: string, start: number, end: number): boolean {
  const plain = sentence.replace(TEMPORARY_HOLD, (m) => ' '.repeat(m.length));
  const [from, to] = clauseAround(plain, start, end);
  const clause = plain.slice(from, to);
  // A hold's days are the hold's, not the drug's course: "Apixaban held 1 day for possible procedure, resumed".
  // A taper is a course ("despite oral prednisone taper"), unless it goes down to a dose a chronic user
  // keeps ("completed prednisone taper to 5 mg daily").
  // Said of the drug itself, right after or before its name.
  // Not a taper to come of a drug taken now ("… we will try to taper prednisone off").
  const taper =
    TAPER_AFTER.test(plain.slice(end, end + 30)) ||
    (TAPER_BEFORE.test(plain.slice(Math.max(0, start - 12), start)) && !TAPER_TO.test(plain.slice(end, end + 12)) && !TAPER_TO_COME.test(plain.slice(Math.max(0, start - 40), start)));
  return (COUNTED_COURSE.test(clause) || taper) && !/\b(hold(ing)?|held|paused?)\b/i.test(clause);
}

const TAPER_AFTER = /^[^,;.]{0,20}?\btaper(ed|ing)?\b(?!\s+(down\s+)?to\b)/i;
const TAPER_BEFORE = /\btaper(ed|ing)?\s+(of\s+)?$/i;
/** A taper the plan puts later: "will try to taper prednisone", "plan to taper", "hope to taper off". */
const TAPER_TO_COME = /\b(?:will|plan(?:s|ned)? to|try(?:ing)? to|hope to|goal (?:is )?to|aim to|eventually)\s+(?:try to\s+|attempt to\s+)?taper(?:ed|ing)?\s+(?:of\s+)?$/i;
/** "Taper prednisone to 4 mg": to the dose kept. */
const TAPER_TO = /^\s+(down\s+)?to\b/i;

/** The comma or semicolon clause holding `start`–`end`. */
function clauseAround(text: string, start: number, end: number): [number, number] {
  const from = Math.max(text.lastIndexOf(',', start), text.lastIndexOf(';', start)) + 1;
  const stops = [text.indexOf(',', end), text.indexOf(';', end)].filter((i) => i >= 0);
  return [from, stops.length > 0 ? Math.min(...stops) : text.length];
}

/** Words before a drug, in its clause, that only weigh it or put it later ("consider a statin", "discussed adding basal insulin", "if … start insulin", "will start adalimumab", "radiation to follow, then letrozole", "I favor a TNF inhibitor (adalimumab) rather than etanercept", "switch to methimazole when stable"). */
const WEIGHED_BEFORE = /\b(consider(ing|ed)?|discuss(ed|ing)? (adding|starting)|(may|might|could|would|will) (add|start|begin|initiate)|candidate for|recommend(s|ed|ing)?|plan(s|ned|ning)? to (start|begin|add|initiate)|if\b[^.;:\n]*\b(start|begin|add|initiate))\b[^.;:\n]*$|\b(I|we) (would )?(favou?r|prefer)\b[^.;:\n]*$|\b(prefers?|preferred|favou?rs?|chose|chooses)\b[^.;:\n]*\bover\s+$|\b(switch|switching|change|transition) to\s+$|\bthen\s+$|\b(vs\.?|versus|rather than|instead of)\s+$/i;
/** A condition right after a drug ("… insulin if A1c > 9"), what it would do ("adding semaglutide would benefit"), an alternative still weighed ("tamoxifen vs OFS+AI … will discuss", "low-dose quetiapine 2nd line"), or a start to come ("zoledronic acid next month", "… after insurance approval", "… after TB screening"). */
const WEIGHED_AFTER = /^[^.;:,\n]{0,15}\bif\b|^\s*(?:would|could|might|may|vs\.?|versus)(?=\s)|^\s*(?:as\s+(?:a\s+)?)?(?:2nd|second|3rd|third)[- ]line\b|^[^.;\n]{0,50}\b(?:will discuss|to be discussed|to discuss)\b|^[^.;:\n]{0,40}\b(next (week|month|visit|appointment)|after discharge|as (an )?out-?pt|as (an )?outpatient|in \d+ (weeks?|wks?|months?)|(after|once|pending) (insurance |prior auth(orization)? )?(approval|approved)|(after|once|pending|when)\b[^.;:\n]{0,25}\b(screen(ing)?|test(ing)?|results?|clearance|cleared|quantiferon|ppd|labs?|returns?|comes? back))\b/i;

/** The plan only weighs the drug at `start`–`end` of `text`: it is no current therapy. */
export function weighedOnly(text: string, start: number, end: number): boolean {
  return WEIGHED_BEFORE.test(text.slice(Math.max(0, start - 60), start)) || WEIGHED_AFTER.test(text.slice(end, end + 25));
}

/** "Low-dose correction insulin", "supplemental insulin": doses given against a reading, this stay's only. */
const CORRECTION_BEFORE = /\b(?:correction(?:al)?|supplemental)\s+$/i;
/** A drug given by a sliding or correction scale, a drip or an infusion right beside its name is given for this stay only ("insulin drip for glucose 600"). */
const SCALE_NEAR = /\b(sliding[- ]scale|correction(al)?[- ](scale|dos(e|ing))|ssi|drip|gtt|infusion)\b/i;

/**
 * Insulin by sliding scale during a stay is temporary, not long-term use (Z79.4 is not assigned for
 * insulin "given temporarily to bring a type 2 patient's blood sugar under control", I.C.4.a.3).
 */
export function scaledOnly(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 25), start).split(/[,;.]/);
  return SCALE_NEAR.test(before[before.length - 1]!) || CORRECTION_BEFORE.test(before[before.length - 1]!) || SCALE_NEAR.test(text.slice(end, end + 25).split(/[,;.]/)[0]!);
}

/** Words after a drug's name that make it the body's substance, a test, or a reaction, not a therapy taken. */
const NOT_THE_THERAPY_AFTER = /^[\s-]*(resistan\w*|sensitivity|levels?|secretion|deficien\w*|auto-?antibod\w*|antibod\w*|receptors?|induced|exacerbated|associated|related|allerg\w*|intoleran\w*|toxicity|transaminitis|hepatotoxicity|myopathy|pneumonitis)\b/i;
/** Insulin given with dextrose shifts potassium: a hyperkalemia's treatment, no long-term insulin ("insulin/dextrose", "D50 and insulin"). */
const GIVEN_WITH_DEXTROSE_AFTER = /^\s*(?:\/|and|\+|with|&|-)\s*(?:dextrose|d50|d10|glucose)\b/i;
const GIVEN_WITH_DEXTROSE_BEFORE = /\b(?:dextrose|d50|d10|glucose)\s*(?:\/|and|\+|with|&|-)\s*(?:iv\s+|regular\s+)?$/i;
/** A drug blamed for a condition: "gastric ulcer caused by ibuprofen and aspirin", "rash due to amoxicillin". */
const BLAMED_BEFORE = /\b(?:caused by|due to|secondary to|induced by|attributed to|related to|from|2\/2|adverse effect of|side effect of|reaction to)\s+(?:(?:the|his|her)\s+)?(?:[A-Za-z]+\s*(?:and|&|\/|,)\s*)?$/i;
/**
 * A route to the eye, ear, nose, skin or a joint right after the drug: "prednisolone acetate 1% QID OD", "fluticasone nasal spray",
 * "triamcinolone 0.1% cream", "ofloxacin otic", "Depo-Medrol 40 mg injected into the left knee". The
 * long-term use a code names is of the systemic drug (Z79.52 "systemic steroids").
 */
const LOCAL_ROUTE_AFTER = /^[^.;,\n]{0,30}?(?:\b\d+(?:\.\d+)?\s*%|\b(?:ophthalmic|otic|(?:intra)?nasal|topical(?:ly)?|cream|ointment|oint|lotion|eye ?drops?|ear ?drops?|intra-?articular|inject(?:ed|ion) (?:into|in) (?:the |his |her )?(?:left |right |l |r )?(?:knee|shoulder|hip|joint|bursa|elbow|wrist|ankle))\b)/i;
const EYE_AFTER = /^[^.;,\n]{0,30}?\b(?:OD|OS|OU)\b/;
/** The same route said before it: "intranasal fluticasone", "topical clobetasol", "ophthalmic prednisolone". */
const LOCAL_ROUTE_BEFORE = /\b(?:(?:intra)?nasal|topical|ophthalmic|otic|inhaled nasal)\s+$/i;
/** Words before it that make it a measurement: "fasting insulin 28". */
const MEASURED_BEFORE = /\b(fasting|serum|plasma|random)\s+$/i;

/**
 * "Insulin resistance", "fasting insulin 28", "steroid-induced hyperglycemia", "statin intolerance", "Hx MTX transaminitis", "ulcer
 * caused by aspirin", "prednisolone 1% eye drops": the drug's name at `start`–`end` of `text` names no drug the patient takes (a
 * drug blamed may have been stopped; the medication list says whether it goes on).
 */
export function namesNoTherapy(text: string, start: number, end: number): boolean {
  return NOT_THE_THERAPY_AFTER.test(text.slice(end, end + 20)) || LOCAL_ROUTE_AFTER.test(text.slice(end, end + 40)) || LOCAL_ROUTE_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || EYE_AFTER.test(text.slice(end, end + 40)) || BLAMED_BEFORE.test(text.slice(Math.max(0, start - 50), start)) || MEASURED_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || GIVEN_WITH_DEXTROSE_AFTER.test(text.slice(end, end + 20)) || GIVEN_WITH_DEXTROSE_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}

/** Antibiotics given to prevent an infection over months: trimethoprim-sulfamethoxazole, penicillin, azithromycin, nitrofurantoin and kin. */
const PROPHYLACTIC_ANTIBIOTIC = String.raw`(?:TMP[- /]?SMX|SMX[- /]?TMP|Bactrim(?: DS| SS)?|trimethoprim[- /]sulfamethoxazole|sulfamethoxazole[- /]trimethoprim|co-?trimoxazole|penicillin(?: VK| V)?|amoxicillin|azithromycin|nitrofurantoin|cephalexin|doxycycline)`;
/** Said as a prophylaxis in one clause, either order: "TMP-SMX DS MWF (PJP ppx)", "PJP prophylaxis with TMP-SMX", "penicillin VK prophylaxis". */
const PROPHYLAXIS = new RegExp(
  String.raw`\b${PROPHYLACTIC_ANTIBIOTIC}\b[^.;\n]{0,50}?\b(?:ppx|prophylaxis|prophylactic)\b|\b(?:ppx|prophylaxis|prophylactic)\b[^.;\n]{0,25}?\b(?:with|on|:)\s*${PROPHYLACTIC_ANTIBIOTIC}\b`,
  'i',
);
/** A peri-procedural or one-off dose: "pre-op prophylaxis", "prior to dental work", "x1", "once" (not "once nightly"). */
const ONE_OFF = /\b(?:pre-?op\w*|peri-?op\w*|surgical|prior to (?:dental|the procedure|surgery)|before (?:dental|the procedure|surgery)|x\s?1|single dose|once(?!\s+(?:daily|weekly|nightly|monthly|a day|a week|every|per)))\b/i;

/**
 * An antibiotic the sentence gives as a prophylaxis kept up over time, which is long-term antibiotic use
 * (Z79.2): "TMP-SMX DS three times weekly for PJP prophylaxis while on high-dose steroids". Not a
 * surgical or one-off dose, nor a course counted in days.
 */
export function antibioticProphylaxis(sentence: string): { start: number; end: number } | undefined {
  const m = PROPHYLAXIS.exec(sentence);
  if (!m || ONE_OFF.test(sentence) || COUNTED_COURSE.test(sentence)) return undefined;
  return { start: m.index, end: m.index + m[0].length };
}

/** A drug someone else takes, said just before it: "sister on Prolia", "his wife takes warfarin". */
const SOMEONE_ELSE_ON = new RegExp(String.raw`\b${SOMEONE_ELSE_WORDS}\b(?:\s+(?:is|was|also|has been))?\s+(?:on|takes|taking|took|uses|using|started)\s+$`, 'i');

/** Whether the drug at `start` of `sentence` is a relative's or another person's, not the patient's. */
export function takenBySomeoneElse(sentence: string, start: number): boolean {
  return SOMEONE_ELSE_ON.test(sentence.slice(Math.max(0, start - 40), start));
}
