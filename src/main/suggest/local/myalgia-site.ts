// A myalgia the chart gives a site is "Myalgia, other site" (M79.18): "myalgia of both thighs and
// calves attributable to atorvastatin". The Index's "Myalgia" reads M79.10 (unspecified site); the
// other subcodes are the muscles of mastication (M79.11) and the head and neck's auxiliary ones (M79.12).
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { phraseWords, type Normalizer } from './text';

const UNSPECIFIED_SITE = 'M7910';
const OTHER_SITE = 'M7918';
/** Sites that are the head's or neck's, whose myalgia has codes of its own (M79.11, M79.12): left as read. */
const HEAD_AND_NECK = new Set(['jaw', 'head', 'neck', 'face', 'temple', 'mastication', 'masseter', 'temporomandibular']);

export function myalgiaSite(cands: Map<string, Candidate>, table: CodeTable, siteWords: ReadonlySet<string>, normalize: Normalizer, texts?: ReadonlyMap<string, string>): void {
  const c = cands.get(UNSPECIFIED_SITE);
  if (!c || !texts || !table.byCode.get(OTHER_SITE)?.billable) return;
  // The site said right after it, in its clause: "of both thighs and calves", "in the legs".
  const sited = c.mentions.some((m) => {
    if (m.assertion !== 'present') return false;
    const after = /^\s+(?:of|in|over|involving)\s+([^.;,:()\n]{1,40})/i.exec((texts.get(m.documentId) ?? '').slice(m.end, m.end + 50));
    const words = after ? phraseWords(after[1]!, normalize) : [];
    return words.some((w) => siteWords.has(w)) && !words.some((w) => HEAD_AND_NECK.has(w));
  });
  if (sited) recode(cands, c, OTHER_SITE, `${UNSPECIFIED_SITE} at a site the chart names: ${table.byCode.get(OTHER_SITE)!.long_desc}`);
}
