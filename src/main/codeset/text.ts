// One tokenizer for both sides of search: the build stores documents already normalised with it and
// the query is normalised the same way, so FTS5 only ever sees plain [a-z0-9] tokens and the ranking
// code can compare query and document tokens without a second opinion from SQLite.

/** Words that carry no meaning for finding a code; dropped from queries and from exact-match checks. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'with', 'w', 'in', 'to', 'due', 'by', 'for', 'on', 'as', 'at', 'from', 'is',
]);

/** Words a coder leaves out when the tabular title has them ("Heart failure, unspecified" is what "heart failure" means). */
export const OPTIONAL_WORDS: ReadonlySet<string> = new Set(['unspecified', 'nos', 'nec', 'specified', 'site', 'not', 'elsewhere', 'classified']);

/** Lower-case, diacritics and possessive "'s" removed, split on anything that is not a letter or digit. */
export function rawTokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '');
  return folded.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

/** Harman's S-stemmer: folds plurals ("attacks" → "attack", "arteries" → "artery") and nothing else, so prefixes stay predictable while typing. */
export function stem(token: string): string {
  if (token.length <= 3 || /^[0-9]/.test(token)) return token;
  if (token.endsWith('ies') && !token.endsWith('eies') && !token.endsWith('aies')) return `${token.slice(0, -3)}y`;
  if (token.endsWith('es') && !token.endsWith('aes') && !token.endsWith('ees') && !token.endsWith('oes')) return token.slice(0, -1);
  if (token.endsWith('s') && !token.endsWith('us') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

export function tokens(text: string): string[] {
  return rawTokens(text).map(stem);
}

/**
 * The part of a document that must be covered for a query to be an exact match, encoded once at build
 * time: segments (Index levels) joined by '|', comma variants of a segment ("Attack, attacks") by ',',
 * tokens by ' '. Stop and optional words are left out.
 */
export function encodeEssentials(segments: readonly string[], splitVariants: boolean): { ess: string; required: number } {
  let required = 0;
  const encoded = segments.map((segment) => {
    const variants = (splitVariants ? segment.split(/,\s*/) : [segment])
      .map((v) => {
        const words = tokens(v).filter((t) => !STOPWORDS.has(t));
        const needed = words.filter((t) => !OPTIONAL_WORDS.has(t));
        // "specified NEC" as a whole Index level is a real choice, not filler.
        return needed.length > 0 ? needed : words;
      })
      .filter((v) => v.length > 0);
    if (variants.length === 0) return '';
    required += Math.min(...variants.map((v) => v.length));
    return variants.map((v) => v.join(' ')).join(',');
  });
  return { ess: encoded.join('|'), required };
}

export function decodeEssentials(ess: string): string[][][] {
  return ess.split('|').map((segment) => (segment === '' ? [] : segment.split(',').map((v) => v.split(' '))));
}
