// Dictionary matching inside one sentence: every entry whose words all occur close together,
// longest (most specific) first; an entry whose words are a subset of a longer match's is dropped.
import type { Assertion } from '../../../shared/suggest/types';
import { assertTokens } from './assertion';
import type { Dictionary, Entry } from './dictionary';
import type { Sentence, Token } from './text';

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
}

const MAX_ABBR_WORDS = 3;
const SIDES: Readonly<Record<string, string>> = { L: 'left', Lt: 'left', LT: 'left', R: 'right', Rt: 'right', RT: 'right' };

function hasUpper(s: string): boolean {
  return /[A-Z]/.test(s);
}

/** Replaces listed abbreviations by their expansion words, keeping the abbreviation's span. */
function expand(text: string, tokens: readonly Token[], dict: Dictionary, asserted: ReturnType<typeof assertTokens>): XToken[] {
  const out: XToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let used = 0;
    for (let n = Math.min(MAX_ABBR_WORDS, tokens.length - i); n >= 1 && used === 0; n--) {
      let key = tokens.slice(i, i + n).map((tk) => tk.raw.toLowerCase()).join(' ');
      let surface = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end).replace(/\s+/g, ' ');
      // A plural abbreviation ("UTIs", "PVCs") is the abbreviation.
      if (!dict.abbreviations.has(key) && /[A-Z]s$/.test(surface)) {
        key = key.slice(0, -1);
        surface = surface.slice(0, -1);
      }
      const hit = dict.abbreviations.get(key);
      if (!hit) continue;
      // "CA-125", "CA 19-9": a lab test, not cancer.
      if (/^[-\s]?\d/.test(text.slice(tokens[i + n - 1]!.end, tokens[i + n - 1]!.end + 2))) continue;
      const exact = hit.exact.replace(/\s+/g, ' ');
      // Short abbreviations must be written as listed; an all-capital one as listed or capitalised
      // ("Htn"), never half-capital ("CTs" of the chest is not CTS, carpal tunnel syndrome).
      const short = exact.replace(/[^A-Za-z0-9]/g, '').length <= 2;
      const capitals = /[A-Z]/.test(exact) && exact === exact.toUpperCase();
      const same = surface.toUpperCase() === exact.toUpperCase();
      const ok = short ? surface === exact : capitals ? surface === exact || (same && /^[A-Z][a-z0-9 ]+$/.test(surface)) : hasUpper(surface) && same;
      if (!ok) continue;
      const a = asserted.tokens[i]!;
      for (const w of hit.expansion) out.push({ norm: w, start: tokens[i]!.start, end: tokens[i + n - 1]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
      used = n;
    }
    if (used > 0) {
      i += used - 1;
      continue;
    }
    const a = asserted.tokens[i]!;
    // Laterality written as a capital letter ("L leg", "Rt knee").
    const side = SIDES[tokens[i]!.raw];
    out.push({ norm: side ?? tokens[i]!.norm, start: tokens[i]!.start, end: tokens[i]!.end, assertion: a.assertion, trigger: a.trigger, orig: i });
  }
  return out;
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

export function readSentence(text: string, sentence: Sentence, dict: Dictionary): ReadSentence {
  const asserted = assertTokens(text, sentence.tokens);
  const triggers = new Map<number, [number, number]>();
  asserted.triggers.forEach((r, id) => triggers.set(id, r));
  return { tokens: expand(text, sentence.tokens, dict, asserted), triggers };
}

export function matchSentence(text: string, sentence: Sentence, dict: Dictionary, read: ReadSentence = readSentence(text, sentence, dict)): Mention[] {
  const xt = read.tokens;
  const triggerTokens = read.triggers;
  const where = new Map<string, number[]>();
  xt.forEach((tk, i) => {
    const list = where.get(tk.norm);
    if (list) list.push(i);
    else where.set(tk.norm, [i]);
  });
  const found: Mention[] = [];
  const tryEntry = (e: Entry, anchors: readonly number[]): void => {
    for (const w of e.words) if (!where.has(w)) return;
    if (e.without && e.without.every((w) => where.has(w))) return;
    if (e.unless && e.unless.some((w) => where.has(w))) return;
    for (const anchor of anchors.slice(0, 2)) {
      const positions: number[] = [];
      for (const w of e.words) {
        const ps = where.get(w)!;
        let best = ps[0]!;
        for (const p of ps) if (Math.abs(p - anchor) < Math.abs(best - anchor)) best = p;
        if (!positions.includes(best)) positions.push(best);
      }
      positions.sort((a, b) => a - b);
      if (positions[positions.length - 1]! - positions[0]! + 1 > maxSpan(e.words.length)) continue;
      // A number ("stage 3", "type 2") belongs to the words next to it, not to any number in the sentence.
      if (e.words.length > 1 && e.words.some((w) => /^\d/.test(w) && !nearOther(where.get(w)!, positions, xt))) continue;
      if (!usesAbbreviationCore(xt, positions)) continue;
      if (misreadsCause(xt, positions, e)) continue;
      if (splitsCompound(xt, positions)) continue;
      if (benignWithoutGrowth(e, positions, where)) continue;
      // "Blood > in > urine" is blood in the urine, not "blood and urine cultures".
      if (e.link && !new RegExp(`\\b${e.link}\\b`, 'i').test(text.slice(xt[positions[0]!]!.end, xt[positions[positions.length - 1]!]!.start))) continue;
      if (crossesClause(text, xt[positions[0]!]!.end, xt[positions[positions.length - 1]!]!.start)) continue;
      const assertion = mentionAssertion(xt, positions, triggerTokens);
      if (assertion === undefined) continue;
      const trigger = xt[positions[0]!]!.trigger;
      const range = assertion !== 'present' && trigger >= 0 ? triggerTokens.get(trigger) : undefined;
      const cue = range ? sentence.tokens.slice(range[0], range[1]).map((tk) => tk.raw.toLowerCase()).join(' ') : undefined;
      found.push({ entry: e, start: xt[positions[0]!]!.start, end: xt[positions[positions.length - 1]!]!.end, assertion, positions, ...(cue ? { cue } : {}) });
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
  return dropSubsumed(dropItemBlends(text, xt, dropListStraddlers(text, xt, found)));
}

/**
 * A reading that joins words across a comma (or an "or") while one of its words also reads, without
 * crossing, as something else is a list misread: "sore throat, fever" is not a fever sore (B00.1),
 * "diabetes or rheumatoid arthritis" is not diabetic arthropathy (E11.618).
 */
const LIST_SEPARATOR = /,|\bor\b/i;

function dropListStraddlers(text: string, xt: readonly XToken[], ms: Mention[]): Mention[] {
  /** Positions after the first comma inside the mention's span; none when it does not cross one. */
  const farSide = (m: Mention): number[] => {
    const at = m.positions.findIndex((p, i) => i > 0 && LIST_SEPARATOR.test(text.slice(xt[m.positions[i - 1]!]!.end, xt[p]!.start)));
    return at < 0 ? [] : m.positions.slice(at);
  };
  const far = new Map(ms.map((m) => [m, farSide(m)]));
  const whole = ms.filter((m) => far.get(m)!.length === 0);
  return ms.filter((m) => {
    const beyond = far.get(m)!;
    if (beyond.length === 0) return true;
    // A comma that only inverts ("diabetes mellitus, poorly controlled") is kept: the words beyond it
    // must read as something else too for the comma to be a list's.
    const nearShared = whole.some((w) => w.positions.some((p) => m.positions.includes(p) && !beyond.includes(p)));
    // Read on the far side without reaching back over the separator.
    const farRead = ms.some((o) => o !== m && o.positions.some((p) => beyond.includes(p)) && o.positions.every((p) => p >= beyond[0]!));
    const farWhole = whole.some((w) => beyond.every((p) => w.positions.includes(p)));
    // Or it skips over a list item read on its own: "pain, diarrhea and heart" is no precordial pain.
    const skipsItem = ms.some((o) => o !== m && o.positions.every((p) => p > m.positions[0]! && p < beyond[0]!) && !o.positions.some((p) => m.positions.includes(p)));
    return !((farRead && (nearShared || farWhole)) || skipsItem);
  });
}

const CONJUNCTION = /,|\b(?:or|and)\b/i;

/**
 * A reading that takes part of one listed item and part of the next: "ischemic heart disease and
 * chronic renal failure" is no renal ischemia (N28.0), "pulmonary TB and cerebral lesions" no lung
 * lesion. "Nausea and vomiting" (R11.2) takes each item whole and stays.
 */
function dropItemBlends(text: string, xt: readonly XToken[], ms: Mention[]): Mention[] {
  return ms.filter((m) => {
    let cut = -1;
    for (let i = 1; i < m.positions.length && cut < 0; i++) {
      const from = xt[m.positions[i - 1]!]!.end;
      const hit = CONJUNCTION.exec(text.slice(from, xt[m.positions[i]!]!.start));
      if (hit) cut = from + hit.index;
    }
    if (cut < 0) return true;
    const partOf = (onSide: (p: number) => boolean): boolean =>
      ms.some((o) => o !== m && o.positions.every(onSide) && o.positions.some((p) => m.positions.includes(p)) && o.positions.some((p) => !m.positions.includes(p)));
    return !(partOf((p) => xt[p]!.end <= cut) && partOf((p) => xt[p]!.start > cut));
  });
}

/** Words of an abbreviation's expansion that say nothing of which condition it is. */
const GENERIC_EXPANSION = new Set(['disease', 'disorder', 'syndrome', 'chronic', 'acute']);

/**
 * An entry that borrows from an abbreviation's expansion must borrow what names it: "COPD ... chest"
 * is not "Disease, chest" (J98.9) through the "disease" COPD expands to.
 */
function usesAbbreviationCore(xt: readonly XToken[], positions: readonly number[]): boolean {
  const used = new Map<number, string[]>();
  for (const p of positions) {
    const tk = xt[p]!;
    const expanded = (p > 0 && xt[p - 1]!.orig === tk.orig) || (p + 1 < xt.length && xt[p + 1]!.orig === tk.orig);
    if (expanded) used.set(tk.orig, [...(used.get(tk.orig) ?? []), tk.norm]);
  }
  for (const words of used.values()) if (words.every((w) => GENERIC_EXPANSION.has(w)) && positions.length > words.length) return false;
  return true;
}

/**
 * "Secondary to" names a cause: the condition before it is secondary ("hypertension secondary to renal
 * artery stenosis", I15), the one after it is not ("ESRD secondary to diabetic nephropathy" is not
 * secondary diabetes, E13), and neither is a secondary neoplasm of the kidney (C79.0-).
 */
function misreadsCause(xt: readonly XToken[], positions: readonly number[], e: Entry): boolean {
  return positions.some((p) => xt[p]!.norm === 'secondary' && xt[p + 1]?.norm === 'to' && (e.source === 'neoplasm' || positions.some((q) => q > p)));
}

/**
 * Headings of a review of systems, an exam or a plan: what follows their colon is a statement of its
 * own. A site before a colon is not one ("R heel: deep tissue pressure injury").
 */
const HEADING_LABELS = new Set(
  ('constitutional general heent eyes ears nose throat neck cardiovascular cardiac heart respiratory pulmonary lungs chest gastrointestinal gi ' +
    'abdomen abdominal genitourinary gu renal skin integumentary musculoskeletal msk neurological neurologic neuro psychiatric psych endocrine ' +
    'hematologic heme lymphatic allergic immunologic extremities counseling education plan assessment impression diagnosis diagnoses ' +
    'examination exam history reasoning treatment results findings labs imaging note comments')
    .split(' '),
);

/**
 * Whether the text between two words of a reading parts them: a semicolon parts clauses ("fluid
 * administration; the abdomen" is no ascites), a heading's colon its label from what follows
 * ("Musculoskeletal: reports back pain" is no myalgia).
 */
function crossesClause(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  if (between.includes(';')) return true;
  const colon = between.indexOf(':');
  if (colon < 0) return false;
  const label = /([A-Za-z]+)\s*$/.exec(text.slice(Math.max(0, from + colon - 40), from + colon))?.[1]?.toLowerCase();
  return label === undefined || HEADING_LABELS.has(label);
}

/** Words that name a growth: what "benign" must describe for a benign neoplasm code. */
const GROWTH_WORDS = ['tumor', 'neoplasm', 'mass', 'lesion', 'growth', 'nodule', 'polyp', 'lump', 'adenoma', 'cyst'];
const GROWTH_REACH = 3;

/** "The lymph nodes removed were all benign" is a pathology result, not a benign neoplasm of lymph nodes (D36.0). */
function benignWithoutGrowth(e: Entry, positions: readonly number[], where: ReadonlyMap<string, number[]>): boolean {
  if (!e.words.includes('benign') || !/^(C|D[0-4])/.test(e.code)) return false;
  const from = Math.min(...positions) - GROWTH_REACH;
  const to = Math.max(...positions) + GROWTH_REACH;
  return !GROWTH_WORDS.some((w) => where.get(w)?.some((p) => p >= from && p <= to));
}

/** Second words of fixed compounds, with their first: "blood pressure" is a vital sign, not a "pressure". */
const COMPOUND_HEADS: Readonly<Record<string, string>> = { pressure: 'blood', rate: 'heart', sugar: 'blood' };

/** A reading that takes the second word of a fixed compound without its first ("chest pain and elevated blood pressure" is no chest pressure). */
function splitsCompound(xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => {
    const head = COMPOUND_HEADS[xt[p]!.norm];
    return head !== undefined && xt[p - 1]?.norm === head && !positions.includes(p - 1);
  });
}

/** Words that carry a number to the condition before them ("pressure ulcer of sacral region, stage 2"). */
const NUMBER_QUALIFIERS = new Set(['stage', 'type', 'grade', 'class', 'level', 'phase']);

/** Words after a number that make it a measurement ("2 x 2 cm"), never a stage or a type. */
const MEASURE_UNITS = new Set(['x', 'cm', 'mm', 'm', 'in', 'inch', 'inches', 'kg', 'g', 'mg', 'mcg', 'ml', 'l', 'cc', 'lb', 'lbs', 'mmhg', 'percent', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);

function isMeasurement(xt: readonly XToken[], p: number): boolean {
  return MEASURE_UNITS.has(xt[p + 1]?.norm ?? '') || xt[p - 1]?.norm === 'x';
}

function nearOther(numberAt: readonly number[], positions: readonly number[], xt: readonly XToken[]): boolean {
  return numberAt.some((p) => {
    if (!positions.includes(p) || isMeasurement(xt, p)) return false;
    const from = p > 0 && NUMBER_QUALIFIERS.has(xt[p - 1]!.norm) ? p - 1 : p;
    return positions.some((q) => q !== p && Math.min(Math.abs(q - p), Math.abs(q - from)) <= 2);
  });
}

/** The shared status of a mention's words; undefined when they disagree ("COPD without exacerbation" is not J44.1). */
function mentionAssertion(xt: readonly XToken[], positions: readonly number[], triggers: ReadonlyMap<number, [number, number]>): Assertion | undefined {
  const origs = new Set(positions.map((p) => xt[p]!.orig));
  let result: Assertion | undefined;
  for (const p of positions) {
    const tk = xt[p]!;
    let a = tk.assertion;
    // "family history of diabetes" matched as Z83.3 contains its own trigger: the trigger is part of the concept.
    if (tk.trigger >= 0) {
      // From the trigger's first word: "history of colon cancer" inside "family history of colon cancer" is not personal history.
      const [s] = triggers.get(tk.trigger)!;
      if (origs.has(s)) a = 'present';
    }
    if (result === undefined) result = a;
    else if (result !== a) return undefined;
  }
  return result;
}

function dropSubsumed(ms: Mention[]): Mention[] {
  ms.sort((a, b) => b.entry.words.length - a.entry.words.length || a.start - b.start);
  const kept: Mention[] = [];
  for (const m of ms) {
    const covered = kept.some((k) => k.positions.length > m.positions.length && m.positions.every((p) => k.positions.includes(p)));
    const same = kept.some((k) => k.entry.code === m.entry.code && k.start === m.start);
    if (!covered && !same) kept.push(m);
  }
  return kept;
}
