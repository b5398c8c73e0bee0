// `plumbline suggest|eval --engine model` through the real CLI entry point, the real openai SDK and a
// real HTTP server on 127.0.0.1: only grounded codes reach the output, failed calls are reported per
// chart with a non-zero exit, the key comes from the environment only, and nothing is written back.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import { openDataDatabase } from '../../../src/main/importing/database';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { API_KEY_ENV, MODEL_SETTING_KEYS, ModelSettingsStore } from '../../../src/main/suggest/settings';
import { ensureTestCodeSet, TEST_CODESET_DIR } from '../../helpers/codeset';
import { startFakeOpenAI, type Behaviour, type FakeOpenAIServer, type RecordedRequest } from '../../helpers/fake-openai-server';
import { GOOD_ITEMS, item, NOTE } from './model/fixtures';

const KEY = 'sk-env-only-test-key';
const HTN = 'Assessment: Essential hypertension - controlled. Continue lisinopril 10 mg daily.';
const PHI = 'Patient: John Smith, SSN 123-45-6789. Assessment: Essential hypertension, continue lisinopril.';

const chartLine = (id: string, text: string, codes: string[]) =>
  JSON.stringify({ id, text, setting: 'professional', date_of_service: '2026-02-10', patient: { age: 81, sex: 'F' }, codes: codes.map((code) => ({ system: 'ICD-10-CM', code })) });

let server: FakeOpenAIServer;
let dir: string;
let twoCharts: string;
let withPhi: string;

const userText = (req: RecordedRequest): string => (req.body?.messages ?? []).filter((m) => m.role === 'user').map((m) => m.content).join('\n');

/** Answers by chart: the cardiology note gets good codes plus an invented code and an invented quote. */
function answerByChart(req: RecordedRequest): Behaviour {
  const text = userText(req);
  if (text.includes('Permanent atrial fibrillation')) {
    return { kind: 'suggestions', items: [...GOOD_ITEMS, item('Z99.999', ['Chronic diastolic heart failure']), item('I10', ['Hypertension - severe, uncontrolled, in crisis'])] };
  }
  if (text.includes('Essential hypertension')) return { kind: 'suggestions', items: [item('I10', ['Essential hypertension - controlled'])] };
  return { kind: 'suggestions', items: [] };
}

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  const code = await main(argv, { out: (t) => out.push(...t.replace(/\n$/, '').split('\n')), err: (t) => (err += t) });
  return { code, out, err };
}

const modelFlags = (): string[] => ['--engine', 'model', '--endpoint', server.baseUrl, '--model', 'test-model'];

beforeAll(async () => {
  ensureTestCodeSet();
  process.env.PLUMBLINE_CODESET_DIR = TEST_CODESET_DIR;
  server = await startFakeOpenAI();
  dir = mkdtempSync(join(tmpdir(), 'plumbline-cli-model-'));
  twoCharts = join(dir, 'two.jsonl');
  writeFileSync(twoCharts, `${chartLine('c1', NOTE, ['I50.32', 'I48.21', 'I10'])}\n${chartLine('c2', HTN, ['I10'])}\n`);
  withPhi = join(dir, 'with-phi.jsonl');
  writeFileSync(withPhi, `${chartLine('c1', NOTE, ['I50.32', 'I48.21', 'I10'])}\n${chartLine('c2', HTN, ['I10'])}\n${chartLine('c3', PHI, ['I10'])}\n`);
}, 120_000);
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.reset();
  process.env[API_KEY_ENV] = KEY;
});
afterEach(() => {
  delete process.env[API_KEY_ENV];
});

