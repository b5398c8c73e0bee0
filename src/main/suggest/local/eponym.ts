// An eponym said alone: notes write "Parkinson's", "Crohn's", "Hashimoto's" for the disease the Index
// files as "Parkinson's disease, syndrome or tremor", "Disease > Crohn's", "Hashimoto's disease or
// thyroiditis". Such a name reads as "<name>'s disease", so the Index's own lines for that phrase
// decide the code. Not a name the Index also gives another noun ("Bell's palsy" beside "Bell's
// disease", "Baker's cyst", "Barton's fracture"): alone, it does not say which. Notes use "disease" and
// "syndrome" of a name alike ("Kawasaki disease" for the Index's "Kawasaki's syndrome"): the name with
// the noun the Index lacks reads as the one it has.
import { phraseWords, type Normalizer } from './text';

/** A term (or subterm) that is a possessive name, with what follows it: "Crohn's disease", "Addison's". */
const EPONYM = /^([A-Z][a-z]+['’]s)(?:\s+(.*))?$/;
/** The two nouns a name's disease goes by, and how a line says each. */
const NOUNS: ReadonlyArray<readonly [string, RegExp]> = [['disease', /\bdisease\b/i], ['syndrome', /\bsyndrome\b/i]];
/** What the name alone stands for; also the main terms whose subterm may be such a name ("Disease, diseased > Crohn's"). */
const DISEASE_OR_SYNDROME = /^(?:disease|syndrome)\b/i;

interface EponymRow {
  level: number;
  path: string;
}

/** The possessive names that read alone as their disease, as abbreviations: "parkinson's" → "parkinson disease". */
export function eponymReadings(rows: readonly EponymRow[], normalize: Normalizer): Map<string, { expansion: string[]; exact: string }> {
  const disease = new Map<string, string>();
  /** The nouns the Index gives each name: "Kawasaki's syndrome" has no "disease" line. */
  const nouns = new Map<string, Set<string>>();
  const other = new Set<string>();
  const see = (name: string, rest: string): void => {
    const key = name.toLowerCase().replace('’', "'");
    if (DISEASE_OR_SYNDROME.test(rest)) {
      disease.set(key, name);
      // "Parkinson's disease, syndrome or tremor" gives both.
      const all = nouns.get(key) ?? new Set<string>();
      for (const [n, said] of NOUNS) if (said.test(rest)) all.add(n);
      nouns.set(key, all);
    } else if (rest) other.add(key);
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
    if (other.has(key)) continue;
    const given = nouns.get(key)!;
    const noun = given.has('disease') ? 'disease' : 'syndrome';
    const reading = { expansion: phraseWords(`${name} ${noun}`, normalize), exact: name };
    out.set(key, reading);
    // Notes say "Kawasaki disease" for the Index's "Kawasaki's syndrome", with or without the possessive.
    const bare = name.replace(/['’]s$/, '');
    for (const [missing] of NOUNS.filter(([n]) => !given.has(n))) {
      for (const said of [`${name} ${missing}`, `${bare} ${missing}`]) out.set(said.toLowerCase().replace('’', "'"), { ...reading, exact: said });
    }
  }
  return out;
}
