// Runs ensureCodeSet in its own process for the tests: a build takes tens of seconds of synchronous
// work, which would otherwise stall the vitest worker's event loop.
import { ensureCodeSet } from '../../../src/main/codeset/open';

const cacheDir = process.argv[2];
if (!cacheDir) throw new Error('usage: ensure-child.ts <cacheDir>');
process.stdout.write(ensureCodeSet(cacheDir));
