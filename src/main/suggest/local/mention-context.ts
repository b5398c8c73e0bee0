// What a mention's surroundings say about it: that it names no condition of the patient (a vaccine, a
// procedure, a heading, an encounter that is not this visit's), or which code its neighbours make of it
// (a site makes adenopathy localized, "deep tissue" a pressure ulcer's .6, a history entry its Z code).
import { titleWords, type CodeTable } from './code-table';
import { inRanges } from './combine';
import type { ClassifiedHistory, Dictionary } from './dictionary';
import { VACCINE_NAMES } from './index-words';
import type { Mention } from './match';
import { GIVEN_ON_DATE, givenElsewhere, NEOPLASM_CODE, NEOPLASM_HISTORY_CODE } from './misreads';
import { lineEndAt, type Token } from './text';

/**
 * "Encounter for…" codes (examination, screening, chemotherapy, observation) say why the patient came;
 * "examination of the eye revealed…", "a screening mammogram in 2019" or "followed by chemotherapy"
 * are context, not the reason for this visit.
 */
const ENCOUNTER_TITLE = /^encounter for\b/i;
const ENCOUNTER_CUE = /\b(indications?(?=\s*:)|here for|presents? for|presented for|came for|comes? in for|seen for|referred for|admitted for|admission for|reason for|visit|encounter|annual (?:physical|exam\w*|wellness|check-?up)|check-?up|wellness|well[- ](child|woman|man|baby))\b/i;
const VACCINE_CUE = new RegExp(String.raw`\b(vaccin\w*|immuni[sz]ations?|immuni[sz]ed|toxoids?|antitoxins?|boosters?|(?:flu|influenza|tetanus|pneumonia|covid|shingles) shots?|${VACCINE_NAMES.join('|')})\b`, 'i');
/** Diseases a vaccine is named after: infections, influenza, COVID-19. */
const PREVENTABLE = /^(A|B|J09|J10|J11|U07)/;
/** Rho(D) immune globulin given at the visit ("RhoGAM 300 mcg IM given today"), which names no line of its own. */
const RHO_IMMUNE_GLOBULIN = 'Z2913';
const GIVEN_AFTER = /^[^.;\n]*\b(given|administered)\b/i;
const PROCEDURE_TAG = /^[^,.;\n]*\(procedure\)/i;

/**
 * A vaccine list given at the visit: "DTaP, IPV, MMR, varicella given today", "Immunizations
 * administered"; in a plan's shorthand, "Tdap today", "Tdap updated".
 */
const VACCINES_GIVEN = new RegExp(String.raw`${VACCINE_CUE.source}[^.;\n]{0,60}?\b(given|administered|updated|today)\b`, 'i');
/** A vaccine not given after all, or only talked of. */
const NOT_GIVEN = /\b(not|declin(?:e|es|ed)|refus(?:e|es|ed)|deferred|held|due|needs?|will|next|at next|discussed|recommended|offered|counsel(?:l?ed)?|consider)\b[^.;\n]{0,20}$/i;
/** A test of the immunity a vaccine gave, not the vaccine: "MMR titer performed today". */
const IMMUNITY_TEST = /\b(titers?|antibod(y|ies)|immunity|serolog(y|ies)|igg|levels?)\b/i;
/** Said after it: "Flu shot today - declined". */
const REFUSED_AFTER = /^[^.;\n]{0,40}\b(declined|refused|deferred|not given|will return|next visit)\b/i;

/**
 * A refusal after the vaccine given speaks of it, unless it speaks of another vaccine named after it:
 * "Tdap today, will return for flu shot next visit" gave the Tdap.
 */
function refusedAfter(after: string): boolean {
  const r = REFUSED_AFTER.exec(after);
  return r !== null && !VACCINE_CUE.test(after.slice(0, r[0].length + 30));
}

