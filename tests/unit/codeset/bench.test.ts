// The benchmark's query set must be what the issue asks for: ≥1,000 realistic queries of every kind,
// generated from the data. (Speeds are measured by `npm run bench`, never asserted in tests.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchSearch, generateQueries } from '../../../src/main/codeset/bench';
import type { CodeSet } from '../../../src/main/codeset/open';
import { BUILD_TIMEOUT_MS, openSharedCodeSet } from './shared';

let cs: CodeSet;
beforeAll(async () => {
  cs = await openSharedCodeSet();
}, BUILD_TIMEOUT_MS);
afterAll(() => cs?.close());

describe('encoder benchmark', () => {
  it('generates at least 1,000 queries of every kind, the same ones every run, and each finds something', () => {
    const qs = generateQueries(cs.db);
    expect(qs.length).toBeGreaterThanOrEqual(1000);
    for (const kind of ['words', 'prefix', 'code', 'abbreviation', 'index_path'] as const) {
      expect(qs.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(200);
    }
    expect(generateQueries(cs.db)).toEqual(qs);
    expect(qs.filter((q) => q.kind === 'index_path').every((q) => q.query.includes(' > '))).toBe(true);
    const empty = qs.filter((q) => cs.search(q.query).length === 0);
    // generated from the data, nearly every query must reach a code
    expect(empty.length / qs.length).toBeLessThan(0.05);
  });

  it('reports the metrics the issue names', () => {
    const metrics = benchSearch(cs);
    const names = metrics.map((m) => m.metric);
    for (const name of ['encoder.search.p50_ms', 'encoder.search.p95_ms', 'encoder.search.ratio_to_raw_fts']) expect(names).toContain(name);
    for (const m of metrics) {
      expect(Number.isFinite(m.value) && m.value > 0, m.metric).toBe(true);
      expect(m.n).toBeGreaterThanOrEqual(1000);
    }
  }, 120_000);
});
