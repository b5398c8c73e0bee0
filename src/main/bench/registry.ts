import { benchSync } from '../../server/bench';
import type { CliContext } from '../cli/command';
import { benchBuild, benchSearch } from '../codeset/bench';
import { ensureCodeSet, openCodeSet, type CodeSet } from '../codeset/open';
import { benchLocalSuggest } from '../suggest/bench';
import { benchImport, benchWorklist } from '../worklist/bench';
import { BENCH_CODESET_DIR, benchFirstPaint, benchOpenMigrate } from './foundation';
import type { Metric } from './metric';
import { benchReviewCore } from '../review/bench';
import { benchReviewAction } from './review';

export interface Bench {
  name: string;
  /** Metric name prefixes it produces, for `plumbline bench --only`. */
  prefixes: string[];
  run(ctx: CliContext): Metric[] | Promise<Metric[]>;
}

function withBenchCodeSet<T>(fn: (cs: CodeSet) => T): T {
  const cs = openCodeSet(ensureCodeSet(BENCH_CODESET_DIR));
  try {
    return fn(cs);
  } finally {
    cs.close();
  }
}

export const BENCHES: readonly Bench[] = [
  { name: 'database', prefixes: ['db.'], run: () => benchOpenMigrate() },
  { name: 'renderer', prefixes: ['renderer.'], run: () => benchFirstPaint() },
  { name: 'codeset build', prefixes: ['codeset.'], run: () => [benchBuild()] },
  { name: 'encoder search', prefixes: ['encoder.'], run: () => withBenchCodeSet(benchSearch) },
  { name: 'worklist', prefixes: ['worklist.'], run: () => benchWorklist() },
  { name: 'import', prefixes: ['import.'], run: () => benchImport() },
  { name: 'review', prefixes: ['review.'], run: async () => [...withBenchCodeSet(benchReviewCore), ...(await benchReviewAction())] },
  { name: 'local suggestions', prefixes: ['suggest.'], run: () => withBenchCodeSet(benchLocalSuggest) },
  { name: 'sync', prefixes: ['sync.', 'server.'], run: () => benchSync() },
];