/** Where a sentence says vaccines were given (one immunization encounter, Z23, however many); undefined when it does not. */
export function vaccinesGiven(sentenceText: string): { start: number; end: number } | undefined {
  const m = VACCINES_GIVEN.exec(sentenceText);
  if (!m || NOT_GIVEN.test(sentenceText.slice(0, m.index + m[0].length - m[m.length - 1]!.length)) || refusedAfter(sentenceText.slice(m.index + m[0].length)) || IMMUNITY_TEST.test(m[0])) return undefined;
  // Given on a date, not today: the record of an earlier visit's.
  if (GIVEN_ON_DATE.test(sentenceText.slice(m.index + m[0].length, m.index + m[0].length + 24))) return undefined;
  // Given elsewhere or earlier in the season: "Influenza vaccine given this fall at pharmacy".
  if (!/\btoday\b/i.test(m[0]) && givenElsewhere(sentenceText.slice(m.index + m[0].length))) return undefined;
  return { start: m.index, end: m.index + m[0].length };
}

/** What a sentence says once, for all its mentions. */
export interface SentenceContext {
  text: string;
  /** Where the sentence's line starts in `text`. */
  lineStart: number;
  /** The sentence gives a reason for the visit ("here for", "annual exam"). */
  visitReason: boolean;
  /** The sentence says a test was done or ordered at this visit ("HCV antibody ordered"). */
  screeningDone: boolean;
  /** The sentence lists vaccines or immunizations. */
  vaccines: boolean;
  /** The sentence lists laboratory tests ("Prenatal panel, CBC, RPR, HIV, HBsAg, HCV, rubella"). */
  labOrders: boolean;
}

export function sentenceContext(text: string, lineStart: number, end: number): SentenceContext {
  const sentenceText = text.slice(lineStart, end);
  return {
    text,
    lineStart,
    visitReason: ENCOUNTER_CUE.test(sentenceText),
    screeningDone: SCREENING_DONE.test(sentenceText) && !IN_A_YEAR.test(sentenceText),
    vaccines: VACCINE_CUE.test(sentenceText),
    labOrders: (sentenceText.match(LAB_TEST) ?? []).length >= 2,
  };
}

/** Laboratory tests as orders list them, which name no condition of the patient's. */
const LAB_TEST = /\b(?:cbc|cmp|bmp|rpr|vdrl|ua|urinalysis|tsh|a1c|hba1c|lipids?|lfts?|t&s|type and screen|hbsag|hbsab|anti-hbs|gc\/ct|pt\/inr|inr|bnp|esr|crp|ferritin|b12|folate|psa|ldh|upc|naat|quantiferon|igra|prenatal (?:panel|labs)|urine (?:culture|cx)|blood cultures?)(?![\w&/])/gi;
/** A list item: a comma, colon or slash before it or after it. */
const LISTED_BEFORE = /[,:/]\s*(?:and\s+|or\s+)?$/;
const LISTED_AFTER = /^\s*(?:[,;/]|$)/;

/** What may open a line before the encounter it names: a number or bullet, a short label ("A/P:"). */
const LINE_LEAD = /^[\s\d.)#*•-]*(?:[A-Za-z/ ]{1,25}:\s*)?(?:(?:initial|annual|routine|comprehensive|subsequent)\s+)?$/i;
/**
 * What may follow an encounter's words that name a line: its end, or a dash or comma before details; the
 * visit's findings first ("Initial preventive physical examination without abnormal findings."), or a
 * remark in brackets closing the line ("Counseling for permanent contraception (vasectomy).").
 */
const LINE_NAMED_AFTER = /^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*(?:[.;]|\r?\n|$)|(?:(?:with|without|w\/o?)\s+abnormal findings\b\s*)?(?:[.,;]|\s[-–—]\s|\r?\n|$))/i;

/** A line in capitals, with words: a note's title. */
const TITLE_LINE = /^(?=[^a-z]*[A-Z]{3})[^a-z]*$/;

