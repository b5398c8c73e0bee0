// A healed fracture in a chart with osteoporosis is the osteoporosis fracture's history (Z87.310, which
// M81's "use additional code" names), not a healed traumatic fracture's (Z87.81): "Age-related
// osteoporosis … She fractured her left hip in a fragility fall in 2021; it is healed".
import { mergeInto, type Candidate } from './candidate';
import type { CodeTable } from './code-table';

const OSTEOPOROSIS = /^M8[01]/;
const TRAUMATIC_HISTORY = 'Z8781';
const OSTEOPOROSIS_HISTORY = 'Z87310';

export function osteoporoticFractureHistory(cands: Map<string, Candidate>, table: CodeTable): void {
  const healed = cands.get(TRAUMATIC_HISTORY);
  if (!healed || !table.byCode.get(OSTEOPOROSIS_HISTORY)?.billable || ![...cands.keys()].some((code) => OSTEOPOROSIS.test(code))) return;
  cands.delete(TRAUMATIC_HISTORY);
  const known = cands.get(OSTEOPOROSIS_HISTORY);
  if (known) mergeInto(known, healed);
  else cands.set(OSTEOPOROSIS_HISTORY, { ...healed, code: OSTEOPOROSIS_HISTORY, rationale: 'A healed fracture in osteoporosis: personal history of (healed) osteoporosis fracture (M81 "use additional code")' });
}
