import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCodeSet, type CodeSet } from '../../../../src/main/codeset/open';
import type { LabeledChart } from '../../../../src/main/suggest/eval/charts';
import { learnPriors } from '../../../../src/main/suggest/learn/learn';
import { emptyPriors, loadPriors, mergePriors, parsePriors, recordDecision, scoreCandidate } from '../../../../src/main/suggest/learn/priors';
import { savePriors } from '../../../../src/main/suggest/learn/store';
import { createLocalEngine } from '../../../../src/main/suggest/local/engine';
import { ensureTestCodeSet } from '../../../helpers/codeset';

let cs: CodeSet;
beforeAll(() => {
  cs = openCodeSet(ensureTestCodeSet());
}, 120_000);
afterAll(() => cs.close());

function chart(id: string, text: string, codes: string[]): LabeledChart {
  return { id, text, codes: codes.map((code) => ({ system: 'icd10cm', code })), existingCodes: [] };
}

describe('learning priors', () => {
  it('raises phrasings coders code and suppresses the ones they do not', () => {
    const charts: LabeledChart[] = [];
    for (let i = 0; i < 6; i++) charts.push(chart(`h${i}`, 'The patient has essential hypertension. Mild headache today.', ['I10']));
    const priors = learnPriors(charts, cs, { source: 'test' });
    expect(priors.charts).toBe(6);
    expect(priors.phrases['essential hypertension\tI10']).toMatchObject({ seen: 6, coded: 6 });
    expect(priors.phrases['headache\tR519']).toMatchObject({ seen: 6, coded: 0 });
    // On a new chart the learned engine suggests what coders coded and leaves out what they never did.
    const run = createLocalEngine(cs, priors).suggest({
      encounterId: 'new', documents: [{ id: 'n', text: 'Essential hypertension, stable. Headache since Monday.' }], dateOfService: '2026-02-01',
      setting: 'inpatient', age: 50, sex: 'F', existingCodes: [], priorCodes: [],
    });
    const codes = run.suggestions.map((s) => s.code);
    expect(codes).toContain('I10');
    expect(codes).not.toContain('R519');
  });

  it('maps a phrasing to the code coders actually use', () => {
    const charts: LabeledChart[] = [];
    // Coders chose R51.0 (headache with orthostatic component) where the dictionary reads R51.9.
    for (let i = 0; i < 4; i++) charts.push(chart(`r${i}`, 'She reports a headache.', ['R510']));
    const priors = learnPriors(charts, cs);
    expect(scoreCandidate(priors, ['headache'], 'R519', 'index:1').code).toBe('R510');
  });

  it('keeps learning from coder decisions, and round-trips through a file', () => {
    const p = emptyPriors('decisions');
    const before = scoreCandidate(p, ['CKD stage 3a'], 'N1831', 'index:3').confidence;
    recordDecision(p, 'CKD stage 3a', 'N1831', true);
    recordDecision(p, 'CKD stage 3a', 'N1831', true);
    expect(scoreCandidate(p, ['ckd  stage 3A'], 'N1831', 'index:3').confidence).toBeGreaterThan(before);
    recordDecision(p, 'possible CKD', 'N189', false);
    expect(scoreCandidate(p, ['possible CKD'], 'N189', 'index:1').confidence).toBeLessThan(before);
    const file = join(mkdtempSync(join(tmpdir(), 'plumbline-priors-')), 'priors.json');
    savePriors(file, p);
    expect(loadPriors(file)).toEqual(p);
    const merged = mergePriors(p, p);
    expect(merged.phrases['ckd stage 3a\tN1831']).toMatchObject({ seen: 4, coded: 4 });
  });

  it('refuses a file that is not priors', () => {
    expect(() => parsePriors({ hello: 1 })).toThrow(/not a Plumbline priors file/);
    expect(() => parsePriors({ ...emptyPriors(), threshold: 7 })).toThrow(/threshold/);
    expect(() => parsePriors({ ...emptyPriors(), codes: { I10: { seen: 1, coded: 5 } } })).toThrow(/bad counts/);
  });
});
