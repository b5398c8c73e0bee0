import { renderTable } from '../edits/text-table';
import type { RafResult } from './types';

const coef = (n: number): string => n.toFixed(3);

/** The risk score as plain text for `plumbline raf`: what each code did, every term, the total. */
export function formatRafTable(r: RafResult): string {
  const out: string[] = [];
  out.push(`CMS-HCC V28 raw risk score — ${r.segment} (${r.segmentName}), ${r.sex} ${r.age} — code set ${r.version}`);
  out.push('');
  if (r.codes.length) {
    const rows: string[][] = [];
    for (const c of r.codes) {
      if (c.hccs.length === 0) {
        rows.push([c.code, c.status, '', '', '', c.note ?? '']);
        continue;
      }
      c.hccs.forEach((h, i) => {
        const notes = [h.droppedBy !== undefined ? `dropped by HCC ${h.droppedBy}` : '', i === 0 ? c.note ?? '' : ''].filter(Boolean).join('; ');
        rows.push([i === 0 ? c.code : '', i === 0 ? c.status : '', String(h.hcc), h.label, coef(h.coefficient), notes]);
      });
    }
    out.push(
      renderTable(
        [
          { header: 'CODE', max: 10 },
          { header: 'STATUS', max: 12 },
          { header: 'HCC', max: 4, align: 'right' },
          { header: 'LABEL', max: 40 },
          { header: 'COEF', max: 6, align: 'right' },
          { header: 'NOTE', max: 40 },
        ],
        rows,
      ),
    );
    out.push('');
  }
  const rows = r.terms.map((t) => [t.variable, t.kind, coef(t.coefficient), t.because]);
  rows.push(['TOTAL', 'raw score', coef(r.total), `${r.paymentHccCount} payment HCC(s)`]);
  out.push(
    renderTable(
      [
        { header: 'TERM', max: 24 },
        { header: 'KIND', max: 11 },
        { header: 'COEF', max: 6, align: 'right' },
        { header: 'WHY', max: 60 },
      ],
      rows,
    ),
  );
  for (const w of r.warnings) out.push(`warning: ${w}`);
  out.push('Raw relative factors: no normalisation factor, no MA coding-intensity adjustment, no frailty or ESRD models.');
  return out.join('\n');
}
