// A condition the chart says a drug properly taken caused is the Index's drug-induced kind of it where
// the Index has one: "Diarrhea > drug-induced" (K52.1), "Constipation > drug-induced" (K59.03),
// "Neutropenia > drug-induced" (D70.2), "Fever > drug induced" (R50.2). "Osimertinib-related diarrhea"
// is K52.1 with the drug's adverse effect, not diarrhea unspecified (R19.7).

/** The Index subterm of a main term that names its drug-induced kind. */
const DRUG_INDUCED = /^(?:drug[- ]induced|due to drugs?)(?: NEC)?$/i;

/** The drug-induced code of each main term's own code, from the Index's "<term> > drug-induced" lines. */
export function readDrugInduced(indexRows: ReadonlyArray<{ level: number; term: string; code: string | null }>): Map<string, string> {
  const out = new Map<string, string>();
  let main: string | null = null;
  for (const r of indexRows) {
    if (r.level === 0) main = r.code;
    else if (r.level === 1 && main && r.code && DRUG_INDUCED.test(r.term.trim()) && !out.has(main)) out.set(main, r.code);
  }
  return out;
}
