// Writing a suggestion run onto a chart, on a real SQLite file: a run computed on text the chart no
// longer holds (a newer version replaced it while a model was reading) never puts highlights on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../src/main/importing/run';
import { applySuggestionRun } from '../../../src/main/suggest/apply';
import { buildSuggestInput } from '../../../src/main/suggest/input';
import { createLocalEngine } from '../../../src/main/suggest/local/engine';
import { emptyPriors } from '../../../src/main/suggest/learn/priors';
import { openCodeSet } from '../../../src/main/codeset/open';
import { openWorkstation, type Workstation } from '../../../src/main/workstation';
import { ensureTestCodeSet, TEST_CODESET_DIR } from '../../helpers/codeset';

const open: Array<{ ws: Workstation; dir: string }> = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.ws.close();
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

function chartWith(text: string): { ws: Workstation; encounterId: string } {
  ensureTestCodeSet();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-apply-'));
  const ws = openWorkstation({ dataDir: dir, codeSetDir: TEST_CODESET_DIR });
  open.push({ ws, dir });
  const file = path.join(dir, 'chart.jsonl');
  fs.writeFileSync(file, `${JSON.stringify({ id: 'apply-1', setting: 'inpatient', date_of_service: '2026-03-02', patient: { age: 70, sex: 'F' }, text, codes: [], existing_codes: [] })}\n`);
  importPaths(ws.db, [file]);
  const encounterId = (ws.db.prepare('SELECT id FROM encounters').get() as { id: string }).id;
  return { ws, encounterId };
}

describe('applying a suggestion run', () => {
  it('drops suggestions whose quotes the chart text no longer holds, and counts them', () => {
    const { ws, encounterId } = chartWith('Assessment: Essential hypertension. Type 2 diabetes mellitus without complications.');
    const cs = openCodeSet(ensureTestCodeSet());
    try {
      const input = buildSuggestInput(ws.db, encounterId)!;
      const run = createLocalEngine(cs, { ...emptyPriors('test'), threshold: 0 }).suggest(input);
      expect(run.suggestions.map((s) => s.code)).toEqual(expect.arrayContaining(['I10', 'E119']));
      // The note is corrected while the run was being computed: the hypertension line is gone.
      const doc = input.documents[0]!;
      ws.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('Assessment: Type 2 diabetes mellitus without complications.', doc.id);
      applySuggestionRun(ws.db, encounterId, run);
      const items = ws.db.prepare("SELECT code, evidence FROM review_items WHERE encounter_id = ? AND origin = 'suggested'").all(encounterId) as Array<{ code: string; evidence: string }>;
      expect(items).toEqual([]);
      const stored = ws.db.prepare('SELECT kept, drops FROM suggestion_runs WHERE encounter_id = ?').get(encounterId) as { kept: number; drops: string };
      expect(stored.kept).toBe(0);
      expect(JSON.parse(stored.drops).quoteNotFound).toBe(run.suggestions.length);
    } finally {
      cs.close();
    }
  });

  it('writes every suggestion whose quotes are where they say', () => {
    const { ws, encounterId } = chartWith('Assessment: Essential hypertension.');
    const cs = openCodeSet(ensureTestCodeSet());
    try {
      const run = createLocalEngine(cs, { ...emptyPriors('test'), threshold: 0 }).suggest(buildSuggestInput(ws.db, encounterId)!);
      applySuggestionRun(ws.db, encounterId, run);
      const codes = (ws.db.prepare("SELECT code FROM review_items WHERE encounter_id = ? AND origin = 'suggested'").all(encounterId) as Array<{ code: string }>).map((r) => r.code);
      expect(codes).toContain('I10');
    } finally {
      cs.close();
    }
  });
});
