// One code-set database for all codeset test files: built on first use into a cache folder under the
// OS temp dir and reused while its inputs hash matches (ensureCodeSet rebuilds it when they change;
// its lock makes parallel test workers wait for one build instead of racing). The build runs in a
// child process so the test worker stays responsive meanwhile.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openCodeSet, type CodeSet } from '../../../src/main/codeset/open';
import { TEST_CODESET_DIR } from '../../helpers/codeset';

/** A build is well under a minute on an idle machine; a busy 2-core CI box can take several times that. */
export const BUILD_TIMEOUT_MS = 300_000;

/** The same build every other test file uses (tests/helpers/codeset.ts), made once by the global setup. */
export const TEST_CACHE_DIR = TEST_CODESET_DIR;
const CHILD = fileURLToPath(new URL('./ensure-child.ts', import.meta.url));

/** ensureCodeSet(cacheDir) in a child process; resolves to the database path. */
export async function ensureCodeSetInChild(cacheDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, cacheDir], { maxBuffer: 1 << 20 });
  return stdout.trim();
}

export function sharedCodeSetFile(): Promise<string> {
  return ensureCodeSetInChild(TEST_CACHE_DIR);
}

export async function openSharedCodeSet(): Promise<CodeSet> {
  return openCodeSet(await sharedCodeSetFile());
}
