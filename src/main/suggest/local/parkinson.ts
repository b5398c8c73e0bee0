// Parkinson's disease is coded with its dyskinesia and its motor fluctuations (G20.A1–G20.B2): "Parkinson
// disease with motor fluctuations (wearing-off) and peak-dose dyskinesia" is G20.B2, not G20.A1 with a
// dyskinesia read apart (G24.9, "Dyskinesia" in the Index) beside it.
import { mergeInto, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineOf } from './text';

const PARKINSON = /^G20[AB][12]$/;
const DYSKINESIA = 'G249';
/** Motor fluctuations as neurologists write them; a bare "fluctuations" only on the disease's own line. */
const FLUCTUATIONS = /\b(?:motor fluctuations?|wearing[- ]off|on[- /]off (?:fluctuations?|phenomen(?:on|a)|periods?|states?|cycling)|off (?:periods?|episodes?|time))\b/gi;
const BARE_FLUCTUATIONS = /\bfluctuations?\b/gi;
/** A denial earlier in its clause: "no wearing-off or on/off fluctuations", "without fluctuations". */
const DENIED_BEFORE = /\b(?:no|not|without|denies|denied|negative for)\b[^.;:\n]*$/i;

function saysFluctuations(text: string, re: RegExp = FLUCTUATIONS): boolean {
  for (const m of text.matchAll(re)) if (!DENIED_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) return true;
  return false;
}

export function parkinsonWithFeatures(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  const pd = [...cands.values()].find((c) => PARKINSON.test(c.code));
  if (!pd) return;
  const dyskinesia = cands.get(DYSKINESIA);
  const said = dyskinesia?.mentions.some((m) => m.words.some((w) => w.startsWith('dyskines'))) === true;
  const fluctuating = pd.code.endsWith('2') || [...(texts?.values() ?? [])].some((t) => saysFluctuations(t)) || pd.mentions.some((m) => saysFluctuations(lineOf(texts?.get(m.documentId) ?? '', m.start, m.end), BARE_FLUCTUATIONS));
  const code = `G20${said || pd.code[3] === 'B' ? 'B' : 'A'}${fluctuating ? '2' : '1'}`;
  if (!table.byCode.get(code)?.billable) return;
  if (said) {
    mergeInto(pd, dyskinesia!);
    cands.delete(DYSKINESIA);
  }
  if (code === pd.code) return;
  cands.delete(pd.code);
  cands.set(code, { ...pd, code, rationale: `${pd.rationale ?? pd.code}; with the dyskinesia and motor fluctuations the note states` });
}
