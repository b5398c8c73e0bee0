// Benchmarks of the coder core (registered in src/main/bench/registry.ts):
//   worklist.query_100k_ms  — filter + first page + total + counts + payers over 100,000 generated charts (median)
//   worklist.search_100k_ms — the same with a free-text search word (median)
//   worklist.next_100k_ms   — "next chart" after one in the middle of the queue (median)
//   import.docs_per_s       — documents de-identified and stored per second, Synthea bundles + NDJSON + US-guideline JSONL
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../db/migrate';
import { loadMigrations } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { percentile, round, sampleMs, type Metric } from '../bench/metric';
import { importPaths } from '../importing/run';
import { appRoot } from '../paths';
import { storeGenerated } from './generate';
import { nextInQueue, queryWorklist } from './query';
import { refreshQueryStats } from './stats';
import { ensureUser } from './users';

const BENCH_USER = { id: '00000000-0000-4000-8000-00000000b001', name: 'Bench coder', role: 'coder' as const };

function withTempDb<T>(fn: (db: Db) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-bench-coder-'));
  const db = openDatabase(path.join(dir, 'plumbline.sqlite'));
  try {
    migrate(db, loadMigrations());
    return fn(db);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function benchWorklist(charts = 100_000, runs = 25): Metric[] {
  return withTempDb((db) => {
    ensureUser(db, BENCH_USER);
    // In slices, so memory stays flat; the seed makes every run the same queue.
    for (let done = 0, seed = 1; done < charts; done += 10_000, seed++) storeGenerated(db, BENCH_USER.id, Math.min(10_000, charts - done), seed);
    refreshQueryStats(db);
    const filter = { status: 'new' as const, setting: 'outpatient' as const, payer: 'Medicaid', sort: 'due' as const, limit: 100 };
    const query = sampleMs(runs, () => queryWorklist(db, BENCH_USER.id, filter));
    const search = sampleMs(runs, () => queryWorklist(db, BENCH_USER.id, { status: 'all', search: 'e11.22', sort: 'priority', limit: 100 }));
    const middle = queryWorklist(db, BENCH_USER.id, { status: 'new', sort: 'priority', offset: 20_000, limit: 1 }).rows[0]?.encounterId;
    const next = sampleMs(runs, () => nextInQueue(db, BENCH_USER.id, middle));
    return [
      { metric: 'worklist.query_100k_ms', value: round(percentile(query, 50)), unit: 'ms', n: runs },
      { metric: 'worklist.search_100k_ms', value: round(percentile(search, 50)), unit: 'ms', n: runs },
      { metric: 'worklist.next_100k_ms', value: round(percentile(next, 50)), unit: 'ms', n: runs },
    ];
  });
}

export function samplesDir(): string {
  return process.env.PLUMBLINE_SAMPLES ?? path.resolve(appRoot(), '..', 'shared', 'data', 'samples');
}

export function benchImport(): Metric[] {
  const samples = samplesDir();
  const inputs = [
    path.join(samples, 'synthea', 'A_bundles_synthea_2025'),
    path.join(samples, 'synthea', 'B_bulk_ndjson_synthea'),
    path.join(samples, 'synthea', 'C_bundles_synthea_2019_smart'),
    path.join(samples, 'usguide', 'usguide.samples.jsonl'),
  ];
  for (const p of inputs) if (!fs.existsSync(p)) throw new Error(`Sample data missing: ${p} (set PLUMBLINE_SAMPLES)`);
  return withTempDb((db) => {
    const t0 = performance.now();
    const report = importPaths(db, inputs);
    const seconds = (performance.now() - t0) / 1000;
    if (report.failed.length) throw new Error(`import failed: ${report.failed[0]!.message}`);
    return [{ metric: 'import.docs_per_s', value: round(report.documentsImported / seconds, 1), unit: 'docs/s', n: report.documentsImported }];
  });
}
