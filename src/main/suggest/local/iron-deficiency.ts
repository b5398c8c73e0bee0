// "Postpartum anemia, iron deficiency", "Anemia - iron deficiency, on ferrous sulfate": the iron
// deficiency is the anemia's kind, not iron deficiency without anemia (E61.1, whose Excludes1 is iron
// deficiency anemia, D50.-). An anemia of no kind so read is iron deficiency anemia (D50.9); one the
// classification already places (anemia of the puerperium O90.81, in CKD D63.1) keeps its own code.
import { shareSentence, type Candidate } from './candidate';
import type { CombineInto } from './combine';
import type { CodeTable } from './code-table';

const ANEMIA = /^(D5\d|D6[0-4]|O9081|O9903)/;

export function ironDeficiencyOfAnemia(cands: Map<string, Candidate>, table: CodeTable, combineInto: CombineInto): void {
  const iron = cands.get('E611');
  if (!iron) return;
  const anemias = [...cands.values()].filter((c) => ANEMIA.test(c.code) && shareSentence(c, iron));
  if (anemias.length === 0) return;
  const unspecified = anemias.find((c) => c.code === 'D649');
  if (unspecified && table.byCode.get('D509')?.billable) {
    combineInto(cands, 'D509', 'Anemia of iron deficiency: iron deficiency anemia (D50.9)', [unspecified, iron], [unspecified, iron]);
    cands.delete('D649');
  }
  cands.delete('E611');
}
