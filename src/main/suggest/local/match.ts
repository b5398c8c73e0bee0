// Dictionary matching inside one sentence: every entry whose words all occur close together,
// longest (most specific) first; an entry whose words are a subset of a longer match's is dropped.
import type { Assertion } from '../../../shared/suggest/types';
import { hasOtherSense, meansOtherSense } from './abbreviation-sense';
import { drugEffect } from './adverse-effect';
import { assertTokens } from './assertion';
import type { Dictionary, Entry } from './dictionary';
import { coordinatedSpread, dropListMisreads, misreads } from './misreads';
import type { SectionKind, Sentence, Token } from './text';
import { datedPastSentence } from './past-episode';
import { UNSAID_QUALIFIERS } from './index-words';

export interface Mention {
  entry: Entry;
  /** Character span in the document covering the matched words. */
  start: number;
  end: number;
  assertion: Assertion;
  /** Positions of the matched words in the expanded token list. */
  positions: number[];
  /** The trigger words that set a non-present assertion ("history of", "former"), lower-case. */
  cue?: string;
}

export interface XToken {
  norm: string;
  start: number;
  end: number;
  assertion: Assertion;
  trigger: number;
  /** Original token index (expanded abbreviation words share their abbreviation's). */
  orig: number;
  /** A word of an abbreviation's expansion, not the note's own. */
  expanded?: true;
}

const MAX_ABBR_WORDS = 4;
/** Sides written as letters ("L leg", "Rt knee"), and the eyes' (oculus dexter, sinister, uterque). */
const SIDES: Readonly<Record<string, string>> = { L: 'left', Lt: 'left', LT: 'left', R: 'right', Rt: 'right', RT: 'right', OD: 'right', OS: 'left', OU: 'bilateral' };

function hasUpper(s: string): boolean {
  return /[A-Z]/.test(s);
}

