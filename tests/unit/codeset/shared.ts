// One code-set database for all codeset test files: built on first use into a cache folder under the
// OS temp dir and reused while its inputs hash matches (ensureCodeSet rebuilds it when they change;
// its lock makes parallel test workers wait for one build instead of racing).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeSet, openCodeSet, type CodeSet } from '../../../src/main/codeset/open';

export const TEST_CACHE_DIR = join(tmpdir(), 'plumbline-codeset-test-cache');

export function sharedCodeSetFile(): string {
  return ensureCodeSet(TEST_CACHE_DIR);
}

export function openSharedCodeSet(): CodeSet {
  return openCodeSet(sharedCodeSetFile());
}
