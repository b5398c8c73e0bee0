import fs from 'node:fs';
import type { CliContext } from './command';

/**
 * Writes rows as JSON lines to stdout, or to `out` through a `.partial` file that takes the final name
 * only once complete, so an interrupted export never looks like a finished one. Returns the row count.
 */
export function writeJsonLines(ctx: CliContext, rows: Iterable<unknown>, out: string | undefined): number {
  const fd = out ? fs.openSync(`${out}.partial`, 'w') : undefined;
  let n = 0;
  try {
    for (const row of rows) {
      const line = `${JSON.stringify(row)}\n`;
      if (fd !== undefined) fs.writeSync(fd, line);
      else ctx.out(line);
      n++;
    }
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (out) fs.renameSync(`${out}.partial`, out);
  return n;
}
