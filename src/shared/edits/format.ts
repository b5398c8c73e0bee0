import { renderTable } from './text-table';
import type { EditResult, EditSeverity } from './types';

const LABEL: Readonly<Record<EditSeverity, string>> = { error: 'ERROR', warning: 'WARN', info: 'info' };

/** The edits as a plain-text table for `plumbline edits`, with a one-line tally underneath. */
export function formatEditsTable(results: readonly EditResult[], opts: { width?: number } = {}): string {
  const tally = (s: EditSeverity): number => results.filter((r) => r.severity === s).length;
  const footer = `${tally('error')} error(s), ${tally('warning')} warning(s), ${tally('info')} info`;
  if (results.length === 0) return `No edits: the codes pass every check.\n${footer}`;
  const width = Math.max(80, opts.width ?? 120);
  const messageWidth = Math.max(30, width - 5 - 23 - 16 - 28 - 8);
  const table = renderTable(
    [
      { header: 'SEV', max: 5 },
      { header: 'RULE', max: 23 },
      { header: 'CODES', max: 16 },
      { header: 'MESSAGE', max: messageWidth },
      { header: 'SOURCE', max: 28 },
    ],
    results.map((r) => [LABEL[r.severity], r.id, r.codes.join(' '), r.message, r.source]),
  );
  return `${table}\n${footer}`;
}
