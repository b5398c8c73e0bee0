// Shared pieces for the model-engine tests: the real code set, the fake server, an engine factory and
// a small cardiology chart whose quotes and codes the tests reason about.
import type { CodeSet } from '../../../../src/main/codeset/open';
import { openCodeSet } from '../../../../src/main/codeset/open';
import { createModelEngine, type ModelEngineConfig } from '../../../../src/main/suggest/model/index';
import type { SuggestInput } from '../../../../src/shared/suggest/types';
import { ensureTestCodeSet } from '../../../helpers/codeset';
import type { FakeItem, FakeOpenAIServer } from '../../../helpers/fake-openai-server';

let shared: CodeSet | undefined;
export function testCodeSet(): CodeSet {
  shared ??= openCodeSet(ensureTestCodeSet());
  return shared;
}

export const NOTE = `CARDIOLOGY CLINIC NOTE

81 y/o F returns for HFpEF and AFib f/u.

Interval hx: Feels well. Walks 2 blocks before resting, unchanged (NYHA II). Denies orthopnea, PND, chest pain.
Meds: apixaban 5 mg BID, metoprolol succinate 100 mg daily, furosemide 20 mg daily.

Assessment/Plan:
1. Chronic diastolic heart failure - euvolemic, NYHA II. Continue furosemide 20 mg. Daily weights.
2. Hypertension - controlled. Continue metoprolol.
3. Permanent atrial fibrillation - rate controlled on metoprolol. Continue apixaban 5 mg BID.`;

export function chart(text = NOTE, extra: Partial<SuggestInput> = {}): SuggestInput {
  return {
    encounterId: 'enc-1',
    documents: [{ id: 'doc-1', text }],
    dateOfService: '2026-02-10',
    setting: 'professional',
    age: 81,
    sex: 'F',
    existingCodes: [],
    priorCodes: [],
    ...extra,
  };
}

const noMeat = { monitor: [], evaluate: [], assess: [], treat: [] };

export function item(code: string, evidence: string[], extra: Partial<FakeItem> = {}): FakeItem {
  return { system: 'ICD-10-CM', code, kind: 'add', evidence, meat: noMeat, rationale: 'documented', confidence: 0.9, ...extra };
}

/** What a competent model would answer for NOTE. */
export const GOOD_ITEMS: FakeItem[] = [
  item('I50.32', ['Chronic diastolic heart failure - euvolemic'], {
    meat: { monitor: ['Daily weights'], evaluate: ['euvolemic, NYHA II'], assess: [], treat: ['Continue furosemide 20 mg'] },
  }),
  item('I48.21', ['Permanent atrial fibrillation - rate controlled on metoprolol']),
  item('Z79.01', ['Continue apixaban 5 mg BID'], { confidence: 0.7 }),
];

export function config(server: FakeOpenAIServer, over: Partial<ModelEngineConfig> = {}): ModelEngineConfig {
  return {
    provider: 'compatible',
    baseUrl: server.baseUrl,
    model: 'test-model',
    apiKey: 'sk-test-not-a-real-key',
    temperature: 0,
    timeoutMs: 5_000,
    maxConcurrency: 2,
    maxRetries: 2,
    ...over,
  };
}

export function engineFor(server: FakeOpenAIServer, over: Partial<ModelEngineConfig> = {}) {
  return createModelEngine(config(server, over), { codeSet: testCodeSet() });
}
