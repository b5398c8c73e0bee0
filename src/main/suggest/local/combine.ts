// ICD-10-CM combination conventions applied across the whole chart: "with" links presumed by the
// Index (diabetes with CKD, neuropathy, retinopathy…; hypertension with heart failure and/or CKD) and
// the "use additional code" follow-ups the combination code asks for (N18.x with E11.22, I50.x with I11.0).
import type { CodeSetLookup } from '../../../shared/codeset/types';
import { BACKGROUND_SECTIONS, mergeInto, sentenceKey, shareSentence, type Candidate, type CandidateMention } from './candidate';
import { titleWords, type CodeTable } from './code-table';
import { titleSide } from './laterality';
import { excludes1Names } from './excludes';
import { indexWithLinks } from './index-with';
import { lineAround, phraseWords } from './text';
import { asymptomaticHiv } from './hiv-status';
import { skinCancerMorphology, squamousCarcinomaOfLimbSkin } from './skin-morphology';
import { coronaryWithAngina } from './coronary-angina';
import { infarctionByVessel } from './stroke-vessel';
import { gramNegativeSepsis, sepsisMentions } from './gram-negative-sepsis';
import { transplantedOrgan } from './transplant';
import { ironDeficiencyOfAnemia } from './iron-deficiency';
import { complicationNamed, complicationSaid } from './complication-said';
import { uncomplicatedWithdrawal } from './withdrawal';
import { osteoporoticFractureHistory, osteoporoticFractureSite } from './osteoporotic-fracture';
import { calcifiedCoronaryLesion } from './calcified-coronary-lesion';
import { cervicalDiscLevel } from './cervical-disc-level';
import { parkinsonWithFeatures } from './parkinson';
import { pressureUlcerSite } from './pressure-ulcer-site';
import { multipleSites } from './multiple-sites';
import { myalgiaSite } from './myalgia-site';
import { herniaComplication } from './hernia-complication';
import { lipomaSite } from './lipoma-site';
import { nonRenalHyperparathyroidism } from './hyperparathyroidism';
import { perinealLacerationGrade } from './perineal-laceration';
import { breastLumpSite } from './breast-lump';
import { prostheticJointInfection } from './prosthetic-joint-infection';
import { metastaticPrimary } from './metastatic-primary';
import { stomaDermatitis } from './stoma-dermatitis';
import { acquiredAsplenia } from './acquired-asplenia';
import { jointAftercare } from './joint-aftercare';
import { cancerSurveillance } from './cancer-surveillance';
import { treatmentSession } from './treatment-session';
import type { Dictionary, Entry, IndexLink } from './dictionary';

const DIABETES = /^E(08|09|10|11|13)/;
const HYPERTENSIVE = /^I1[0-6]/;

/** Codes a "use additional code" note of `code` asks for, as ranges of undotted codes. */
export function additionalCodeRanges(lookup: CodeSetLookup, code: string): Array<[string, string]> {
  return noteCodeRanges(lookup, code, 'use_additional_code');
}

/** Codes a "code also" note of `code` names: "End stage heart failure" (I50.84) asks for its type (I50.2–I50.43). */
function codeAlsoRanges(lookup: CodeSetLookup, code: string): Array<[string, string]> {
  return noteCodeRanges(lookup, code, 'code_also');
}

/** Codes a "code first" note of `code` names: the underlying condition of a manifestation. */
export function codeFirstRanges(lookup: CodeSetLookup, code: string): Array<[string, string]> {
  return noteCodeRanges(lookup, code, 'code_first');
}

/**
 * The "code first" codes `code` cannot go without: not those a note names only "if any" ("Code first
 * any follow-up examination after treatment (Z09)" of the Z87 histories, which a former smoker's
 * Z87.891 does not make the visit).
 */
export function requiredCodeFirstRanges(lookup: CodeSetLookup, code: string): Array<[string, string]> {
  return noteCodeRanges(lookup, code, 'code_first_required');
}

/**
 * Whether a symptom's own tabular asks for its cause to be coded first ("R64 Cachexia: code first
 * underlying condition, if known"; malignant ascites, neoplasm-related fatigue): the classification
 * codes it beside that cause, so it is no integral part of it. Not a note that names a cause only "if
 * applicable" (urinary frequency with an enlarged prostate), which leaves the symptom integral elsewhere.
 */
export function codedBesideItsCause(lookup: CodeSetLookup, code: string): boolean {
  let cache = besideCauseCache.get(lookup);
  if (!cache) besideCauseCache.set(lookup, (cache = new Map()));
  let beside = cache.get(code);
  if (beside === undefined) {
    // A note comes as its heading and its listed items, each with the code that carries it.
    const notes = lookup.notes(code).filter((n) => n.kind === 'code_first');
    const ifApplicable = new Set(notes.filter((n) => /^\W*if applicable\b/i.test(n.text)).map((n) => n.source));
    cache.set(code, (beside = notes.some((n) => !ifApplicable.has(n.source))));
  }
  return beside;
}

/** Read once per code set, like the note ranges: every chart asks again for the same symptoms. */
const besideCauseCache = new WeakMap<CodeSetLookup, Map<string, boolean>>();

const noteRangeCache = new WeakMap<CodeSetLookup, Map<string, Array<[string, string]>>>();

/** A code's note ranges, read once per code set: every chart asks again for the same codes. */
type NoteRangeKind = 'use_additional_code' | 'code_first' | 'code_first_required' | 'code_also';

function noteCodeRanges(lookup: CodeSetLookup, code: string, kind: NoteRangeKind): Array<[string, string]> {
  let cache = noteRangeCache.get(lookup);
  if (!cache) noteRangeCache.set(lookup, (cache = new Map()));
  const key = `${kind}\t${code}`;
  let ranges = cache.get(key);
  if (!ranges) cache.set(key, (ranges = readNoteCodeRanges(lookup, code, kind)));
  return ranges;
}

function readNoteCodeRanges(lookup: CodeSetLookup, code: string, kind: NoteRangeKind): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const n of lookup.notes(code)) {
    if (kind === 'code_first_required' ? n.kind !== 'code_first' || /^any\b/i.test(n.text) : n.kind !== kind) continue;
    const re = /([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4}|\.-)?)(?:\s*-\s*([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4}|\.-)?))?/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(n.text)) !== null) {
      const a = m[1]!.replace(/[.-]/g, '');
      const b = (m[2] ?? m[1]!).replace(/[.-]/g, '');
      out.push([a, b]);
    }
  }
  return out;
}

const followUpCache = new WeakMap<CodeSetLookup, Map<string, Array<{ words: string[]; code: string }>>>();

/** The items a code's "use additional code" note names by words and one billable code: "urinary retention (R33.8)". */
function namedFollowUps(lookup: CodeSetLookup, code: string): Array<{ words: string[]; code: string }> {
  let cache = followUpCache.get(lookup);
  if (!cache) followUpCache.set(lookup, (cache = new Map()));
  let out = cache.get(code);
  if (!out) {
    out = [];
    for (const n of lookup.notes(code)) {
      if (n.kind !== 'use_additional_code') continue;
      for (const m of n.text.matchAll(/(?:^|[,;:]\s*)([a-z][a-z ]{3,40}?)\s*\(([A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4})\)/gi)) out.push({ words: m[1]!.toLowerCase().split(/\s+/), code: m[2]!.replace('.', '') });
    }
    cache.set(code, out);
  }
  return out;
}

export function inRanges(code: string, ranges: ReadonlyArray<[string, string]>): boolean {
  return ranges.some(([a, b]) => (code.startsWith(a) || code >= a) && (code.startsWith(b) || code <= b));
}

/** `combineInto`, as the rules kept in files of their own receive it. */
export type CombineInto = typeof combineInto;

/**
 * The combination candidate for `code` (the reading already there, or a new one with `rationale`): it
 * links `parts` unless it already names its own, and takes the mentions of `from`.
 */
function combineInto(cands: Map<string, Candidate>, code: string, rationale: string, parts: Candidate[], from: readonly Candidate[]): Candidate {
  const combo = cands.get(code) ?? { code, mentions: [], via: 'combination', rationale };
  combo.parts ??= parts;
  mergeInto(combo, ...from);
  cands.set(code, combo);
  return combo;
}

/** Sentences that speak of a cerebral infarction in the past ("prior stroke with residual L hemiparesis"). */
export interface CombineContext {
  pastStroke: ReadonlySet<string>;
  /** A past stroke's sentence says it left deficits: the deficits the chart names on other lines are its sequelae. */
  strokeDeficits?: boolean;
  /** The chart's documents by id, for the words between two mentions. */
  texts?: ReadonlyMap<string, string>;
}

export function applyCombinations(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable, lookup: CodeSetLookup, ctx: CombineContext = { pastStroke: new Set() }): void {
  diabetes(cands, dict, table, lookup, ctx.texts);
  combinedHeartFailure(cands, table);
  copdWithInfection(cands, dict, table);
  transplantedOrgan(cands);
  hypertension(cands);
  strokeSequelae(cands, dict, table, lookup, ctx.pastStroke, ctx.strokeDeficits === true);
  codeFirstNamed(cands, dict, table, lookup);
  followUpNamed(cands, dict, table, lookup);
  dialysisIsEndStage(cands, table);
  withAskedFor(cands, table, lookup);
  organismAsCause(cands, dict, lookup);
  typeTwoInfarction(cands);
  coronaryWithAngina(cands, table, combineInto);
  infarctionByVessel(cands, table, combineInto, ctx.texts, ctx.pastStroke);
  severeSepsisNamed(cands, table, lookup, ctx.texts);
  sepsisOrganismNamed(cands, dict, table);
  gramNegativeSepsis(cands, table, ctx.texts, combineInto);
  skinCancerMorphology(cands, table, combineInto);
  squamousCarcinomaOfLimbSkin(cands, table);
  asymptomaticHiv(cands, combineInto);
  indexWithLinks(cands, dict.indexWith, combineInto, (other, link) => {
    const title = titleWordSet(table, dict, link.code);
    // A "code first" note asks for the other condition as much as "use additional" does (D63.1, anemia in CKD, codes the N18.- first).
    return inRanges(other, additionalCodeRanges(lookup, link.code)) || inRanges(other, codeFirstRanges(lookup, link.code)) || !link.words.every((w) => title.has(w));
  }, (code) => /\bunspecified\b/i.test(table.byCode.get(code)?.long_desc ?? ''));
  // After the "with" sibling a behaviour asks for is read (F03.90 with agitation is F03.911), and the
  // dementia read whole, it moves under the disease that asks for it (F03.B11 in Alzheimer's is F02.B11).
  dementiaSeverityWithBehaviour(cands, table);
  dementiaInOtherDiseases(cands, dict, table, lookup, ctx.texts);
  dementiaBehavioursSaid(cands, table, ctx.texts);
  vascularImplantSite(cands, table);
  ironDeficiencyOfAnemia(cands, table, combineInto);
  complicationSaid(cands, table, dict.normalize, combineInto);
  osteoporoticFractureHistory(cands, table);
  osteoporoticFractureSite(cands, table);
  cervicalDiscLevel(cands, table, ctx.texts);
  multipleSites(cands, table, ctx.texts);
  myalgiaSite(cands, table, dict.siteWords, dict.normalize, ctx.texts);
  herniaComplication(cands, table);
  lipomaSite(cands, table, ctx.texts);
  nonRenalHyperparathyroidism(cands, table, ctx.texts);
  perinealLacerationGrade(cands, table, ctx.texts);
  breastLumpSite(cands, table, ctx.texts);
  calcifiedCoronaryLesion(cands, table, ctx.texts);
  parkinsonWithFeatures(cands, table, ctx.texts);
  prostheticJointInfection(cands, table, ctx.texts);
  metastaticPrimary(cands);
  stomaDermatitis(cands, table);
  acquiredAsplenia(cands, ctx.texts);
  jointAftercare(cands, table, ctx.texts);
  cancerSurveillance(cands, table, ctx.texts);
  pressureUlcerSite(cands, table, ctx.texts);
  dropFragments(cands, dict, table, lookup);
  dropUnspecifiedSiblings(cands, table, lookup);
  complicationNamed(cands, table, dict.normalize);
  uncomplicatedWithdrawal(cands, table, ctx.texts);
  // After the malignancy is read as specifically as the chart allows: the session is for that one.
  treatmentSession(cands, table, ctx.texts);
}

