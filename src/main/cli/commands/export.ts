import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openDataDatabase } from '../../importing/database';
import { exportCharts } from '../../importing/export';
import { writeJsonLines } from '../jsonl-output';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write the stored (de-identified) charts as JSONL, exactly as stored',
  usage: 'plumbline export [--format jsonl] [--out <file>]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  run(ctx, { values }) {
    const format = typeof values.format === 'string' ? values.format : 'jsonl';
    if (format !== 'jsonl') throw new UsageError(`Unknown format "${format}"; only jsonl is supported.`);
    const db = openDataDatabase(ctx.dataDir);
    const out = typeof values.out === 'string' ? values.out : undefined;
    try {
      const n = writeJsonLines(ctx, exportCharts(db), out);
      if (out) ctx.err(ctx.json ? JSON.stringify({ exported: n, file: out }) : `Exported ${n} charts to ${out}.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
