import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openCodeSet, type CodeSet } from '../../../../src/main/codeset/open';
import { parseChartsJsonl, readChartsJsonl } from '../../../../src/main/suggest/eval/charts';
import { hierarchicalMatch, ScoreBoard } from '../../../../src/main/suggest/eval/metrics';
import { evaluate, foldsOf } from '../../../../src/main/suggest/eval/run';
import { emptyPriors } from '../../../../src/main/suggest/learn/priors';
import { ensureTestCodeSet } from '../../../helpers/codeset';

let cs: CodeSet;
beforeAll(() => {
  cs = openCodeSet(ensureTestCodeSet());
}, 120_000);
afterAll(() => cs.close());

describe('eval metrics', () => {
  it('computes micro P/R/F1 on a hand-made file, exact and hierarchical', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-eval-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'gold.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'x', codes: [{ system: 'ICD-10-CM', code: 'I10' }, { system: 'ICD-10-CM', code: 'R51' }, { system: 'ICD-10-PCS', code: '0DTJ4ZZ' }] }),
        JSON.stringify({ id: 'b', text: 'y', codes: [{ system: 'ICD-10-CM', code: 'E11.22' }, { system: 'ICD-10-CM', code: 'N18.31' }] }),
      ].join('\n'),
    );
    const charts = readChartsJsonl(file);
    const suggested: Record<string, string[]> = { a: ['I10', 'R519', 'J449'], b: ['E1122'] };
    const board = new ScoreBoard(cs);
    for (const c of charts) board.add(c.codes.filter((x) => x.system === 'icd10cm').map((x) => x.code), suggested[c.id]!);
    const r = board.result();
    // Exact: tp = I10, E1122 → 2; fp = R519, J449 → 2; fn = R51, N1831 → 2. P = R = F1 = 2/4.
    expect([r.exact.tp, r.exact.fp, r.exact.fn]).toEqual([2, 2, 2]);
    expect(r.exact.precision).toBeCloseTo(0.5);
    expect(r.exact.f1).toBeCloseTo(0.5);
    // Hierarchical: R51 (a header in FY2026) is matched by R51.9 → tp 3, fp 1 (J449), fn 1 (N1831).
    // P = 3/4, R = 3/4, F1 = 0.75.
    expect([r.hierarchical.tp, r.hierarchical.fp, r.hierarchical.fn]).toEqual([3, 1, 1]);
    expect(r.hierarchical.precision).toBeCloseTo(0.75);
    expect(r.hierarchical.recall).toBeCloseTo(0.75);
    expect(r.hierarchical.f1).toBeCloseTo(0.75);
    // Chapter 10 (J44.9): one false positive, nothing right → F1 0. Chapter 9 (I10): 1 tp → F1 1.
    expect(r.chapters['10']).toMatchObject({ tp: 0, fp: 1, f1: 0 });
    expect(r.chapters['9']).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
  });

  it('counts a descendant only for a gold code that is not billable in the loaded year', () => {
    expect(cs.code('icd10cm', 'R51')?.billable).toBe(false);
    expect(hierarchicalMatch(cs, 'R51', 'R519')).toBe(true);
    expect(hierarchicalMatch(cs, 'R51', 'R5190')).toBe(true);
    expect(cs.code('icd10cm', 'J449')?.billable).toBe(true);
    expect(hierarchicalMatch(cs, 'J449', 'J4490')).toBe(false);
    expect(hierarchicalMatch(cs, 'R51', 'R50')).toBe(false);
    // One suggestion cannot match two gold codes.
    const board = new ScoreBoard(cs);
    board.add(['R51', 'R519'], ['R519']);
    expect(board.result().hierarchical).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });

  it('refuses a malformed file naming the line', () => {
    expect(() => parseChartsJsonl('{"id":"a","text":"t","codes":[]}\n{"id":"b","text":', 'f.jsonl')).toThrow(/f\.jsonl line 2: not valid JSON/);
    expect(() => parseChartsJsonl('{"id":"a","codes":[]}', 'f.jsonl')).toThrow(/missing "text"/);
    expect(() => parseChartsJsonl('{"id":"a","text":"t","codes":[{"system":"XX","code":"I10"}]}', 'f.jsonl')).toThrow(/known "system"/);
    expect(() => parseChartsJsonl('{"id":"a","text":"t"}\n{"id":"a","text":"u"}', 'f.jsonl')).toThrow(/duplicate id/);
  });

  it('deals charts into disjoint folds that cover the file, and scores every chart once when cross-validating', () => {
    const charts = Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, text: i % 2 ? 'Assessment: essential hypertension, continue amlodipine.' : 'Assessment: acute cystitis.', codes: [{ system: 'icd10cm' as const, code: i % 2 ? 'I10' : 'N300' }], existingCodes: [] }));
    const folds = foldsOf(charts, 3);
    expect(folds.map((f) => f.length)).toEqual([3, 2, 2]);
    expect(new Set(folds.flat().map((c) => c.id)).size).toBe(7);
    const seen: string[] = [];
    const r = evaluate(charts, cs, { folds: 3, onChart: (c) => seen.push(c.id) });
    expect(seen.sort()).toEqual(charts.map((c) => c.id).sort());
    expect(r.charts).toBe(7);
    expect(r.hierarchical.tp + r.hierarchical.fn).toBe(7);
  });

  it('scores the engine end to end with fixed priors', () => {
    const charts = parseChartsJsonl(JSON.stringify({ id: 'x', text: 'Assessment: essential hypertension - continue amlodipine.', codes: [{ system: 'ICD-10-CM', code: 'I10' }] }));
    const r = evaluate(charts, cs, { priors: { ...emptyPriors(), threshold: 0 } });
    expect(r.hierarchical).toMatchObject({ tp: 1, fn: 0 });
  });
});
