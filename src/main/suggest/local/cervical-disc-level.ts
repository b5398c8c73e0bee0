// Cervical disc disorders (M50) are coded by region and, in the mid-cervical region, by level: "C5-6 disc
// herniation with radiculopathy" is M50.122 (at C5-C6), not M50.10 (unspecified cervical region). Of
// several levels, the category's note asks for the most superior.
import type { Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineAround } from './text';

/** An M50 code whose region, or mid-cervical level, is unspecified: M50.x0 or M50.x20. */
const UNLEVELLED = /^M50\d(?:0|20)$/;
/** A cervical level as notes write it: "C5-6", "C5-C6", "C7-T1". */
const LEVEL = /\bC([2-7])\s*[-–/]\s*(?:C([3-7])|([3-7])|(T1))\b/gi;

/** The code's tail for the disc between C`upper` and the vertebra below it. */
function regionTail(upper: number): string | undefined {
  if (upper === 2 || upper === 3) return '1';
  if (upper >= 4 && upper <= 6) return `2${upper - 3}`;
  return upper === 7 ? '3' : undefined;
}

/** The levels a reading's line names. */
function levelsOn(line: string): Set<number> {
  const out = new Set<number>();
  for (const m of line.matchAll(LEVEL)) {
    const upper = Number(m[1]);
    const lower = m[4] ? 8 : Number(m[2] ?? m[3]);
    if (lower === upper + 1) out.add(upper);
  }
  return out;
}

export function cervicalDiscLevel(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts) return;
  for (const c of [...cands.values()]) {
    if (!UNLEVELLED.test(c.code)) continue;
    const levels = new Set<number>();
    for (const m of c.mentions) for (const l of levelsOn(lineAround(texts, m))) levels.add(l);
    // Of several, the most superior: M50's note says "code to the most superior level of disorder".
    if (levels.size === 0) continue;
    const tail = regionTail(Math.min(...levels));
    const code = tail === undefined ? undefined : `${c.code.slice(0, 4)}${tail}`;
    if (!code || code === c.code || !table.byCode.get(code)?.billable || cands.has(code)) continue;
    cands.delete(c.code);
    cands.set(code, { ...c, code, rationale: `${c.rationale ?? c.code}; at the cervical level the note names` });
  }
}
