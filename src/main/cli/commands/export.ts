import fs from 'node:fs';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openDataDatabase } from '../../importing/database';
import { exportCharts } from '../../importing/export';

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
    const fd = out ? fs.openSync(`${out}.partial`, 'w') : undefined;
    let n = 0;
    try {
      for (const chart of exportCharts(db)) {
        const line = `${JSON.stringify(chart)}\n`;
        if (fd !== undefined) fs.writeSync(fd, line);
        else ctx.out(line);
        n++;
      }
      if (fd !== undefined) {
        fs.closeSync(fd);
        // Only a complete export takes the file's name.
        fs.renameSync(`${out}.partial`, out!);
        ctx.err(ctx.json ? JSON.stringify({ exported: n, file: out }) : `Exported ${n} charts to ${out}.`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
