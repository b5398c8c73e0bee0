// Ages over 89 are identifiers under Safe Harbor; they are aggregated to "90+" in place, so
// "92-year-old" reads "90+-year-old" and "age 93" reads "age 90+". Ages up to 89 stay: they drive coding.
import type { Detection } from './types';

const AGE_BEFORE_UNIT = /(?<![\d.,+])(\d{2,3})(?!\+)(?=(?:\s?-\s?|\s{1,2})(?:years?|yrs?|y\.?\s?o\b|y\/o|yo\b|year-old|yr-old)|(?:years?|yrs?|yo|y\/o|y\.o\.)\b)/gi;
const AGE_AFTER_LABEL = /\b(?:age[ds]?|aged)\s{0,2}(?:of\s|is\s|was\s|:\s?|=\s?)?\s{0,2}(\d{2,3})(?![\d.+])/gi;

const MIN_AGGREGATED = 90;
// Nobody is 150; above that the number is something else.
const MAX_AGE = 150;

export function findAgesOver89(text: string): Detection[] {
  const out: Detection[] = [];
  for (const re of [AGE_BEFORE_UNIT, AGE_AFTER_LABEL]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const digits = m[1]!;
      const age = Number(digits);
      if (age < MIN_AGGREGATED || age > MAX_AGE) continue;
      // Both patterns end their match on the digits.
      const start = m.index + m[0].length - digits.length;
      out.push({ kind: 'age_over_89', start, end: start + digits.length, rewrite: () => '90+' });
    }
  }
  return out;
}
