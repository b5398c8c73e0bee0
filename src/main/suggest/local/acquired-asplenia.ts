// "Asplenia" alone is the Index's congenital one (Q89.01); a chart that says the spleen was removed
// ("splenectomy ~6 yrs ago … Asplenic - PCV20 given today") means the acquired absence (Asplenia >
// postsurgical, Z90.81).
import { recode, type Candidate } from './candidate';

const CONGENITAL = 'Q8901';
const POSTSURGICAL = 'Z9081';
const SPLENECTOMY = /\bsplenectomy\b/i;

export function acquiredAsplenia(cands: Map<string, Candidate>, texts?: ReadonlyMap<string, string>): void {
  const congenital = cands.get(CONGENITAL);
  if (!congenital || !texts || ![...texts.values()].some((t) => SPLENECTOMY.test(t))) return;
  recode(cands, congenital, POSTSURGICAL, 'Asplenia in a chart that says the spleen was removed: postsurgical asplenia (Z90.81)');
}
