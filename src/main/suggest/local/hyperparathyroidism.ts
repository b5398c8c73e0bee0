// A secondary hyperparathyroidism the chart puts down to a cause outside the kidney ("Vitamin D deficiency with
// secondary hyperparathyroidism, due to post-bypass malabsorption") in a chart with no kidney disease is the
// Index's "Hyperparathyroidism > secondary > non-renal" (E21.1), not its default "(renal)" N25.81.
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineAround } from './text';

const RENAL_SECONDARY = 'N2581';
const NON_RENAL_SECONDARY = 'E211';
/** Kidney disease that makes a secondary hyperparathyroidism the kidney's: CKD, ESRD, AKI, hypertensive kidney disease, dialysis, a kidney transplant. */
const KIDNEY_DISEASE = /^(N1[7-9]|I1[23]|Z992|Z940|E(0[89]|1[013])2)/;
/** Causes outside the kidney a line may name. */
const NON_RENAL_CAUSE = /\b(vitamin d|malabsorption|bypass|gastrectomy|bariatric|celiac|calcium deficiency)\b/i;
const KIDNEY_WORDS = /\b(ckd|esrd|renal|kidney|dialysis|nephropathy)\b/i;

export function nonRenalHyperparathyroidism(cands: Map<string, Candidate>, table: CodeTable, texts: ReadonlyMap<string, string> | undefined): void {
  const c = cands.get(RENAL_SECONDARY);
  if (!c || !texts || [...cands.keys()].some((k) => KIDNEY_DISEASE.test(k)) || !table.byCode.get(NON_RENAL_SECONDARY)?.billable) return;
  const lines = c.mentions.map((m) => lineAround(texts, m));
  if (lines.some((l) => KIDNEY_WORDS.test(l)) || !lines.some((l) => NON_RENAL_CAUSE.test(l))) return;
  recode(cands, c, NON_RENAL_SECONDARY, `A secondary hyperparathyroidism of a cause outside the kidney, in a chart with no kidney disease: ${table.byCode.get(NON_RENAL_SECONDARY)!.long_desc}`);
}