describe('plumbline suggest --engine model', () => {
  it('writes grounded codes per chart, in file order, and never an invented code or quote', async () => {
    // The first chart's answer arrives last: the output still follows the file.
    server.setDefault((req) => {
      const b = answerByChart(req);
      return b.kind === 'suggestions' && userText(req).includes('Permanent atrial fibrillation') ? { ...b, delayMs: 400 } : b;
    });
    const data = join(dir, 'fresh-data');
    const { code, out, err } = await cli(['--data', data, 'suggest', '--input', twoCharts, ...modelFlags(), '--jsonl']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    const rows = out.map((l) => JSON.parse(l) as { id: string; codes: Array<{ system: string; code: string; confidence: number; evidence: Array<[number, number]> }>; error?: string });
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2']);
    const [c1, c2] = rows;
    expect(c1!.error).toBeUndefined();
    expect(c1!.codes.map((c) => c.code).sort()).toEqual(['I4821', 'I5032', 'Z7901']);
    expect(c1!.codes.every((c) => c.system === 'ICD-10-CM' && c.confidence > 0)).toBe(true);
    const hf = c1!.codes.find((c) => c.code === 'I5032')!;
    expect(hf.evidence.map(([s, e]) => NOTE.slice(s, e))).toEqual(['Chronic diastolic heart failure - euvolemic']);
    expect(c2!.codes.map((c) => c.code)).toEqual(['I10']);
    expect(c2!.codes[0]!.evidence.map(([s, e]) => HTN.slice(s, e))).toEqual(['Essential hypertension - controlled']);

    expect(server.requests).toHaveLength(2);
    for (const r of server.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(r.body?.model).toBe('test-model');
    }
    expect(out.join('\n')).not.toContain(KEY);
    // Reading settings from a data folder the app never opened creates nothing there.
    expect(existsSync(join(data, 'plumbline.sqlite'))).toBe(false);
  });

  it('marks a chart whose call failed, still runs every chart, exits 1, and uses saved settings under the flags', async () => {
    const data = join(dir, 'saved-data');
    const db = openDataDatabase(data);
    const rows = new SettingsStore(db);
    new ModelSettingsStore(rows, null, {}).set({ provider: 'openai', baseUrl: 'https://saved.example.com/v1', model: 'saved-model', maxRetries: 1 });
    const savedRow = rows.get(MODEL_SETTING_KEYS.config);
    db.close();

    server.setDefault((req) => (userText(req).includes('Permanent atrial fibrillation') ? answerByChart(req) : { kind: 'status', status: 500 }));
    const jsonl = await cli(['--data', data, 'suggest', '--input', twoCharts, '--engine', 'model', '--endpoint', server.baseUrl, '--jsonl']);
    expect(jsonl.code).toBe(1);
    const [c1, c2] = jsonl.out.map((l) => JSON.parse(l) as { id: string; codes: unknown[]; error?: string });
    expect(c1).toMatchObject({ id: 'c1' });
    expect(c1!.codes.length).toBe(3);
    expect(c1!.error).toBeUndefined();
    expect(c2).toMatchObject({ id: 'c2', codes: [] });
    expect(c2!.error).toMatch(/failed \(HTTP 500\) after 1 retry/);
    expect(jsonl.err).toMatch(/1 of 2 charts/);
    // The saved model name and retry count apply; the flag replaced only the endpoint.
    expect(server.requests.every((r) => r.body?.model === 'saved-model')).toBe(true);
    expect(server.requests.filter((r) => userText(r).includes('Essential hypertension'))).toHaveLength(2);

    server.reset();
    server.setDefault({ kind: 'status', status: 500 });
    const text = await cli(['--data', data, 'suggest', '--input', twoCharts, '--engine', 'model', '--endpoint', server.baseUrl]);
    expect(text.code).toBe(1);
    expect(text.out).toHaveLength(2);
    expect(text.out[0]).toMatch(/^c1: FAILED — The model endpoint 127\.0\.0\.1:\d+ failed \(HTTP 500\)/);
    expect(text.out[1]).toMatch(/^c2: FAILED — /);
    expect(text.err).toMatch(/2 of 2 charts/);

    const after = openDataDatabase(data);
    expect(new SettingsStore(after).get(MODEL_SETTING_KEYS.config)).toBe(savedRow);
    after.close();
  }, 60_000);

  it('refuses to run without the key in the environment, says where it goes, and touches nothing', async () => {
    delete process.env[API_KEY_ENV];
    const data = join(dir, 'never-created');
    for (const command of ['suggest', 'eval']) {
      const r = await cli(['--data', data, command, '--input', twoCharts, ...modelFlags()]);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toContain(API_KEY_ENV);
      expect(r.err).toMatch(/environment only, never from a flag/);
    }
    const viaFlag = await cli(['--data', data, 'suggest', '--input', twoCharts, ...modelFlags(), '--api-key', KEY]);
    expect(viaFlag.code).toBe(2);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(data)).toBe(false);
  });

  it('refuses model flags given to the local engine', async () => {
    const r = await cli(['suggest', '--input', twoCharts, '--endpoint', server.baseUrl]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--endpoint only apply to --engine model/);
  });
});

describe('plumbline eval --engine model', () => {
  it('prints P/R/F1 exact and hierarchical, counts the PHI-refused chart as failed, and ends with JSON', async () => {
    server.setDefault(answerByChart);
    const { code, out } = await cli(['--data', join(dir, 'eval-data'), 'eval', '--input', withPhi, ...modelFlags()]);
    expect(code).toBe(1);
    expect(out.find((l) => l.startsWith('exact'))).toMatch(/P 0\.750 {2}R 0\.750 {2}F1 0\.750 {2}\(tp 3, fp 1, fn 1\)/);
    expect(out.some((l) => l.startsWith('hierarchical'))).toBe(true);
    expect(out.some((l) => /^ {2}chapter +9 +F1/.test(l))).toBe(true);
    expect(out.some((l) => /^failed ×1: Not sent to the model/.test(l))).toBe(true);
    const result = JSON.parse(out.at(-1)!) as Record<string, unknown>;
    expect(result).toMatchObject({
      engine: 'model',
      model: 'test-model',
      system: 'icd10cm',
      attempted: 3,
      charts: 2,
      failed: 1,
      exact: { tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75 },
      proposed: 6,
      kept: 4,
      drops: { unknownCode: 1, quoteNotFound: 1, noEvidence: 1 },
    });
    const failures = result.failures as Array<{ reason: string; charts: number; examples: string[] }>;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ charts: 1, examples: ['c3'] });
    expect(failures[0]!.reason).toMatch(/names.*Social Security numbers/);
    // The refused chart never left the machine.
    expect(server.requests).toHaveLength(2);
    expect(server.requests.some((r) => r.rawBody.includes('John Smith') || r.rawBody.includes('123-45-6789'))).toBe(false);
  });

  it('writes only the JSON line with --json, exits 0 when every chart was answered, and refuses --folds', async () => {
    server.setDefault(answerByChart);
    const json = await cli(['--json', 'eval', '--input', twoCharts, ...modelFlags()]);
    expect(json.code).toBe(0);
    expect(json.out).toHaveLength(1);
    expect(JSON.parse(json.out[0]!)).toMatchObject({ engine: 'model', attempted: 2, charts: 2, failed: 0, failures: [] });

    server.reset();
    const folds = await cli(['eval', '--input', twoCharts, ...modelFlags(), '--folds', '2']);
    expect(folds.code).toBe(2);
    expect(folds.err).toMatch(/--folds .*model engine/);
    expect(server.requests).toHaveLength(0);
  });
});
