// Every Synthea sample bundle goes through the real importers and then through the model engine against
// the fake server: no request body may carry a patient's name, SSN, phone number or street address.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelEngine } from '../../../../src/main/suggest/model/index';
import type { ImportedChart } from '../../../../src/shared/chart';
import { createResourceContext, parseImport, parseImportSet } from '../../../../src/shared/importers/index';
import type { SuggestInput } from '../../../../src/shared/suggest/types';
import { startFakeOpenAI, type FakeOpenAIServer } from '../../../helpers/fake-openai-server';
import { config, GOOD_ITEMS, testCodeSet } from './fixtures';

const SYNTHEA = new URL('../../../../../shared/data/samples/synthea/', import.meta.url);
const SECRET = 'model-phi-test-install-secret';

const read = (dir: string, name: string) => readFileSync(new URL(`${dir}/${name}`, SYNTHEA), 'utf8');
const list = (dir: string) => readdirSync(new URL(`${dir}/`, SYNTHEA)).sort();

function importAll(): ImportedChart[] {
  const ctx = createResourceContext();
  const opts = { secret: SECRET, phiMode: 'deidentify' as const, context: ctx };
  const charts: ImportedChart[] = [];
  // Synthea's patient bundles reference hospitals and practitioners loaded beforehand.
  for (const support of ['hospitalInformation.json', 'practitionerInformation.json']) parseImport(support, read('A_bundles_synthea_2025', support), opts);
  for (const name of list('A_bundles_synthea_2025').filter((n) => !n.endsWith('Information.json'))) charts.push(...parseImport(name, read('A_bundles_synthea_2025', name), opts).charts);
  const b = list('B_bulk_ndjson_synthea').map((name) => ({ name, content: read('B_bulk_ndjson_synthea', name) }));
  charts.push(...parseImportSet(b, { secret: SECRET, phiMode: 'deidentify' }).charts);
  for (const name of list('C_bundles_synthea_2019_smart')) charts.push(...parseImport(name, read('C_bundles_synthea_2019_smart', name), opts).charts);
  return charts;
}

function toInput(c: ImportedChart): SuggestInput {
  const year = Number(c.encounter.dateOfService.slice(0, 4));
  return {
    encounterId: c.encounter.id,
    documents: c.documents.map((d) => ({ id: d.id, text: d.text })),
    dateOfService: c.encounter.dateOfService,
    setting: c.encounter.setting,
    age: c.patient.birthYear === null ? null : year - c.patient.birthYear,
    sex: c.patient.sex,
    existingCodes: c.existingCodes.map(({ system, code }) => ({ system, code })),
    priorCodes: [],
  };
}

interface PhiSample {
  phi: { names: Array<{ given: string[]; family: string }>; addresses: Array<{ line: string[] }>; telecom: string[]; identifiers: Record<string, string> };
}

function identifiers(): string[] {
  const out = new Set<string>();
  for (const line of readFileSync(new URL('synthea_patients_phi.samples.jsonl', SYNTHEA), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { phi } = JSON.parse(line) as PhiSample;
    for (const n of phi.names) for (const w of [...n.given, n.family]) out.add(w);
    for (const a of phi.addresses) for (const l of a.line) out.add(l);
    for (const t of phi.telecom) out.add(t);
    if (phi.identifiers['SS']) out.add(phi.identifiers['SS']);
  }
  return [...out].filter((v) => v.length >= 3);
}

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());

describe('model engine: no identifiers ever leave', () => {
  it('sends every imported Synthea chart without a name, SSN, phone number or street address in the request', async () => {
    const charts = importAll();
    expect(charts.length).toBe(318);
    const values = identifiers();
    expect(values.length).toBeGreaterThan(30);
    // The raw notes do carry these values, so the check below can fail.
    const rawNotes = readFileSync(new URL('synthea_notes.samples.jsonl', SYNTHEA), 'utf8');
    expect(values.filter((v) => rawNotes.includes(v)).length).toBeGreaterThan(5);

    server.reset();
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const engine = createModelEngine(config(server, { maxConcurrency: 4 }), { codeSet: testCodeSet() });
    const runs = await Promise.all(charts.map((c) => engine.suggest(toInput(c), undefined, { priority: 'background' })));

    const refused = runs.filter((r) => r.error);
    for (const r of refused) expect(r.error).toMatch(/^Not sent to the model/);
    // De-identified charts pass the guard; the few it still refuses are never sent at all.
    expect(server.requests.length).toBe(charts.length - refused.length);
    expect(server.requests.length).toBeGreaterThan(charts.length * 0.9);

    const leaks: string[] = [];
    for (const req of server.requests) {
      const text = `${req.rawBody}\n${(req.body?.messages ?? []).map((m) => m.content).join('\n')}`;
      for (const v of values) if (text.includes(v)) leaks.push(v);
    }
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('refuses every raw (not de-identified) Synthea note before any request is made', async () => {
    const notes = readFileSync(new URL('synthea_notes.samples.jsonl', SYNTHEA), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; text: string });
    expect(notes.length).toBe(318);
    server.reset();
    server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
    const engine = createModelEngine(config(server), { codeSet: testCodeSet() });
    const values = identifiers();
    for (const n of notes) {
      const run = await engine.suggest({ encounterId: n.id, documents: [{ id: n.id, text: n.text }], dateOfService: '2026-01-15', setting: 'outpatient', age: 50, sex: 'U', existingCodes: [], priorCodes: [] });
      expect(run.error).toMatch(/^Not sent to the model: the chart still contains .*names/);
      for (const v of values) expect(run.error).not.toContain(v);
    }
    expect(server.requests).toHaveLength(0);
  });
});
