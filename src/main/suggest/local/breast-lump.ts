// A breast lump or mass whose line names the breast and its quadrant ("Right breast mass, UOQ", "lump in the
// RIGHT breast") is the Index's "Lump > breast > right > upper outer quadrant" (N63.11); the bare reading is
// N63.0, which names neither. The quadrant digits follow the titles: 1 upper outer, 2 upper inner, 3 lower
// outer, 4 lower inner, 5 overlapping, 0 unspecified.
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineAround } from './text';

const UNSPECIFIED_BREAST = 'N630';
const SIDE = /\b(right|left|rt|lt|r|l)\b(?=[^.;\n]{0,20}\bbreast)|\bbreast\b[^.;\n]{0,6}\b(right|left)\b/i;
const QUADRANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(UOQ|upper outer quadrant|upper outer)\b/i, '1'],
  [/\b(UIQ|upper inner quadrant|upper inner)\b/i, '2'],
  [/\b(LOQ|lower outer quadrant|lower outer)\b/i, '3'],
  [/\b(LIQ|lower inner quadrant|lower inner)\b/i, '4'],
  [/\boverlapping quadrants\b/i, '5'],
];

export function breastLumpSite(cands: Map<string, Candidate>, table: CodeTable, texts: ReadonlyMap<string, string> | undefined): void {
  const c = cands.get(UNSPECIFIED_BREAST);
  if (!c || !texts) return;
  let side: string | undefined;
  let quadrant: string | undefined;
  for (const m of c.mentions) {
    if (m.assertion !== 'present') continue;
    const line = lineAround(texts, m);
    const s = SIDE.exec(line);
    const said = (s?.[1] ?? s?.[2])?.toLowerCase();
    if (!said) continue;
    const thisSide = said.startsWith('r') ? '1' : '2';
    if (side !== undefined && side !== thisSide) return;
    side = thisSide;
    quadrant ??= QUADRANTS.find(([re]) => re.test(line))?.[1];
  }
  if (!side) return;
  const code = `N63${side}${quadrant ?? '0'}`;
  if (table.byCode.get(code)?.billable) recode(cands, c, code, `A breast lump on the side${quadrant ? ' and quadrant' : ''} its line names: ${table.byCode.get(code)!.long_desc}`);
}
