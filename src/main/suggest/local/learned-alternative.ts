// What a corpus's coders used instead of the Index's code for a phrasing is taken only when it says
// no more than the note does. Their choice may come from what each case said around the words ("cervical
// lymphadenopathy" coded R59.0) or from an older edition of the Index ("depression" was F32.9 before
// F32.A): neither is the reading of a note that does not say it.
import type { Normalizer } from './text';
import { contentWords } from './index-words';

/**
 * Whether `alternative`'s title adds a detail that neither `code`'s title nor the note's own words
 * say: "Major depressive disorder, single episode, unspecified" (F32.9) for "Depression" (F32.A) adds
 * "major" and "single episode"; "Type 2 diabetes mellitus without complications" (E11.9) for an E11.52
 * read from a history says less, and may stand.
 */
export function addsUnsaidDetail(codeTitle: string, alternativeTitle: string, noteWords: ReadonlySet<string>, norm: Normalizer): boolean {
  const own = new Set(contentWords(codeTitle, norm));
  return contentWords(alternativeTitle, norm).some((w) => !own.has(w) && !noteWords.has(w) && !VAGUE.has(w));
}

/** Title words that name no detail: a code "without complications" or "uncomplicated" says no more. */
const VAGUE = new Set(['without', 'complication', 'complications', 'uncomplicated', 'disorder', 'disease', 'state']);
