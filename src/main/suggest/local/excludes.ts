// Excludes1 between suggestions: two codes the tabular says are never reported together ("recurrent
// depressive disorder" is excluded from F32) cannot both be suggested. The claim edits flag such a
// pair as an error; the engine should not propose one in the first place.
import type { CodeSetLookup } from '../../../shared/codeset/types';
import { excludes1Override } from '../../../shared/edits/overrides';
import { parseNoteReferences, referenceMatches, type NoteReference } from '../../../shared/edits/references';
import { shareSentence, type Candidate } from './candidate';
import { isSymptom } from './shown-together';

/** A code's Excludes1 references, parsed once per code set (notes are read from the database). */
const parsed = new WeakMap<CodeSetLookup, Map<string, NoteReference[]>>();

function excludes1Refs(lookup: CodeSetLookup, code: string): NoteReference[] {
  let byCode = parsed.get(lookup);
  if (!byCode) parsed.set(lookup, (byCode = new Map()));
  let refs = byCode.get(code);
  if (!refs) {
    refs = lookup.notes(code).filter((n) => n.kind === 'excludes1').flatMap((n) => parseNoteReferences(n.text).references);
    byCode.set(code, refs);
  }
  return refs;
}

type ChapterOf = (code: string) => number | null;

const chapterIn = (lookup: CodeSetLookup): ChapterOf => (code) => lookup.code('icd10cm', code)?.chapter ?? null;

/** A code's Excludes1 references to other families: one pointing back into its own describes a sibling, not a clash. */
function foreignRefs(lookup: CodeSetLookup, code: string, chapterOf: ChapterOf): NoteReference[] {
  return excludes1Refs(lookup, code).filter((ref) => !referenceMatches(ref, code, chapterOf));
}

/** Whether `owner`'s own Excludes1 note names `other` ("A41 excludes sepsis due to streptococcus, A40.-"). */
export function excludes1Names(lookup: CodeSetLookup, owner: string, other: string): boolean {
  const chapterOf = chapterIn(lookup);
  return !excludes1Override(owner, other) && foreignRefs(lookup, owner, chapterOf).some((ref) => referenceMatches(ref, other, chapterOf));
}

/**
 * Pairs of the given codes that an Excludes1 note keeps apart (each pair once, in input order), with
 * the code whose note it is: the one the note says is not for the other's condition ("Gastrointestinal
 * hemorrhage, unspecified" excludes "peptic ulcer with hemorrhage").
 */
export function excludes1Pairs(lookup: CodeSetLookup, codes: readonly string[]): Array<[string, string, string]> {
  const chapterOf = chapterIn(lookup);
  const out: Array<[string, string, string]> = [];
  const seen = new Set<string>();
  for (const a of codes) {
    for (const ref of foreignRefs(lookup, a, chapterOf)) {
      for (const b of codes) {
        if (b === a || !referenceMatches(ref, b, chapterOf) || excludes1Override(a, b)) continue;
        const [x, y] = codes.indexOf(a) < codes.indexOf(b) ? [a, b] : [b, a];
        if (!seen.has(`${x}|${y}`)) {
          seen.add(`${x}|${y}`);
          out.push([x, y, a]);
        }
      }
    }
  }
  return out;
}

/** Words of an Excludes1 line too common to tell whether the chart describes it. */
const LINE_FILLER = new Set(['with', 'and', 'the', 'due', 'other', 'specified', 'unspecified', 'nos', 'not', 'elsewhere', 'classified']);

/** Whether the chart says every telling word of a phrase (a word counts by its first six letters: "emphysematous" is "emphysema"). */
function saysAll(phrase: string, chart: string): boolean {
  const words = (phrase.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !LINE_FILLER.has(w));
  return words.length > 0 && words.every((w) => new RegExp(`\\b${w.slice(0, 6)}`).test(chart));
}