const titleWordCache = new WeakMap<CodeTable, Map<string, ReadonlySet<string>>>();

/** A code's title as the dictionary's words, read once per code table. */
export function titleWordSet(table: CodeTable, dict: Dictionary, code: string): ReadonlySet<string> {
  let cache = titleWordCache.get(table);
  if (!cache) titleWordCache.set(table, (cache = new Map()));
  let words = cache.get(code);
  if (!words) cache.set(code, (words = new Set(phraseWords(table.byCode.get(code)?.long_desc ?? '', dict.normalize))));
  return words;
}

/**
 * A reading of some words inside a longer reading's span says nothing the longer one's code does not:
 * "valve stenosis" (I38) within "nonrheumatic aortic valve stenosis" (I35.0), "artery disease" (I77.9)
 * within "coronary artery disease with angina pectoris" (I25.119). Not a code the longer one asks to be
 * added beside it ("use additional code"), nor one of its parts.
 */
function dropFragments(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable, lookup: CodeSetLookup): void {
  const within = (m: CandidateMention, x: CandidateMention): boolean => x.documentId === m.documentId && x.start <= m.start && m.end <= x.end && x.end - x.start > m.end - m.start;
  const overlaps = (m: CandidateMention, x: CandidateMention): boolean => x.documentId === m.documentId && x.start < m.end && m.start < x.end && x.words.length > m.words.length;
  // A longer reading holding a mention is read in its sentence: only those are asked.
  const bySentence = new Map<string, Candidate[]>();
  for (const o of cands.values()) {
    for (const m of o.mentions) {
      const list = bySentence.get(sentenceKey(m)) ?? [];
      if (!list.includes(o)) list.push(o);
      bySentence.set(sentenceKey(m), list);
    }
  }
  for (const c of [...cands.values()]) {
    if (c.via !== 'match' || !cands.has(c.code)) continue;
    const nearby = bySentence.get(sentenceKey(c.mentions[0]!)) ?? [];
    // Of its own category, a reading sharing words with a longer one is the same condition: "focal
    // epilepsy" beside "epilepsy with complex partial seizures" in "focal epilepsy with complex partial seizures".
    const holds = (o: Candidate, m: CandidateMention, x: CandidateMention): boolean => within(m, x) || (o.code.slice(0, 3) === c.code.slice(0, 3) && overlaps(m, x));
    const host = nearby.find((o) => o !== c && cands.has(o.code) && c.mentions.every((m) => o.mentions.some((x) => holds(o, m, x))));
    if (!host || host.parts?.includes(c) || inRanges(c.code, additionalCodeRanges(lookup, host.code))) continue;
    const title = titleWordSet(table, dict, host.code);
    if (!c.mentions.every((m) => m.words.every((w) => title.has(w)))) continue;
    mergeInto(host, c);
    cands.delete(c.code);
  }
}

/** Where a stent sits, by the disease its sentence names: coronary (Z95.5), peripheral arterial (Z95.820). */
const IMPLANT_SITES: ReadonlyArray<[RegExp, string]> = [
  [/^I2[0-5]/, 'Z955'],
  [/^(I702|I739)/, 'Z95820'],
];

/**
 * A stent the note does not place is where its sentence's disease is: "CAD s/p stent placement" is a
 * coronary implant (Z95.5), "PAD s/p stent to left SFA" a peripheral one (Z95.820), not Z95.9, which
 * the coronary code would otherwise absorb whatever the vessel.
 */
function vascularImplantSite(cands: Map<string, Candidate>, table: CodeTable): void {
  const unsited = cands.get('Z959');
  if (!unsited) return;
  for (const [disease, code] of IMPLANT_SITES) {
    if (!table.byCode.get(code)?.billable) continue;
    const diseased = new Set([...cands.values()].filter((c) => disease.test(c.code)).flatMap((c) => c.mentions.map(sentenceKey)));
    const moved = unsited.mentions.filter((m) => diseased.has(sentenceKey(m)));
    if (moved.length === 0) continue;
    const sited = cands.get(code) ?? { code, mentions: [], via: unsited.via, rationale: `A stent beside the disease of its vessel: ${table.byCode.get(code)!.long_desc}` };
    sited.mentions.push(...moved);
    cands.set(code, sited);
    unsited.mentions = unsited.mentions.filter((m) => !moved.includes(m));
  }
  if (unsited.mentions.length === 0) cands.delete('Z959');
}

/**
 * Chronic kidney disease with chronic dialysis is end stage renal disease: N18.6 "includes chronic
 * kidney disease requiring chronic dialysis" and N18.5 excludes it; the dialysis status (Z99.2) stays,
 * as N18.6 asks.
 */
function dialysisIsEndStage(cands: Map<string, Candidate>, table: CodeTable): void {
  const dialysis = cands.get('Z992');
  const staged = [...cands.values()].filter((c) => /^N18[1-59]/.test(c.code));
  if (!dialysis || staged.length === 0 || !table.byCode.get('N186')?.billable) return;
  combineInto(cands, 'N186', 'Chronic kidney disease on chronic dialysis is end stage renal disease (N18.6)', [staged[0]!, dialysis], staged);
  for (const c of staged) cands.delete(c.code);
}

/** A type 2 myocardial infarction is I21.A1 alone, though the note calls it an NSTEMI or a STEMI (guideline I.C.9.e.5). */
function typeTwoInfarction(cands: Map<string, Candidate>): void {
  const typeTwo = cands.get('I21A1');
  if (!typeTwo) return;
  for (const c of [...cands.values()]) {
    if (!/^I21[0-4]/.test(c.code) || !c.mentions.every((m) => typeTwo.mentions.some((x) => adjoining(m, x)))) continue;
    mergeInto(typeTwo, c);
    cands.delete(c.code);
  }
}

interface EntryGroups {
  byCode: Map<string, Entry[]>;
  byCategory: Map<string, Entry[]>;
  byCategories: Map<RegExp, Entry[]>;
}

const entryGroups = new WeakMap<Dictionary, EntryGroups>();

/** The dictionary's entries grouped by code and by three-character category, in one pass per dictionary. */
function groupsOf(dict: Dictionary): EntryGroups {
  let g = entryGroups.get(dict);
  if (!g) {
    g = { byCode: new Map(), byCategory: new Map(), byCategories: new Map() };
    for (const e of dict.entries) {
      (g.byCode.get(e.code) ?? g.byCode.set(e.code, []).get(e.code)!).push(e);
      const category = e.code.slice(0, 3);
      (g.byCategory.get(category) ?? g.byCategory.set(category, []).get(category)!).push(e);
    }
    entryGroups.set(dict, g);
  }
  return g;
}

/** The dictionary's entries of one code or one three-character category. */
function entriesBy(dict: Dictionary, grouping: 'code' | 'category', key: string): Entry[] {
  const g = groupsOf(dict);
  return (grouping === 'code' ? g.byCode : g.byCategory).get(key) ?? [];
}

/** The dictionary's entries of the categories `categories` matches, in dictionary order, gathered once. */
function entriesMatching(dict: Dictionary, categories: RegExp): Entry[] {
  const g = groupsOf(dict);
  let list = g.byCategories.get(categories);
  if (!list) {
    list = [...g.byCategory].filter(([c]) => categories.test(c)).flatMap(([, es]) => es).sort((a, b) => a.id - b.id);
    g.byCategories.set(categories, list);
  }
  return list;
}

/**
 * The follow-up a "use additional code" note names by its code, when the mention's own words name
 * its category: "neutropenic fever" is D70.9 with R50.81 (D70: "use additional code for any
 * associated fever"), where the Index reads the neutropenia alone. Nothing is added when the chart
 * already holds a code of that category or of the note's ranges.
 */
function followUpNamed(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable, lookup: CodeSetLookup): void {
  for (const c of [...cands.values()]) {
    if (c.via !== 'match') continue;
    const ranges = additionalCodeRanges(lookup, c.code);
    for (const [a, b] of ranges) {
      // Of its own category the note names a sibling condition ("due to calcified coronary lesion"), not a follow-up.
      if (a !== b || a.slice(0, 3) === c.code.slice(0, 3) || !table.byCode.get(a)?.billable) continue;
      if ([...cands.keys()].some((k) => k !== c.code && (inRanges(k, ranges) || k.slice(0, 3) === a.slice(0, 3)))) continue;
      // The category's words: its unspecified code's ("fever" of R50.9 for R50.81) or the follow-up's own, not
      // another condition of it ("obstruction" in "calculous cholecystitis with obstruction" is K82.0's, not gangrene's K82.A1).
      const ofCategory = entriesBy(dict, 'category', a.slice(0, 3)).filter((e) => e.code === a || /\bunspecified\b/i.test(table.byCode.get(e.code)?.long_desc ?? ''));
      const mentions = mentionsNaming(c, ofCategory);
      if (mentions.length === 0) continue;
      cands.set(a, { code: a, mentions, via: 'combination', rationale: `${c.code} says "use additional code" ${a}, which its own words name`, parts: [c] });
    }
  }
}

