import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openCodeSet, type CodeSet } from '../../../../src/main/codeset/open';
import type { LabeledChart } from '../../../../src/main/suggest/eval/charts';
import { learnPriors } from '../../../../src/main/suggest/learn/learn';
import { emptyPriors, loadPriors, mergePriors, parsePriors, recordDecision, scoreCandidate } from '../../../../src/main/suggest/learn/priors';
import { savePriors } from '../../../../src/main/suggest/learn/store';
import { learnLexicon, presentPhrasings } from '../../../../src/main/suggest/learn/lexicon';
import { createLocalEngine, engineResources } from '../../../../src/main/suggest/local/engine';
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
    const priors = learnPriors(charts, cs, { lexicon: false });
    expect(scoreCandidate(priors, ['headache'], 'R519', 'index:1').code).toBe('R510');
    // With the learned lexicon, the engine reads the phrasing as R51.0 directly.
    const withLexicon = learnPriors(charts, cs);
    const run = createLocalEngine(cs, { ...withLexicon, threshold: 0 }).suggest({
      encounterId: 'new', documents: [{ id: 'n', text: 'He reports a headache since Monday.' }], dateOfService: '2026-02-01',
      setting: 'inpatient', age: 50, sex: 'M', existingCodes: [], priorCodes: [],
    });
    expect(run.suggestions.map((s) => s.code)).toContain('R510');
    expect(run.suggestions.map((s) => s.code)).not.toContain('R519');
  });

  it('takes no code of another category instead of the one the Index reads: back pain stays M54.9, never R52', () => {
    const charts: LabeledChart[] = [];
    for (let i = 0; i < 4; i++) charts.push(chart(`b${i}`, 'She reports back pain.', ['R52']));
    const priors = learnPriors(charts, cs, { lexicon: false });
    expect(priors.phrases['back pain\tM549']?.alt?.R52).toBe(4);
    expect(scoreCandidate(priors, ['back pain'], 'M549', 'index:2').code).toBe('M549');
  });

  it('learns a phrasing the Index does not know from charts that coded it, and only one that talks about the condition', () => {
    const charts: LabeledChart[] = [];
    // The Index reads "hepatitis C" as B19.20; these coders coded chronic hepatitis C (B18.2) for a genotyped one.
    for (let i = 0; i < 6; i++) charts.push(chart(`c${i}`, `Patient ${i} with hepatitis C genotype 1b seen in January for follow-up. Liver enzymes were stable.`, ['B182']));
    for (let i = 0; i < 6; i++) charts.push(chart(`d${i}`, `Patient ${i} seen in January for a routine visit. Blood pressure was stable.`, []));
    const priors = learnPriors(charts, cs, { lexicon: { minCharts: 2, minShare: 0.25 } });
    const phrasings = Object.entries(priors.lexicon ?? {}).filter(([, codes]) => codes.includes('B182')).map(([p]) => p);
    expect(phrasings).toContain('hepatitis c genotype');
    // "January", "follow" and "liver enzyme" co-occur with B18.2 too, but say nothing the code set says about it.
    expect(phrasings.every((p) => p.includes('hepatitis'))).toBe(true);
    const run = createLocalEngine(cs, { ...priors, threshold: 0 }).suggest({
      encounterId: 'new', documents: [{ id: 'n', text: 'Hepatitis C genotype 3, treatment naive. Seen in January.' }], dateOfService: '2026-02-01',
      setting: 'inpatient', age: 50, sex: 'F', existingCodes: [], priorCodes: [],
    });
    const b182 = run.suggestions.find((s) => s.code === 'B182');
    expect(b182?.evidence.map((e) => e.quote)).toEqual(['Hepatitis C genotype']);
    // Learned without the lexicon, the same charts teach nothing about HCV.
    expect(learnPriors(charts, cs, { lexicon: false }).lexicon).toBeUndefined();
  });

  it('learns a phrasing only through a word that names the code\'s own condition, and none that opens with a verb', () => {
    const charts: LabeledChart[] = [];
    // "abdomen" is in R10.9's title and "examination" reads alone (Z00.00), but no word names abdominal pain.
    for (let i = 0; i < 4; i++) charts.push(chart(`a${i}`, `Abdominal examination ${i} was performed.`, ['R109']));
    const lexicon = learnPriors(charts, cs).lexicon ?? {};
    expect(Object.entries(lexicon).filter(([, codes]) => codes.includes('R109'))).toEqual([]);
    // "presented with fever" once became meningitis (G03.9): a phrasing starts at the condition, not the verb.
    const phrasings = [...presentPhrasings('She presented with fever.', engineResources(cs).dict)];
    expect(phrasings).toContain('fever');
    expect(phrasings.filter((p) => p.startsWith('present'))).toEqual([]);
  });

  it('learns no phrasing that names no condition: a site word alone ("cervical") would code every cervical spine', () => {
    const { dict, table } = engineResources(cs);
    const charts = Array.from({ length: 4 }, () => ({ phrasings: new Set(['cervical', 'cervical adenopathy']), unexplained: ['R590'] }));
    const lexicon = learnLexicon(charts, dict, { minCharts: 2, minShare: 0.25 }, (code) => table.byCode.get(code)?.long_desc);
    expect(lexicon['cervical adenopathy']).toEqual(['R590']);
    expect(lexicon.cervical).toBeUndefined();
  });

  it('learns a ranker from what else the chart says: the same phrasing coded when it opens the note, not when it is an aside', () => {
    const filler = 'Vital signs were recorded. The family was informed. A follow-up visit was scheduled. Imaging was reviewed.';
    const charts: LabeledChart[] = [];
    for (let i = 0; i < 14; i++) {
      charts.push(chart(`open${i}`, `The patient presented with fever. ${filler}`, ['R509']));
      charts.push(chart(`aside${i}`, `${filler} Afterwards there was fever.`, []));
    }
    const priors = learnPriors(charts, cs, { source: 'test', lexicon: false });
    // The counts alone cannot tell the two apart: "fever" was coded on half the charts.
    expect(priors.phrases['fever\tR509']).toMatchObject({ seen: 28, coded: 14 });
    expect(priors.ranker?.features.length).toBeGreaterThan(0);
    const engine = createLocalEngine(cs, { ...priors, threshold: 0 });
    const confidenceOf = (text: string): number => {
      const run = engine.suggest({ encounterId: 'n', documents: [{ id: 'n', text }], dateOfService: '2026-02-01', setting: 'inpatient', age: 50, sex: 'F', existingCodes: [], priorCodes: [] });
      return run.suggestions.find((s) => s.code === 'R509')?.confidence ?? 0;
    };
    expect(confidenceOf(`The patient presented with fever. ${filler}`)).toBeGreaterThan(0.7);
    expect(confidenceOf(`${filler} Afterwards there was fever.`)).toBeLessThan(0.3);
    // The ranker travels with its threshold in the priors file, and a malformed one is refused.
    expect(parsePriors(JSON.parse(JSON.stringify(priors)) as unknown).ranker).toEqual(priors.ranker);
    expect(() => parsePriors({ ...emptyPriors(), ranker: { features: ['base'], weights: [], bias: 0 } })).toThrow(/ranker/);
    expect(() => parsePriors({ ...emptyPriors(), ranker: { features: ['base'], weights: [Number.NaN], bias: 0 } })).toThrow(/ranker/);
  });

  it('refuses a priors file whose lexicon is malformed', () => {
    expect(() => parsePriors({ ...emptyPriors(), lexicon: { 'HCV!': ['B182'] } })).toThrow(/lexicon phrase/);
    expect(() => parsePriors({ ...emptyPriors(), lexicon: { hcv: ['B18.2'] } })).toThrow(/codes without dots/);
    expect(parsePriors({ ...emptyPriors(), lexicon: { hcv: ['B182'] } }).lexicon).toEqual({ hcv: ['B182'] });
  });

  it('keeps learning from coder decisions, and round-trips through a file', () => {
    const p = emptyPriors('decisions');
    const before = scoreCandidate(p, ['CKD stage 3a'], 'N1831', 'index:3').confidence;
    recordDecision(p, 'CKD stage 3a', 'N1831', true);
    recordDecision(p, 'CKD stage 3a', 'N1831', true);
    expect(scoreCandidate(p, ['ckd  stage 3A'], 'N1831', 'index:3').confidence).toBeGreaterThan(before);
    recordDecision(p, 'possible CKD', 'N189', false);
    expect(scoreCandidate(p, ['possible CKD'], 'N189', 'index:1').confidence).toBeLessThan(before);
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-priors-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'priors.json');
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
