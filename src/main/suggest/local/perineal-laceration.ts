// A third-degree perineal laceration's grade said on its line ("Third-degree perineal laceration, IIIb, repaired",
// "3rd degree tear, 3a") is the graded code (O70.21 IIIa, O70.22 IIIb, O70.23 IIIc). The Index has the grades only
// under "Delivery > complicated by > laceration", which a diagnosis list that does not say "delivery" never reaches.
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineAround } from './text';

const UNGRADED = 'O7020';
const GRADE = /\b(?:III|3)\s*-?\s*([abc])\b/i;
const GRADED: Readonly<Record<string, string>> = { a: 'O7021', b: 'O7022', c: 'O7023' };

export function perinealLacerationGrade(cands: Map<string, Candidate>, table: CodeTable, texts: ReadonlyMap<string, string> | undefined): void {
  const c = cands.get(UNGRADED);
  if (!c || !texts) return;
  const grade = c.mentions.map((m) => GRADE.exec(lineAround(texts, m))?.[1]?.toLowerCase()).find((g) => g !== undefined);
  const code = grade ? GRADED[grade] : undefined;
  if (code && table.byCode.get(code)?.billable) recode(cands, c, code, `A third-degree laceration of the grade its line names: ${table.byCode.get(code)!.long_desc}`);
}
