// Splitting a note into sections, sentences and word tokens with their offsets. Matching works on
// normalised tokens; evidence always points back at the original characters.

import { assessTopicsThePlanTakesUp } from './plan-topics';
export type SectionKind = 'history' | 'family' | 'social' | 'meds' | 'allergies' | 'ros' | 'exam' | 'labs' | 'assessment' | 'subjective' | 'other';

export interface Token {
  /** Normalised form (lower-case, aliased, lightly stemmed). */
  norm: string;
  /** Original characters, [start, end) in the document. */
  start: number;
  end: number;
  /** Original spelling ("w/o" and "w/" are spelled out as "without" and "with"). */
  raw: string;
}

export interface Sentence {
  start: number;
  end: number;
  section: SectionKind;
  tokens: Token[];
}

/**
 * Labels of the care plan's administrative lines ("Code status: DNR"): neither background nor
 * findings, so a medication list or an exam above them ends there.
 */
const ADMINISTRATIVE_LABELS = /^(code status|advance directives?|goals of care|resuscitation status|benefit period|disposition)$/;

const SECTION_PATTERNS: ReadonlyArray<[RegExp, SectionKind]> = [
  [/^(fh|fhx|family|fam|family (medical )?history|family hx|fam hx|fam history|family hist)$/, 'family'],
  [/^(pmh|pmhx|psh|pshx|past (medical|surgical) hx|past (medical|surgical)( and surgical)? history|medical history|surgical history|(patient )?(active )?problem list|past history|hx|history|pmh\/psh|active problems|resolved problems|other (medical )?(history|hx)|other pmh|comorbidities)$/, 'history'],
  [/^(sh|social|social history|social hx|soc hx|shx|habits)$/, 'social'],
  [/^((current|home|discharge|admission|outpatient|active|current outpatient|prior to admission) )?(meds|medications?|medication list|prescriptions)( on (admission|discharge))?$|^rx$/, 'meds'],
  [/^(allerg(y|ies)|drug allerg(y|ies)|medication allerg(y|ies)|known allergies|allergies( and |\/)intolerances|nkda|nka)$/, 'allergies'],
  [/^(ros|review of systems)$/, 'ros'],
  [/^(exam|pe|physical exam(ination)?|o|objective|vitals|vital signs)$/, 'exam'],
  [/^(labs?|laboratory|results|pertinent results|data|imaging|studies|ecg|ekg|pfts?|echo)$/, 'labs'],
  [
    /^(a\/?p|a and p|a|p|imp|(assessments?|impressions?)((\/| and | & )(plans?|recommendations?))?|plan|recommendations?|clinical impression|principal problem|(current|hospital) problems|problems|diagnos[ie]s|dx|(discharge|final|admission|admitting|admit|principal|primary|secondary|other|additional) (diagnos[ie]s|dx)|principal|primary|secondary|(diagnos[ie]s|dx|problems) (this|on|at) (admission|discharge|visit|stay)|mdm|medical decision[- ]making|discussion|decisions( today| made)?)$/,
    'assessment',
  ],
  [/^(s|subjective|cc|chief complaint|hpi|history of present illness|interval hx|interval history|(brief )?hospital course|reason for visit|presentation|story|(brief |clinical |hospital )?summary)$/, 'subjective'],
  // A problem-oriented note's numbered problems: "Problem 1: Rheumatoid arthritis, seropositive …".
  [/^problem #?\d{1,2}$/, 'assessment'],
  // A hospice or post-acute note's reason for care, written as a label: "Terminal diagnosis: …".
  [/^(terminal|hospice|qualifying|related|primary terminal|primary hospice) (diagnos[ie]s|dx)$/, 'assessment'],
  // A home-health visit's reason for skilled care: "Focus of care: chronic urinary retention d/t BPH …".
  [/^((primary|skilled) )?focus of care$|^skilled (nursing )?needs?$|^reason for (home health|skilled (care|services|nursing))$/, 'assessment'],
  [/^((current|presenting|active) )?symptoms$|^(narrative|interval events|decline since( the)? last (certification|visit))$/, 'subjective'],
  [ADMINISTRATIVE_LABELS, 'other'],
];

/**
 * A course heading ("Hospital Course", "ED course", "History/course", "Course", "Hospital course by
 * problem"): the story of the stay or visit.
 */
const COURSE_HEADING = /(^|[ /])course( by (problems?|systems?))?$/i;

/**
 * Headings we do not list, by their last word ("Oncologic History", "Pertinent Results", "ED Course"):
 * a heading on a line of its own opens a section of that kind rather than running on in the one before
 * it. Not a label with its text beside it: a case report's "Rectal examination: …" or "Gynecologic
 * history: …" opens no section that would hold the rest of its story. A course ("History/course: …")
 * is always a story, never the assessment it may follow.
 */
const HEADING_TAILS: ReadonlyArray<[RegExp, SectionKind]> = [
  [/[ /](history|hx)$/, 'history'],
  [/[ /](medications|meds)$/, 'meds'],
  [/[ /](results|studies|data|labs|imaging)$/, 'labs'],
  [/[ /](exam|examination)$/, 'exam'],
  [COURSE_HEADING, 'subjective'],
  [/[ /](diagnosis|diagnoses|impression)$/, 'assessment'],
  // A provider's addendum to a nurse's or therapist's visit is that provider's assessment: "NP telephone addendum".
  [/(^|[ /])addendum$/, 'assessment'],
];

/** A heading's words as the section patterns read them: lower case, single spaces, "&" spelled out. */
function headingWords(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');
}

/**
 * The kind of a heading such as "PMH" or "Assessment/Plan"; undefined when it is not one we know.
 * `ownLine`: the heading stands alone on its line, so an unlisted one is known by its last word.
 */
export function sectionKindOf(heading: string, ownLine = false): SectionKind | undefined {
  const h = headingWords(heading);
  for (const [re, kind] of SECTION_PATTERNS) if (re.test(h)) return kind;
  for (const [re, kind] of HEADING_TAILS) if ((ownLine || kind === 'subjective') && re.test(h)) return kind;
  // Two headings of one kind joined: "MDM/Assessment", "Medical decision making and assessment".
  const parts = h.split(/\/| and /);
  if (parts.length > 1) {
    const kinds = new Set(parts.map((p) => SECTION_PATTERNS.find(([re]) => re.test(p.trim()))?.[1]));
    if (kinds.size === 1 && !kinds.has(undefined)) return [...kinds][0];
  }
  return undefined;
}

/** Who the patient is, as a story opens: "55-year-old woman", "This is a 49-year-old man", "3 yo M", "52M,". */
const PATIENT_OPENING = /^\s*(?:(?:this|the patient|patient|pt) is\s+)?(?:an?\s+)?(?:\d{1,3}[- ]?(?:y\/?o\b|yo\b|-?years?[- ]old|-?yr\b|-?months?[- ]old|-?weeks?[- ]old|-?days?[- ]old)|\d{1,3}\s?[MF]\b)/i;

/** A problem line the "#" way: "#HTN - at goal", "# AKI: …". */
const HASH_PROBLEM = /^\s*#\s*[A-Za-z]/;
/** Sections whose own lists may be written with "#": their items are background, not assessed. */
const HASH_LISTS: ReadonlySet<SectionKind> = new Set(['history', 'family', 'allergies', 'meds', 'social', 'assessment']);

/**
 * A hospital course told by problem under labels ("AKI: Cr 1.0 -> 1.7 …; lisinopril held", "Diabetes: A1c
 * 9.6 - T2DM with hyperglycemia"): each label is a problem the stay treated. Not a test's or a
 * procedure's label ("LHC HD2: 95% mid-LCx …", "Labs: …"), nor a section's.
 */
const COURSE_LABEL = /^\s*([A-Z][A-Za-z0-9 /&'-]{1,30}):\s+\S/;
const COURSE_TEST_LABEL = /^(labs?|lhc|rhc|cath\w*|echo\w*|tte|tee|ecg|ekg|cxr|ct|cta|mri|us|imaging|procedures?|micro\w*|cultures?|vitals?|exam|consults?|dispo\w*|condition\w*|follow[- ]?up|code status|diet|activity|hd\s*\d+|pod\s*\d+|day\s*\d+)\b/i;
/** A labelled paragraph that opens on a doubt or a denial, or whose label is one, weighs a differential: "Cirrhosis/varices: Considered …, ruled out", "Rule out pneumonia: chest x-ray without infiltrate". */
const WEIGHED_OPENING = /^(?:\?|(?:considered|ruled out|rule[- ]out|r\/o|no|not|negative|unlikely|doubt\w*|possible|probable|suspected|questionable|low suspicion)\b)/i;
function courseProblemLabel(line: string): boolean {
  const m = COURSE_LABEL.exec(line);
  if (!m) return false;
  const label = m[1]!;
  const body = line.slice(m[0].length - 1).trimStart();
  return !COURSE_TEST_LABEL.test(label) && !WEIGHED_OPENING.test(label) && !WEIGHED_OPENING.test(body) && sectionKindOf(label) === undefined;
}

/** An admission and a discharge diagnosis named alone ("Admit dx: chest pain", "Discharge dx: NSTEMI"): no list. */
const STAY_DIAGNOSES_NAMED_ALONE = 2;
/** A line that lists a problem: "# AKI - …", "#AKI: …", "1. AKI …", "- N/V/diarrhea: likely viral gastroenteritis". */
const PROBLEM_ITEM = /^\s*(#|\d{1,2}[.)]|[-•*]\s)\s*[A-Za-z]/;

/**
 * The diagnoses a stay began with ("Admission diagnosis: chest pain"), which the discharge diagnoses
 * supersede: where both are written, the admission's are the story of the presentation, so its
 * symptoms are integral to what the stay found ("Discharge diagnosis: acute PE"), as in the HPI.
 */
const ADMISSION_DIAGNOSES = /^(admission|admitting|admit|working|provisional) (diagnos[ie]s|dx)$|^(diagnos[ie]s|dx|problems) (on|at) admission$/;
/** Discharge diagnoses that repeat the admission's ("Discharge dx: same, s/p NSVD; PPH …"), which stay assessed. */
const DISCHARGE_SAME = /\b(?:discharge|final) (?:diagnos[ie]s|dx)[ \t]*:[ \t]*(?:same|unchanged)\b/i;
const DISCHARGE_DIAGNOSES = /^(discharge|final) (diagnos[ie]s|dx)$|^(diagnos[ie]s|dx|problems) (on|at) discharge$/;

/** An Epic problem list printed inside the assessment ("Principal Problem: … Active Problems: …") is the visit's. */
const ASSESSED_LISTS = /^(active problems|problem list)$/;

/** A heading's words. It may carry a remark in brackets, which names no other kind of section: "DISCHARGE DIAGNOSES (DSM-5 / ICD-10):". */
// A numbered problem's label ("Problem 1:", "Problem #2:") keeps its number.
const HEADING_WORDS = String.raw`([A-Za-z][A-Za-z /&]{0,40}?(?:[ \t]+#?\d{1,2})?)[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?`;
const HEADING_RE = new RegExp(String.raw`^[ \t]*${HEADING_WORDS}:`);
/** A heading closing a line after a sentence of its own, nothing after its colon. */
const TRAILING_HEADING_RE = new RegExp(String.raw`[.!?][ \t]+${HEADING_WORDS}:[ \t]*\r?$`);
const HEADING_LINE_RE = new RegExp(String.raw`^[ \t]*(?:#{1,6}[ \t]*)?${HEADING_WORDS}\r?$`);

/** Where the line holding `from` ends (its newline, or the text's end). */
export function lineEndAt(text: string, from: number): number {
  const to = text.indexOf('\n', from);
  return to < 0 ? text.length : to;
}

/** The line `start`–`end` sits on. */
export function lineOf(text: string, start: number, end: number): string {
  return text.slice(text.lastIndexOf('\n', start - 1) + 1, lineEndAt(text, end));
}

/** The line of a chart's document a span (a mention, a quote) sits in. */
export function lineAround(texts: ReadonlyMap<string, string>, span: { documentId: string; start: number; end: number }): string {
  return lineOf(texts.get(span.documentId) ?? '', span.start, span.end);
}

/**
 * A stay's diagnosis given on its label's line ("Principal dx: Diabetic ketoacidosis", "Admit dx: ADHF"):
 * it ends at the next blank line, so the story written after it is no assessment.
 */
const STAY_DIAGNOSIS_LABEL = /\b(principal|primary|admit|admitting|admission|discharge|final|working)\s+(dx|diagnosis|diagnoses)\b/;

/** Background sections a heading may give on its own line's text. */
const INLINE_BACKGROUND: ReadonlySet<SectionKind> = new Set(['history', 'family', 'social', 'meds', 'allergies', 'ros']);

/** Sentences with their section. A heading ("PMH: …") opens a section that lasts until the next heading. */
export function splitSentences(text: string): Array<{ start: number; end: number; section: SectionKind }> {
  const out: Array<{ start: number; end: number; section: SectionKind }> = [];
  let section: SectionKind = 'other';
  // The section a one-line heading inside the assessment interrupts ("Meds: continue home meds").
  let resume: SectionKind | undefined;
  // Under a hospital course, a line listed as a problem ("# AKI - resolved with IVF") is one of the
  // stay's assessed diagnoses; its narrative stays the story of the stay.
  let course = false;
  /** Diagnoses assessed outside any course, by sentence or semicolon: a stay's own list of them. */
  let assessedOutsideCourse = 0;
  // A background list given on its heading's line ("PMH: COPD.") ends at the next blank line: what
  // follows ("Influenza vaccine administered today.") is this visit's, not the history's.
  let endsAtBlank = false;
  // Sentences under an admission diagnosis heading, and whether discharge diagnoses follow or precede.
  let admitting = false;
  let discharged = false;
  const admission: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let bodyStart = lineStart;
    if (endsAtBlank && line.trim() === '') {
      section = 'other';
      endsAtBlank = false;
    }
    // The assessment goes on at its next listed problem.
    if (resume && PROBLEM_ITEM.test(line)) {
      section = resume;
      resume = undefined;
    }
    const h = HEADING_RE.exec(line);
    // A heading on a line of its own ("HISTORY OF PRESENT ILLNESS", "# Assessment and Plan") opens its
    // section and is no sentence: its words ("illness", "plan") are not the patient's.
    const own = HEADING_LINE_RE.exec(line);
    const ownHeading = own?.[1];
    const ownKind = ownHeading ? sectionKindOf(ownHeading, true) : undefined;
    const enter = (heading: string, kind: SectionKind): void => {
      const words = headingWords(heading);
      section = section === 'assessment' && kind === 'history' && ASSESSED_LISTS.test(words) ? 'assessment' : kind;
      course = COURSE_HEADING.test(heading.trim());
      admitting = ADMISSION_DIAGNOSES.test(words);
      if (DISCHARGE_DIAGNOSES.test(words)) discharged = true;
    };
    if (h) {
      const inline = line.slice(h[0].length).trim().length > 0;
      // A bare "History:" that opens with who the patient is tells the present illness: "History: 55-year-old
      // woman with type 2 diabetes … Six months of nocturnal numbness". A list after it is the past history.
      const told = inline && /^(history|hx)$/.test(headingWords(h[1]!)) && PATIENT_OPENING.test(line.slice(h[0].length));
      const kind = told ? 'subjective' : sectionKindOf(h[1]!, !inline);
      // An administrative line ends a list of background, findings or results; in the story or the
      // assessment it is a line of the section it sits in.
      if (kind === 'other' && (section === 'assessment' || section === 'subjective' || section === 'other')) {
        bodyStart = lineStart + h[0].length;
      } else if (kind) {
        // Within the assessment, a heading with its text on the same line is a line of the plan, when
        // the list of problems goes on after it.
        resume = section === 'assessment' && kind !== 'assessment' && inline ? section : undefined;
        enter(h[1]!, kind);
        endsAtBlank = inline && resume === undefined && (INLINE_BACKGROUND.has(section) || (section === 'assessment' && STAY_DIAGNOSIS_LABEL.test(headingWords(h[1]!))));
        bodyStart = lineStart + h[0].length;
      }
    } else if (ownHeading && ownKind) {
      resume = undefined;
      endsAtBlank = false;
      enter(ownHeading, ownKind);
      bodyStart = lineEnd;
    }
    // "#Problem - plan" lines after the exam are the assessment, heading or not (hospitalist, SNF and
    // behavioral-health templates open their A/P that way). Not the background lists written so; a
    // list given on its heading's line ("PMH: L knee OA, HLD.") has ended by then, blank line or not.
    if (!(ownHeading && ownKind) && HASH_PROBLEM.test(line) && (!HASH_LISTS.has(section) || endsAtBlank) && !course) {
      section = 'assessment';
      endsAtBlank = false;
    }
    // A course's labelled paragraphs are its problems where the stay lists no diagnoses of its own
    // beyond its principal one ("Discharge dx: NSTEMI", then "AKI: …", "Diabetes: …"); under a list they
    // are the story of what it lists.
    const body = text.slice(bodyStart, lineEnd);
    const courseProblem = course && section === 'subjective' && (PROBLEM_ITEM.test(body) || (assessedOutsideCourse <= STAY_DIAGNOSES_NAMED_ALONE && courseProblemLabel(body)));
    const lineSection: SectionKind = courseProblem ? 'assessment' : section;
    // A heading may close a line of text, its list below it: "Discharged PPD3. Final diagnoses:".
    const trailing = TRAILING_HEADING_RE.exec(body);
    const trailingKind = trailing ? sectionKindOf(trailing[1]!, true) : undefined;
    const textEnd = trailing && trailingKind ? bodyStart + trailing.index + 1 : lineEnd;
    // Sentence ends: . ! ? followed by space, unless it closes a list number ("1.") or a decimal.
    const re = /[.!?](?=\s|$)/g;
    const emit = (start: number, end: number): void => {
      if (admitting) admission.push(out.length);
      // Each sentence and each item a semicolon divides it into ("Other diagnoses: cirrhosis; varices; …").
      // Not the admission's, which the presentation's story repeats.
      if (!course && !admitting && lineSection === 'assessment') assessedOutsideCourse += 1 + (text.slice(start, end).match(/;/g)?.length ?? 0);
      out.push({ start, end, section: lineSection });
    };
    let s = bodyStart;
    let m: RegExpExecArray | null;
    re.lastIndex = bodyStart;
    while ((m = re.exec(text)) !== null && m.index < textEnd) {
      const before = text.slice(s, m.index).trim();
      if (/^\d{1,2}$/.test(before) || /\b(dr|vs|mr|mrs|ms|st|e\.g|i\.e|approx|incl|esp)$/i.test(before)) continue;
      // A genus initial before its species ("E. coli", "H. pylori", "S. aureus") ends no sentence.
      if (/(?:^|\s)[A-Z]$/.test(before) && /^\s+[a-z]/.test(text.slice(m.index + 1, m.index + 4))) continue;
      if (before.length > 0) emit(s, m.index + 1);
      s = m.index + 1;
    }
    if (text.slice(s, textEnd).trim().length > 0) emit(s, textEnd);
    if (trailing && trailingKind) {
      resume = undefined;
      endsAtBlank = false;
      enter(trailing[1]!, trailingKind);
    }
    lineStart = lineEnd + 1;
  }
  if (discharged && !DISCHARGE_SAME.test(text)) for (const i of admission) if (out[i]!.section === 'assessment') out[i]!.section = 'subjective';
  assessTopicsThePlanTakesUp(text, out, (label) => sectionKindOf(label) !== undefined);
  return out;
}

// Accented letters are letters of their word ("Sjögren" is one word; the normaliser folds it to "sjogren").
const WORD_RE = /[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+(?:['’][a-z]+)?/g;
/** "(-)" or "(−)" right before a word. */
const NEGATIVE_SIGN = /(\(\s*[-−]\s*\))\s*$/;
/** The same words for a phrase read whole (match, matchAll): the tokenizer's WORD_RE keeps its own position. */
const PHRASE_WORD = new RegExp(WORD_RE.source, 'g');

/** Word forms that mean the same thing to the Index (adjective ↔ noun, spelling variants). */
export interface Normalizer {
  (word: string): string;
  /** Words the Index writes solid that notes split after a prefix ("pre-diabetes", "post herpetic"), in small letters. */
  readonly solid?: ReadonlySet<string>;
}

/** Prefixes notes split from their word with a hyphen or a space ("pre-diabetes"), as a regex alternation. */
export const SPLIT_PREFIXES = 'pre|post|non|anti|peri|sub|intra|inter|hyper|hypo|para|extra|trans|retro|multi';
const PREFIX = new RegExp(`^(?:${SPLIT_PREFIXES})$`, 'i');
/** A phrase with such a prefix split off somewhere. */
const PREFIX_IN_PHRASE = new RegExp(`\\b(?:${SPLIT_PREFIXES})[- ][A-Za-z]`, 'i');

/** An operation or procedure right after a prefixed word: the prefix is "(status) post" the procedure. */
const PROCEDURE_AFTER = /^\s+(?:[a-z]+\s+)?(?:transplant\w*|surgery|surgeries|repair|resection|replacement|procedure|ablation|placement|removal|bypass|graft|cabg|pci|stent\w*|op\b|operation|angioplasty|nephrectomy|cholecystectomy|\w+ectomy|\w+otomy|\w+plasty)/i;

/** The word the Index writes solid for a prefix and the word after it, if it writes one. */
function solidWord(norm: Normalizer, first: string, second: string, gap: string): string | undefined {
  if (!norm.solid || !PREFIX.test(first) || !/^(-| )$/.test(gap)) return undefined;
  const joined = `${first}${second}`.toLowerCase();
  return norm.solid.has(joined) ? joined : undefined;
}

export function createNormalizer(aliases: ReadonlyMap<string, string>, solid?: ReadonlySet<string>): Normalizer {
  const cache = new Map<string, string>();
  const normalize = (word: string): string => {
    // Accents fold away: notes write "Sjogren's", "Meniere", "Behcet" where the Index writes Sjögren, Ménière, Behçet.
    const lower = foldAccents(word.toLowerCase()).replace(/['’]s$/, '');
    // An acronym is not a plural: AIDS stays "aids" (while "hearing aids" is "aid").
    const acronym = /^[A-Z]{3,}$/.test(word);
    const key = acronym ? word : lower;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let w = aliases.get(lower) ?? british(lower);
    if (acronym) {
      cache.set(key, w);
      return w;
    }
    w = singular(w);
    // An alias of the singular ("stools" → stool → feces) is stemmed like one of the word itself.
    const alias = aliases.get(w);
    if (alias !== undefined) w = singular(alias);
    cache.set(key, w);
    return w;
  };
  return solid ? Object.assign(normalize, { solid }) : normalize;
}

function foldAccents(w: string): string {
  return /[^ -~]/.test(w) ? w.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : w;
}

function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  // Greek and Latin plurals the Index writes singular: edemas, carcinomas, arrhythmias; stenoses, thromboses.
  if (w.length > 5 && /(mas|ias)$/.test(w)) return w.slice(0, -1);
  if (w.length > 6 && w.endsWith('oses')) return `${w.slice(0, -2)}is`;
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|as|os|ys)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** British spellings read as the Index's American ones: oedema, anaemia, leucocytosis, diarrhoea, caecum. */
function british(w: string): string {
  if (w.length < 5) return w;
  return w
    .replace(/^oe(?=[sd])/, 'e')
    .replace(/^haem/, 'hem')
    .replace(/^leuc/, 'leuk')
    .replace(/^paed/, 'ped')
    .replace(/^foet/, 'fet')
    .replace(/^coel/, 'cel')
    .replace(/^caec/, 'cec')
    .replace(/aem/, 'em')
    .replace(/rhoea/, 'rhea')
    .replace(/our$/, 'or');
}

/** SNOMED CT semantic tags ("fever (finding)", "bone (disorder)"): labels of the term, not words of the note. */
const SEMANTIC_TAG = /\((?:disorder|finding|situation|procedure|morphologic abnormality|observable entity|regime\/therapy|record artifact|qualifier value|body structure|event)\)/gi;

export function tokenize(text: string, start: number, end: number, norm: Normalizer): Token[] {
  const out: Token[] = [];
  const tags: Array<[number, number]> = [];
  const slice = text.slice(start, end);
  if (slice.includes('(')) for (const t of slice.matchAll(SEMANTIC_TAG)) tags.push([start + t.index, start + t.index + t[0].length]);
  WORD_RE.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null && m.index + m[0].length <= end) {
    if (tags.length > 0 && tags.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    // A list marker ("1." or "2)" opening a line, or after a heading's colon or a sentence's end:
    // "Diagnoses: 1. Chronic kidney disease stage 4") is not a number in the note.
    if (/^\d{1,2}$/.test(m[0]) && /^[.)](\s|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2)) && /((^|\n)[ \t]*|[:;.][ \t]+)$/.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    // A number after "#" counts items or names a tooth ("#1 Sacrum - stage 4 pressure injury", "#19
    // grossly carious"): no stage, type or count of the words beside it.
    if (/^\d{1,2}$/.test(m[0]) && text[m.index - 1] === '#') continue;
    // A template's "(-)" before a finding is its "no": "ROS: (-) claudication".
    const afterParen = text[m.index - 1] === ')' || text[m.index - 2] === ')' || text[m.index - 3] === ')';
    const minus = afterParen ? NEGATIVE_SIGN.exec(text.slice(Math.max(out[out.length - 1]?.end ?? start, m.index - 6), m.index)) : null;
    if (minus) out.push({ norm: 'no', start: m.index - minus[0].length, end: m.index - minus[0].length + minus[1]!.length, raw: 'no' });
    const prev = out[out.length - 1];
    const pair = prev ? `${prev.raw.toLowerCase()} ${m[0].toLowerCase()}` : '';
    const joined = SPLIT_COMPOUNDS.get(pair);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const renamed = PAIR_RENAMES.get(pair) ?? (pair === 'full thickness' && TEAR_AFTER.test(after) ? 'complete' : INTRACTABLE_PAIRS.has(pair) && SEIZURES_AFTER.test(after) ? 'intractable' : undefined);
    const firstRenamed = FIRST_OF_PAIR_RENAMES.get(pair);
    if (prev && firstRenamed) prev.norm = firstRenamed;
    if (renamed) {
      out.push({ norm: renamed, start: m.index, end: m.index + m[0].length, raw: m[0] });
      continue;
    }
    // "Pre-diabetes" is the Index's "Prediabetes" (R73.03), not diabetes; "post-herpetic" its "postherpetic".
    // Not "post" before what was done ("status post renal transplant" is no postrenal anything).
    const gap = prev ? text.slice(prev.end, m.index) : '';
    const solid = prev ? solidWord(norm, prev.raw, m[0], gap) : undefined;
    const one = solid !== undefined && (gap === '-' || !PROCEDURE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) ? solid
      : joined !== undefined && /^(\s+|-)$/.test(gap) ? joined : undefined;
    if (prev && one !== undefined) {
      out[out.length - 1] = { norm: norm(one), start: prev.start, end: m.index + m[0].length, raw: text.slice(prev.start, m.index + m[0].length) };
      continue;
    }
    // "<" or "≤" before a number is "less than": "Concussion with LOC <30 min" is the Index's "loss of
    // consciousness > 30 minutes or less" (S06.0X1).
    const below = /^\d/.test(m[0]) ? /[<≤]\s?$/.exec(text.slice(Math.max(start, m.index - 2), m.index)) : null;
    if (below) out.push({ norm: norm('less'), start: m.index - below[0].length, end: m.index - below[0].length + 1, raw: 'less' });
    // "w/o", "w/" and "w/u" are "without", "with" and "workup" ("T2DM w/o complications" is E11.9, not E11.8).
    if (/^w$/i.test(m[0]) && text[m.index + 1] === '/') {
      const letter = /^([ou])\b/i.exec(text.slice(m.index + 2, m.index + 4))?.[1]?.toLowerCase();
      const word = letter === 'o' ? 'without' : letter === 'u' ? 'workup' : 'with';
      const end = m.index + (letter ? 3 : 2);
      out.push({ norm: word, start: m.index, end, raw: word });
      WORD_RE.lastIndex = end;
      continue;
    }
    // "d/t" is "due to" ("HFrEF d/t ischemic CM"), not a stage D.
    if (/^d$/i.test(m[0]) && /^\/t\b/i.test(text.slice(m.index + 1, m.index + 4))) {
      out.push({ norm: norm('due'), start: m.index, end: m.index + 3, raw: 'due' }, { norm: norm('to'), start: m.index, end: m.index + 3, raw: 'to' });
      WORD_RE.lastIndex = m.index + 3;
      continue;
    }
    // "2/2" is "secondary to" ("thrombocytopenia 2/2 hypersplenism"), not a date or a fraction.
    if (m[0] === '2' && text.slice(m.index + 1, m.index + 3) === '/2' && !/[\d/]/.test(text[m.index + 3] ?? '') && !/[\d/]$/.test(text.slice(0, m.index))) {
      out.push({ norm: norm('secondary'), start: m.index, end: m.index + 3, raw: 'secondary' }, { norm: norm('to'), start: m.index, end: m.index + 3, raw: 'to' });
      WORD_RE.lastIndex = m.index + 3;
      continue;
    }
    // Packs are cigarettes: "1/2 ppd", "1 pack per day", "40 pack-year" (F17.21-, not F17.20-).
    if (packsOfCigarettes(text, m[0], m.index + m[0].length, prev)) {
      out.push({ norm: norm('cigarette'), start: m.index, end: m.index + m[0].length, raw: m[0] });
      continue;
    }
    // An e-cigarette or vape is another tobacco product ("Nicotine dependence, other tobacco product",
    // F17.290), not a cigarette (F17.210).
    const vape = /^[ev]/i.test(m[0]) ? /^(?:e-?cig(?:arette)?s?|vap(?:e|es|ing|er|ers))\b/i.exec(text.slice(m.index, m.index + 14)) : null;
    if (vape) {
      for (const part of ['tobacco', 'product']) out.push({ norm: norm(part), start: m.index, end: m.index + vape[0].length, raw: vape[0] });
      WORD_RE.lastIndex = m.index + vape[0].length;
      continue;
    }
    const parts = JOINED_WORDS.get(m[0].toLowerCase());
    if (parts) {
      for (const part of parts) out.push({ norm: norm(part), start: m.index, end: m.index + m[0].length, raw: m[0] });
      continue;
    }
    // "IV furosemide", "40 mg IV": the route, not stage IV ("hypertensive heart and kidney disease: IV furosemide" is no N18.4).
    if (/^iv$/i.test(m[0]) && (IV_ROUTE_AFTER.test(text.slice(m.index + 2, m.index + 32)) || DOSE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)))) {
      out.push({ norm: norm('intravenous'), start: m.index, end: m.index + 2, raw: m[0] });
      continue;
    }
    out.push({ norm: m[0] === 'A' && isTypeLetter(text, prev, m.index) ? TYPE_A : norm(m[0]), start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

/** What "IV" as a route gives: fluids, a line, a drug. Not a stage's next words ("CKD IV with anemia", "stage IV breast cancer"). */
const IV_ROUTE_AFTER = /^\s+(?:fluids?|abx|antibiotics?|access|push|drip|gtt|infusion|contrast|hydration|iron|steroids?|line|bolus|diuresis|diuretics?|lasix|furosemide|bumetanide|bumex|torsemide|vancomycin|vanc|ceftriaxone|zosyn|cefepime|heparin|insulin|dexamethasone|methylprednisolone|solu-?medrol|pantoprazole|ppi|morphine|dilaudid|hydromorphone|fentanyl|ketorolac|toradol|acetaminophen|ondansetron|zofran|metoprolol|diltiazem|amiodarone|magnesium|potassium|kcl|calcium|albumin|ns|lr|ivig|tpa|alteplase|labetalol|hydralazine|medications?|meds|therapy|treatment|x\s*\d)\b/i;
/** A dose before "IV": "80 mg IV BID". */
const DOSE_BEFORE = /\d\s*(?:mg|mcg|g|units?|u|ml|cc|meq|mmol)\s*$/i;

/** Words notes write as one that the Index writes as two: "preeclampsia" is its "Pre-eclampsia". */
const JOINED_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['preeclampsia', ['pre', 'eclampsia']],
  ['preeclamptic', ['pre', 'eclampsia']],
  // "Transaminitis" is the Index's "Elevated > transaminase level" (R74.01).
  ['transaminitis', ['elevated', 'transaminase']],
  // A Foley is an indwelling urethral catheter ("Infection > due to > … > catheter NEC > urinary > urethral indwelling" T83.511).
  ['foley', ['indwelling', 'urethral', 'catheter']],
]);

/** A smoker's packs: "ppd" after a number (not the PPD skin test), "pack(s)" per day or "pack-years". */
function packsOfCigarettes(text: string, word: string, end: number, prev: Token | undefined): boolean {
  const w = word.toLowerCase();
  if (w === 'ppd') return prev !== undefined && /^\d+$/.test(prev.raw);
  return (w === 'pack' || w === 'packs') && /^(\s*(per|a|\/)\s*day|[-\s]?(years?|yrs?)\b)/i.test(text.slice(end, end + 12));
}

/** A visit before an operation as notes name it: "preop clearance", "pre-operative evaluation" (Examination > pre-procedural). */
const PREOPERATIVE_VISIT = ['preoperative', 'preop', 'pre-op', 'pre op', 'pre-operative', 'pre operative'].flatMap((first) =>
  ['evaluation', 'eval', 'clearance', 'assessment', 'visit', 'physical', 'consultation', 'consult'].map((second): [string, string] => [`${first} ${second}`, 'examination']),
);

/** The second word of a pair read as the Index's word: a "pressure injury" (NPIAP) is a pressure ulcer. */
const PAIR_RENAMES: ReadonlyMap<string, string> = new Map([
  ['pressure injury', 'ulcer'], ['pressure injuries', 'ulcer'], ['pressure sore', 'ulcer'], ['pressure sores', 'ulcer'], ['bed sore', 'ulcer'], ['bed sores', 'ulcer'],
  ...PREOPERATIVE_VISIT,
  // A preterm birth is the Index's preterm delivery ("History > personal > pre-term labor", Z87.51; in a pregnancy O09.21-).
  ['preterm birth', 'delivery'], ['preterm births', 'delivery'],
  // A partial-thickness tear is the Index's incomplete one ("Tear > rotator cuff > incomplete" M75.11-).
  ['partial thickness', 'incomplete'],
  // Vestibular neuritis is the Index's vestibular neuronitis (H81.2-), not a neuritis NOS (M79.2).
  ['vestibular neuritis', 'neuronitis'],
  // The vocal folds are the Index's vocal cords ("Nodule > vocal cord" J38.2, "Paralysis > vocal cord" J38.0-).
  ['vocal fold', 'cord'], ['vocal folds', 'cord'],
  // "Burn > chemical — see Corrosion": a chemical burn of the hand is its corrosion (T23.6-, not the thermal T23.2-).
  ['chemical burn', 'corrosion'], ['chemical burns', 'corrosion'],
]);

/**
 * A tendon's tear after "full thickness": the Index's complete tear ("Tear > rotator cuff > complete"
 * M75.12-). Not a burn's or a pressure ulcer's full-thickness skin loss, which the Index reads as said.
 */
/**
 * The terms G40 and G43 take as intractable ("pharmacoresistant (pharmacologically resistant), treatment
 * resistant, refractory (medically) and poorly controlled"), before an epilepsy, seizures or a migraine:
 * "Drug-resistant L MTLE w/ focal impaired awareness seizures" (not "drug-resistant TB", a resistance, Z16.-).
 */
const INTRACTABLE_PAIRS: ReadonlySet<string> = new Set(['drug resistant', 'drug-resistant', 'treatment resistant', 'pharmacologically resistant', 'medically refractory', 'poorly controlled']);
const SEIZURES_AFTER = /^[\s-]*(?:[\w-]+\s+){0,4}?(?:epilep\w*|seizures?|migraines?|MTLE|TLE)\b/i;
const TEAR_AFTER = /^[\s-]*(?:[\w-]+\s+){0,3}?(?:tears?|rupture|rotator|supraspinatus|infraspinatus|subscapularis|cuff)\b/i;

/** The first word of a pair read as the Index's word: the "lower back" is its "low back" ("Pain > back > low", M54.50). */
const FIRST_OF_PAIR_RENAMES: ReadonlyMap<string, string> = new Map([
  ['lower back', 'low'],
  // The thumb's carpometacarpal joint is the Index's first ("Osteoarthritis > primary > hand joint > first carpometacarpal joint" M18.1-).
  ['thumb cmc', 'first'], ['thumb carpometacarpal', 'first'],
  // A lumbar strain is the back's ("Strain > back" S39.012); "lumbar" alone stays the spine's region.
  ['lumbar strain', 'back'], ['lumbosacral strain', 'back'],
  // Hashimoto's hypothyroidism is the Index's autoimmune one ("Hypothyroidism > autoimmune" E06.3).
  ['hashimoto hypothyroidism', 'autoimmune'], ["hashimoto's hypothyroidism", 'autoimmune'],
  // "Small-mouth(ed) diverticula" describes their opening, not the small intestine (K57.1-/K57.5-).
  ['small mouth', 'narrow'], ['small mouthed', 'narrow'],
  // Still's murmur is the Index's innocent one ("Murmur > innocent" R01.0), not Still's disease (M08.2-).
  ["still's murmur", 'innocent'], ['stills murmur', 'innocent'],
]);

/** Compounds notes write as two words; read apart, "gall bladder calculus" was a bladder stone. */
const SPLIT_COMPOUNDS: ReadonlyMap<string, string> = new Map([
  ['gall bladder', 'gallbladder'], ['pre op', 'preop'], ['pre operative', 'preoperative'], ['long standing', 'longstanding'], ['heart burn', 'heartburn'], ['ear ache', 'earache'], ['back ache', 'backache'], ['head ache', 'headache'],
]);

/**
 * A capital "A" after a word names a type ("hepatitis A", "vitamin A deficiency", "group A strep"),
 * where "a" is the article; the Index writes it the same way ("Hepatitis > A"). Kept as its own word.
 */
export const TYPE_A = 'A';

/** Words in a phrase, normalised the same way as chart tokens. */
export function phraseWords(phrase: string, norm: Normalizer): string[] {
  // Only a phrase with a split-off prefix needs the words' positions to join it.
  const words = norm.solid && PREFIX_IN_PHRASE.test(phrase) ? solidJoined(phrase, norm) : (phrase.match(PHRASE_WORD) ?? []);
  return words.map((w, i) => (w === 'A' && (i > 0 || words.length === 1) ? TYPE_A : norm(w)));
}

/** A phrase's words, a split-off prefix joined to its word where the Index writes them solid. */
function solidJoined(phrase: string, norm: Normalizer): string[] {
  const found = [...phrase.matchAll(PHRASE_WORD)];
  const words: string[] = [];
  for (let i = 0; i < found.length; i++) {
    const w = found[i]![0];
    const next = found[i + 1];
    const solid = next ? solidWord(norm, w, next[0], phrase.slice(found[i]!.index + w.length, next.index)) : undefined;
    if (solid) i++;
    words.push(solid ?? w);
  }
  return words;
}

/** Whether a chart's "A" after `prev` is the type letter: written right after a word of prose, not in a capitalised heading. */
function isTypeLetter(text: string, prev: Token | undefined, at: number): boolean {
  return prev !== undefined && /^[ \t-]+$/.test(text.slice(prev.end, at)) && /^[A-Za-z]+$/.test(prev.raw) && /[a-z]/.test(prev.raw);
}