/** A pregnancy called normal is one supervised (Z34.-) wherever the visit says so: "IUP at 9w2d, normal first pregnancy, low risk". */
const NORMAL_PREGNANCY = /^Z34/;
/** Palliative care given, at any visit or in a stay (Z51.5): "palliative care consulted D2", "Palliative Care - initial consultation". */
const PALLIATIVE_CARE = 'Z515';
const PALLIATIVE_GIVEN = /^\s*(?:team\s+)?(?:[-–—]\s*)?(?:consulted|consult(?:ation)?\b|initial consult\w*|following|involved|on board|saw|seen|provided|initiated)/i;
/** A teaching's word, then an open bracket the mention stands in. */
const TAUGHT_TOPICS = /\b(?:education|teaching|taught|instructions?|instructed|counsel(?:l?ing|l?ed))\b[^().;\n]{0,40}\([^()]*$/i;
/** An examination before a procedure (Z01.81-), which names the procedure after it. */
const PREPROCEDURAL_EXAM = /^Z0181/;
const PROCEDURE_NAMED_AFTER = /^\s+(?:for|prior to|before|ahead of|in anticipation of)\s/i;

/** Whether the words after an encounter's go on to the procedure it comes before ("Pre-op clearance for right TKA"). */
export function namesProcedureAfter(code: string, after: string): boolean {
  return PREPROCEDURAL_EXAM.test(code) && PROCEDURE_NAMED_AFTER.test(after);
}

/**
 * Whether an encounter's words are all their line names before its details: "Routine postpartum exam -
 * recovering well." Not "Examination revealed…", "Exam: normal", "chemotherapy-induced nausea".
 */
function namesLine(ctx: SentenceContext, m: Mention): boolean {
  let after = ctx.text.slice(m.end, m.end + 40);
  // A cancer screening's title says the malignancy the note's last word does: "Screening for colon cancer -".
  if (CANCER_SCREENING.test(m.entry.code)) after = after.replace(CANCER_WORD, '');
  // A note's title in capitals names its visit: "DEVICE CLINIC - PACEMAKER INTERROGATION (in-office)".
  if (TITLE_LINE.test(ctx.text.slice(ctx.lineStart, lineEndAt(ctx.text, m.end)).replace(/\([^()\n]*\)/g, ''))) return true;
  return LINE_LEAD.test(ctx.text.slice(ctx.lineStart, m.start)) && (LINE_NAMED_AFTER.test(after) || namesProcedureAfter(m.entry.code, after));
}

/** Screening for a malignant neoplasm (Z12.-), and the word a note gives the malignancy after its site. */
const CANCER_SCREENING = /^Z12/;
const CANCER_WORD = /^\s+(?:cancers?|carcinoma|malignancy|malignancies|neoplasm)\b/i;

/** "Encounter for screening…" codes, which a screening done at the visit gives (I.C.21.c.5, first-listed or additional). */
const SCREENING_TITLE = /^encounter for screening\b/i;
/** A screening for nothing named (Z11.9, Z12.9, Z13.9): the bare word, as in "screening PHQ-9 next visit". */
const UNNAMED_SCREENING = /^Z1[123]9$/;
/** A screening done at this visit: its test ordered, drawn, sent or scheduled. */
const SCREENING_DONE = /\b(ordered|obtained|drawn|sent|collected|today|performed|done|completed|scheduled|referred|referral)\b/i;
/** A year: a screening done then is an earlier one ("colonoscopy done 2021"). */
const IN_A_YEAR = /\b(19|20)\d\d\b/;

/** The service after "grief": counseling, a support group, resources. */
const GRIEF_SERVICE = /^\s*(counsel\w*|support|group|therapy|resources|education|services)\b/i;

/** Who may manage an item instead of this provider. */
const CARER = String.raw`(?:(?:his|her|their|the)\s+)?(?:pcp|primary(?: care)?(?: provider| physician)?|rheum\w*|cardiology|cards|cardiologist|onc\w*|med onc|nephrology|nephrologist|renal|endo\w*|gi|gastroenterology|neuro\w*|pulm\w*|psych\w*|derm\w*|urology|ob|gyn|ob\/gyn|ortho\w*|hem(?:e|atology)?(?:\/onc)?|id|infectious disease|surgery|outside provider|specialist)`;
/** What a deferred item's line may add without this provider assessing it: "HTN, HLD - per PCP, stable", "Secondary hyperparathyroidism on problem list - managed by nephrology". */
const UNCHANGED = String.raw`(?:stable|unchanged|controlled|well[- ]controlled|no changes?(?: (?:here|made|today|by me))?)`;
/** The rest of an item after its conditions (a list of them) that only names who manages them. */
const DEFERRED_ITEM = new RegExp(String.raw`^(?:\s*(?:,|and|&|\/)\s*[A-Za-z'’ ]{2,30})*(?:\s+(?:on|from)\s+(?:the\s+)?problem\s+list)?\s*(?:[-–—:]\s*)?(?:${UNCHANGED}\s*[,;]?\s*)?(?:per|followed by|managed by|deferred to|by)\s+${CARER}(?:\s*(?:\/|,|and|&)\s*${CARER})*(?:\s*[,;-]\s*${UNCHANGED})?\s*\.?\s*$`, 'i');

/** An item the provider says is not assessed here: "Coronary calcifications - incidental; report forwarded to his PCP …, not evaluated further here". */
const NOT_ASSESSED_HERE = new RegExp(String.raw`^[^.\n]{0,100}?\b(?:not (?:evaluated|addressed|assessed|worked up)(?: further)? (?:here|today|at this visit)|(?:report|results?|findings?) (?:forwarded|sent|routed) to\s+${CARER})`, 'i');

/** Hepatitis C's antibody without its RNA: an infection cleared ("HCV Ab positive, HCV RNA not detected"), its history not a current one. */
const HEPATITIS_C = /^B(?:171|182|192)/;
const RNA_NOT_FOUND = /^[^.;\n]{0,60}?\bRNA\b[^.;\n]{0,20}?\b(?:not detected|undetectable|undetected|negative|neg)\b/i;

/** A cause given as another item of the list: "d/t #1", "secondary to problem 2", "2/2 the above". */
const DUE_TO_ITEM = /^[\s,:–—-]*(?:(?:likely|probably|possibly|most likely)\s+)?(?:d\/t|due to|secondary to|sec to|2\/2|related to|from|r\/t)\s+(?:#\s*\d|(?:problem|item|dx)\s*#?\s*\d|(?:the\s+)?above)\b/i;

/** Infectious and parasitic diseases (A00–B99). */
const INFECTIOUS = /^[AB]/;
/** An infection a laboratory panel tests for, and the same infection complicating a pregnancy (O98.-). */
const TESTED_INFECTION = /^([AB]|O98)/;
/**
 * A laboratory test right after an organism or infection: antigen, antibody, PCR, serology, an RNA test
 * ordered ("HCV RNA and HBV serologies before therapy"). Not a viral load or genotype, which measure a
 * known infection ("HIV viral load: 25,000 copies/mL", "HCV RNA 1.2 million IU/mL"). A test put to the
 * patient names the test too: "HIV offered - declined today".
 */
const LAB_TEST_AFTER = /^(?:[-\s]*(?:1\/2|1|2|type [12]))?[-\s]*(?:ag\b|ab\b|antigen|antibod|pcr\b|naat\b|serolog|titer|igg\b|igm\b|test|screen|panel|rapid\b|swab|rna\b(?!\s*[:=]?\s*[\d<>])|(?:offered|declined|recommended)\b)/i;
/** A result after the test, or before the infection's name, that says it found the infection. */
const TEST_FOUND = /^[^.;\n]*?\b(positive|pos|detected|reactive)\b/i;
const FOUND_BEFORE = /\b(positive|reactive|detectable)\s+$/i;

/**
 * A named risk score, its value, and the start of the list of what scored its points ("CHA2DS2-VASc 3
 * (age, HTN, TIA", "HAS-BLED score 2: age,", "Wells score 4.5 for tachycardia,"), up to a mention.
 */
const RISK_SCORE_PARTS = /\b(?:CHA2?DS2?(?:-?VASc)?|CHADS-?2|HAS-?BLED|TIMI|HEART|Wells|Caprini|Padua|PESI|CURB-?65|qSOFA|GRACE|ABCD2)(?:\s+(?:score|risk score))?\s*(?:of|=|:|is)?\s*\d+(?:\.\d)?\s*(?:points?|pts?)?\s*(?:\(|:|-|–|for|from|due to)[^.;()\n]*$/i;

/** The rest of a line a topic labels, where it says the topic is screened for. */
const SCREENING_LABELLED = /^\s*:[^\n]*\b(?:screen(?:ed|ing)?|surveillance)\b/i;

/** Whether a mention, read in its sentence, names no condition of this visit at all. */
export function namesNoCondition(table: CodeTable, m: Mention, ctx: SentenceContext): boolean {
  const code = m.entry.code;
  // A vaccine given or needed is this visit's immunization (Z23).
  const title = table.byCode.get(code)?.long_desc ?? '';
  if (ENCOUNTER_TITLE.test(title) && !ctx.visitReason && !namesLine(ctx, m) && !NORMAL_PREGNANCY.test(code) && !(code === PALLIATIVE_CARE && PALLIATIVE_GIVEN.test(ctx.text.slice(m.end, m.end + 30))) && !(code === 'Z23' && ctx.vaccines) && !(code === RHO_IMMUNE_GLOBULIN && GIVEN_AFTER.test(ctx.text.slice(m.end, m.end + 40))) && !(SCREENING_TITLE.test(title) && !UNNAMED_SCREENING.test(code) && ctx.screeningDone)) return true;
  // A vaccine list names the diseases it prevents: "immunizations: influenza, td (adult), tetanus toxoid".
  if (ctx.vaccines && PREVENTABLE.test(code)) return true;
  // A list of laboratory tests names the infections it tests for: "CBC, T&S, RPR, HIV, HBsAg, HCV,
  // rubella, varicella" on a prenatal panel is no HIV disease, rubella or hepatitis C.
  if (ctx.labOrders && TESTED_INFECTION.test(code) && (LISTED_BEFORE.test(ctx.text.slice(Math.max(ctx.lineStart, m.start - 8), m.start)) || LISTED_AFTER.test(ctx.text.slice(m.end, m.end + 3))) && !TEST_FOUND.test(ctx.text.slice(m.end, m.end + 50)) && !FOUND_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 20), m.start))) return true;
  // A "(procedure)" tag (SNOMED displays) names what was done: "alcohol use disorders identification test (procedure)".
  if (PROCEDURE_TAG.test(ctx.text.slice(m.end, m.end + 160))) return true;
  // Grief a service is for names the service: "referred to grief counseling", "grief support group".
  if (code.startsWith('F432') && GRIEF_SERVICE.test(ctx.text.slice(m.end, m.end + 30))) return true;
  // An infection's name before its test's names the test: "HIV-1/2 Ag/Ab ordered", "HCV antibody pending".
  // Not one the test found: "C. diff PCR positive".
  if (INFECTIOUS.test(code) && LAB_TEST_AFTER.test(ctx.text.slice(m.end, m.end + 30)) && !TEST_FOUND.test(ctx.text.slice(m.end, m.end + 50)) && !FOUND_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 20), m.start))) return true;
  // The topics of a teaching, listed in its brackets: "Diabetes education completed (insulin admin, carb
  // counting, hypoglycemia tx, glucagon, sick day rules)" names no hypoglycemia of the patient's.
  if (TAUGHT_TOPICS.test(ctx.text.slice(Math.max(ctx.lineStart, m.start - 120), m.start))) return true;
  // A risk score's parts are its points, not this visit's diagnoses: "CHA2DS2-VASc 3 (age, female, TIA)".
  if (RISK_SCORE_PARTS.test(ctx.text.slice(Math.max(ctx.lineStart, m.start - 70), m.start))) return true;
  // The rest of the mention's line, read by the item checks below.
  const rest = ctx.text.slice(m.end, lineEndAt(ctx.text, m.end));
  if (HEPATITIS_C.test(code) && RNA_NOT_FOUND.test(rest)) return true;
  // An item left to another provider, and nothing else said of it: "HTN, HLD - per PCP", "Raynaud's,
  // GERD - per rheum/PCP", "BPH/GERD per PCP". This provider neither evaluates nor treats it here (no MEAT).
  if (DEFERRED_ITEM.test(rest) || NOT_ASSESSED_HERE.test(rest)) return true;
  // A symptom the item puts down to another item is that diagnosis's (I.B.5): "Fever - d/t #1".
  if (code.startsWith('R') && DUE_TO_ITEM.test(ctx.text.slice(m.end, m.end + 40))) return true;
  // A plan line labelled by a screening's topic names the screening: "- Colorectal cancer: never screened;
  // stool DNA kit ordered", "- AAA: one-time screening ultrasound ordered".
  if (/^[\s\d.)#*•-]*$/.test(ctx.text.slice(ctx.lineStart, m.start)) && SCREENING_LABELLED.test(rest)) return true;
  // A heading is no status or service: "Patient Education and Counseling:" (Z71.9), "Screening:".
  return code.startsWith('Z') && /^\s*:/.test(ctx.text.slice(m.end, m.end + 3));
}