/** Replaces listed abbreviations by their expansion words, keeping the abbreviation's span. */
function expand(text: string, tokens: readonly Token[], dict: Dictionary, asserted: ReturnType<typeof assertTokens>): XToken[] {
  const out: XToken[] = [];
  // A typographic apostrophe is the list's plain one ("Hashimoto’s" is "Hashimoto's").
  const lower = tokens.map((tk) => tk.raw.toLowerCase().replace(/’/g, "'"));
  for (let i = 0; i < tokens.length; i++) {
    let used = 0;
    for (let n = Math.min(MAX_ABBR_WORDS, tokens.length - i); n >= 1 && used === 0; n--) {
      let key = n === 1 ? lower[i]! : lower.slice(i, i + n).join(' ');
      // A plural abbreviation ("UTIs", "PVCs") is the abbreviation.
      const plural = !dict.abbreviations.has(key) && /[A-Z]s$/.test(tokens[i + n - 1]!.raw);
      if (plural) key = key.slice(0, -1);
      const hit = dict.abbreviations.get(key);
      if (!hit) continue;
      const raw = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
      // "E. coli", "C. diff": an abbreviating dot inside is written either way; "A-fib" is "A fib".
      const spaced = raw.replace(/\.?\s+|(?<=[A-Za-z])-(?=[A-Za-z])/g, ' ').replace(/’/g, "'");
      const surface = plural ? spaced.slice(0, -1) : spaced;
      // "CA-125", "CA 19-9", "CA 27.29": a lab test, not cancer. A stage, a year or the next line's
      // list number is no test ("CKD 3a", "CABG 2019", "1. CHF\n2. Hyperlipidemia").
      // Nor is one counted by "#": "HD#3" is hospital day 3, not hemodialysis (Z99.2).
      if (/^(-\d|[ \t]\d+[-.]\d|[ \t]?#[ \t]?\d)/.test(text.slice(tokens[i + n - 1]!.end, tokens[i + n - 1]!.end + 8))) continue;
      // The list's own hyphens and dots are written either way too ("G-tube", "pre-travel consultation").
      const exact = hit.exact.replace(/\.?\s+|(?<=[A-Za-z])-(?=[A-Za-z])/g, ' ');
      // Short abbreviations must be written as listed; an all-capital one as listed or capitalised
      // ("Htn"), never half-capital ("CTs" of the chest is not CTS, carpal tunnel syndrome).
      const short = exact.replace(/[^A-Za-z0-9]/g, '').length <= 2;
      const capitals = /[A-Z]/.test(exact) && exact === exact.toUpperCase();
      const same = surface.toUpperCase() === exact.toUpperCase();
      // A leading small letter is how notes write a prefix of the abbreviation itself ("pAF").
      const lowPrefix = same && /^[a-z][A-Z]{2,}$/.test(surface);
      // Typed all in small letters ("htn", "dm2", "copd", "afib") unless that spells an everyday word ("pad", "cap").
      const small = same && surface === surface.toLowerCase() && !SMALL_LETTER_WORDS.has(surface);
      const ok = short ? surface === exact || lowerAfterSite(key, tokens[i - 1], text.slice(tokens[i + n - 1]!.end, tokens[i + n - 1]!.end + 6), dict) : capitals ? surface === exact || lowPrefix || small || (same && /^[A-Z][a-z0-9 ]+$/.test(surface)) : (hasUpper(surface) && same) || small;
      if (!ok || meansOtherSense(key, text.slice(Math.max(0, tokens[i]!.start - 60), tokens[i]!.start), text.slice(tokens[i + n - 1]!.end, tokens[i + n - 1]!.end + 16))) continue;
      const a = asserted.tokens[i]!;
      // "HIV infection", "COPD disease": a generic word after an abbreviation whose expansion has one
      // restates it (read alone, "infection" would be B99.9).
      const restated = tokens[i + n] !== undefined && RESTATED.has(tokens[i + n]!.norm) && hit.expansion.some((w) => RESTATED.has(w)) ? 1 : 0;
      const end = tokens[i + n - 1 + restated]!.end;
      for (const w of hit.expansion) out.push({ norm: w, start: tokens[i]!.start, end, assertion: a.assertion, trigger: a.trigger, orig: i, expanded: true });
      used = n + restated;
    }
    if (used > 0) {
      i += used - 1;
      continue;
    }
    const a = asserted.tokens[i]!;
    // "B/L" is both sides ("Primary OA B/L thumb CMC joints"), not a left.
    if (/^b$/i.test(tokens[i]!.raw) && /^l$/i.test(tokens[i + 1]?.raw ?? '') && text.slice(tokens[i]!.end, tokens[i + 1]!.start) === '/') {
      out.push({ norm: 'bilateral', start: tokens[i]!.start, end: tokens[i + 1]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
      i += 1;
      continue;
    }
    // Laterality written as a capital letter ("L leg", "Rt knee"); not litres after a number ("3.5 L drained").
    const litres = tokens[i]!.raw === 'L' && i > 0 && /\d$/.test(tokens[i - 1]!.raw) && /^\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
    const side = litres ? undefined : SIDES[tokens[i]!.raw];
    // A word the Index itself reads as an abbreviation ("TBI", not in our list) that the words around it
    // give another sense ("ABI/TBI", the toe-brachial index) reads as nothing.
    const word = tokens[i]!.raw.toLowerCase();
    const otherSense = hasOtherSense(word) && !dict.abbreviations.has(word) && meansOtherSense(word, text.slice(Math.max(0, tokens[i]!.start - 60), tokens[i]!.start), text.slice(tokens[i]!.end, tokens[i]!.end + 16));
    out.push({ norm: otherSense ? `~${tokens[i]!.norm}` : (side ?? tokens[i]!.norm), start: tokens[i]!.start, end: tokens[i]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
    const region = SPINE_LEVEL.test(tokens[i]!.raw) ? spineRegion(text.slice(tokens[i]!.start, tokens[i]!.start + 12)) : undefined;
    if (region) for (const w of region) out.push({ norm: dict.normalize(w), start: tokens[i]!.start, end: tokens[i]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
    // A lone level before its fracture is the vertebra broken: "T12 pathological (fragility) fracture" (M80.08-).
    else if (VERTEBRA_LEVEL.test(tokens[i]!.raw) && (LEVEL_FRACTURE_AFTER.test(text.slice(tokens[i]!.end, tokens[i]!.end + 60)) || LEVEL_FRACTURE_BEFORE.test(text.slice(Math.max(0, tokens[i]!.start - 40), tokens[i]!.start)))) out.push({ norm: dict.normalize('vertebra'), start: tokens[i]!.start, end: tokens[i]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
    // A lone level before a vertebra's disease is its region: "L4 vertebral osteomyelitis" (M46.26, lumbar region).
    else if (VERTEBRA_LEVEL.test(tokens[i]!.raw) && LEVEL_VERTEBRA_AFTER.test(text.slice(tokens[i]!.end, tokens[i]!.end + 40)))
      for (const w of [SPINE_REGIONS[tokens[i]!.raw[0]!]!, 'region']) out.push({ norm: dict.normalize(w), start: tokens[i]!.start, end: tokens[i]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
    // A named drug that induced a condition is the Index's "drug-induced" ("chemotherapy-induced
    // neuropathy" is G62.0, "opioid-induced constipation" K59.03).
    // "Constipation due to oxycodone" says the same ("Constipation > drug-induced"): the drug stands for both words.
    const caused = drugEffect(dict.drugs, tokens[i]!.raw) || DRUG_STEM.test(tokens[i]!.raw) ? causedByDrug(text, tokens[i]!) : undefined;
    // Not a word whose Index reading already says it ("due to chemotherapy" is "due to antineoplastic chemotherapy", D61.810, not "drug-induced" D61.811).
    const inducedUnsaid = caused === 'before' && !INDUCED_UNSAID.some((w) => dict.normalize(w) === tokens[i]!.norm || w === tokens[i]!.raw.toLowerCase());
    // Chemotherapy that caused it is the Index's "antineoplastic therapy" too ("Mucositis > oral > due to
    // antineoplastic therapy", K12.31, not the drug-induced K12.32).
    const antineoplastic = caused && CHEMOTHERAPY.has(tokens[i]!.raw.toLowerCase()) ? ['antineoplastic', 'therapy'].map(dict.normalize) : [];
    if (caused) for (const w of [...(inducedUnsaid ? ['drug', dict.normalize('induced')] : ['drug']), ...antineoplastic]) out.push({ norm: w, start: tokens[i]!.start, end: tokens[i]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
    // "Fracture, traumatic > fragility — see Fracture, pathological, due to osteoporosis".
    if (FRAGILITY.test(tokens[i]!.raw) && tokens[i + 1]?.norm === dict.normalize('fracture')) out.push({ norm: dict.normalize('osteoporosis'), start: tokens[i]!.start, end: tokens[i]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
  }
  return out;
}

const FRAGILITY = /^fragility$/i;
/** Drug words whose own Index reading names how they induce ("chemotherapy": "antineoplastic … drug induced"), and their short forms. */
const CHEMOTHERAPY: ReadonlySet<string> = new Set(['chemotherapy', 'chemo']);
const INDUCED_UNSAID = [...UNSAID_QUALIFIERS.filter(([, u]) => /\binduced\b/.test(u)).map(([w]) => w), 'chemo'];

/**
 * Stems of international nonproprietary drug names (WHO INN) for drugs the Table of Drugs does not
 * list by name: "oxaliplatin-induced neuropathy" is a drug-induced one though the Table has no oxaliplatin.
 */
const DRUG_STEM = /^[a-z]{3,}(platin|taxel|rubicin|mab|tinib|ciclib|mustine|fosfamide|trexate|cycline|mycin|cillin|floxacin|statin|pril|sartan|olol|dipine|prazole|tidine|semide|thiazide|parin|xaban|gatran|lukast|azepam|zolam|triptyline|oxetine|apine|glitazone|gliptin|gliflozin|glutide|formin|setron|profen|coxib|caine|racetam|trigine|barbital)$/i;

/** "-induced" right after a word. */
const INDUCED_NEXT = /^[- ]induced\b/i;
/**
 * A cause named before a word: "orthostatic hypotension due to first dose of tamsulosin". Not
 * "switched from metformin to insulin": a drug left behind causes nothing by that "from".
 */
const CAUSE_BEFORE = /\b(?:due to|secondary to|caused by|induced by|precipitated by|(?<!\b(?:switch|switched|switching|changed|changing|transitioned|weaned|tapered|converted|off)\s)from|related to|attributed to)\s+(?:[A-Za-z]+\s+){0,3}$/i;

/**
 * Whether the word at `tk` (a drug) is said to have caused something: "X-induced" ('named': the
 * note's own "induced" follows), "due to X" ('before': the cause word stands before it).
 */
function causedByDrug(text: string, tk: Token): 'named' | 'before' | undefined {
  const next = text[tk.end + 1];
  if ((next === 'i' || next === 'I') && INDUCED_NEXT.test(text.slice(tk.end, tk.end + 9))) return 'named';
  return tk.start > 6 && CAUSE_BEFORE.test(text.slice(Math.max(0, tk.start - 40), tk.start)) ? 'before' : undefined;
}

/** Short abbreviations notes type in small letters after what they are of. */
const LOWER_AFTER_SITE = new Set(['ca', 'fx']);
/** A fracture's kind, which may stand between its site and "fx" ("vertebral compression fx"). */
const FRACTURE_KIND =
  /^(fragility|compression|stress|pathologic|pathological|osteoporotic|insufficiency|displaced|nondisplaced|comminuted|avulsion|impacted|segmental|spiral|oblique|transverse|burst|wedge|pilon|torus|buckle|greenstick|bimalleolar|trimalleolar|closed|open|jones|boxer's|colles'?|smith's)$/i;
/** Organs whose "fx" is their function ("renal fx", "liver fx tests"). */
const ORGAN_FUNCTION = new Set(['kidney', 'liver', 'thyroid', 'lung', 'heart', 'bowel', 'bladder', 'pancreas', 'ovary', 'stomach', 'brain']);

/**
 * Whether "ca" or "fx" in small letters is the abbreviation: right after the part of the body ("breast
 * ca", "prostate Ca", "hip fx"), a fracture also after its kind ("fragility fx"). Not a lab value
 * ("Ca 9.2"), nor an organ's function ("renal fx").
 */
function lowerAfterSite(key: string, prev: Token | undefined, after: string, dict: Dictionary): boolean {
  if (!LOWER_AFTER_SITE.has(key) || !prev || !(dict.siteWords.has(prev.norm) || (key === 'fx' && FRACTURE_KIND.test(prev.raw)))) return false;
  return key === 'fx' ? !ORGAN_FUNCTION.has(prev.norm) : !/^\s*[:=]?\s*\d/.test(after);
}

/** Abbreviations that, typed in small letters, are everyday words or units ("hearing aids", "a fib", "ppm"). */
const SMALL_LETTER_WORDS = new Set(['pad', 'cap', 'aids', 'des', 'lad', 'mash', 'ppm', 'a fib', 'sss', 'ami', 'als', 'doe', 'gad', 'tia', 'uri']);

/** Generic words that restate an abbreviation's own sense. */
const RESTATED = new Set(['infection', 'disease', 'disorder']);

/** Receptor status codes, which the Index files under a cancer's words ("Triple > negative breast cancer"). */
const RECEPTOR_STATUS = /^Z17/;

/** A token that may open a range of vertebral levels ("L4" of "L4-L5"); most tokens are not one. */
const SPINE_LEVEL = /^[CTLS]\d{1,2}$/;
/** A cervical, thoracic or lumbar vertebra by its level (not S1, a heart sound). */
const VERTEBRA_LEVEL = /^(?:C[1-7]|T(?:[1-9]|1[0-2])|L[1-5])$/;
/** A fracture named within three words after a level: "T12 compression fracture", "L1 pathological (fragility) fracture", "T12 osteoporotic compression fx". */
const LEVEL_FRACTURE_AFTER = /^(?:\s+\(?[A-Za-z-]+\)?){0,3}?\s+(?:fractures?|fx)\b/i;
/** …or after it: "compression fracture of L1", "fx of the T12 vertebra". */
const LEVEL_FRACTURE_BEFORE = /\b(?:fractures?|fx)\s+(?:of|at|involving)\s+(?:the\s+)?$/i;
/** A vertebra's own word right after a level: "L4 vertebral osteomyelitis", "T8 discitis". */
const LEVEL_VERTEBRA_AFTER = /^(?:\s+[A-Za-z-]+)?\s+(?:vertebral|vertebra|vertebrae|discitis|spondylodiscitis)\b/i;
const SPINE_REGIONS: Readonly<Record<string, string>> = { C: 'cervical', T: 'thoracic', L: 'lumbar', S: 'sacral', CT: 'cervicothoracic', TL: 'thoracolumbar', LS: 'lumbosacral' };

/**
 * The spinal region a range of vertebral levels names ("L4-L5" lumbar, "L5-S1" lumbosacral, "C5-6"
 * cervical), as the codes for the spine go by region. Only a range: a lone "S1" is a heart sound,
 * "T2" a type or an MRI sequence.
 */
function spineRegion(at: string): string[] | undefined {
  const m = /^([CTLS])(\d{1,2})\s*-\s*([CTLS])?(\d{1,2})\b/.exec(at);
  if (!m) return undefined;
  const [from, to] = [m[1]!, m[3] ?? m[1]!];
  const region = SPINE_REGIONS[from === to ? from : `${from}${to}`];
  return region ? [region, 'region'] : undefined;
}

/** Words a trailing side may stand before and still be the reading's own: "knee pain left side", "…, left eye". */
const SIDE_NOUNS: ReadonlySet<string> = new Set(['side', 'sided', 'eye', 'ear', 'and', 'or']);

/**
 * A sided reading whose side is another part's: its words straddle the other side ("right knee pain
 * and left hip" is no "pain in right hip"), or its side, last, goes with the next word ("knee pain and
 * left hip" is no "pain in left knee", "hip pain radiating to right groin" no "pain in right hip").
 */
function sideOfAnother(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  const sided = positions.filter((p) => xt[p]!.norm === 'right' || xt[p]!.norm === 'left');
  if (sided.length !== 1) return false;
  const at = sided[0]!;
  const other = xt[at]!.norm === 'right' ? 'left' : 'right';
  const [first, last] = [positions[0]!, positions[positions.length - 1]!];
  for (let p = first; p <= last; p++) if (xt[p]!.norm === other) return true;
  const next = xt[at + 1];
  const namesNext = next !== undefined && !positions.includes(at + 1) && next.orig !== xt[at]!.orig && /^[a-z]/.test(next.norm) && !SIDE_NOUNS.has(next.norm) && !/[,;:.()]/.test(text.slice(xt[at]!.end, next.start));
  if (!namesNext || at === first) return false;
  // Last, or after an "and" that the reading's earlier words stand before.
  return at === last || xt.slice(first, at).some((t, i) => (t.norm === 'and' || t.norm === 'or') && !positions.includes(first + i));
}

/** Words an entry may span beyond its own ("type 2 diabetes with diabetic CKD stage 3a"). */
function maxSpan(words: number): number {
  return words * 2 + 2;
}

/** A sentence as the matcher reads it: abbreviations expanded, each word with its assertion status. */
export interface ReadSentence {
  tokens: readonly XToken[];
  triggers: ReadonlyMap<number, [number, number]>;
}

/** Sections that tell the patient's story, and unheaded text (often the HPI), where a dated past episode is history. */
const STORY_SECTIONS: ReadonlySet<SectionKind> = new Set(['subjective', 'history', 'other']);

export function readSentence(text: string, sentence: Sentence, dict: Dictionary): ReadSentence {
  const asserted = assertTokens(text, sentence.tokens);
  if (STORY_SECTIONS.has(sentence.section) && datedPastSentence(text.slice(sentence.start, sentence.end))) {
    for (const a of asserted.tokens) if (a.assertion === 'present') a.assertion = 'historical';
  }
  const triggers = new Map<number, [number, number]>();
  asserted.triggers.forEach((r, id) => triggers.set(id, r));
  return { tokens: expand(text, sentence.tokens, dict, asserted), triggers };
}

const LIST_BREAK = /[,;]/;
const SIDE_WORDS: ReadonlySet<string> = new Set(['right', 'left', 'bilateral']);
const ENCOUNTER_WORDS: ReadonlySet<string> = new Set(['initial', 'subsequent', 'encounter', 'sequela']);

/** Acuities an abbreviation's expansion carries ("CKD", "AKI"), which no neighbouring condition shares. */
const BORROWED_ACUITY: ReadonlySet<string> = new Set(['chronic', 'acute']);

export function matchSentence(text: string, sentence: Sentence, dict: Dictionary, read: ReadSentence = readSentence(text, sentence, dict)): Mention[] {
  const xt = read.tokens;
  const triggerTokens = read.triggers;
  const where = new Map<string, number[]>();
  xt.forEach((tk, i) => {
    const list = where.get(tk.norm);
    if (list) list.push(i);
    else where.set(tk.norm, [i]);
  });
  const remission = dict.normalize('remission');
  // A decimal's fraction ("37.2"): never the number an entry reads.
  const fraction = xt.map((t) => /^\d/.test(t.norm) && /\d\.$/.test(text.slice(Math.max(0, t.start - 2), t.start)));
  const found: Mention[] = [];
  /** The stated words of readings whose kind is in doubt ("pneumonia" in "pneumonia, probably due to S. pneumoniae"). */
  const statedParts = new Map<Mention, number[]>();
  const tryEntry = (e: Entry, anchors: readonly number[]): void => {
    for (const w of e.words) if (!where.has(w)) return;
    // A title's "without" clause stands against the words stated, not negated: "recurrent, severe
    // without psychotic features" is F33.2 itself.
    if (e.without && e.without.every((w) => where.has(w) && where.get(w)!.some((p) => xt[p]!.assertion !== 'negated'))) return;
    if (e.unless && e.unless.some((w) => where.has(w))) return;
    const near = (anchor: number): number[] => {
      const positions: number[] = [];
      // Of a word said twice, the one not across a comma, then the nearer: "chest pain, abdominal pain"
      // reads each pain with its own site, "CKD stage 4, renal function unchanged" the stage with its CKD.
      // A semicolon parts a list's items, a comma may only part an item's own words ("opioid use disorder,
      // severe, with withdrawal; methamphetamine use disorder"): across a comma before across a semicolon.
      const crosses = (p: number): number => {
        if (p === anchor) return 0;
        const between = text.slice(xt[Math.min(p, anchor)]!.end, xt[Math.max(p, anchor)]!.start);
        return between.includes(';') ? 2 : LIST_BREAK.test(between) ? 1 : 0;
      };
      // Nor, before the nearer, an acuity taken out of an abbreviation's expansion whose other words the
      // entry does not use: "Chronic metabolic acidosis (CKD-related)" reads its own "chronic", not CKD's.
      // And none that is a decimal's fraction: "BMI 37.2 (obesity class 2)" reads the class's own 2.
      const strayed = (p: number): boolean => {
        if (fraction[p]) return true;
        if (!BORROWED_ACUITY.has(xt[p]!.norm) || !dict.abbreviations.has(text.slice(xt[p]!.start, xt[p]!.end).toLowerCase())) return false;
        const kin = [xt[p - 1], xt[p + 1]].filter((t) => t !== undefined && t.orig === xt[p]!.orig);
        return kin.length > 0 && !kin.some((t) => e.words.includes(t!.norm));
      };
      for (const w of e.words) {
        const ps = where.get(w)!;
        let best = ps[0]!;
        for (const p of ps) {
          const d = Math.abs(p - anchor) - Math.abs(best - anchor);
          const across = Number(crosses(p)) - Number(crosses(best));
          const stray = Number(strayed(p)) - Number(strayed(best));
          if (across < 0 || (across === 0 && (stray < 0 || (stray === 0 && d < 0)))) best = p;
        }
        if (!positions.includes(best)) positions.push(best);
      }
      return positions.sort((a, b) => a - b);
    };
    // An anchor word said twice: the reading that stays within one list item first.
    const straddles = (ps: readonly number[]): number => (ps.some((p, i) => i > 0 && LIST_BREAK.test(text.slice(xt[ps[i - 1]!]!.end, xt[p]!.start))) ? 1 : 0);
    // Then one that takes no other type's number: the "2" said twice in "T2DM with CKD stage 2" or
    // "Diabetes type 2 with CKD stage 2" reads the stage with its CKD (N18.2), not the diabetes's type.
    const type = dict.normalize('type');
    const typed = (ps: readonly number[]): number => (e.words.includes(type) ? 0 : ps.filter((p) => /^\d/.test(xt[p]!.norm) && xt[p - 1]?.norm === type).length);
    const tries = anchors
      .slice(0, 2)
      .map(near)
      .sort((a, b) => straddles(a) - straddles(b) || typed(a) - typed(b));
    for (const positions of tries) {
      // The entry's own nonessential modifiers between its words stretch nothing: "sepsis due to E. coli
      // with acute organ dysfunction" is "Sepsis > with > organ dysfunction (acute)".
      const spread = positions[positions.length - 1]! - positions[0]! + 1;
      const modifiersBetween = (): number => (e.modifiers ? xt.slice(positions[0]!, positions[positions.length - 1]!).filter((t, i) => !positions.includes(positions[0]! + i) && e.modifiers!.includes(t.norm)).length : 0);
      if (spread > maxSpan(e.words.length) && spread - modifiersBetween() > maxSpan(e.words.length) && !coordinatedSpread(text, xt, positions, e)) continue;
      if (misreads(text, xt, positions, e, where) || sideOfAnother(text, xt, positions)) continue;
      // A "without" entry's clause must be negated in the note; the rest is asserted as usual.
      const absent = e.absent ? positions.filter((p) => e.absent!.includes(xt[p]!.norm)) : [];
      if (absent.some((p) => xt[p]!.assertion !== 'negated')) continue;
      // "In remission" is the state of the condition, whatever the note says of it: "History of opioid
      // dependence - in sustained remission" is F11.21, though the history's scope ends at the dash.
      // A denied one stays denied: "not in remission" is no remission code.
      const asserted = positions.filter((p) => !absent.includes(p) && (xt[p]!.norm !== remission || xt[p]!.assertion === 'negated' || positions.length === 1));
      let assertion = mentionAssertion(xt, asserted, triggerTokens);
      if (assertion === undefined) continue;
      // Questioned, then excluded in the same sentence ("rule out pneumonia - CXR negative, pneumonia excluded").
      if (assertion === 'uncertain' && e.words.every((w) => where.get(w)!.some((p) => !positions.includes(p) && xt[p]!.assertion === 'negated'))) assertion = 'negated';
      const trigger = xt[positions[0]!]!.trigger;
      const range = assertion !== 'present' && trigger >= 0 ? triggerTokens.get(trigger) : undefined;
      const cue = range ? sentence.tokens.slice(range[0], range[1]).map((tk) => tk.raw.toLowerCase()).join(' ') : undefined;
      const span = e.modifiers ? withModifiers(text, xt, positions, e.modifiers) : positions;
      const m: Mention = { entry: e, start: xt[span[0]!]!.start, end: xt[span[span.length - 1]!]!.end, assertion, positions: span, ...(cue ? { cue } : {}) };
      if (assertion === 'uncertain' && positions.some((p) => xt[p]!.assertion === 'present')) statedParts.set(m, positions.filter((p) => xt[p]!.assertion === 'present'));
      found.push(m);
      return;
    }
  };
  for (const [word, anchors] of where) {
    const bucket = dict.byAnchor.get(word);
    if (!bucket) continue;
    for (const e of bucket.single) tryEntry(e, anchors);
    if (bucket.pairs.size === 0) continue;
    // Walk whichever side is smaller: a long sentence has many words, a rare anchor few pairs.
    if (bucket.pairs.size < where.size) {
      for (const [second, list] of bucket.pairs) if (second !== word && where.has(second)) for (const e of list) tryEntry(e, anchors);
    } else {
      for (const second of where.keys()) {
        if (second === word) continue;
        const list = bucket.pairs.get(second);
        if (list) for (const e of list) tryEntry(e, anchors);
      }
    }
  }
  // Straddlers first: the plain readings that show a list was misread are the ones a straddler subsumes.
  // A kind in doubt refines a condition stated in its own words; otherwise the doubtful words belong to
  // another reading ("granulomatous inflammation compatible with Crohn's disease" is no D71 "granulomatous disease").
  const refines = (m: Mention, stated: readonly number[]): boolean =>
    // (The condition's own words, not the modifiers it grew over: "Acute gastroenteritis, presumed viral".)
    found.some((k) => k !== m && k.assertion === 'present' && k.positions.every((p) => stated.includes(p) || !k.entry.words.includes(xt[p]!.norm)) && k.entry.words.every((w) => m.entry.words.includes(w)));
  const kept = statedParts.size === 0 ? found : found.filter((m) => !statedParts.has(m) || refines(m, statedParts.get(m)!));
  return dropGivenWay(dropSubsumed(dropListMisreads(text, xt, dropSplitExpansions(kept, xt), dict.siteWords), xt), xt);
}

/** Words of an expansion that name nothing a reading could take apart: "urinary tract infection" is a urinary infection. */
const UNNAMING_WORDS = new Set(['tract', 'disease', 'disorder', 'system']);

/**
 * A reading that takes an abbreviation's words around one it skips, where another reading takes the
 * whole expansion: "Severe ARDS" is severe acute respiratory distress syndrome (J80), not "severe
 * acute respiratory syndrome" (SARS, J12.81) read around its "distress". "Catheter-related UTI" may
 * still read around the "tract" of its "urinary tract infection" (T83.518A).
 */
function dropSplitExpansions(ms: Mention[], xt: readonly XToken[]): Mention[] {
  // Expansions of three words or more, by the token they expand (most sentences have none).
  const expansions = new Map<number, number[]>();
  xt.forEach((t, p) => {
    const whole = expansions.get(t.orig);
    if (whole) whole.push(p);
    else expansions.set(t.orig, [p]);
  });
  for (const [orig, whole] of expansions) if (whole.length < 3) expansions.delete(orig);
  if (expansions.size === 0) return ms;
  const splits = (m: Mention): boolean =>
    [...new Set(m.positions.map((p) => xt[p]!.orig))].some((orig) => {
      const whole = expansions.get(orig);
      if (!whole) return false;
      const taken = whole.filter((q) => m.positions.includes(q));
      const skipped = whole.filter((q) => q > taken[0]! && q < taken[taken.length - 1]! && !m.positions.includes(q) && !UNNAMING_WORDS.has(xt[q]!.norm));
      return skipped.length > 0 && ms.some((k) => k !== m && whole.every((q) => k.positions.includes(q)));
    });
  return ms.filter((m) => !splits(m));
}

/**
 * Readings that give way to a code the guidelines make say it all, read over the same word:
 * - a fracture in osteoporosis or another bone disease (M80, M84.4–M84.6) is the pathological fracture,
 *   not a traumatic one (S-codes, I.C.13.d.1): "fragility fracture of the left distal radius" is
 *   M80.032A alone, though the traumatic reading ("distal radius fracture", S52.50-) names more words,
 *   and "osteoporosis with L1 compression fracture" no collapsed vertebra NEC (M48.5-) beside M80.08-;
 * - neoplasm-related pain is G89.3 alone: "it is not necessary to assign an additional code for the
 *   site of the pain" (I.C.6.b.5), so "cancer-related bone pain" is no M89.8X9 beside it;
 * - a viral hepatitis of a named type (B, C, D, E) is that type's, not infectious hepatitis (the
 *   Index's hepatitis A, B15.9) nor a viral hepatitis of no type: "HCV infection" is B19.20 alone;
 * - "venous stasis dermatitis" and "venous stasis ulcer" are that stasis's dermatitis (I87.2) or ulcer
 *   (I83.0-): no "Stasis > venous" (I87.8) beside them on the same word;
 * - a C. difficile enterocolitis (A04.7-) is no infectious colitis NOS (A09) on the same word, nor a
 *   Crohn's ileocolitis (K50.-) an ileocolitis NOS (K52.9);
 * - a hernia with obstruction (K40–K46) is no intestinal obstruction "without hernia" (K56.-) beside it;
 * - an old myocardial infarction (I25.2) is no acute one on the same words, and peritoneal
 *   carcinomatosis (C78.6) no primary neoplasm of the peritoneum.
 */
const GIVE_WAY: ReadonlyArray<{ over: RegExp; word: string; yields: RegExp }> = [
  { over: /^M(80|84[3-6])/, word: 'fracture', yields: /^(S|M485)/ },
  { over: /^G893$/, word: 'pain', yields: /^(?!G893$)/ },
  { over: /^B1(6|7[0-2]|8[0-2]|9[12])/, word: 'hepatitis', yields: /^B1(5|7[89]|8[89]|90|99)/ },
  { over: /^I8(3|72)/, word: 'stasis', yields: /^I878$/ },
  // A Clostridioides difficile enterocolitis is that infection's (A04.7-), no infectious colitis NOS (A09).
  { over: /^A047/, word: 'enterocolitis', yields: /^A09$/ },
  // Crohn's ileocolitis is that Crohn's disease's (K50.-), no ileocolitis NOS (K52.9).
  { over: /^K50/, word: 'ileocolitis', yields: /^K529$/ },
  // A hernia with obstruction (K40–K46) is its obstruction: K56 is obstruction "without hernia".
  { over: /^K4[0-6]/, word: 'obstruction', yields: /^K56/ },
  // A secondary condition ("Secondary hyperparathyroidism, renal" N25.81, "secondary hypertension") is
  // no secondary neoplasm of the site beside it (C79.00).
  { over: /^[A-BD-Z]/, word: 'secondary', yields: /^C7[7-9]/ },
  // Cystoid macular edema after cataract surgery (H59.03-) is no retinal edema NOS (H35.81) on the same word.
  { over: /^H5903/, word: 'edema', yields: /^H3581$/ },
  // An infarction said old (I25.2) is no acute one, nor another reading of its words: "CAD with old MI"
  // is no "Infarct > coronary artery" (I21.9) nor "Disease > myocardium" (I51.5).
  { over: /^I252$/, word: 'infarct', yields: /^(?!I252$)/ },
  { over: /^I252$/, word: 'myocardium', yields: /^(?!I252$)/ },
  // An ischemic stroke's "ischemic" is the infarction's (I63), no cerebral ischemia beside it (I67.82).
  { over: /^I63/, word: 'ischemia', yields: /^I678/ },
  // Peritoneal carcinomatosis is the peritoneum's secondary neoplasm (C78.6), no primary one (C48.2).
  { over: /^C786$/, word: 'peritoneum', yields: /^C48[12]$/ },
];

function dropGivenWay(ms: Mention[], xt: readonly XToken[]): Mention[] {
  let out = ms;
  for (const rule of GIVE_WAY) {
    const taken = out.filter((m) => rule.over.test(m.entry.code)).flatMap((m) => m.positions.filter((p) => xt[p]!.norm === rule.word));
    if (taken.length > 0) out = out.filter((m) => !rule.yields.test(m.entry.code) || !m.positions.some((p) => taken.includes(p)));
  }
  return out;
}

/** The shared status of a mention's words; undefined when they disagree ("COPD without exacerbation" is not J44.1), uncertain when some are. */
function mentionAssertion(xt: readonly XToken[], positions: readonly number[], triggers: ReadonlyMap<number, [number, number]>): Assertion | undefined {
  const origs = new Set(positions.map((p) => xt[p]!.orig));
  let result: Assertion | undefined;
  for (const p of positions) {
    const tk = xt[p]!;
    let a = tk.assertion;
    // "family history of diabetes" matched as Z83.3 contains its own trigger: the trigger is part of the concept.
    if (tk.trigger >= 0) {
      // From the trigger's first word: "history of colon cancer" inside "family history of colon cancer" is not personal history.
      // A trigger of no words (a question mark) is part of no concept.
      const [s, e] = triggers.get(tk.trigger)!;
      if (e > s && origs.has(s)) a = 'present';
    }
    if (result === undefined) result = a;
    // A condition stated with a kind in doubt is as uncertain as its kind: "pneumonia, probably due to
    // Streptococcus pneumoniae" is J13 where uncertain diagnoses are coded (inpatient), J18.9 elsewhere.
    else if (result !== a && (result === 'present' || result === 'uncertain') && (a === 'present' || a === 'uncertain')) result = 'uncertain';
    else if (result !== a) return undefined;
  }
  return result;
}

/** The match's positions grown over its entry's nonessential modifiers, adjacent in the same clause and status or between its words. */
function withModifiers(text: string, xt: readonly XToken[], positions: readonly number[], modifiers: readonly string[]): number[] {
  const out = [...positions];
  const joins = (a: number, b: number): boolean =>
    modifiers.includes(xt[a]!.norm) && xt[a]!.assertion === xt[b]!.assertion && !/[,;:.()]/.test(text.slice(xt[Math.min(a, b)]!.end, xt[Math.max(a, b)]!.start));
  while (out[0]! > 0 && joins(out[0]! - 1, out[0]!)) out.unshift(out[0]! - 1);
  while (out[out.length - 1]! + 1 < xt.length && joins(out[out.length - 1]! + 1, out[out.length - 1]!)) out.push(out[out.length - 1]! + 1);
  // And over those between its words: "chemotherapy-induced neutropenia" reads "drug-induced" as the
  // modifiers of "Neutropenia > drug-induced > due to cytoreductive cancer chemotherapy" (D70.1).
  const [first, last] = [out[0]!, out[out.length - 1]!];
  for (let q = first + 1; q < last; q++) if (!out.includes(q) && modifiers.includes(xt[q]!.norm) && xt[q]!.assertion === xt[first]!.assertion) out.push(q);
  return out.sort((a, b) => a - b);
}

/** A non-pressure ulcer's site and depth (L97.-, L98.4-)… */
const ULCER_SITE = /^(L97|L984)/;
/** A chronic skin ulcer of other sites (L98.49-), and the ulcers of named sites (L97.-, L98.41–L98.48). */
const OTHER_SITE_ULCER = /^L9849/;
const NAMED_SITE_ULCER = /^(L97|L984[1-8])/;
/** …which a diabetic, varicose, venous or atherosclerotic ulcer asks to be coded beside it ("use additional code"). */
const ASKS_ULCER_SITE = /^(E(0[89]|1[0-3])62[12]|I83[02]|I873[13]|I70[2-7][345])/;

/** Infection and inflammatory reaction due to a device, implant or graft, which has the infection coded beside it. */
const DEVICE_INFECTION = /^T(80[12]|82[67]|83[56]|84[5-7]|857)/;

function dropSubsumed(ms: Mention[], xt: readonly XToken[]): Mention[] {
  // A side is no part of the condition: "bilateral otitis media" (H66.93) is inside "otitis media
  // with effusion" (H65.9-), which takes the side itself.
  const conditions = new Map(ms.map((m) => [m, m.positions.filter((p) => !SIDE_WORDS.has(xt[p]!.norm))]));
  const condition = (m: Mention): number[] => conditions.get(m)!;
  // Most positions first (an encounter's words aside): a match grown over its modifiers subsumes a reading of a modifier alone.
  const staged = (m: Mention): number => m.positions.filter((p) => !ENCOUNTER_WORDS.has(xt[p]!.norm)).length;
  ms.sort((a, b) => staged(b) - staged(a) || b.positions.length - a.positions.length || condition(b).length - condition(a).length || b.entry.words.length - a.entry.words.length || a.start - b.start);
  // An abbreviation's expansion counts as the one word the note wrote: "Exposure to HIV" (Z20.6) names
  // two, the "HIV" inside it (B20, its expansion's generic "disease" aside) one.
  const written = new Map(ms.map((m) => [m, new Set(m.positions.map((p) => xt[p]!.orig)).size]));
  const kept: Mention[] = [];
  for (const m of ms) {
    const own = condition(m);
    // Only across categories: within one ("pain in his left arm and hand") the sided titles are the
    // readings that keep each part's side.
    const sidedInside = (k: Mention): boolean => own.length < m.positions.length && k.entry.code.slice(0, 3) !== m.entry.code.slice(0, 3) && condition(k).length > own.length && own.every((p) => k.positions.includes(p));
    // A word of an abbreviation's expansion read apart from the reading that used the abbreviation
    // ("C diff" is "clostridium difficile enterocolitis": A04.72 in "C diff colitis", no K52.9 beside it).
    // Not its stage: "diabetes with CKD 3a" reads E11.22 on "CKD" and N18.31 on "CKD 3a".
    // Not the infection a device's infection code reads around ("UTI due to Foley catheter" is T83.511A
    // and, by its "use additional code", N39.0): that takes only the words it reads.
    const inside = (k: Mention, p: number): boolean => k.positions.includes(p) || (!/^\d/.test(xt[p]!.norm) && !DEVICE_INFECTION.test(k.entry.code) && k.positions.some((q) => xt[q]!.orig === xt[p]!.orig && q !== p));
    // A receptor status the Index files under the cancer's words ("Triple > negative breast cancer",
    // Z17.421) is the cancer's status: the cancer is read too.
    // A reading of fewer of a close-knit longer reading's own words, sharing one of its words, took the
    // rest from a repeat elsewhere: "bleed due to acute duodenal ulcer with hemorrhage" is K26.0, not
    // also "Ulcer > bleeding" (K27.4) on "bleed … ulcer".
    // A number is no repeat: "T2DM with CKD stage 2" reads the stage's own "2" (N18.2) beside E11.22.
    const rereads = (k: Mention): boolean =>
      k.entry.words.length > m.entry.words.length &&
      k.positions[k.positions.length - 1]! - k.positions[0]! <= k.entry.words.length + 1 &&
      m.entry.words.every((w) => k.entry.words.includes(w)) &&
      m.positions.some((p) => k.positions.includes(p)) &&
      m.positions.every((p) => k.positions.includes(p) || !/^\d/.test(xt[p]!.norm));
    // The encounter a title names is no part of the condition either: "fracture of L femoral neck,
    // initial encounter" is the femur's (S72.00-), not a fracture of the neck's (S12.8XXA) beside it.
    const unstaged = (k: Mention): boolean => {
      const ownCondition = m.positions.filter((p) => !ENCOUNTER_WORDS.has(xt[p]!.norm));
      return ownCondition.length < m.positions.length && staged(k) > ownCondition.length && ownCondition.every((p) => inside(k, p));
    };
    // A chronic ulcer "of other sites" (L98.49-) is the named site's when a reading of its ulcer names
    // one: "chronic ulcer of right ankle" is L97.31- (which L98.4 excludes), "of the back" L98.42-.
    const limbUlcer = (k: Mention): boolean => OTHER_SITE_ULCER.test(m.entry.code) && NAMED_SITE_ULCER.test(k.entry.code) && m.positions.some((p) => k.positions.includes(p));
    // Nor is what the note states covered by a reading whose kind is in doubt.
    const covered = kept.some((k) => (k.assertion === m.assertion || m.assertion !== 'present') && !RECEPTOR_STATUS.test(k.entry.code) && !(ULCER_SITE.test(m.entry.code) && ASKS_ULCER_SITE.test(k.entry.code)) && ((k.positions.length > m.positions.length && m.positions.every((p) => inside(k, p))) || sidedInside(k) || rereads(k) || unstaged(k) || limbUlcer(k) || (written.get(k)! > written.get(m)! && m.positions.every((p) => k.positions.includes(p) || (RESTATED.has(xt[p]!.norm) && inside(k, p))))));
    const same = kept.some((k) => k.entry.code === m.entry.code && k.start === m.start);
    if (!covered && !same) kept.push(m);
  }
  return kept;
}