/** The mentions of `c` whose own words hold all the words of one of `entries` (the code a note asks for, named there). */
function mentionsNaming(c: Candidate, entries: readonly Entry[]): Candidate['mentions'] {
  return c.mentions.filter((m) => longestWithin(entries, new Set(m.words)) !== undefined);
}

/** The longest entry among `entries` whose words `words` all hold. */
function longestWithin(entries: readonly Entry[], words: ReadonlySet<string>): Entry | undefined {
  let best: Entry | undefined;
  for (const e of entries) if ((!best || e.words.length > best.words.length) && e.words.every((w) => words.has(w))) best = e;
  return best;
}

/** Bacteria "as the cause of diseases classified elsewhere". */
const CAUSE_ELSEWHERE = /^B9[5-7]/;

/** Two mentions next to each other: overlapping, or apart by a space or a comma ("MRSA bacteremia", "cellulitis, MRSA"). */
function adjoining(a: Candidate['mentions'][number], b: Candidate['mentions'][number]): boolean {
  return a.documentId === b.documentId && a.start <= b.end + 2 && b.start <= a.end + 2;
}

/** The words between a condition and the sepsis it is due to: "encephalopathy due to sepsis". */
const DUE_TO = /^\s*,?\s*(due to|secondary to|caused by|from|2\/2|related to)\s+([a-z]+\s+)?$/i;

/**
 * An acute organ dysfunction the note says is due to sepsis ("acute metabolic encephalopathy due to
 * sepsis") makes it severe sepsis (R65.20, I.C.1.d.1.a.ii), though the words "severe sepsis" are not
 * written. The dysfunction is one R65.2 asks to be coded with it; the link must be stated: a
 * dysfunction merely beside sepsis may have another cause, which is the coder's query.
 */
function severeSepsisNamed(cands: Map<string, Candidate>, table: CodeTable, lookup: CodeSetLookup, texts: ReadonlyMap<string, string> | undefined): void {
  if (!texts) return;
  if ([...cands.keys()].some((k) => k.startsWith('R652')) || !table.byCode.get('R6520')?.billable) return;
  const sepsis = [...cands.values()].filter((c) => /^(A40|A41)/.test(c.code));
  if (sepsis.length === 0) return;
  const dysfunctions = additionalCodeRanges(lookup, 'R6520');
  for (const d of cands.values()) {
    if (d.via !== 'match' || !inRanges(d.code, dysfunctions)) continue;
    const cause = sepsis.find((sp) => sp.mentions.some((m) => d.mentions.some((x) => x.documentId === m.documentId && x.sentence === m.sentence && m.start >= x.end && m.start - x.end <= 25 && DUE_TO.test(texts.get(m.documentId)?.slice(x.end, m.start) ?? ''))));
    if (!cause) continue;
    const linked = (x: CandidateMention, others: readonly CandidateMention[]): boolean => others.some((m) => m.documentId === x.documentId && m.sentence === x.sentence);
    const mentions = [...d.mentions.filter((x) => linked(x, cause.mentions)), ...cause.mentions.filter((m) => linked(m, d.mentions))];
    cands.set('R6520', { code: 'R6520', mentions, via: 'combination', rationale: `${d.code} due to sepsis: severe sepsis (R65.20, I.C.1.d.1.a.ii)`, parts: [cause, d] });
    return;
  }
}

/**
 * "Septic shock due to MRSA pneumonia": the sepsis its code-first note asks for (A41.9 by default) is
 * the organism's the sentence names (A41.02), as "sepsis due to MRSA pneumonia" reads, coded first
 * (I.C.1.d.1.a, I.C.1.d.2).
 */
function sepsisOrganismNamed(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable): void {
  const sepsis = cands.get('A419');
  if (!sepsis) return;
  const keys = new Set(sepsisMentions(cands, sepsis).map(sentenceKey));
  const words = new Set([dict.normalize('sepsis')]);
  for (const c of cands.values()) for (const m of c.mentions) if (c !== sepsis && m.assertion === 'present' && keys.has(sentenceKey(m))) for (const w of m.words) words.add(w);
  const named = longestWithin(entriesMatching(dict, SEPSIS_CATEGORIES), words);
  if (!named || named.code === 'A419' || named.words.length < 2 || !table.byCode.get(named.code)?.billable) return;
  combineInto(cands, named.code, `Sepsis due to the organism its sentence names: ${named.code} (I.C.1.d.1.a)`, [sepsis], [sepsis]);
  cands.delete('A419');
}

const SEPSIS_CATEGORIES = /^A4[01]$/;

/** Peptic ulcers, gastritis and duodenitis (K25–K29), the diseases H. pylori causes. */
const H_PYLORI_DISEASE = /^K2[5-9]/;

/** A bacterium's infection of no stated site (A49.-), or the intestinal one the Index gives H. pylori (A04.8). */
const BACTERIAL_INFECTION = /^(A49|A048)/;

/**
 * A bacterium named right beside a condition it causes is no "bacterial infection of unspecified site"
 * (A49.-): "cellulitis of left leg, MRSA" is the cellulitis with B95.62, the bacterium "as the cause of
 * diseases classified elsewhere"; where the condition's own code names it ("sepsis due to E. coli"
 * A41.51, "pneumonia due to MRSA" J15.212) nothing more is coded.
 */
function organismAsCause(cands: Map<string, Candidate>, dict: Dictionary, lookup: CodeSetLookup): void {
  // Localized infections whose note asks for the infectious agent ("use additional code (B95-B97)").
  const asksAgent = (o: Candidate): boolean => o.via === 'match' && additionalCodeRanges(lookup, o.code).some(([from]) => from.startsWith('B95'));
  for (const a of [...cands.values()]) {
    if (!BACTERIAL_INFECTION.test(a.code) || a.via !== 'match') continue;
    // Named right beside it, or just after it as its cause ("ulcer due to H. pylori infection"), or
    // anywhere in the sentence of an infection that asks for its agent ("osteomyelitis of the toe -
    // bone culture grew MSSA").
    const causes = (o: Candidate, m: CandidateMention, x: CandidateMention): boolean =>
      adjoining(m, x) || (x.documentId === m.documentId && x.sentence === m.sentence && ((x.start >= m.end && x.start - m.end <= 15) || asksAgent(o)));
    const unrelated = (o: Candidate): boolean => o === a || /^(A0|A49|Z)/.test(o.code) || CAUSE_ELSEWHERE.test(o.code);
    let beside = [...cands.values()].filter((o) => !unrelated(o) && o.mentions.some((m) => a.mentions.some((x) => causes(o, m, x))));
    // Listed on a line of its own ("6. MSSA infection"), the agent of the chart's one infection that asks for it.
    if (beside.length === 0) {
      const asking = [...cands.values()].filter((o) => !unrelated(o) && asksAgent(o));
      if (asking.length === 1) beside = asking;
    }
    // H. pylori is the cause of the chart's ulcer or gastritis wherever each is said: "Duodenal ulcer
    // with hemorrhage. … Biopsies positive for H. pylori" is K26.4 with B96.81.
    if (beside.length === 0 && a.code === 'A048') beside = [...cands.values()].filter((o) => H_PYLORI_DISEASE.test(o.code));
    if (beside.length === 0) continue;
    cands.delete(a.code);
    const organism = a.mentions.flatMap((m) => m.words.filter((w) => w !== 'infection'));
    const named = beside.some((o) => o.mentions.some((m) => organism.every((w) => m.words.includes(w))));
    if (named) continue;
    const words = new Set([...a.mentions.flatMap((m) => m.words), 'cause', 'disease']);
    const cause = longestWithin(entriesMatching(dict, CAUSE_ELSEWHERE), words);
    if (!cause) continue;
    const into = cands.get(cause.code);
    if (into) mergeInto(into, a);
    else cands.set(cause.code, { ...a, code: cause.code, rationale: `${a.code} beside ${beside[0]!.code}: the bacterium as its cause (${cause.code})` });
  }
}

/**
 * A condition read as "without X" next to what its "with X" sibling asks for as an additional code,
 * stated in the same sentence: "BPH with urinary retention" is N40.1 (with lower urinary tract
 * symptoms), whose note lists urinary retention (R33.8); "SIRS with acute kidney failure" is R65.11.
 * The follow-up is coded as the note names it when the chart read its category's unspecified code.
 */
function withAskedFor(cands: Map<string, Candidate>, table: CodeTable, lookup: CodeSetLookup): void {
  for (const c of [...cands.values()]) {
    const rec = table.byCode.get(c.code);
    if (c.via !== 'match' || !rec?.parent || !/\bwithout\b/i.test(rec.long_desc)) continue;
    const withTitle = rec.long_desc.replace(/\bwithout\b/i, 'with');
    const sibling = table.kids.get(rec.parent)?.find((k) => k.billable && k.long_desc === withTitle);
    if (!sibling || cands.has(sibling.code)) continue;
    const ranges = additionalCodeRanges(lookup, sibling.code);
    // What the "without" code asks for too says nothing of "with": severe sepsis (R65.20) and septic
    // shock (R65.21) both ask for the organ dysfunction, so acute kidney failure is no shock.
    const ownRanges = additionalCodeRanges(lookup, c.code);
    const here = new Set(c.mentions.map(sentenceKey));
    const asked = (o: Candidate): string | undefined => {
      if (inRanges(o.code, ownRanges)) return undefined;
      if (inRanges(o.code, ranges)) return o.code;
      const listed = ranges.find(([a, b]) => a === b && a.slice(0, 3) === o.code.slice(0, 3) && a !== o.code && !inRanges(a, ownRanges));
      return listed && table.byCode.get(listed[0])?.billable && /unspecified/i.test(table.byCode.get(o.code)?.long_desc ?? '') ? listed[0] : undefined;
    };
    const follow = [...cands.values()].find((o) => o !== c && o.via === 'match' && o.mentions.some((m) => here.has(sentenceKey(m))) && asked(o));
    if (!follow) {
      // Or named in the reading's own words: "urinary retention due to BPH" is read whole as BPH (the
      // Index's "Retention > urine > due to hyperplasia — see Hyperplasia, prostate"), and is N40.1 with
      // the "urinary retention (R33.8)" its note lists.
      const says = (m: CandidateMention, words: readonly string[]): boolean => {
        const said = new Set(m.phrase.toLowerCase().match(/[a-z]+/g));
        return words.every((w) => said.has(w));
      };
      const named = namedFollowUps(lookup, sibling.code).find((f) => c.mentions.some((m) => says(m, f.words)));
      if (!named || !table.byCode.get(named.code)?.billable || inRanges(named.code, ownRanges)) continue;
      combineInto(cands, sibling.code, `${c.code} said with ${named.words.join(' ')}: ${sibling.code}, with ${named.code} as its note asks`, [c], [c]);
      cands.delete(c.code);
      const saying = c.mentions.filter((m) => says(m, named.words));
      if (!cands.has(named.code)) cands.set(named.code, { code: named.code, mentions: saying, via: 'combination', rationale: `${sibling.code}'s "use additional code" note names ${named.words.join(' ')} (${named.code})` });
      continue;
    }
    combineInto(cands, sibling.code, `${c.code} with ${follow.code} in one sentence: ${sibling.code} asks for it as an additional code`, [c, follow], [c]);
    cands.delete(c.code);
    const code = asked(follow)!;
    if (code !== follow.code && !cands.has(code)) {
      cands.delete(follow.code);
      cands.set(code, { ...follow, code, rationale: `${follow.code} as ${sibling.code}'s "use additional code" note names it` });
    }
  }
}