/** Words a history entry may take from around a mention ("history of colon cancer, resected"). */
const HISTORY_REACH = 3;

/**
 * The words of a mention and of the few tokens either side of it: a history entry's words must be
 * said there, not anywhere in the sentence ("history of COPD and of breast cancer" is no lung cancer).
 */
export function wordsNear(tokens: readonly Token[], m: Mention): Set<string> {
  const inside = tokens.map((t, i) => (t.end > m.start && t.start < m.end ? i : -1)).filter((i) => i >= 0);
  if (inside.length === 0) return new Set(m.entry.words);
  const from = Math.max(0, inside[0]! - HISTORY_REACH);
  const to = Math.min(tokens.length, inside[inside.length - 1]! + HISTORY_REACH + 1);
  return new Set([...tokens.slice(from, to).map((t) => t.norm), ...m.entry.words]);
}

/**
 * A deep tissue pressure injury is the pressure ulcer code of its site "with final character .6"
 * (Index: Injury, deep tissue, meaning pressure ulcer), whatever stage the match read.
 */
export function deepTissue(table: CodeTable, m: Mention, tokens: readonly Token[]): string | undefined {
  if (!m.entry.code.startsWith('L89')) return undefined;
  const near = wordsNear(tokens, m);
  if (!(near.has('deep') && near.has('tissue')) && !near.has('dti') && !near.has('dtpi')) return undefined;
  const code = `${m.entry.code.slice(0, -1)}6`;
  return table.byCode.get(code)?.billable ? code : undefined;
}

