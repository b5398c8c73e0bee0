// Names the record does not tell us about, found by how notes write them: after a title ("Dr. Lee",
// "Mrs. O'Neil"), after a label ("Patient: Jane Roe", "Signed by: …"), as the subject of "X is a
// 50-year-old", and Synthea's numeric-suffixed names ("Alvin56"). Words found this way are then looked
// for everywhere else in the same text, so "Martha" is caught after "Martha Collins is a 50-year-old".
import type { Detection } from './types';
import { COMMON_WORDS, NOT_NAME_WORDS, NOT_SUBJECT_WORDS, TITLES } from './words';

const NAME_WORD = String.raw`[A-Z][\p{L}'’-]{0,30}\d{0,3}`;
const INITIAL = String.raw`[A-Z]\.`;

// Mixed-case titles may drop the period; upper-case ones ("MR", "MS", "DR") need it, since without it
// they are mitral regurgitation, multiple sclerosis and diabetic retinopathy.
const TITLED = new RegExp(String.raw`\b(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?|(?:DR|MR|MRS|MS|PROF)\.)[ \t]{1,3}((?:${INITIAL}[ \t]?)?${NAME_WORD}(?:[ \t](?:${INITIAL}[ \t])?${NAME_WORD}){0,2})`, 'gu');

/** Case-insensitive letters inside a pattern that must stay case-sensitive elsewhere (no inline flags in ES2023). */
function anyCase(label: string): string {
  return label.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

// Family-history lines ("Mother: Breast Cancer") and chief complaints ("CC: Chest Pain") look like
// labelled names, so those labels are deliberately absent. A bare "Name:" must open its line.
const LABEL_WORDS = [
  'patient name', 'patient', 'pt name', 'signed by', 'electronically signed by', 'attending physician', 'attending',
  'provider', 'pcp', 'primary care physician', 'primary care provider', 'referring physician', 'referring provider',
  'dictated by', 'transcribed by', 'author', 'seen by', 'guardian', 'emergency contact', 'next of kin',
].map(anyCase).join('|');

const LABELLED = new RegExp(
  String.raw`(?:\b(?:${LABEL_WORDS})|(?<![\p{L}\p{N}][ \t]{0,2})${anyCase('name')})[ \t]{0,2}:[ \t]{0,3}((?:Dr\.?[ \t])?${NAME_WORD}(?:,?[ \t](?:${INITIAL}[ \t]?)?${NAME_WORD}){0,2})`,
  'gu',
);

const SUBJECT = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NAME_WORD}(?:[ \t]${NAME_WORD}){0,2})\s{1,3}(?:is|was)[ \t]an?[ \t](?:[a-z]{2,15}[ \t]){0,2}\d{1,3}[ -]?(?:year|yr|y\/?o|month|week|day)`, 'gu');

const SYNTHEA = /(?<![\p{L}\p{N}])[A-Z][a-z]{2,24}\d{2,3}(?![\p{L}\p{N}])/gu;

const WORD_IN_GROUP = new RegExp(NAME_WORD, 'gu');

interface Span {
  start: number;
  end: number;
}

/** Splits a matched run of name words into word spans, stopping at the first word that is clearly not a name. */
function nameWordSpans(groupStart: number, group: string, minWords: number): Span[] {
  const spans: Span[] = [];
  WORD_IN_GROUP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_IN_GROUP.exec(group)) !== null) {
    const word = m[0].replace(/['’]s$/, '');
    const lower = word.toLowerCase().replace(/\d+$/, '');
    if (NOT_NAME_WORDS.has(lower) || (TITLES.has(lower) && lower !== 'dr')) break;
    if (lower === 'dr') continue;
    spans.push({ start: groupStart + m.index, end: groupStart + m.index + word.length });
  }
  if (spans.length < minWords) return [];
  return spans;
}

/** Where the name group starts: it always ends the match. */
function groupStart(m: RegExpExecArray): number {
  return m.index + m[0].length - m[1]!.length;
}

export interface NameHeuristics {
  detections: Detection[];
  /** Lower-cased words found as names, to look for elsewhere in the same text. */
  words: Set<string>;
}

export function findNamesByShape(text: string): NameHeuristics {
  const spans: Span[] = [];
  let m: RegExpExecArray | null;

  TITLED.lastIndex = 0;
  while ((m = TITLED.exec(text)) !== null) spans.push(...nameWordSpans(groupStart(m), m[1]!, 1));

  LABELLED.lastIndex = 0;
  while ((m = LABELLED.exec(text)) !== null) {
    const label = m[0].slice(0, m[0].indexOf(':')).trim().toLowerCase();
    // "Patient: Reports chest pain" is common; a bare "Patient:" label needs a first and last name.
    const minWords = label === 'patient' || label === 'contact' || label === 'cc' ? 2 : 1;
    spans.push(...nameWordSpans(groupStart(m), m[1]!, minWords));
  }

  SUBJECT.lastIndex = 0;
  while ((m = SUBJECT.exec(text)) !== null) {
    // "Today Martha Collins is a …": drop opening words that are not names, keep the rest.
    const group = m[1]!;
    let offset = 0;
    for (const word of group.split(/[ \t]/)) {
      if (!NOT_SUBJECT_WORDS.has(word.toLowerCase())) break;
      offset += word.length + 1;
    }
    if (offset < group.length) spans.push(...nameWordSpans(m.index + offset, group.slice(offset), 1));
  }

  SYNTHEA.lastIndex = 0;
  while ((m = SYNTHEA.exec(text)) !== null) spans.push({ start: m.index, end: m.index + m[0].length });

  const words = new Set<string>();
  for (const span of spans) {
    const lower = text.slice(span.start, span.end).toLowerCase();
    const bare = lower.replace(/\d+$/, '');
    // Single letters and everyday words found once are not worth chasing through the whole note.
    if (bare.length >= 2 && !COMMON_WORDS.has(bare)) {
      words.add(lower);
      if (bare !== lower) words.add(bare);
    }
  }
  return { detections: spans.map((s) => ({ kind: 'name' as const, start: s.start, end: s.end })), words };
}
