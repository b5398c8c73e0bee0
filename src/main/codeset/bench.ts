// Encoder benchmarks. Queries are generated from the code set itself (a fixed seed, so every run uses
// the same ones): words and as-you-type prefixes from tabular titles, codes with and without the dot,
// the curated abbreviations, and Alphabetic Index paths.
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, round, type Metric } from '../bench/metric';
import { buildCodeSet } from './build';
import type { CodeSet } from './open';
import { defaultCodeSetSourceDir } from './open';
import { bareFtsExpression } from './query';
import { rawTokens, STOPWORDS } from './text';
import { seededRandom as rng } from '../../shared/random';


export interface BenchQuery {
  kind: 'words' | 'prefix' | 'code' | 'abbreviation' | 'index_path';
  query: string;
}

/** ≥1,000 realistic encoder queries drawn from the database with a fixed seed. */
export function generateQueries(db: Database.Database, perKind = 220, seed = 26): BenchQuery[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const titles = (db.prepare("SELECT long_desc AS d FROM code WHERE system = 'icd10cm' AND billable = 1").all() as Array<{ d: string }>).map((r) => r.d);
  const codes = db.prepare("SELECT system, code, display FROM code WHERE system IN ('icd10cm', 'icd10pcs', 'hcpcs')").all() as Array<{ system: string; code: string; display: string }>;
  const abbreviations = (db.prepare('SELECT abbreviation, expansion, codes FROM abbreviation').all() as Array<{ abbreviation: string; expansion: string; codes: string }>).map(
    (r) => ({ ...r, codes: r.codes === '' ? [] : r.codes.split(' ') }),
  );
  const paths = (db.prepare("SELECT path FROM index_term WHERE source = 'index' AND level BETWEEN 1 AND 3 AND (code IS NOT NULL OR see_code IS NOT NULL)").all() as Array<{ path: string }>).map((r) => r.path);
  const words = (title: string): string[] => rawTokens(title).filter((t) => !STOPWORDS.has(t) && t.length > 2);

  const out: BenchQuery[] = [];
  while (out.filter((q) => q.kind === 'words').length < perKind) {
    const w = words(pick(titles));
    if (w.length < 2) continue;
    const start = Math.floor(rand() * (w.length - 1));
    out.push({ kind: 'words', query: `${w.slice(start, start + 1 + Math.floor(rand() * 2)).join(' ')} ` });
  }
  while (out.filter((q) => q.kind === 'prefix').length < perKind) {
    const w = words(pick(titles));
    if (w.length === 0) continue;
    const i = Math.floor(rand() * w.length);
    const cut = w[i].slice(0, 3 + Math.floor(rand() * 4));
    out.push({ kind: 'prefix', query: i > 0 && rand() < 0.6 ? `${w[i - 1]} ${cut}` : cut });
  }
  for (let i = 0; i < perKind; i++) {
    const c = pick(codes);
    const form = rand();
    const base = form < 0.5 ? c.display : c.code.toLowerCase();
    out.push({ kind: 'code', query: base.slice(0, Math.max(3, base.length - Math.floor(rand() * 3))) });
  }
  // An abbreviation alone, or followed by a word a chart would add: one from a title in the same
  // category as the code the abbreviation stands for ("CHF acute", "COPD exacerbation").
  const byCategory = new Map<string, string[]>();
  for (const r of db.prepare("SELECT category, long_desc AS d FROM code WHERE system = 'icd10cm' AND billable = 1").all() as Array<{ category: string; d: string }>) {
    byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r.d]);
  }
  for (let i = 0; i < perKind; i++) {
    const a = pick(abbreviations);
    const siblings = a.codes.length > 0 ? (byCategory.get(a.codes[0].slice(0, 3)) ?? []) : [];
    const expansion = new Set(rawTokens(a.expansion));
    const extra = siblings.length > 0 ? words(pick(siblings)).filter((w) => !expansion.has(w)) : [];
    out.push({ kind: 'abbreviation', query: extra.length > 0 && rand() < 0.5 ? `${a.abbreviation} ${pick(extra)}` : a.abbreviation });
  }
  for (let i = 0; i < perKind; i++) {
    const levels = pick(paths).split(' > ').map((level) => level.split(',')[0].replace(/\(.*?\)/g, '').trim());
    out.push({ kind: 'index_path', query: levels.join(' > ') });
  }
  return out;
}

interface Timings {
  wall: number[];
  cpu: number[];
}

/** Wall and CPU milliseconds per query, sorted; CPU time is what this process spent, so a busy machine inflates it less. */
function timeAll(queries: readonly string[], run: (q: string) => void): Timings {
  for (const q of queries) run(q); // warm the page cache and statement caches first
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run(q);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

/**
 * p50/p95 of CodeSet.search over the generated queries, and the ratio of its total time to a bare FTS5
 * MATCH of the same tokens on the same table (ORDER BY rank LIMIT 20, the usual "just use FTS" encoder),
 * measured in the same run. The ratio against an unranked bare MATCH … LIMIT 20 (which returns rows in
 * storage order, unranked, no abbreviations, no code lookup) is reported too, as are CPU-time percentiles.
 */
export function benchSearch(codeSet: CodeSet): Metric[] {
  const queries = generateQueries(codeSet.db).map((q) => q.query);
  const ours = timeAll(queries, (q) => codeSet.search(q, { limit: 20 }));
  const ranked = codeSet.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20');
  const unranked = codeSet.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 20');
  const bare = (stmt: Database.Statement) => (q: string): void => {
    const expr = bareFtsExpression(q);
    if (expr) stmt.all(`body : ( ${expr} )`);
  };
  const rawRanked = timeAll(queries, bare(ranked));
  const rawUnranked = timeAll(queries, bare(unranked));
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const n = queries.length;
  return [
    { metric: 'encoder.search.p50_ms', value: round(percentile(ours.wall, 50)), unit: 'ms', n },
    { metric: 'encoder.search.p95_ms', value: round(percentile(ours.wall, 95)), unit: 'ms', n },
    { metric: 'encoder.search.ratio_to_raw_fts', value: round(sum(ours.wall) / sum(rawRanked.wall), 2), unit: 'x', n },
    { metric: 'encoder.search.cpu_p50_ms', value: round(percentile(ours.cpu, 50)), unit: 'ms', n },
    { metric: 'encoder.search.cpu_p95_ms', value: round(percentile(ours.cpu, 95)), unit: 'ms', n },
    { metric: 'encoder.search.raw_fts_p95_ms', value: round(percentile(rawRanked.wall, 95)), unit: 'ms', n },
    { metric: 'encoder.search.ratio_to_raw_fts_unranked', value: round(sum(ours.wall) / sum(rawUnranked.wall), 2), unit: 'x', n },
  ];
}

/** Wall time of one full build from resources/codesets into a temp directory. */
export function benchBuild(sourceDir: string = defaultCodeSetSourceDir()): Metric {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-codeset-bench-'));
  try {
    const { seconds } = buildCodeSet({ sourceDir, outFile: join(dir, 'codeset.sqlite') });
    return { metric: 'codeset.build_s', value: round(seconds, 2), unit: 's', n: 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