const codeFirstEntryCache = new WeakMap<Dictionary, Map<string, readonly Entry[]>>();

/** The entries of the codes a "code first" range within one category names (N18.- for D63.1), gathered once per code. */
function codeFirstEntries(dict: Dictionary, table: CodeTable, code: string, ranges: ReadonlyArray<[string, string]>): readonly Entry[] {
  let cache = codeFirstEntryCache.get(dict);
  if (!cache) codeFirstEntryCache.set(dict, (cache = new Map()));
  let out = cache.get(code);
  if (!out) {
    const inRange = ranges.filter(([a, b]) => a.slice(0, 3) === b.slice(0, 3) && !(a === b && table.byCode.get(a)?.billable)).flatMap(([a, b]) => table.billableIn(a.slice(0, 3)).filter((r) => inRanges(r.code, [[a, b]])));
    cache.set(code, (out = inRange.flatMap((r) => entriesBy(dict, 'code', r.code))));
  }
  return out;
}

/**
 * The condition a "code first" note asks for, when the mention's own words name it: "severe sepsis
 * with septic shock" is R65.21 after the sepsis itself (A41.9, I.C.1.d); "pneumonia due to COVID-19"
 * is J12.82 after U07.1. Nothing is added when the chart already holds a code the note allows.
 */
function codeFirstNamed(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable, lookup: CodeSetLookup): void {
  for (const c of [...cands.values()]) {
    if (c.via !== 'match') continue;
    const ranges = codeFirstRanges(lookup, c.code);
    if (ranges.length === 0 || [...cands.keys()].some((k) => k !== c.code && inRanges(k, ranges))) continue;
    // A range within one category ("Code first underlying chronic kidney disease (N18.-)" of D63.1): the
    // code of the range the mention's own words name ("anemia in end stage renal disease", N18.6).
    const named = longestWithin(codeFirstEntries(dict, table, c.code, ranges), new Set(c.mentions.flatMap((m) => m.words)));
    if (named && !cands.has(named.code)) {
      cands.set(named.code, { code: named.code, mentions: mentionsNaming(c, [named]), via: 'combination', rationale: `${c.code} says "code first" ${named.code}, which its own words name`, parts: [c] });
      continue;
    }
    for (const [a, b] of ranges) {
      if (a !== b || cands.has(a) || !table.byCode.get(a)?.billable) continue;
      // The chart already has that condition said fully: "severe sepsis due to E. coli" is A41.51, no A41.9 beside it.
      const head = (table.byCode.get(a)?.long_desc ?? '').split(',')[0]!.toLowerCase();
      if ([...cands.values()].some((o) => o !== c && (table.byCode.get(o.code)?.long_desc ?? '').toLowerCase().startsWith(head))) continue;
      // A code whose own title names it needs no other words: "septic shock" is "Severe sepsis with
      // septic shock" (R65.21), so sepsis NOS (A41.9) comes first though the note never says "sepsis".
      const titled = head !== '' && new RegExp(`\\b${head.replace(/[^a-z ]/g, '')}\\b`).test((table.byCode.get(c.code)?.long_desc ?? '').toLowerCase());
      const mentions = titled ? c.mentions : mentionsNaming(c, entriesBy(dict, 'code', a));
      if (mentions.length === 0) continue;
      cands.set(a, { code: a, mentions, via: 'combination', rationale: `${c.code} says "code first" ${a}, which its own words name`, parts: [c] });
      break;
    }
  }
}

/** Each dementia category's character for an unspecified severity (F01.5-, F02.8-, F03.9-). */
const DEMENTIA_UNSPECIFIED_SEVERITY: Readonly<Record<string, string>> = { F01: '5', F02: '8', F03: '9' };

/**
 * A dementia's severity and its behaviour read apart ("Dementia, moderate severity, with agitation":
 * F03.B0 moderate without disturbance, F03.911 unspecified severity with agitation) are one code,
 * F03.B11, wherever in the chart each is said: the two readings contradict each other otherwise.
 */
function dementiaSeverityWithBehaviour(cands: Map<string, Candidate>, table: CodeTable): void {
  for (const [category, unspecified] of Object.entries(DEMENTIA_UNSPECIFIED_SEVERITY)) {
    const severity = [...cands.values()].find((c) => c.code.startsWith(category) && /^[ABC]0$/.test(c.code.slice(3)));
    if (!severity) continue;
    for (const behaviour of [...cands.values()]) {
      if (!behaviour.code.startsWith(category + unspecified) || behaviour.code.slice(4) === '0') continue;
      const code = `${category}${severity.code[3]}${behaviour.code.slice(4)}`;
      if (!table.byCode.get(code)?.billable) continue;
      combineInto(cands, code, `${table.byCode.get(code)!.long_desc}: the severity and the behaviour the note states`, [severity, behaviour], [severity, behaviour]);
      cands.delete(behaviour.code);
      cands.delete(severity.code);
    }
  }
}

/**
 * Each further behaviour the dementia's own sentence names "with" it, at the same severity: "moderate dementia
 * with agitation (verbal aggression during care) and psychotic disturbance (delusions of theft)" is
 * F02.B11 and F02.B2 (a dementia takes as many behaviour codes as the note states, F02–F03 notes).
 */
function dementiaBehavioursSaid(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts) return;
  for (const d of [...cands.values()]) {
    if (!/^F0[23]/.test(d.code)) continue;
    // From the dementia's own words to its sentence's end: what comes "with" it (not a later "Not aggressive").
    const lines = d.mentions.filter((m) => m.assertion === 'present' && m.words.includes('dementia')).map((m) => (texts.get(m.documentId) ?? '').slice(m.start, m.end + 200).split(/[.\n]/)[0]!);
    // A dementia read without a behaviour (…0) whose own line goes on to one: "Dementia with Lewy bodies,
    // moderate, with psychotic features (visual hallucinations)" is F02.B2, not F02.B0 beside a psychosis.
    if (/^F0[23][ABC89]0$/.test(d.code)) {
      const tail = DEMENTIA_BEHAVIOUR.find(([re]) => lines.some((l) => statesBehaviour(l, re)))?.[1];
      const code = tail ? `${d.code.slice(0, 4)}${tail}` : undefined;
      if (code && !cands.has(code) && table.byCode.get(code)?.billable) {
        cands.set(code, { ...d, code, via: 'combination', rationale: `${table.byCode.get(code)!.long_desc}: the behaviour the dementia's own line states`, parts: [d] });
        cands.delete(d.code);
      }
      continue;
    }
    // A dementia with a behaviour read: "F02.B11" (severity B, behaviour 11); not one without any (…0).
    if (!/^F0[23][ABC89][1-4]/.test(d.code)) continue;
    for (const [re, tail] of DEMENTIA_BEHAVIOUR) {
      const code = `${d.code.slice(0, 4)}${tail}`;
      // Not a second code of the behaviour's own subcategory: agitation (…11) is the behavioural disturbance, no "other" (…18) beside it.
      if (d.code.slice(4) === tail || code.slice(0, 5) === d.code.slice(0, 5) || cands.has(code) || !table.byCode.get(code)?.billable || !lines.some((l) => statesBehaviour(l, re))) continue;
      cands.set(code, { code, mentions: [...d.mentions], via: 'combination', rationale: `${table.byCode.get(code)!.long_desc}: a further behaviour the dementia's sentence states beside ${d.code}`, parts: [d] });
    }
  }
}

const DEMENTIA_SEVERITY: Readonly<Record<string, string>> = { mild: 'A', moderate: 'B', severe: 'C' };
/** A behaviour denied where it is named: "lives with son, … no agitation, wandering or mood sx". */
const BEHAVIOUR_DENIED = /\b(?:no|not|without|denies|denied|negative for|absence of)\b[^.;()]{0,40}$/i;

/** Whether a dementia's line states the behaviour `re` names, "with" it and not denied. */
function statesBehaviour(line: string, re: RegExp): boolean {
  const m = re.exec(line);
  return m !== null && !BEHAVIOUR_DENIED.test(line.slice(0, m.index + m[0].length - m[1]!.length));
}
/** A severity said after the dementia in its own clause list: ", moderate,", "- severe". */
const SEVERITY_AFTER = /^[^.;\n]{0,40}?[,(-]\s*(mild|moderate|severe)\b(?!\s+(?:persistent|intermittent|stenosis|regurgitation|protein|malnutrition))/i;
/** A behaviour said "with" the disease, and its F02 code's last characters. */
const DEMENTIA_BEHAVIOUR: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwith\b.*\b(agitat|aggress|combative)/i, '11'],
  [/\bwith\b.*\b(psychos|psychotic|hallucinat|delusion|paranoi)/i, '2'],
  [/\bwith\b.*\b(behaviou?ral disturbance|wandering|sundowning|disinhibit)/i, '18'],
  [/\bwith\b.*\b(mood disturbance|depress)/i, '3'],
  [/\bwith\b.*\banxiety\b/i, '4'],
];

/**
 * Dementia in a disease whose "use additional code" note asks for F02.8- (Alzheimer's, Parkinson's,
 * Lewy body disease) is "dementia in other diseases classified elsewhere" (F02), not unspecified
 * dementia (F03): the same severity and behaviour, under the disease. "Alzheimer's dementia" says both.
 */
