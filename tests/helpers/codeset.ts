import os from 'node:os';
import path from 'node:path';
import { ensureCodeSet } from '../../src/main/codeset/open';

/** One code-set build shared by every test in a run (rebuilt only when its inputs change). */
export const TEST_CODESET_DIR = process.env.PLUMBLINE_TEST_CODESET_DIR ?? path.join(os.tmpdir(), 'plumbline-test-codeset');

export function ensureTestCodeSet(): string {
  return ensureCodeSet(TEST_CODESET_DIR);
}
