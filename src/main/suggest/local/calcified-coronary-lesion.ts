// Coronary atherosclerosis with a calcified lesion asks for I25.84 beside it ("Atherosclerosis >
// coronary > artery > due to > calcified coronary lesion"; I25.84's note: code first the I25.1-, I25.7-
// or I25.81- atherosclerosis). Cath reports say it of the lesion ("severely calcified lesion",
// "heavily calcified LAD", "calcified stenosis"), seldom in the Index's words, and the coronary is the
// report's own subject: only a line that reads the coronary atherosclerosis is read for it.
import type { Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineOf } from './text';

const CALCIFIED_LESION = 'I2584';
/** Coronary atherosclerosis of native vessels, grafts or transplanted hearts (I25.1-, I25.7-, I25.81-). */
const CORONARY_ATHEROSCLEROSIS = /^I25(?:1|7|81)/;
/** A calcified lesion, stenosis or plaque as a cath report says it. */
const CALCIFIED = /\b(?:(?:heavily|severely|moderately|densely|markedly)\s+)?calcified\s+(?:coronary\s+)?(?:lesions?|stenos[ie]s|plaques?|LAD|LCx|RCA|LM|vessels?|segments?)\b/i;

export function calcifiedCoronaryLesion(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts || cands.has(CALCIFIED_LESION) || !table.byCode.get(CALCIFIED_LESION)?.billable) return;
  for (const c of cands.values()) {
    if (!CORONARY_ATHEROSCLEROSIS.test(c.code)) continue;
    for (const m of c.mentions) {
      if (m.assertion !== 'present') continue;
      const text = texts.get(m.documentId) ?? '';
      const line = lineOf(text, m.start, m.end);
      const said = CALCIFIED.exec(line);
      if (!said) continue;
      const start = text.lastIndexOf('\n', m.start - 1) + 1 + said.index;
      cands.set(CALCIFIED_LESION, {
        code: CALCIFIED_LESION,
        via: 'combination',
        mentions: [{ ...m, start, end: start + said[0].length, phrase: said[0], words: [] }],
        rationale: `${c.code} with a calcified coronary lesion: I25.84 beside it, as its Index line and note ask`,
        parts: [c],
      });
      return;
    }
  }
}
