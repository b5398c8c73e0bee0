// A routine examination that found something is coded "with abnormal findings" (guideline
// I.C.21.c.13): Z00.121 for a well-child visit where overweight was found, Z00.01 for an adult's, and
// the eye, ear and gynaecological examinations alike. Without another condition shown it stays "without".
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { CodeTable } from './code-table';

const WITHOUT = /\bwithout abnormal findings\b/i;
/** Codes that are findings: conditions, symptoms and injuries, not statuses, histories or external causes. */
const FINDING = /^[A-T]/;

export function withExaminationFindings(table: CodeTable, raw: readonly RawSuggestion[]): RawSuggestion[] {
  const shown = (r: RawSuggestion): boolean => r.kind === 'add' || r.kind === 'keep';
  if (!raw.some((r) => shown(r) && FINDING.test(r.code))) return [...raw];
  const out: RawSuggestion[] = [];
  for (const r of raw) {
    const title = r.kind === 'add' ? table.byCode.get(r.code)?.long_desc : undefined;
    const want = title && WITHOUT.test(title) ? title.replace(WITHOUT, 'with abnormal findings') : undefined;
    const sibling = want ? table.billableIn(r.code.slice(0, 3)).find((c) => c.long_desc === want) : undefined;
    if (!sibling) out.push(r);
    else if (!raw.some((x) => x.code === sibling.code)) out.push({ ...r, code: sibling.code, rationale: `${r.rationale ?? ''}; the examination found other conditions: ${sibling.code} (guideline I.C.21.c.13)` });
  }
  return out;
}
