// A neutropenia a cancer drug caused is the Index's "Neutropenia > drug induced > due to cytoreductive
// cancer chemotherapy" (D70.1), not the other drug-induced one (D70.2): "Febrile neutropenia secondary to
// gemcitabine/nab-paclitaxel chemotherapy" names the drug, whose adverse effect is an antineoplastic's
// (T45.1X5-). Read whole, the febrile neutropenia (D70.9) is that neutropenia, and its fever is the one
// D70's "use additional code" asks for (R50.81), not a fever the drug caused (R50.2).
import { recode, shareSentence, type Candidate } from './candidate';

const OTHER_DRUG_INDUCED = 'D702';
const CHEMOTHERAPY_INDUCED = 'D701';
const UNSPECIFIED_NEUTROPENIA = 'D709';
const DRUG_FEVER = 'R502';
const FEVER_WITH_CONDITION = 'R5081';
const ANTINEOPLASTIC_EFFECT = /^T451X5/;

export function chemotherapyNeutropenia(cands: Map<string, Candidate>): void {
  const drug = cands.get(OTHER_DRUG_INDUCED);
  if (!drug || ![...cands.values()].some((c) => ANTINEOPLASTIC_EFFECT.test(c.code) && shareSentence(c, drug))) return;
  recode(cands, drug, CHEMOTHERAPY_INDUCED, 'A neutropenia an antineoplastic drug caused: due to cytoreductive cancer chemotherapy (D70.1)');
  const unspecified = cands.get(UNSPECIFIED_NEUTROPENIA);
  if (unspecified && shareSentence(unspecified, drug)) recode(cands, unspecified, CHEMOTHERAPY_INDUCED, 'The febrile neutropenia an antineoplastic drug caused (D70.1)');
  const fever = cands.get(DRUG_FEVER);
  if (fever && shareSentence(fever, drug)) recode(cands, fever, FEVER_WITH_CONDITION, 'The fever of a febrile neutropenia: fever presenting with conditions classified elsewhere (D70 "use additional code")');
}