const SEVERITY_STOP = new Set(['with', 'of', 'to', 'and', 'the', 'without', 'or']);

/**
 * A code its Index line leaves at "unspecified severity" takes the sibling whose own words the note
 * says next to the mention: "left heel ulcer with fat layer exposed" is L97.422, not L97.429.
 */
export function severityNamed(text: string, table: CodeTable, normalize: (w: string) => string, m: Mention, tokens: readonly Token[]): string | undefined {
  return siblingSaid(text, table, normalize, m.entry.code, m, tokens, /\bunspecified severity\b/i);
}

/**
 * A code whose title leaves its stage unspecified takes the sibling whose stage the note says next to
 * the mention: "Dry AMD OS, intermediate stage" is H35.3122, "wet AMD, right eye, with active choroidal
 * neovascularization" H35.3211. `code` is the mention's code once its side is read.
 */
export function stageNamed(text: string, table: CodeTable, normalize: (w: string) => string, code: string, m: Mention, tokens: readonly Token[]): string {
  return siblingSaid(text, table, normalize, code, m, tokens, /\b(stage unspecified|unspecified stage)\b/i) ?? code;
}

/** A use disorder's DSM-5 severity said with it: mild is the ICD's abuse (F1x.1-), moderate or severe its dependence (F1x.2-). */
const USE_DISORDER_SEVERITY = /\b(mild|moderate|severe)\b[^.;\n]{0,20}$|^[^.;\n]{0,60}?\b(mild|moderate|severe)\b/i;
/** A substance's "use, unspecified" with a complication (F10.930, F11.93, …), which a stated severity makes abuse or dependence. */
const UNSPECIFIED_USE_WITH = /^F1[0-689]9[1-9]/;

