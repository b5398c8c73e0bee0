import type { Assertion } from '../../../shared/suggest/types';
import type { EntrySource } from './dictionary';
import type { SectionKind } from './text';

/** Sections whose mentions alone do not make a code for this visit (no MEAT there). */
export const BACKGROUND_SECTIONS: ReadonlySet<SectionKind> = new Set(['history', 'family', 'social', 'meds', 'allergies']);

/** One place a code was read in the chart. */
export interface CandidateMention {
  documentId: string;
  start: number;
  end: number;
  /** The chart text of the mention. */
  phrase: string;
  assertion: Assertion;
  section: SectionKind;
  /** Where the reading came from; 'drug-table' is a poisoning read from the Table of Drugs and Chemicals. */
  source: EntrySource | 'history' | 'medication' | 'drug-table';
  words: string[];
  /** Index of the sentence in its document. */
  sentence: number;
  /** The side the note names next to the mention ("L mastectomy"). */
  side?: 'left' | 'right' | 'bilateral';
  /** The mention is all an item names before its details ("2. Dementia - stable on donepezil"). */
  item?: true;
}

/** Whether two candidates are read in one sentence somewhere in the chart. */
export function shareSentence(a: Candidate, b: Candidate): boolean {
  return a.mentions.some((m) => b.mentions.some((x) => x.documentId === m.documentId && x.sentence === m.sentence));
}

/** Adds the mentions of `from` to `target`'s, each once. */
export function mergeInto(target: Candidate, ...from: Candidate[]): void {
  // A mention inside one the target has already ("Hepatitis C" in "Hepatitis C genotype") adds nothing.
  const inside = (m: CandidateMention): boolean => target.mentions.some((t) => t.documentId === m.documentId && t.start <= m.start && m.end <= t.end);
  for (const f of from) for (const m of f.mentions) if (!target.mentions.includes(m) && !inside(m)) target.mentions.push(m);
}

/**
 * Moves a candidate to another code: its mentions join the candidate already read for that code, or it
 * becomes that code with the rationale given ("Asplenia in a chart that says the spleen was removed").
 */
export function recode(cands: Map<string, Candidate>, from: Candidate, code: string, rationale: string): void {
  cands.delete(from.code);
  const known = cands.get(code);
  if (known) mergeInto(known, from);
  else cands.set(code, { ...from, code, rationale });
}

/** Identifies the sentence a mention sits in, across the chart's documents. */
export function sentenceKey(m: { documentId: string; sentence: number }): string {
  return `${m.documentId}:${m.sentence}`;
}

/** A code the chart points at, before priors decide whether it is shown. */
export interface Candidate {
  code: string;
  mentions: CandidateMention[];
  via: 'match' | 'combination' | 'history' | 'family' | 'medication';
  rationale?: string;
  /** For a combination code: the conditions it combines (each as read on its own). */
  parts?: Candidate[];
}
