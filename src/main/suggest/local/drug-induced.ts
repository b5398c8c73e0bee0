// A condition the chart says a drug properly taken caused is the Index's drug-induced kind of it where
// the Index has one: "Diarrhea > drug-induced" (K52.1), "Constipation > drug-induced" (K59.03),
// "Neutropenia > drug-induced" (D70.2), "Fever > drug induced" (R50.2). "Osimertinib-related diarrhea"
// is K52.1 with the drug's adverse effect, not diarrhea unspecified (R19.7).

/** The Index subterm of a main term that names its drug-induced kind. */
const DRUG_INDUCED = /^(?:drug[- ]induced|due to drugs?)(?: NEC)?$/i;

/** The drug-induced code of each main term's own code, from the Index's "<term> > drug-induced" lines. */
export function readDrugInduced(indexRows: ReadonlyArray<{ level: number; path: string; term: string; code: string | null; see_code?: string | null }>): Map<string, string> {
  const out = new Map<string, string>();
  // The kind sits under the term whose code it replaces, at any depth: "Insufficiency > adrenocortical >
  // drug-induced" (E27.3 for E27.40), "Pancreatitis > acute > drug induced" (K85.30 for K85.90).
  const codeAt = new Map<string, string>();
  for (const r of indexRows) {
    if (r.code) codeAt.set(r.path, r.code);
    // The kind may be a cross-reference: "Osteoporosis > drug-induced — see Osteoporosis, specified type NEC" (M81.8).
    const code = r.code ?? r.see_code ?? null;
    const parent = r.level >= 1 ? codeAt.get(r.path.slice(0, r.path.lastIndexOf(' > '))) : undefined;
    if (parent && code && DRUG_INDUCED.test(r.term.trim()) && !out.has(parent)) out.set(parent, code);
  }
  return out;
}
