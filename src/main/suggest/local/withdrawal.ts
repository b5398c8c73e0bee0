// A withdrawal read "unspecified" (F10.239, F13.239 …) whose line says it has no complication is the
// uncomplicated one: "Alcohol dependence w/ acute withdrawal, moderate - no seizures, hallucinations, or
// delirium" is F10.230. Its complications are the subcategory's siblings: delirium and perceptual disturbance.
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineAround } from './text';

const WITHDRAWAL_UNSPECIFIED = /\bwith withdrawal, unspecified$/i;
/** A line that says the withdrawal is uncomplicated, or denies what would complicate it. */
const NO_COMPLICATION = /\buncomplicated\b|\b(?:no|without|w\/o|denies|negative for)\b[^.;\n]{0,30}\b(?:seizures?|hallucinations?|delirium|DTs?|delirium tremens|perceptual disturbances?)\b/i;

export function uncomplicatedWithdrawal(cands: Map<string, Candidate>, table: CodeTable, texts: ReadonlyMap<string, string> | undefined): void {
  if (!texts) return;
  for (const c of [...cands.values()]) {
    const title = table.byCode.get(c.code)?.long_desc ?? '';
    if (!WITHDRAWAL_UNSPECIFIED.test(title)) continue;
    const said = c.mentions.some((m) => NO_COMPLICATION.test(lineAround(texts, m)));
    const want = title.replace(WITHDRAWAL_UNSPECIFIED, 'with withdrawal, uncomplicated');
    const sibling = said ? table.billableIn(c.code.slice(0, 3)).find((r) => r.long_desc === want) : undefined;
    if (sibling) recode(cands, c, sibling.code, `${c.code} whose line says it has no complication: ${sibling.long_desc}`);
  }
}