function dementiaInOtherDiseases(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable, lookup: CodeSetLookup, texts?: ReadonlyMap<string, string>): void {
  const underlying = [...cands.values()].filter((c) => inRanges('F0280', additionalCodeRanges(lookup, c.code)));
  if (underlying.length === 0) return;
  const rationale = `Dementia in ${underlying.map((u) => u.code).join(', ')}: the disease's "use additional code" note (F02)`;
  for (const d of [...cands.values()]) {
    if (!d.code.startsWith('F03')) continue;
    // F03 and F02 subdivide alike; F03.9- (unspecified severity) is F02.8-, unless the dementia's own
    // words go on to its severity: "Major NCD with Lewy bodies, moderate, with psychotic disturbance".
    const severity = d.code[3] === '9' ? d.mentions.map((m) => SEVERITY_AFTER.exec(texts?.get(m.documentId)?.slice(m.end, m.end + 60) ?? '')?.[1]?.toLowerCase()).find((x) => x !== undefined) : undefined;
    const code = `F02${d.code[3] === '9' ? (DEMENTIA_SEVERITY[severity ?? ''] ?? '8') : d.code[3]!}${d.code.slice(4)}`;
    if (!table.byCode.get(code)?.billable) continue;
    combineInto(cands, code, rationale, [underlying[0]!, d], [d]);
    cands.delete(d.code);
  }
  // "Without behavioral disturbance" (F02.80) gives way to the disturbance or severity the note names.
  const plain = cands.get('F0280');
  const specific = [...cands.values()].find((c) => c.code.startsWith('F02') && c.code !== 'F0280');
  if (plain && specific) {
    mergeInto(specific, plain);
    cands.delete('F0280');
  }
  // A plain "dementia" said elsewhere (a chief complaint's "dementia follow-up", F02.80) still gives way
  // to the severity and behaviour the disease's own line states.
  if ([...cands.keys()].some((k) => k.startsWith('F02') && k !== 'F0280')) return;
  // A disease that is a dementia by name ("Alzheimer's disease", G30.9 [F02.80]) says it without the word.
  const named = underlying.find((u) => u.mentions.some((m) => m.words.includes('dementia')));
  const implied = named ?? underlying.find((u) => u.via === 'match' && dict.dementiaImplied.has(u.code));
  if (!implied) return;
  // Its severity and behaviour as its own line says them: "Alzheimer's disease, moderate, with agitation" is F02.B11.
  // Of every line that names it: the HPI may give the severity, the assessment the behaviour.
  const lines = named ? [] : implied.mentions.map((m) => texts?.get(m.documentId)?.slice(m.start, m.end + 160).split(/[.\n]/)[0] ?? '');
  const severity = lines.map((l) => /\b(mild|moderate|severe)\b/i.exec(l)?.[1]?.toLowerCase()).find((x) => x !== undefined);
  const behaviour = lines.map((l) => DEMENTIA_BEHAVIOUR.find(([re]) => statesBehaviour(l, re))?.[1]).find((x) => x !== undefined);
  const code = `F02${DEMENTIA_SEVERITY[severity ?? ''] ?? '8'}${behaviour ?? '0'}`;
  const said = cands.get('F0280');
  if (said && code === 'F0280') return;
  if (table.byCode.get(code)?.billable) {
    const mentions = named ? implied.mentions.filter((x) => x.words.includes('dementia')) : implied.mentions;
    const read: Candidate = { code, mentions, via: 'combination', rationale, parts: [implied] };
    cands.set(code, read);
    if (said) {
      mergeInto(read, said);
      cands.delete('F0280');
    }
  }
}

/**
 * The Index "with" line (or sequela line) a condition is: its words named in one mention, or read as
 * the code its words read as alone ("PAD" is I73.9, as is "peripheral angiopathy"); the longest wins.
 */
function linkedLine(lines: readonly IndexLink[], c: Candidate): IndexLink | undefined {
  let best: IndexLink | undefined;
  for (const line of lines) {
    // Of lines naming as many words, the one whose condition alone is the candidate's code, and never
    // one whose condition alone is another code: "HHS" reads hyperosmolarity (E87.0) and says
    // hyperglycemic (R73.9), so it links as hyperosmolarity (E11.00), not as hyperglycemia (E11.65).
    const rank = (l: IndexLink): number => (l.alone === c.code ? 2 : l.alone === undefined ? 1 : 0);
    if (best && (line.words.length < best.words.length || (line.words.length === best.words.length && rank(line) <= rank(best)))) continue;
    if (line.alone === c.code || sameConditionByStage(line.alone, c.code) || c.mentions.some((m) => line.words.every((w) => m.words.includes(w)))) best = line;
  }
  return best;
}

/** Categories whose codes are one condition by its stage: chronic kidney disease, end stage included (N18.6 "with" diabetes is E11.22). */
const BY_STAGE = /^N18/;
function sameConditionByStage(alone: string | undefined, code: string): boolean {
  return alone !== undefined && BY_STAGE.test(alone) && alone.slice(0, 3) === code.slice(0, 3);
}

/**
 * Deficits left by an earlier cerebral infarction are coded as its sequelae (I69.3-, guideline
 * I.C.9.d), from the Index's "Sequelae > infarction > cerebral" lines; the old infarction is then not
 * an acute I63, and with no deficit it is history (Z86.73).
 */
/** The acute stroke of each sequela family, as its rationale names it. */
const STROKE_KIND: Readonly<Record<string, string>> = { I63: 'cerebral infarction', I61: 'intracerebral hemorrhage', I60: 'subarachnoid hemorrhage', I62: 'nontraumatic intracranial hemorrhage' };

function strokeSequelae(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable, lookup: CodeSetLookup, past: ReadonlySet<string>, deficitsNamed: boolean): void {
  if (past.size === 0) return;
  // A stroke of this stay (one named outside the past sentences) leaves its deficits its own.
  const anywhere = deficitsNamed && ![...cands.values()].some((c) => /^I6[0-3]/.test(c.code) && c.mentions.some((m) => !past.has(sentenceKey(m))));
  let linked: Candidate | undefined;
  // The acute stroke each past sentence names, whose sequelae its deficits are: a cerebral infarction's
  // (I69.3-) unless the sentence names a hemorrhage (intracerebral I69.1-, subarachnoid I69.0-, other I69.2-).
  const strokeOf = new Map<string, string>();
  const linkedOf = new Set<string>();
  for (const c of cands.values()) if (/^I6[0-3]/.test(c.code)) for (const m of c.mentions) if (past.has(sentenceKey(m)) && c.code.slice(0, 3) !== 'I63') strokeOf.set(sentenceKey(m), c.code.slice(0, 3));
  for (const c of [...cands.values()]) {
    if (c.via !== 'match' || /^I6\d/.test(c.code) || !c.mentions.some((m) => past.has(sentenceKey(m)) || (anywhere && m.assertion === 'present'))) continue;
    const of = c.mentions.map((m) => strokeOf.get(sentenceKey(m))).find((k) => k !== undefined) ?? 'I63';
    // A kind of the deficit the line names by its category's unspecified code is that deficit: spastic
    // hemiparesis (G81.1-) is the line's hemiplegia (G81.9-), oropharyngeal dysphagia its dysphagia.
    const lines = dict.strokeSequelae.filter((l) => l.of === of);
    const best = linkedLine(lines, c) ?? lines.find((l) => l.alone !== undefined && l.alone.slice(0, 3) === c.code.slice(0, 3) && /\bunspecified\b/i.test(table.byCode.get(l.alone)?.long_desc ?? ''));
    if (!best || !table.byCode.get(best.code)?.billable) continue;
    const code = best.code;
    linked = combineInto(cands, code, `${c.code} as a sequela of an earlier ${STROKE_KIND[of] ?? 'cerebral infarction'} (I.C.9.d)`, [c], [c]);
    linkedOf.add(of);
    if (!inRanges(c.code, additionalCodeRanges(lookup, code))) cands.delete(c.code);
  }
  // A stroke with residual deficits is no history "without residual deficits" (Z86.73 excludes I69.3-),
  // however a "prior cerebral infarction" read as history.
  // Nor are "unspecified sequelae" (I69.30) left beside the sequela named.
  if (linked) {
    cands.delete('Z8673');
    const unnamed = cands.get(`${linked.code.slice(0, 4)}0`);
    if (unnamed && unnamed !== linked) {
      mergeInto(linked, unnamed);
      cands.delete(unnamed.code);
    }
    // The hemorrhage whose deficits are coded as its sequelae is over.
    for (const c of [...cands.values()]) if (/^I6[0-2]/.test(c.code) && linkedOf.has(c.code.slice(0, 3)) && c.mentions.every((m) => past.has(sentenceKey(m)))) cands.delete(c.code);
  }
  for (const c of [...cands.values()]) {
    if (!c.code.startsWith('I63') || !c.mentions.every((m) => past.has(sentenceKey(m)))) continue;
    cands.delete(c.code);
    if (!linked && table.byCode.get('Z8673')?.billable && !cands.has('Z8673')) {
      cands.set('Z8673', { code: 'Z8673', mentions: c.mentions.map((m) => ({ ...m, source: 'history' })), via: 'history', rationale: 'An earlier cerebral infarction without residual deficits named (I.C.9.d)' });
    }
  }
}

/**
 * A chart that states type 1 diabetes, and never type 2, has type 1's complications: "diabetic
 * gastroparesis" on the next line is E10.43, not the Index's type 2 default (E11.43).
 */
function typeOneStated(cands: Map<string, Candidate>, table: CodeTable): void {
  const says = (c: Candidate, type: string): boolean => c.mentions.some((m) => m.words.includes('type') && m.words.includes(type));
  const all = [...cands.values()];
  if (!all.some((c) => c.code.startsWith('E10') && says(c, '1')) || all.some((c) => c.code.startsWith('E11') && says(c, '2'))) return;
  for (const c of all) {
    const code = `E10${c.code.slice(3)}`;
    if (!c.code.startsWith('E11') || c.via !== 'match' || !table.byCode.get(code)?.billable) continue;
    cands.delete(c.code);
    const into = cands.get(code);
    if (into) mergeInto(into, c);
    else cands.set(code, { ...c, code, rationale: `${c.code} read as type 1: the chart states type 1 diabetes (I.C.4.a)` });
  }
}

