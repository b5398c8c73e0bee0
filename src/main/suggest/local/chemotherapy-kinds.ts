// A condition a cancer drug caused is the Index's kind "due to antineoplastic chemotherapy", not the one
// due to other drugs: "Febrile neutropenia secondary to gemcitabine/nab-paclitaxel chemotherapy" is
// "Neutropenia > drug induced > due to cytoreductive cancer chemotherapy" (D70.1), not D70.2; "oral
// mucositis due to docetaxel" K12.31, not K12.32; a pancytopenia D61.810, not D61.811. The drug's
// adverse effect is an antineoplastic's (T45.1X5-), read in the same sentence. Read whole, the febrile
// neutropenia (D70.9) is that neutropenia, and its fever is the one D70's "use additional code" asks for
// (R50.81), not a fever the drug caused (R50.2).
import { recode, shareSentence, type Candidate } from './candidate';

/** Each condition due to "other drugs" and its kind due to antineoplastic therapy. */
const ANTINEOPLASTIC_KIND: ReadonlyMap<string, string> = new Map([
  ['D702', 'D701'],
  ['K1232', 'K1231'],
  ['D61811', 'D61810'],
]);
const OTHER_DRUG_NEUTROPENIA = 'D702';
const CHEMOTHERAPY_NEUTROPENIA = 'D701';
const UNSPECIFIED_NEUTROPENIA = 'D709';
const DRUG_FEVER = 'R502';
const FEVER_WITH_CONDITION = 'R5081';
const ANTINEOPLASTIC_EFFECT = /^T451X5/;

export function chemotherapyKinds(cands: Map<string, Candidate>): void {
  const caused = (c: Candidate): boolean => [...cands.values()].some((e) => ANTINEOPLASTIC_EFFECT.test(e.code) && shareSentence(e, c));
  for (const [other, kind] of ANTINEOPLASTIC_KIND) {
    const drug = cands.get(other);
    if (!drug || !caused(drug)) continue;
    recode(cands, drug, kind, `A condition an antineoplastic drug caused: due to antineoplastic chemotherapy (${kind})`);
    if (other !== OTHER_DRUG_NEUTROPENIA) continue;
    const unspecified = cands.get(UNSPECIFIED_NEUTROPENIA);
    if (unspecified && shareSentence(unspecified, drug)) recode(cands, unspecified, CHEMOTHERAPY_NEUTROPENIA, 'The febrile neutropenia an antineoplastic drug caused (D70.1)');
    const fever = cands.get(DRUG_FEVER);
    if (fever && shareSentence(fever, drug)) recode(cands, fever, FEVER_WITH_CONDITION, 'The fever of a febrile neutropenia: fever presenting with conditions classified elsewhere (D70 "use additional code")');
  }
}
