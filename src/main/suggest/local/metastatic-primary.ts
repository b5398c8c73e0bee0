// "Metastatic urothelial carcinoma of the bladder", "metastatic adenocarcinoma of the head of the pancreas":
// the organ named is where the cancer started, spread elsewhere. The same words also read as a secondary
// neoplasm of that organ (C79.11, C78.89), which the note does not say: a secondary reading whose site
// words all lie inside a primary reading of the same words gives way to it. A secondary named apart
// ("metastatic breast cancer to bone", C79.51) names a site of its own and stays.
import type { Candidate, CandidateMention } from './candidate';

const SECONDARY = /^C7[7-9]/;
const PRIMARY = /^C(?:[0-6]\d|7[0-6])/;
/** A reading that starts with "metastatic" and names no spread of its own ("to", "mets", "secondary"). */
const METASTATIC_ADJECTIVE = /^metastatic\b(?!.*\b(?:to|mets?|metastases|secondary)\b)/i;
/** Words of a secondary reading that say only what it is, not where. */
const KIND_WORDS: ReadonlySet<string> = new Set(['secondary', 'malignant', 'neoplasm', 'metastatic', 'metastasis', 'cancer', 'carcinoma', 'unspecified']);

function overlap(a: CandidateMention, b: CandidateMention): boolean {
  return a.documentId === b.documentId && a.start < b.end && b.start < a.end;
}

export function metastaticPrimary(cands: Map<string, Candidate>): void {
  const primaries = [...cands.values()].filter((c) => PRIMARY.test(c.code));
  if (primaries.length === 0) return;
  for (const c of [...cands.values()]) {
    if (!SECONDARY.test(c.code)) continue;
    const ownSite = (m: CandidateMention): boolean => {
      // Only the adjective read as the spread: "secondary liver involvement" is the liver's secondary.
      if (!METASTATIC_ADJECTIVE.test(m.phrase)) return false;
      const site = m.words.filter((w) => !KIND_WORDS.has(w));
      return site.length > 0 && primaries.some((p) => p.mentions.some((x) => overlap(m, x) && site.every((w) => x.words.includes(w))));
    };
    if (c.mentions.every(ownSite)) cands.delete(c.code);
  }
}
