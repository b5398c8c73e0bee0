// A cerebral infarction named with the artery whose occlusion caused it is one code, I63.3–I63.5 by
// the mechanism and the artery: "acute ischemic stroke due to embolism of right middle cerebral
// artery" is I63.411. Read apart, the artery is I66.- ("occlusion and stenosis … not resulting in
// cerebral infarction", which I63's own Excludes1 keeps apart from the infarction) beside I63.9.
import { shareSentence, type Candidate } from './candidate';
import type { CombineInto } from './combine';
import type { CodeTable } from './code-table';

/** I66's fourth character → I63's artery character ("" for a code with none, I63.x0 / I63.x9). */
const ARTERY: Readonly<Record<string, string>> = { '0': '1', '1': '2', '2': '3', '3': '4', '8': '9', '9': '0' };

export function infarctionByVessel(cands: Map<string, Candidate>, table: CodeTable, combineInto: CombineInto): void {
  const infarction = cands.get('I639');
  if (!infarction) return;
  for (const vessel of [...cands.values()]) {
    if (!vessel.code.startsWith('I66') || !shareSentence(infarction, vessel)) continue;
    const words = new Set(vessel.mentions.flatMap((m) => m.words));
    const mechanism = words.has('embolism') ? '4' : words.has('thrombosis') ? '3' : '5';
    const artery = ARTERY[vessel.code[3] ?? ''];
    if (artery === undefined) continue;
    // Arteries coded by side take the vessel's (9 where unread: the mention's side fills it in later).
    const sided = ['1', '2', '3', '4'].includes(artery);
    const code = `I63${mechanism}${artery}${sided ? (vessel.code[4] ?? '9') : ''}`;
    const target = table.byCode.get(code);
    if (!target?.billable) continue;
    combineInto(cands, code, `${target.long_desc}: the infarction and the artery its sentence names as its cause`, [infarction, vessel], [infarction, vessel]);
    cands.delete(vessel.code);
    cands.delete('I639');
    return;
  }
}