/**
 * Whether one of `owner`'s Excludes1 lines naming `other` by what it is without describes the chart
 * (`chart`: its text in small letters): its words are said and what it is without is not. J44's
 * "emphysema without chronic bronchitis (J43.-)" describes "COPD with emphysema", so J44 is not for
 * that chart's condition.
 */
export function exclusionWithoutDescribes(lookup: CodeSetLookup, owner: string, other: string, chart: string): boolean {
  const chapterOf = chapterIn(lookup);
  return lookup.notes(owner).some((n) => {
    if (n.kind !== 'excludes1' || !/\bwithout\b/i.test(n.text)) return false;
    if (!parseNoteReferences(n.text).references.some((ref) => referenceMatches(ref, other, chapterOf))) return false;
    const [said = '', without = ''] = n.text.replace(/\([^)]*\)/g, ' ').split(/\bwithout\b/i);
    return saysAll(said, chart) && !saysAll(without, chart);
  });
}

/** The text of `owner`'s Excludes1 lines that name `other`, its references aside: how the tabular says what the other is. */
function namingLines(lookup: CodeSetLookup, owner: string, other: string): string[] {
  const chapterOf = chapterIn(lookup);
  return lookup
    .notes(owner)
    .filter((n) => n.kind === 'excludes1' && parseNoteReferences(n.text).references.some((ref) => referenceMatches(ref, other, chapterOf)))
    .map((n) => n.text.replace(/\([^)]*\)/g, ' '));
}

/** A finger or toe an injury code's title names: "right index finger", "left thumb", "right great toe". */
const DIGIT_TITLE = /\b(?:right|left|unspecified)\s+(?:(?:index|middle|ring|little)\s+finger|thumb|(?:great|lesser)\s+toes?)\b/i;

/**
 * Injuries of two different fingers or toes are two injuries, whatever Excludes1 note parts them: a middle
 * finger's laceration beside the index finger's open fracture, which S61's Excludes1 keeps from its own
 * laceration. `title` gives a code's long title.
 */
export function injuriesOfOtherDigits(title: (code: string) => string, x: string, y: string): boolean {
  if (!x.startsWith('S') || !y.startsWith('S')) return false;
  const [dx, dy] = [DIGIT_TITLE.exec(title(x))?.[0], DIGIT_TITLE.exec(title(y))?.[0]];
  return dx !== undefined && dy !== undefined && dx.toLowerCase() !== dy.toLowerCase();
}

/**
 * Two conditions an Excludes1 note keeps apart are both reported when unrelated (guideline I.A.12.a):
 * read only in sentences of their own, in different blocks of the classification, sharing no word in
 * what the note said, in their titles or in the Excludes1 line that names the other, and neither a
 * symptom. "Vitamin D deficiency" and "hypomagnesemia" on their own lines are E55.9 and E83.42, though
 * E83's note excludes E55; a UTI and an acute cystitis (one block), "pneumonia" and "aspiration
 * pneumonia" (one word), or "Tobacco use" (Z72.0) and "Smokes 1 ppd" (F17.210, which Z72.0's note
 * names "tobacco dependence") are one condition.
 */
export function unrelatedConditions(lookup: CodeSetLookup, a: Candidate, b: Candidate, titleWords: (code: string) => ReadonlySet<string>, phraseWords: (text: string) => readonly string[]): boolean {
  if (isSymptom(a.code) || isSymptom(b.code) || shareSentence(a, b)) return false;
  const block = (code: string): string | null | undefined => lookup.code('icd10cm', code)?.block;
  if ((block(a.code) ?? '') === (block(b.code) ?? '')) return false;
  const named = (c: Candidate, by: Candidate): string[] => namingLines(lookup, by.code, c.code).flatMap(phraseWords);
  const words = (c: Candidate, other: Candidate): Set<string> => new Set([...titleWords(c.code), ...c.mentions.flatMap((m) => m.words), ...named(c, other)]);
  const wa = words(a, b);
  return ![...words(b, a)].some((w) => wa.has(w));
}