/**
 * "Alcohol use disorder, severe, with withdrawal, uncomplicated" is the dependence's withdrawal (F10.230),
 * not an unspecified use's (F10.930): the severity the note gives the use disorder says which (I.C.5.b).
 */
export function useSeverityNamed(text: string, table: CodeTable, code: string, m: Mention): string {
  if (!UNSPECIFIED_USE_WITH.test(code) || !/\bdisorder\b/i.test(text.slice(m.start, m.end + 30))) return code;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  const said = USE_DISORDER_SEVERITY.exec(text.slice(lineStart, m.start)) ?? USE_DISORDER_SEVERITY.exec(text.slice(m.start, m.end + 40));
  const severity = (said?.[1] ?? said?.[2])?.toLowerCase();
  if (!severity) return code;
  const twin = `${code.slice(0, 3)}${severity === 'mild' ? '1' : '2'}${code.slice(4)}`;
  return table.byCode.get(twin)?.billable ? twin : code;
}

/** "In (complete) remission", "in relapse", "relapsed", in the mention's clause; not a denied remission. */
const REMISSION_SAID = /\b(?:in|into|achieved)\s+(?:(?:complete|partial|full|sustained|early|molecular|cytogenetic|hematologic|clinical|major|deep|first|second|durable)\s+)*(?:remission|cr)\b/i;
const RELAPSE_SAID = /\b(?:in\s+relapse|relapsed|relapsing)\b/i;
/** A denial just before it: "not (yet) in remission", "has not achieved remission", "without remission". */
const DENIED_BEFORE = /\b(?:not|never|no|without|yet to|failed to)\b(?:\s+\w+){0,2}\s*$/i;

