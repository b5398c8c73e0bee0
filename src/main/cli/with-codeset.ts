import { ensureCodeSet, openCodeSet, type CodeSet } from '../codeset/open';
import { codeSetDirFor } from '../paths';
import type { CliContext } from './command';

/** Opens the data folder's code set (building it first if needed, with progress on stderr) for one command. */
export async function withCodeSet<T>(ctx: CliContext, fn: (codeSet: CodeSet) => T | Promise<T>): Promise<T> {
  const progress = process.stderr.isTTY ? (step: string) => process.stderr.write(`\r\x1b[2Kbuilding code set: ${step}`) : undefined;
  const file = ensureCodeSet(codeSetDirFor(ctx.dataDir), undefined, progress);
  if (progress) process.stderr.write('\r\x1b[2K');
  const codeSet = openCodeSet(file);
  try {
    return await fn(codeSet);
  } finally {
    codeSet.close();
  }
}
