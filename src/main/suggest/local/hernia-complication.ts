// A hernia the chart names by site, and its obstruction or gangrene said apart ("Incarcerated umbilical hernia
// with small bowel obstruction", read as "hernia with obstruction", K46.0, beside "umbilical hernia", K42.9):
// one code, the site's hernia with that complication (K42.0). The Index reads "Hernia > incarcerated — see
// Hernia, by site, with obstruction"; the codes' titles say the rest.
import { mergeInto, type Candidate } from './candidate';
import type { CodeTable } from './code-table';

/** Hernias by site (inguinal, femoral, umbilical, ventral, diaphragmatic, other) said without a complication. */
const SITED_HERNIA = /^K4[0-5]/;
const WITHOUT_EITHER = /without obstruction or gangrene/i;
/** The unspecified site's hernia with a complication: K46.0 (obstruction), K46.1 (gangrene). */
const UNSITED_COMPLICATED = /^K46[01]$/;

export function herniaComplication(cands: Map<string, Candidate>, table: CodeTable): void {
  const complicated = [...cands.values()].find((c) => UNSITED_COMPLICATED.test(c.code));
  if (!complicated) return;
  const withWhat = complicated.code === 'K460' ? 'with obstruction, without gangrene' : 'with gangrene';
  for (const sited of [...cands.values()]) {
    const title = table.byCode.get(sited.code)?.long_desc ?? '';
    if (!SITED_HERNIA.test(sited.code) || !WITHOUT_EITHER.test(title)) continue;
    // "…, without obstruction or gangrene" and "… without obstruction or gangrene" both become "…, with obstruction, without gangrene".
    const commas = (t: string): string => t.toLowerCase().replace(/(\w) with\b/, '$1, with');
    const want = commas(title.replace(/,?\s*without obstruction or gangrene/i, ` ${withWhat}`));
    const sibling = table.billableIn(sited.code.slice(0, 3)).find((r) => commas(r.long_desc) === want);
    if (!sibling) continue;
    cands.delete(sited.code);
    cands.delete(complicated.code);
    const target = cands.get(sibling.code) ?? { code: sibling.code, mentions: [], via: 'combination', rationale: `${sited.code} whose ${withWhat.split(',')[0]} the chart says apart (${complicated.code}): ${sibling.long_desc}`, parts: [sited, complicated] };
    cands.set(sibling.code, target);
    mergeInto(target, sited, complicated);
    return;
  }
}