/**
 * A malignancy of blood "not having achieved remission" (the Index's default, C92.10) takes its "in
 * remission" or "in relapse" sibling where the mention's clause says so: "CML in remission - continue
 * imatinib" is C92.11, though the tabular title's "BCR/ABL-positive" was never said.
 */
export function remissionNamed(text: string, table: CodeTable, code: string, m: Mention): string {
  const rec = table.byCode.get(code);
  if (!rec || !/not having achieved remission/i.test(rec.long_desc)) return code;
  const clauseEnd = text.slice(m.end, m.end + 60).search(/[;.\n]/);
  const clause = text.slice(m.start, clauseEnd < 0 ? m.end + 60 : m.end + clauseEnd);
  const said = (re: RegExp): boolean => {
    const hit = re.exec(clause);
    return hit !== null && !DENIED_BEFORE.test(clause.slice(0, hit.index));
  };
  const state = said(REMISSION_SAID) ? 'in remission' : said(RELAPSE_SAID) ? 'in relapse' : undefined;
  if (!state) return code;
  const sibling = (table.kids.get(rec.code.slice(0, -1)) ?? []).find((k) => k.billable && k.long_desc.toLowerCase().endsWith(state));
  return sibling?.code ?? code;
}

/** A number that is a measurement, not a stage or grade: "(3.5 x 3.0 x 2.4 cm)", "2 cm", "x 3". */
function measured(text: string, t: Token): boolean {
  if (!/^\d+$/.test(t.raw)) return false;
  return /[.,]\d/.test(text.slice(t.end, t.end + 2)) || /\d[.,]$/.test(text.slice(Math.max(0, t.start - 2), t.start)) || /^\s*(?:x\b|×|cm\b|mm\b|in\b|%)/i.test(text.slice(t.end, t.end + 4)) || /(?:\bx|×)\s*$/i.test(text.slice(Math.max(0, t.start - 3), t.start));
}

/** A word the note denies: "no necrosis", "without evidence of infection", "w/o drainage". */
const DENIED_WORD = /\b(?:no|not|without|w\/o)\s+(?:evidence\s+of\s+|signs?\s+of\s+)?([a-z]+)/gi;

function siblingSaid(text: string, table: CodeTable, normalize: (w: string) => string, code: string, m: Mention, tokens: readonly Token[], unsaid: RegExp): string | undefined {
  const rec = table.byCode.get(code);
  if (!rec || !unsaid.test(rec.long_desc)) return undefined;
  // The depth follows the site in the same clause: "ulcer of left heel with fat layer exposed".
  const before = text.lastIndexOf(';', m.start);
  const after = text.slice(m.end, m.end + 60).search(/[;.]/);
  const from = Math.max(m.start - 40, before + 1);
  const to = after < 0 ? m.end + 60 : m.end + after;
  const near = new Set(tokens.filter((t) => t.start >= from && t.end <= to && !measured(text, t)).map((t) => t.norm));
  // Words the note denies there ("w/ bone involvement, no necrosis"): a sibling saying them is not the
  // one, a sibling saying "without evidence of" them is.
  const denied = new Set([...text.slice(from, to).matchAll(DENIED_WORD)].map((d) => normalize(d[1]!.toLowerCase())));
  const own = new Set(titleWords(rec.long_desc));
  let best: string | undefined;
  let most = 0;
  for (const sib of table.kids.get(rec.code.slice(0, -1)) ?? []) {
    if (sib.code === rec.code || !sib.billable) continue;
    const [said, without = ''] = sib.long_desc.split(/\bwithout\b/i);
    const absent = titleWords(without).filter((w) => !SEVERITY_STOP.has(w) && w !== 'evidence').map(normalize);
    const extra = titleWords(said!).filter((w) => !own.has(w) && !SEVERITY_STOP.has(w)).map(normalize);
    const fits = extra.every((w) => near.has(w) && !denied.has(w)) && absent.every((w) => own.has(w) || denied.has(w));
    if (extra.length + absent.length > most && fits) {
      best = sib.code;
      most = extra.length + absent.length;
    }
  }
  return best;
}

