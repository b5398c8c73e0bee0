// Coders' accept/reject decisions on the local engine's suggestions keep improving its priors on this
// install: they are counted in the data folder's priors.json, which the engine loads on top of the
// shipped priors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkstation, type Workstation } from '../../../src/main/workstation';
import { importPaths } from '../../../src/main/importing/run';
import { localPriorsFile } from '../../../src/main/suggest/learn/store';
import { loadPriors, phraseCodeKey } from '../../../src/main/suggest/learn/priors';
import { TEST_CODESET_DIR } from '../../helpers/codeset';
import type { ChartView } from '../../../src/shared/review/types';
import type { WorklistPage } from '../../../src/shared/worklist/types';

const CHART = {
  id: 'learn-1',
  setting: 'professional',
  date_of_service: '2026-04-14',
  patient: { age: 70, sex: 'F' },
  text: 'FOLLOW-UP\n\nAssessment/Plan:\n1. Essential hypertension - BP 130/80. Continue lisinopril.\n2. Gastroesophageal reflux disease - continue omeprazole.',
  codes: [],
  existing_codes: [],
};

let ws: Workstation | null = null;
let dir = '';
afterEach(() => {
  ws?.close();
  ws = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

function openChart() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-learn-'));
  ws = openWorkstation({ dataDir: dir, codeSetDir: TEST_CODESET_DIR });
  fs.writeFileSync(path.join(dir, 'c.jsonl'), `${JSON.stringify(CHART)}\n`);
  importPaths(ws.db, [path.join(dir, 'c.jsonl')]);
  // The workstation's handlers answer synchronously; the contract allows promises for the IPC bridge.
  const page = ws.handlers.worklistQuery({}) as WorklistPage;
  return ws.handlers.chartOpen({ encounterId: page.rows[0]!.encounterId }) as ChartView;
}

describe('learning from coders decisions', () => {
  it('counts an accepted and a rejected local suggestion in the install priors, by the quoted phrase', () => {
    const view = openChart();
    const suggested = view.items.filter((i) => i.origin === 'suggested' && i.suggestion?.provenance.engine === 'local');
    expect(suggested.length).toBeGreaterThanOrEqual(2);
    const [keep, drop] = suggested;
    ws!.handlers.reviewAct({ encounterId: view.encounter.id, action: { type: 'accept', itemId: keep!.id } });
    ws!.handlers.reviewAct({ encounterId: view.encounter.id, action: { type: 'reject', itemId: drop!.id, reason: 'not_documented' } });

    const priors = loadPriors(localPriorsFile(dir));
    expect(priors.phrases[phraseCodeKey(keep!.evidence[0]!.quote, keep!.code)]).toEqual({ seen: 1, coded: 1 });
    expect(priors.phrases[phraseCodeKey(drop!.evidence[0]!.quote, drop!.code)]).toEqual({ seen: 1, coded: 0 });
    expect(priors.codes[keep!.code]).toEqual({ seen: 1, coded: 1 });
  });

  it('learns nothing from decisions on codes that were not suggested', () => {
    const view = openChart();
    ws!.handlers.reviewAct({
      encounterId: view.encounter.id,
      action: { type: 'add', system: 'icd10cm', code: 'Z79899', evidence: [{ documentId: view.documents[0]!.id, start: view.documents[0]!.text.indexOf('Continue lisinopril'), end: view.documents[0]!.text.indexOf('Continue lisinopril') + 19 }] },
    });
    expect(fs.existsSync(localPriorsFile(dir))).toBe(false);
  });
});