function diabetes(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable, lookup: CodeSetLookup, texts?: ReadonlyMap<string, string>): void {
  typeOneStated(cands, table);
  const dm = [...cands.values()].filter((c) => DIABETES.test(c.code));
  if (dm.length === 0) return;
  // A provider who calls the diabetes "without complications" presumes no link (I.A.15 "unless the documentation clearly states").
  if (dm.some((d) => d.mentions.some((m) => m.section === 'assessment' && UNCOMPLICATED.test((texts?.get(m.documentId) ?? '').slice(m.start, m.end + 30))))) return;
  const byPrefix = new Map<string, number>();
  for (const c of dm) byPrefix.set(c.code.slice(0, 3), (byPrefix.get(c.code.slice(0, 3)) ?? 0) + c.mentions.length);
  // An explicit type 1 (or secondary) diabetes beats the Index default of type 2.
  const prefix = byPrefix.has('E10') ? 'E10' : byPrefix.has('E11') ? 'E11' : [...byPrefix.keys()][0]!;
  let combined = false;
  for (const c of [...cands.values()]) {
    // A hypertensive disease ("hypertensive nephropathy") links with hypertension's own combinations, not
    // diabetes'; nor does a manifestation whose "code first" names another condition ("anemia in CKD",
    // D63.1, is not the CKD).
    // Nor a drug therapy whose words name a complication ("oral hypoglycemic", Z79.84).
    if (DIABETES.test(c.code) || HYPERTENSIVE.test(c.code) || c.via !== 'match' || c.code.startsWith('Z79')) continue;
    const best = linkedLine(dict.diabetesWith, c) ?? (LIMB_ATHEROSCLEROSIS.test(c.code) ? dict.diabetesWith.find((l) => l.alone === PERIPHERAL_ANGIOPATHY) : undefined) ?? siteOfDiabetes(cands, dict.diabetesWith, lookup, c);
    if (!best || putDownToOtherCause(c, dict) || causeStated(c, texts)) continue;
    const underlying = codeFirstRanges(lookup, c.code);
    if (underlying.length > 0 && !underlying.some(([a]) => DIABETES.test(a))) continue;
    const code = `${prefix}${best.code.slice(3)}`;
    if (!table.byCode.get(code)?.billable) continue;
    const combo = cands.get(code) ?? { code, mentions: [], via: 'combination', rationale: `Diabetes "with" ${c.code}: link presumed by the Index (I.A.15)` };
    // Also when one sentence already named the combination: it is as sure as the conditions it links.
    // The diabetes the condition's own sentence names, else one stated for this visit, not a PMH line.
    const others = dm.filter((d) => d !== combo);
    const sentences = new Set(c.mentions.map(sentenceKey));
    const dmPart = others.find((d) => d.mentions.some((m) => sentences.has(sentenceKey(m)))) ?? others.find(statedThisVisit) ?? others[0];
    // A condition stated for this visit ("CKD stage 3a" in the assessment) speaks for the combination
    // rather than the PMH's bare "CKD" linked first.
    if (dmPart && (!combo.parts || (statedThisVisit(c) && !combo.parts.slice(1).some(statedThisVisit)))) combo.parts = [dmPart, c];
    mergeInto(combo, ...dm, c);
    cands.set(code, combo);
    combined = true;
    if (!inRanges(c.code, additionalCodeRanges(lookup, code)) && !namesNoComplication(lookup, code) && !LIMB_ATHEROSCLEROSIS.test(c.code) && !HYPOGLYCEMIA_LEVEL.test(c.code)) cands.delete(c.code);
  }
  if (combined) for (const c of dm) if (/9$/.test(c.code) && c.code.length === 4) cands.delete(c.code);
  withoutHyperglycemiaOfHyperosmolarity(cands);
}

/**
 * A hypoglycemia's level (E16.A1–E16.A3, FY2025) is coded beside the diabetes with hypoglycemia it links
 * to: E08–E13 .64- "use additional code for hypoglycemia level" (the loaded FY2021 notes predate it).
 */
const HYPOGLYCEMIA_LEVEL = /^E16A/;

/**
 * Atherosclerosis of the native arteries of the limbs (I70.2-) is the peripheral angiopathy the Index
 * puts "with" diabetes (E11.51, whose line alone is I73.9); its own code stays beside it for the
 * site, the side and the stage (claudication, rest pain, ulcer, gangrene) that E11.51 does not say.
 */
const LIMB_ATHEROSCLEROSIS = /^I702/;
const PERIPHERAL_ANGIOPATHY = 'I739';

/**
 * A hyperosmolar hyperglycemic state names its hyperglycemia: "with hyperglycemia" (E11.65) read from
 * the words of the diabetes "with hyperosmolarity" (E11.00, E11.01) is part of it, not a second complication.
 */
function withoutHyperglycemiaOfHyperosmolarity(cands: Map<string, Candidate>): void {
  const hyperosmolar = [...cands.values()].filter((c) => /^E(0[89]|1[013])0[01]$/.test(c.code));
  if (hyperosmolar.length === 0) return;
  const spans = hyperosmolar.flatMap((c) => c.mentions);
  const within = (m: CandidateMention): boolean => spans.some((s) => s.documentId === m.documentId && s.start < m.end && m.start < s.end);
  for (const c of [...cands.values()]) if (/^E(0[89]|1[013])65$/.test(c.code) && c.mentions.every(within)) cands.delete(c.code);
}

/**
 * The diabetes complication whose own note asks for `code` as its site: "Use additional code to
 * identify site of ulcer (L97.4-, L97.5-)" makes an ulcer of the heel (L97.42-) the diabetic foot
 * ulcer (E11.621) however the note names the part of the foot. Of two such notes the narrower range
 * wins (E11.621's L97.4- over E11.622's L97.1–L97.9).
 */
function siteOfComplication(lines: readonly IndexLink[], lookup: CodeSetLookup, code: string): IndexLink | undefined {
  let best: IndexLink | undefined;
  let bestWidth = 0;
  for (const { line, ranges } of sitedLines(lines, lookup)) {
    for (const [a, b] of ranges) {
      if (!inRanges(code, [[a, b]])) continue;
      // How narrow the range is: the length of the code prefix its ends share.
      let width = 0;
      while (width < Math.min(a.length, b.length) && a[width] === b[width]) width++;
      if (width > bestWidth) [best, bestWidth] = [line, width];
    }
  }
  return best;
}

/** The diabetes complication `c` is the site of, unless another condition of its sentence claims it (below). */
function siteOfDiabetes(cands: ReadonlyMap<string, Candidate>, lines: readonly IndexLink[], lookup: CodeSetLookup, c: Candidate): IndexLink | undefined {
  const line = siteOfComplication(lines, lookup, c.code);
  return line && !siteOfAnother(cands, c, lookup) ? line : undefined;
}

/**
 * Whether another condition read in `c`'s sentence asks for `c` as its own site or severity: the
 * ulcer of "venous stasis ulcer of right ankle" (L97.31-) is the varicose veins' (I83.01-), not the diabetes'.
 */
function siteOfAnother(cands: ReadonlyMap<string, Candidate>, c: Candidate, lookup: CodeSetLookup): boolean {
  const sentences = new Set(c.mentions.map(sentenceKey));
  return [...cands.values()].some((o) => o !== c && !DIABETES.test(o.code) && o.mentions.some((m) => sentences.has(sentenceKey(m))) && inRanges(c.code, additionalCodeRanges(lookup, o.code)));
}

const sitedCache = new WeakMap<readonly IndexLink[], Array<{ line: IndexLink; ranges: Array<[string, string]> }>>();
/** The lines whose code's note asks for a code of the complication's site, with that note's ranges. */
function sitedLines(lines: readonly IndexLink[], lookup: CodeSetLookup): Array<{ line: IndexLink; ranges: Array<[string, string]> }> {
  let sited = sitedCache.get(lines);
  if (!sited) {
    const byCode = new Map<string, boolean>();
    const asksForSite = (code: string): boolean => {
      if (!byCode.has(code)) byCode.set(code, lookup.notes(code).some((n) => n.kind === 'use_additional_code' && /\bsite of\b/i.test(n.text)));
      return byCode.get(code)!;
    };
    sited = lines.filter((line) => asksForSite(line.code)).map((line) => ({ line, ranges: additionalCodeRanges(lookup, line.code) }));
    sitedCache.set(lines, sited);
  }
  return sited;
}

/**
 * A condition the note puts down to another cause has it instead of the diabetes, and the "with" link
 * is not presumed (I.A.15): age ("age-related nuclear cataract", "senile cataract"), the veins
 * ("venous stasis dermatitis" is I87.2, "varicose ulcer" I83.0-, not E11.620 or E11.622), a drug or
 * alcohol ("oxaliplatin-induced peripheral neuropathy" is G62.0, "alcoholic neuropathy" G62.1, not E11.42).
 */
function putDownToOtherCause(c: Candidate, dict: Dictionary): boolean {
  const [age, related, senile, ...others] = ['age', 'related', 'senile', 'venous', 'stasis', 'varicose', 'drug', 'alcoholic', 'alcohol', 'chemotherapy'].map(dict.normalize) as [string, string, string, ...string[]];
  // A condition called age-related once is age's wherever else it is named ("3+ nuclear sclerosis" on
  // the exam, "age-related nuclear cataract" in the assessment).
  if (c.mentions.some((m) => m.words.includes(senile) || (m.words.includes(age) && m.words.includes(related)))) return true;
  return c.mentions.every((m) => others.some((w) => m.words.includes(w)) && !DIABETES_DRUG.test(m.phrase));
}

/** A drug that treats the diabetes: the hypoglycemia it causes is the diabetes' own (E11.649, with its adverse effect), not drug-induced E16.0. */
const DIABETES_DRUG = /\b(insulin|glargine|lispro|aspart|detemir|degludec|glulisine|sulfonylureas?|glipizide|glyburide|glimepiride|gliclazide|oral hypoglycemics?)\b/i;

/** Diabetes the provider calls uncomplicated: "T2DM without complications", "DM2 w/o complication". */
const UNCOMPLICATED = /^[^.;,\n]*?\b(without|w\/o|no)\s+(any\s+)?complications?\b/i;

/** Contact dermatitis (L23–L25) is due to what touched the skin, by its own title. */
const EXTERNAL_CAUSE = /^L2[345]/;
/** Words after a condition that give its cause, when that cause is not the diabetes: "from latex gloves", "due to venous insufficiency". */
const OTHER_CAUSE_AFTER = /^[^.;\n]{0,40}?\b(due to|from|secondary to|caused by|induced by|related to|2\/2)\b(?![^.;\n]{0,25}\b(diabet\w*|dm|t[12]dm|hyperglyc\w*|glucose)\b)/i;
/** The condition's sentence denies the diabetes caused it: "ulcer is venous in etiology, NOT diabetic". */
const NOT_DIABETIC = /\b(not|non-?)\s*(?:(?:consider|considered|thought|felt|think|believe|believed|it|to|be|a|an)\s+){0,4}(diabetic|due to (his |her |the )?diabetes)\b/i;

/**
 * The note gives the condition a cause other than the diabetes, in the condition's own sentence; or the
 * provider says, on one of its lines, that it is not the diabetes' ("I do not consider it a diabetic
 * cataract"), which no other mention of it undoes.
 */