/**
 * Enlarged lymph nodes said of a named site are localized: "cervical adenopathy" is R59.0 (Index:
 * Adenopathy > localized).
 */
export function localizedCode(dict: Dictionary, m: Mention, tokens: readonly Token[]): string | undefined {
  const code = dict.localized.get(m.entry.key);
  if (!code || code === m.entry.code) return undefined;
  const near = wordsNear(tokens, m);
  return [...near].some((w) => (dict.siteWords.has(w) || REGIONAL.has(w)) && !m.entry.words.includes(w)) ? code : undefined;
}

/** Words that say a site without naming it: "regional lymphadenopathy", "locoregional adenopathy". */
const REGIONAL: ReadonlySet<string> = new Set(['regional', 'locoregional', 'local', 'localized', 'localised']);

/** A code range's breadth in categories; a single category or code counts as less than one, the longer the narrower. */
function breadth([a, b]: readonly [string, string]): number {
  const category = (c: string): number => (c.charCodeAt(0) - 65) * 100 + (Number.parseInt(c.slice(1, 3), 10) || 0);
  return a === b ? 1 / a.length : category(b) - category(a) + 1;
}

/** The history code whose "conditions classifiable to" ranges hold the condition's code, the narrowest range first. */
export function classifiedHistoryCode(list: readonly ClassifiedHistory[], conditionCode: string, repaired = false): string | undefined {
  let best: string | undefined;
  let narrowest = Number.POSITIVE_INFINITY;
  for (const h of list) {
    if (h.repaired && !repaired) continue;
    for (const r of h.ranges) {
      if (inRanges(conditionCode, [r]) && breadth(r) < narrowest) {
        best = h.code;
        narrowest = breadth(r);
      }
    }
  }
  return best;
}

/** Words that name a neoplasm's behaviour, not what grew ("benign" in "benign prostatic hyperplasia"). */
const BEHAVIOUR_WORDS: ReadonlySet<string> = new Set(['benign', 'malignant', 'secondary', 'neoplasm', 'tumor']);

/** The Index's history Z code for a family or personal-history mention, when it has one. */
const MALIGNANT = /^C/;
const MALIGNANCY_HISTORY = /^Z8[05]/;

export function historyCode(entries: Dictionary['familyHistory'], m: Mention, nearWords: ReadonlySet<string>): string | undefined {
  let best: Dictionary['familyHistory'][number] | undefined;
  let bestNamed = false;
  for (const e of entries) {
    // Either the note names the history entry's condition in its words, or in other words that read
    // as the same code ("former smoker": smoker is F17.200, as is "nicotine dependence"). A named one
    // comes first: "h/o colon polyps" is no history of hyperplastic polyps, though those read K63.5 too.
    const named = e.words.some((w) => m.entry.words.includes(w)) && e.words.every((w) => nearWords.has(w));
    // A dependence's detail the history does not keep: "former smoker, 40 pack-years" read as
    // cigarettes (F17.210) is the smoker's history all the same (Z87.891).
    const alike = e.alone !== undefined && (e.alone === m.entry.code || (/^F1\d2/.test(e.alone) && e.alone.slice(0, 4) === m.entry.code.slice(0, 4)));
    if (!named && !alike) continue;
    // A malignancy's history is a malignancy's (Z80.-, Z85.-): "colon polyps + FHx colon ca" names the
    // colon ca, not a family history of colon polyps (Z83.71-) from the polyps said just before it.
    if (MALIGNANT.test(m.entry.code) && !MALIGNANCY_HISTORY.test(e.code)) continue;
    // A neoplasm's history named only by its behaviour is a neoplasm's: "hx BPH" (benign prostatic
    // hyperplasia, N40) is no history of a benign neoplasm (Z86.018) because "benign" is among its words.
    if (NEOPLASM_HISTORY_CODE.test(e.code) && !NEOPLASM_CODE.test(m.entry.code) && e.words.every((w) => BEHAVIOUR_WORDS.has(w))) continue;
    if (!best || (named && !bestNamed) || (named === bestNamed && e.words.length > best.words.length)) {
      best = e;
      bestNamed = named;
    }
  }
  return best?.code;
}
