// An eponym said alone: notes write "Parkinson's", "Crohn's", "Hashimoto's" for the disease the Index
// files as "Parkinson's disease, syndrome or tremor", "Disease > Crohn's", "Hashimoto's disease or
// thyroiditis". Such a name reads as "<name>'s disease", so the Index's own lines for that phrase
// decide the code. Not a name the Index also gives another noun ("Bell's palsy" beside "Bell's
// disease", "Baker's cyst", "Barton's fracture"): alone, it does not say which.
import { phraseWords, type Normalizer } from './text';

/** A term (or subterm) that is a possessive name, with what follows it: "Crohn's disease", "Addison's". */
const EPONYM = /^([A-Z][a-z]+['’]s)(?:\s+(.*))?$/;
/** What the name alone stands for; also the main terms whose subterm may be such a name ("Disease, diseased > Crohn's"). */
const DISEASE_OR_SYNDROME = /^(?:disease|syndrome)\b/i;

interface EponymRow {
  level: number;
  path: string;
}

/** The possessive names that read alone as their disease, as abbreviations: "parkinson's" → "parkinson disease". */
export function eponymReadings(rows: readonly EponymRow[], normalize: Normalizer): Map<string, { expansion: string[]; exact: string }> {
  const disease = new Map<string, string>();
  const other = new Set<string>();
  const see = (name: string, rest: string): void => {
    const key = name.toLowerCase().replace('’', "'");
    if (DISEASE_OR_SYNDROME.test(rest)) disease.set(key, name);
    else if (rest) other.add(key);
  };
  for (const r of rows) {
    const segs = r.path.split(' > ').map((s) => s.trim());
    const main = EPONYM.exec(segs[0]!);
    // "Crohn's disease" (level 0), or "Addison's > anemia" under a bare name.
    if (main && r.level === 0) see(main[1]!, main[2] ?? '');
    else if (main && r.level === 1 && !main[2]) see(main[1]!, segs[1]!);
    else if (r.level === 1 && DISEASE_OR_SYNDROME.test(segs[0]!)) {
      const sub = EPONYM.exec(segs[1]!);
      if (sub && !sub[2]) see(sub[1]!, 'disease');
    }
  }
  const out = new Map<string, { expansion: string[]; exact: string }>();
  for (const [key, name] of disease) {
    if (!other.has(key)) out.set(key, { expansion: phraseWords(`${name} disease`, normalize), exact: name });
  }
  return out;
}