function causeStated(c: Candidate, texts: ReadonlyMap<string, string> | undefined): boolean {
  if (EXTERNAL_CAUSE.test(c.code)) return true;
  if (!texts) return false;
  return c.mentions.some((m) => NOT_DIABETIC.test(lineAround(texts, m))) || c.mentions.every((m) => OTHER_CAUSE_AFTER.test((texts.get(m.documentId) ?? '').slice(m.end, m.end + 60)));
}

/**
 * A combination whose own note asks for the complication ("Use additional code to identify
 * complication", E11.69): its title names none, so the complication linked keeps its code
 * ("diabetes with chronic osteomyelitis of right foot" is E11.69 + M86.671).
 */
function namesNoComplication(lookup: CodeSetLookup, code: string): boolean {
  return lookup.notes(code).some((n) => n.kind === 'use_additional_code' && /\bidentify (?:the )?complication\b/i.test(n.text));
}

/**
 * COPD with a lower respiratory infection is J44.0 ("Disease, lung, obstructive, with, lower respiratory
 * infection"), the infection coded too, as J44.0 asks; pneumonia (J12–J18) and acute bronchitis or other
 * acute lower respiratory infections (J20–J22) are such infections. An exacerbation (J44.1) stays beside it.
 */
function copdWithInfection(cands: Map<string, Candidate>, dict: Dictionary, table: CodeTable): void {
  const copd = [...cands.values()].filter((c) => c.code === 'J449' || c.code === 'J441');
  const infection = [...cands.values()].find((c) => LOWER_RESPIRATORY_INFECTION.test(c.code));
  const whole = cands.get('J440');
  if (whole && whole.via === 'match' && !infection) infectionNamedIn(cands, dict, whole);
  if (copd.length === 0 || !infection || !table.byCode.get('J440')?.billable) return;
  combineInto(cands, 'J440', 'COPD with a lower respiratory infection (Index: Disease, lung, obstructive, with)', [copd[0]!, infection], copd);
  // "Unspecified" COPD says less than J44.0; an exacerbation says more and is kept.
  cands.delete('J449');
}

const LOWER_RESPIRATORY_INFECTION = /^J(09|1[0-8]|2[0-2])/;

/**
 * "COPD with acute bronchitis" reads as J44.0 in one Index line ("Bronchitis, acute, with chronic
 * obstructive pulmonary disease"), and J44.0 says "code also to identify the infection": the infection
 * its own words name (J20.9), as sure as the J44.0.
 */
function infectionNamedIn(cands: Map<string, Candidate>, dict: Dictionary, whole: Candidate): void {
  for (const m of whole.mentions) {
    const named = longestWithin(entriesMatching(dict, LOWER_RESPIRATORY_INFECTION), new Set(m.words));
    if (!named) continue;
    combineInto(cands, named.code, `J44.0 "code also to identify the infection": ${named.code}, named in the same words`, [whole], [{ ...whole, mentions: [m] }]);
    return;
  }
}

/**
 * Systolic and diastolic heart failure in one chart are combined heart failure (I50.4-, "combined
 * systolic and diastolic"), at the higher acuity the note gives (acute on chronic 3 > chronic 2 >
 * acute 1 > unspecified 0; acute and chronic together are acute on chronic).
 */
function combinedHeartFailure(cands: Map<string, Candidate>, table: CodeTable): void {
  const systolic = [...cands.values()].filter((c) => /^I502[0-3]$/.test(c.code));
  const diastolic = [...cands.values()].filter((c) => /^I503[0-3]$/.test(c.code));
  if (systolic.length === 0 || diastolic.length === 0) return;
  const acuities = new Set([...systolic, ...diastolic].map((c) => Number(c.code[4])));
  // An acute one and a chronic one are acute on chronic.
  const acuity = acuities.has(1) && acuities.has(2) ? 3 : Math.max(...acuities);
  const code = `I504${acuity}`;
  if (!table.byCode.get(code)?.billable) return;
  combineInto(cands, code, 'Systolic and diastolic heart failure: combined (I50.4-)', [systolic[0]!, diastolic[0]!], [...systolic, ...diastolic]);
  for (const c of [...systolic, ...diastolic]) cands.delete(c.code);
}

/** A condition read somewhere but the background lists (PMH, problem list, meds): this visit's. */
function statedThisVisit(c: Candidate): boolean {
  return c.mentions.some((m) => !BACKGROUND_SECTIONS.has(m.section));
}

function hypertension(cands: Map<string, Candidate>): void {
  const htn = cands.get('I10');
  // Only conditions of this visit link: a problem list's unaddressed heart failure or CKD makes no
  // I13.0 of the hypertension the assessment treats (they are not reported, IV.J).
  const hf = [...cands.values()].filter((c) => c.code.startsWith('I50') && statedThisVisit(c));
  const ckd = [...cands.values()].filter((c) => /^N18[1-69]/.test(c.code) && statedThisVisit(c));
  // Every hypertension code read on its own (I10, or an I11–I13 picked from one sentence) gives way to
  // the combination the whole note supports.
  const hyper = [...cands.values()].filter((c) => c.code === 'I10' || /^I1[123]/.test(c.code));
  if (hyper.length === 0) return;
  const stage5 = ckd.some((c) => c.code === 'N185' || c.code === 'N186');
  let code: string | undefined;
  let why = '';
  if (hf.length > 0 && ckd.length > 0) {
    code = stage5 ? 'I132' : 'I130';
    why = 'Hypertension with heart failure and CKD: both links presumed (I.C.9.a.3)';
  } else if (hf.length > 0) {
    code = 'I110';
    why = 'Hypertension with heart failure: link presumed (I.C.9.a.1)';
  } else if (ckd.length > 0) {
    code = stage5 ? 'I120' : 'I129';
    why = 'Hypertension with CKD: link presumed (I.C.9.a.2)';
  }
  if (!code) {
    // A hypertensive disease the note names itself ("hypertensive heart disease", I11.9) is the
    // hypertension too: no I10 beside it.
    const named = hyper.find((c) => c.code !== 'I10' && statedThisVisit(c));
    if (htn && named) {
      mergeInto(named, htn);
      cands.delete('I10');
    }
    return;
  }
  const combo = cands.get(code) ?? { code, mentions: [], via: 'combination', rationale: why };
  // Each linked condition is represented by its best-documented reading: one the assessment names,
  // then the one with most mentions.
  const weight = (c: Candidate): number => (c.mentions.some((m) => m.section === 'assessment') ? 1000 : 0) + c.mentions.length;
  const best = (list: Candidate[]): Candidate[] => (list.length ? [list.reduce((a, b) => (weight(b) > weight(a) ? b : a))] : []);
  combo.parts ??= [...best(hyper.filter((h) => h !== combo)), ...best(hf), ...best(ckd)];
  mergeInto(combo, ...hyper, ...hf.slice(0, 1), ...ckd.slice(0, 1));
  for (const h of hyper) if (h !== combo) cands.delete(h.code);
  cands.set(code, combo);
}

/** A combination title whose "with" part is what is unspecified. */
const UNSPECIFIED_COMPLICATION = /\bwith\b.*\bunspecified\b/i;

/** A title's side left unspecified ("…, unspecified eye"), which a stated side fills in. */
const SIDE_SLOT = /\bunspecified (eye|ear|side|[a-z]+ vein|(upper |lower )?(limb|extremity|leg|arm)|((middle|anterior|posterior) )?(cerebral|carotid|vertebral|cerebellar) arter(y|ies)|tibia|fibula|femur|humerus|radius|ulna|clavicle|scapula|patella|foot|hand|wrist|ankle|knee|hip|shoulder|elbow|thigh|forearm|lung|kidney|(fe)?male breast|ovary|fallopian tube|testis|ureter)\b/gi;

/**
 * "Heart failure, unspecified" adds nothing next to "Chronic diastolic heart failure", and "Type 2
 * diabetes without complications" contradicts any other type 2 diabetes code. An unspecified code
 * never gives way to one that says "without complications": E11.319 stays, E11.9 goes.
 */
