// Irritant dermatitis around a stoma is the stoma's (L24.B-), by the kind of stoma the chart says the
// patient has: "Peristomal irritant contact dermatitis from stool effluent" beside a colostomy (Z93.3)
// is L24.B3 (fecal or urinary stoma), beside a gastrostomy L24.B1, a tracheostomy L24.B2.
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';

const UNSPECIFIED_STOMA = 'L24B0';
/** The stoma's dermatitis by the status code of the stoma the chart names. */
const BY_STATUS: ReadonlyArray<[RegExp, string]> = [
  [/^Z93[2356]/, 'L24B3'],
  [/^Z93[14]/, 'L24B1'],
  [/^Z930/, 'L24B2'],
];

export function stomaDermatitis(cands: Map<string, Candidate>, table: CodeTable): void {
  const dermatitis = cands.get(UNSPECIFIED_STOMA);
  if (!dermatitis) return;
  const kinds = new Set(BY_STATUS.filter(([re]) => [...cands.keys()].some((k) => re.test(k))).map(([, code]) => code));
  if (kinds.size !== 1) return;
  const code = [...kinds][0]!;
  if (!table.byCode.get(code)?.billable) return;
  recode(cands, dermatitis, code, `${UNSPECIFIED_STOMA} of the stoma the chart names: ${code}`);
}
