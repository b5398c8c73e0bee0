// A routine examination that found something is coded "with abnormal findings" (guideline
// I.C.21.c.13): Z00.121 for a well-child visit where overweight was found, Z00.01 for an adult's, and
// the eye, ear and gynaecological examinations alike. A pre-existing condition the visit only keeps
// managed ("Hypertension - stable on lisinopril") is no finding of the examination; the guideline lets
// it be coded beside a "without" code. Without any other finding the code stays "without".
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { CodeTable } from './code-table';
import { spansOf } from './shown-together';

const WITHOUT = /\bwithout abnormal findings\b/i;
/** Codes that are findings: conditions, symptoms and injuries, not statuses, histories or external causes. */
const FINDING = /^[A-T]/;
/** An item's words that say the condition is known and kept as it is. */
const KNOWN_AND_MANAGED = /\b(stable|controlled|at goal|continues?|cont|refill(ed|s)?|unchanged|chronic|maintained|managed|followed by)\b/i;
/** Words that make a known condition a finding all the same: it is new, worse, or not where it should be. */
const NEW_OR_WORSE = /\b(new|newly|uncontrolled|poorly|not controlled|worse\w*|elevated|abnormal|found|incidental|noted on exam|above goal|not at goal)\b/i;
/** Where a numbered item of a one-line list begins or ends. */
const ITEM_NUMBER = /(?:^|\s)\d{1,2}[.)]\s/g;

/** The assessment item a quote sits in: its line, cut at the list numbers around it. */
function itemAround(text: string, q: { start: number; end: number }): string {
  const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
  const lineEnd = text.indexOf('\n', q.end) < 0 ? text.length : text.indexOf('\n', q.end);
  let from = lineStart;
  let to = lineEnd;
  for (const m of text.slice(lineStart, lineEnd).matchAll(ITEM_NUMBER)) {
    const at = lineStart + m.index;
    if (at <= q.start) from = at;
    else if (at >= q.end) {
      to = at;
      break;
    }
  }
  return text.slice(from, to);
}

/** Whether the visit found this condition, rather than kept a known one as it was. */
function foundAtVisit(r: RawSuggestion, texts: ReadonlyMap<string, string>): boolean {
  const quotes = spansOf(r);
  if (quotes.length === 0) return true;
  return quotes.some((q) => {
    const item = itemAround(texts.get(q.documentId) ?? '', q);
    return NEW_OR_WORSE.test(item) || !KNOWN_AND_MANAGED.test(item);
  });
}

export function withExaminationFindings(table: CodeTable, raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>): RawSuggestion[] {
  const shown = (r: RawSuggestion): boolean => r.kind === 'add' || r.kind === 'keep';
  if (!raw.some((r) => shown(r) && FINDING.test(r.code) && foundAtVisit(r, texts))) return [...raw];
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