function dropUnspecifiedSiblings(cands: Map<string, Candidate>, table: CodeTable, lookup: CodeSetLookup): void {
  const title = (c: Candidate): string => table.byCode.get(c.code)?.long_desc ?? '';
  // "Type 2 diabetes mellitus without complications", "Alcohol dependence, uncomplicated": the
  // category's default, beside its complicated forms the same condition said fully ("asthma" in the
  // history and "asthma with acute exacerbation" are J45.901).
  // Not a complication said uncomplicated: "Alcohol dependence with withdrawal, uncomplicated" (F10.230)
  // says more than "…with withdrawal, unspecified" (F10.239).
  const uncomplicated = (c: Candidate): boolean => /\bwithout complications?\b/i.test(title(c)) || (/,\s*uncomplicated\b/i.test(title(c)) && !/\bwith\b/i.test(title(c)));
  // The side is read later, from the mentions: a retinopathy "…, unspecified eye" whose note says
  // "right eye" is no vaguer for it, and stays beside the diabetes' other complications (E11.3311 + E11.22).
  const vagueTitle = (c: Candidate): string => (c.mentions.some((m) => m.side) ? title(c).replace(SIDE_SLOT, '') : title(c));
  const unspecified = (c: Candidate): boolean => /unspecified/i.test(vagueTitle(c));
  // "Thrombosis of unspecified deep veins of unspecified lower extremity" says less than "…of femoral
  // vein, unspecified" (I82.409 and I82.419): the fewer "unspecified", the more the code says.
  // A side slot the note fills is no vagueness: "unspecified part of neck of unspecified femur" with
  // "right" said is no vaguer than "unspecified fracture of right femur".
  const vagueness = (c: Candidate): number => vagueTitle(c).match(/unspecified/gi)?.length ?? 0;
  // Never to a code of the other side: "primary OA R knee" (M17.10, right) is not the "L knee OA" (M17.12) beside it.
  const otherSide = (o: Candidate, c: Candidate): boolean => {
    const side = titleSide(title(o));
    return side !== undefined && c.mentions.some((m) => m.side !== undefined && m.side !== side);
  };
  const giveWay = (c: Candidate, to: (o: Candidate) => boolean, anyCategory = false): void => {
    // Never to a reading of the patient's past: "acute alcohol intoxication in severe alcohol use disorder"
    // beside "an alcohol withdrawal seizure in 2023" is today's dependence, not the history's remission (F10.21).
    const siblings = [...cands.values()].filter((o) => o !== c && (anyCategory || o.code.slice(0, 3) === c.code.slice(0, 3)) && (o.via !== 'history' || c.via === 'history') && to(o) && !otherSide(o, c));
    if (siblings.length === 0) return;
    mergeInto(siblings.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a)), c);
    cands.delete(c.code);
  };
  for (const c of [...cands.values()]) if (uncomplicated(c)) giveWay(c, (o) => !uncomplicated(o));
  // An injury "of unspecified body region" (T14.8-, T14.9-: "blunt trauma", "fracture hematoma") says
  // less than the injury of a region the chart states (S00–S99): "blunt head trauma with LOC; concussion".
  // Not one only in the patient's past. Its words go with it rather than lend weight to a vague sibling
  // ("unspecified injury of right ankle" beside the sprain).
  // So does an operation wound's complication (T81.3-, T81.4-): "Wound (RLQ): 6.2 x 1.8 cm … dehiscence of surgical wound" is that wound.
  const statedInjury = [...cands.values()].some((o) => (o.code.startsWith('S') || /^T81[34]/.test(o.code)) && o.mentions.some((m) => m.assertion === 'present'));
  if (statedInjury) for (const c of [...cands.values()]) if (/^T14[89]/.test(c.code) && c.via === 'match') cands.delete(c.code);
  // A combination read from the chart (I69.359, side still to be read) stands for its own condition.
  // Only for the same condition: "unspecified atrial flutter" (I48.92) is not paroxysmal atrial
  // fibrillation (I48.0), nor "acidosis, unspecified" (E87.20) hyperkalemia (E87.5). The condition is
  // the head word of the title up to its first "of", "due to", "with", "in" or comma ("flutter",
  // "acidosis", "status" of "Transplanted organ and tissue status"), and the other title must name it.
  const condition = (c: Candidate): string | undefined => titleWords(title(c).split(/,| of | due to | with | in /i)[0]!).filter((w) => !VAGUE_TITLE_WORDS.has(w) && !TITLE_STOP.has(w)).at(-1);
  // "Other chest pain" (R07.89) is the category's residual kind, a sibling of "chest pain, unspecified", not a fuller form of it.
  const residual = (o: Candidate): boolean => /^other\b/i.test(title(o));
  // Unless both are: "Other chronic osteomyelitis, unspecified site" says less than "…, right ankle and foot".
  const residualOf = (o: Candidate, c: Candidate): boolean => residual(o) && !residual(c);
  const sameCondition = (o: Candidate, c: Candidate): boolean => {
    // What a combination leaves unspecified is its complication, and only that complication's own
    // codes say more of it: "Type 2 diabetes mellitus with diabetic neuropathy, unspecified" (E11.40)
    // gives way to E11.42, not to "… with hyperglycemia" (E11.65).
    if (UNSPECIFIED_COMPLICATION.test(title(c))) return o.code.slice(0, 4) === c.code.slice(0, 4);
    // A secondary neoplasm's subcategory is its organ: one of an unspecified lung (C78.00) is no
    // vaguer liver metastasis (C78.7). Only one of no stated site (C79.9) says less of any.
    if (/^C7[7-9]/.test(c.code) && !/\bunspecified site\b/i.test(title(c))) return o.code.slice(0, 4) === c.code.slice(0, 4);
    // Not by what the other title says it is without: "Chills (without fever)" is no fuller fever.
    const head = condition(c);
    return head === undefined || titleWords(title(o).replace(/\bwithout\b[^,)]*/gi, ' ')).includes(head);
  };
  // Not to a code whose "code also" note asks for it: "end-stage heart failure" (I50.84) and its HFrEF (I50.2-).
  for (const c of [...cands.values()]) if (cands.has(c.code) && unspecified(c) && c.via !== 'combination') giveWay(c, (o) => vagueness(o) < vagueness(c) && !uncomplicated(o) && !residualOf(o, c) && sameCondition(o, c) && !inRanges(c.code, codeAlsoRanges(lookup, o.code)));
  // A code whose title another's contains says less of the same condition: "Chronic respiratory
  // failure with hypoxia" next to "Acute and chronic respiratory failure with hypoxia". What a title
  // says "without" it does not say, nor a "non-" word its root ("non-insulin antidiabetic drugs", Z79.85,
  // is no insulin, Z79.4), nor "not intractable" (G43.009 says less than the intractable G43.019), nor
  // "not specified as recurrent" (A04.72 says less than the recurrent A04.71).
  const wordCache = new Map<string, Set<string>>();
  const words = (c: Candidate): Set<string> => {
    let w = wordCache.get(c.code);
    if (!w) wordCache.set(c.code, (w = new Set(titleWords(title(c).replace(/\bwithout\b[^,]*/gi, ' ').replace(/\bnot intractable\b/gi, ' ').replace(/\bnot specified as [\w-]+/gi, ' ').replace(/\bnon-(?=\w)/gi, 'non')).filter((x) => !TITLE_STOP.has(x)))));
    return w;
  };
  const says = (o: Candidate, c: Candidate): boolean => {
    const mine = words(c);
    const theirs = words(o);
    return theirs.size > mine.size && [...mine].every((w) => theirs.has(w));
  };
  for (const c of [...cands.values()]) if (cands.has(c.code) && c.via !== 'combination') giveWay(c, (o) => says(o, c));
  // An unspecified code whose Excludes1 note names a form of its condition read elsewhere in the chart
  // is that form said vaguely: "sepsis" beside "sepsis due to Streptococcus pneumoniae" (A41.9
  // excludes A40.-). Not another condition it names: asthma (J45) excludes "wheezing NOS" (R06.2).
  // Not a condition the chart calls acute to the chronic one the Index reads a bare word as ("Sinusitis (chronic)",
  // J32.9, which J01's Excludes1 names "sinusitis NOS"): "Acute maxillary sinusitis" and a plan's "Sinusitis:" are J01.00.
  const acuteToChronic = (o: Candidate, c: Candidate): boolean => /\bchronic\b/i.test(title(o)) && !/\bchronic\b/i.test(title(c)) && c.mentions.some((m) => m.words.includes('acute'));
  for (const c of [...cands.values()]) if (cands.has(c.code) && unspecified(c) && c.via === 'match') giveWay(c, (o) => o.via !== 'family' && sameCondition(o, c) && excludes1Names(lookup, c.code, o.code) && !acuteToChronic(o, c), true);
  // Likewise one whose other title words a code of its chapter says: "pneumonia" (J18.9, unspecified
  // organism) beside "pneumococcal pneumonia" (J13), "anemia" (D64.9) beside "anemia of CKD" (D63.1)
  // or "iron deficiency anemia due to chronic blood loss" (D50.0), "influenza" (J11.1, unidentified
  // virus) beside "influenza A" (J10.1). Not one the other asks for beside it (I50.9 with I11.0).
  const chapterOf = (code: string): number | null | undefined => lookup.code('icd10cm', code)?.chapter;
  const unknowns = (c: Candidate): number => title(c).match(/\b(unspecified|unidentified)\b/gi)?.length ?? 0;
  for (const c of [...cands.values()]) {
    if (!cands.has(c.code) || c.via !== 'match' || unknowns(c) === 0) continue;
    const core = [...words(c)].filter((w) => !VAGUE_TITLE_WORDS.has(w));
    const chapter = chapterOf(c.code);
    if (core.length > 0 && chapter) {
      giveWay(c, (o) => (o.via === 'match' || o.via === 'combination') && chapterOf(o.code) === chapter && !residual(o) && unknowns(o) < unknowns(c) && core.every((w) => words(o).has(w)) && !inRanges(c.code, additionalCodeRanges(lookup, o.code)), true);
    }
  }
  // A "without" code beside its same-category "with" sibling is the same condition, said fully once:
  // "acute gastric ulcer" (K25.3, without hemorrhage or perforation) and "… with hemorrhage" (K25.0).
  const before = (c: Candidate, word: 'with' | 'without'): string | undefined => {
    const at = title(c).search(word === 'with' ? /\bwith\b/i : /\bwithout\b/i);
    return at > 0 ? title(c).slice(0, at).replace(/[\s,]+$/, '').toLowerCase() : undefined;
  };
  for (const c of [...cands.values()]) {
    const head = cands.has(c.code) && c.via === 'match' ? before(c, 'without') : undefined;
    if (head) giveWay(c, (o) => before(o, 'with') === head && !/\bwithout\b/i.test(title(o).slice(head.length)));
  }
  // A subcategory's residual kind read in the sentence that names a kind of its own: "chronic
  // constipation (slow transit)" is K59.01, not also the Index's "Constipation > chronic" (K59.09).
  for (const c of [...cands.values()]) {
    if (!cands.has(c.code) || c.via !== 'match' || !residual(c) || c.code.length < 5) continue;
    giveWay(c, (o) => o.code.slice(0, 4) === c.code.slice(0, 4) && o.via === 'match' && !residual(o) && !unspecified(o) && shareSentence(o, c));
  }
  // A neoplasm of unspecified site next to one whose site the note names, of the same behaviour:
  // "secondary, unspecified site" (C79.9) with "secondary of liver" (C78.7).
  for (const [unsited, sited] of UNSITED_NEOPLASMS) {
    const c = cands.get(unsited);
    if (c && c.via !== 'combination') giveWay(c, (o) => sited.test(o.code), true);
  }
  // Across categories too, for an unspecified symptom next to the same symptom with its site: "Pain,
  // unspecified" (R52) next to "Pain in right knee" (M25.561) or "Other chronic pain" (G89.29). A
  // symptom of another body system's code is another finding ("edema" is not "macular edema"), and a
  // code that asks for it as its additional code keeps it.
  for (const c of [...cands.values()]) {
    if (!cands.has(c.code) || c.via === 'combination' || !unspecified(c) || !c.code.startsWith('R')) continue;
    giveWay(c, (o) => SITED_SYMPTOM.test(o.code) && o.code.slice(0, 3) !== c.code.slice(0, 3) && says(o, c) && !inRanges(c.code, additionalCodeRanges(lookup, o.code)), true);
  }
}

/** Neoplasm codes of unspecified site, with the codes of the same behaviour that name one. */
const UNSITED_NEOPLASMS: ReadonlyArray<[string, RegExp]> = [
  ['C799', /^C7[7-9](?!9$)/],
  ['C801', /^C([0-6]|7[0-6])/],
];

/** Codes that name a symptom with its site or kind: symptoms (R), musculoskeletal pains (M), chronic pain (G89). */
const SITED_SYMPTOM = /^(R|M|G89)/;

// A side is read from the note's words after this (laterality): "Suppurative otitis media, unspecified,
// right ear" says no more than "Acute suppurative otitis media …, unspecified ear" read beside it.
/** Title words that say only what is not known ("Pneumonia, unspecified organism"). */
const VAGUE_TITLE_WORDS = new Set(['unspecified', 'unidentified', 'organism', 'site', 'type', 'other']);
const TITLE_STOP = new Set(['of', 'and', 'with', 'the', 'in', 'or', 'on', 'to', 'for', 'unspecified', 'right', 'left']);
