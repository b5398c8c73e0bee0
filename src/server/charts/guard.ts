// The server refuses to store any chart in which the shared PHI guard finds an identifier.
// Dates are allowed because stored charts carry dates already shifted by the importer.
import type { ImportedChart } from '../../shared/chart';
import { assertSendable } from '../../shared/phi';

export type GuardVerdict = { ok: true } | { ok: false; kinds: string[] };

export function guardChart(chart: ImportedChart): GuardVerdict {
  const texts: string[] = [];
  if (chart.encounter.payer) texts.push(chart.encounter.payer);
  for (const d of chart.documents) {
    texts.push(d.type, d.text);
    if (d.authorRole) texts.push(d.authorRole);
  }
  const kinds = new Set<string>();
  for (const text of texts) {
    const verdict = assertSendable(text, { shiftedDatesAllowed: true });
    if (!verdict.ok) for (const k of verdict.kinds) kinds.add(k);
  }
  return kinds.size === 0 ? { ok: true } : { ok: false, kinds: [...kinds].sort() };
}
