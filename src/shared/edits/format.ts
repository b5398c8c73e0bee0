import { renderTable } from './text-table';
import type { EditResult, EditSeverity } from './types';

const LABEL: Readonly<Record<EditSeverity, string>> = { error: 'ERROR', warning: 'WARN', info: 'info' };

/**
 * The edits as a plain-text table for `plumbline edits`, with a one-line tally underneath. Lines stay
 * within `width` (default 120, at least 72); below 110 columns the source moves under the message.
 */
export function formatEditsTable(results: readonly EditResult[], opts: { width?: number } = {}): string {
  const tally = (s: EditSeverity): number => results.filter((r) => r.severity === s).length;
  const footer = `${tally('error')} error(s), ${tally('warning')} warning(s), ${tally('info')} info`;
  if (results.length === 0) return `No edits: the codes pass every check.\n${footer}`;
  const width = Math.max(72, opts.width ?? 120);
  const wide = width >= 110;
  const fixed = 5 + 23 + (wide ? 16 + 28 : 12);
  const gaps = 2 * (wide ? 4 : 3);
  const messageWidth = width - fixed - gaps;
  const columns = [
    { header: 'SEV', max: 5 },
    { header: 'RULE', max: 23 },
    { header: 'CODES', max: wide ? 16 : 12 },
    { header: 'MESSAGE', max: messageWidth },
    ...(wide ? [{ header: 'SOURCE', max: 28 }] : []),
  ];
  const rows = results.map((r) => {
    const base = [LABEL[r.severity], r.id, r.codes.join(' ')];
    return wide ? [...base, r.message, r.source] : [...base, `${r.message}\n[${r.source}]`];
  });
  return `${renderTable(columns, rows)}\n${footer}`;
}
