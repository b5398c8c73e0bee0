// The pre-submit summary a coder confirms: it must show exactly what the submit then records, the
// same refusal reasons, and write nothing itself.
import { describe, expect, it } from 'vitest';
import { iterateAudit } from '../../../src/main/audit/log';
import type { CoderHandlers } from '../../../src/main/review/handlers';
import { applySuggestionRun } from '../../../src/main/suggest/apply';
import type { ChartView, ReviewItem, SubmitPreview } from '../../../src/shared/review/types';
import { useDemoHandlers } from './demo-handlers';
import type { TempDb } from './fixtures';

let t: TempDb;
let h: CoderHandlers;
useDemoHandlers((db, handlers) => {
  t = db;
  h = handlers;
});

const act = (id: string, action: Parameters<CoderHandlers['reviewAct']>[0]['action']) => h.reviewAct({ encounterId: id, action });
const item = (v: ChartView, display: string): ReviewItem => {
  const found = v.items.find((i) => i.display === display);
  if (!found) throw new Error(`no item ${display} in ${v.items.map((i) => i.display).join(', ')}`);
  return found;
};
const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const writes = () => ({ audit: count('audit_events'), outbox: count('outbox'), decisions: count('review_decisions'), coded: count("encounter_codes WHERE source = 'coded'") });
const preview = (id: string): SubmitPreview => h.reviewSubmitPreview({ encounterId: id });

/** The demo chart built from usg-004: a draft claim with I21.9, I50.9, I11.0 and I25.10. */
function claimChart(): ChartView {
  const page = h.worklistQuery({ search: 'i21.9', limit: 10 });
  expect(page.rows).toHaveLength(1);
  return h.chartOpen({ encounterId: page.rows[0]!.encounterId });
}

/** A local-engine suggestion of E78.5 on the chart, as a suggestion run writes it. */
function suggestE785(v: ChartView): void {
  const doc = v.documents[0]!;
  const evidence = [{ documentId: doc.id, start: 0, end: 5, quote: doc.text.slice(0, 5) }];
  const provenance = { engine: 'local' as const, codeSetVersion: 'test', createdAt: '2026-01-01T00:00:00.000Z' };
  applySuggestionRun(t.db, v.encounter.id, {
    engine: 'local',
    suggestions: [{ system: 'icd10cm', code: 'E785', kind: 'add', evidence, assertion: 'present', confidence: 0.8, provenance }],
    drops: { unknownCode: 0, invalidForDate: 0, headerCode: 0, quoteNotFound: 0, noEvidence: 0, malformed: 0 },
    proposed: 1,
    elapsedMs: 1,
  });
}

describe('submit preview', () => {
  it('lists exactly the codes submit then records, how each came about, their HCCs, and the claim codes left off; it writes nothing', () => {
    const v0 = claimChart();
    const id = v0.encounter.id;
    const doc = v0.documents[0]!;
    suggestE785(v0);
    act(id, { type: 'delete', itemId: item(v0, 'I21.9').id, reason: 'history_only' });
    act(id, { type: 'change', itemId: item(v0, 'I50.9').id, system: 'icd10cm', code: 'I5022' });
    act(id, { type: 'reject', itemId: item(v0, 'I11.0').id, reason: 'other', text: 'No CKD documented' });
    act(id, { type: 'accept', itemId: item(v0, 'I25.10').id });
    act(id, { type: 'add', system: 'icd10cm', code: 'E119', evidence: [{ documentId: doc.id, start: 0, end: 5 }] });
    const v = act(id, { type: 'accept', itemId: item(h.chartOpen({ encounterId: id }), 'E78.5').id });
    expect(v.submit).toEqual({ allowed: true, reasons: [] });

    const before = writes();
    const p = preview(id);
    expect(writes()).toEqual(before);
    expect(h.chartOpen({ encounterId: id }).encounter.status).toBe('in_progress');

    expect(p).toMatchObject({ encounterId: id, allowed: true, reasons: [] });
    expect(p.codes.map((c) => [c.display, c.description, c.hccs, c.origin])).toEqual([
      ['I50.22', 'Chronic systolic (congestive) heart failure', [226], { kind: 'changed', source: 'claim', from: 'I50.9' }],
      ['I25.10', 'Atherosclerotic heart disease of native coronary artery without angina pectoris', [], { kind: 'kept', source: 'claim' }],
      ['E78.5', 'Hyperlipidemia, unspecified', [], { kind: 'added', suggested: true }],
      ['E11.9', 'Type 2 diabetes mellitus without complications', [38], { kind: 'added', suggested: false }],
    ]);
    expect(p.removed).toEqual([
      { system: 'icd10cm', code: 'I219', display: 'I21.9', description: 'Acute myocardial infarction, unspecified', source: 'claim', disposition: 'delete_proposed', reason: 'history_only' },
      expect.objectContaining({ display: 'I11.0', disposition: 'rejected', reason: 'other', reasonText: 'No CKD documented' }),
    ]);

    // The submit records what the preview showed, in the same order.
    expect(h.reviewSubmit({ encounterId: id })).toMatchObject({ ok: true });
    const coded = t.db.prepare("SELECT system, code FROM encounter_codes WHERE encounter_id = ? AND source = 'coded' ORDER BY ordinal").all(id);
    expect(coded).toEqual(p.codes.map((c) => ({ system: c.system, code: c.code })));
    expect([...iterateAudit(t.db, id)].at(-1)).toMatchObject({ action: 'submit', detail: { codes: p.codes.map((c) => `${c.system}:${c.code}`) } });

    // Once submitted, the preview says a second submit would be refused.
    expect(preview(id)).toMatchObject({ allowed: false, reasons: ['The chart is already submitted.'] });
  });

  it('gives the gate’s reasons for a chart submit would refuse, the same ones submit gives, and leaves the chart as it was', () => {
    const v0 = claimChart();
    const id = v0.encounter.id;
    const doc = v0.documents[0]!;
    act(id, { type: 'accept', itemId: item(v0, 'I21.9').id });
    act(id, { type: 'query', itemId: item(v0, 'I25.10').id, note: 'Is the CAD still active?' });
    // E10.9 with E11.9 is an Excludes1 pair: an edit error.
    act(id, { type: 'add', system: 'icd10cm', code: 'E109', evidence: [{ documentId: doc.id, start: 0, end: 5 }] });
    act(id, { type: 'add', system: 'icd10cm', code: 'E119', evidence: [{ documentId: doc.id, start: 0, end: 5 }] });

    const before = writes();
    const p = preview(id);
    expect(writes()).toEqual(before);
    expect(p.allowed).toBe(false);
    expect(p.reasons[0]).toBe('2 existing codes have no disposition: I50.9, I11.0.');
    expect(p.reasons.some((r) => r.startsWith('Edit error:') && r.includes('E10.9'))).toBe(true);
    expect(h.chartOpen({ encounterId: id }).submit.reasons).toEqual(p.reasons);
    // The undecided claim codes are neither submitted nor listed as removed: the reasons name them.
    expect(p.codes.map((c) => c.display)).toEqual(['I21.9', 'E10.9', 'E11.9']);
    expect(p.removed).toEqual([expect.objectContaining({ display: 'I25.10', disposition: 'query', queryNote: 'Is the CAD still active?' })]);

    expect(h.reviewSubmit({ encounterId: id })).toEqual({ ok: false, reasons: p.reasons });
    expect(h.chartOpen({ encounterId: id }).encounter.status).toBe('in_progress');
  });

  it('refuses, writing nothing, to submit a summary the chart no longer matches; the summary as shown goes through', () => {
    const v0 = claimChart();
    const id = v0.encounter.id;
    for (const display of ['I21.9', 'I50.9', 'I11.0']) act(id, { type: 'accept', itemId: item(v0, display).id });
    const shown = preview(id);
    expect(shown.allowed).toBe(false);
    const v = act(id, { type: 'accept', itemId: item(v0, 'I25.10').id });
    const ready = preview(id);
    expect(ready.allowed).toBe(true);
    expect(ready.fingerprint).not.toBe(shown.fingerprint);
    // Asked again, the same chart gives the same fingerprint.
    expect(preview(id).fingerprint).toBe(ready.fingerprint);

    // A decision made after the summary was shown (here: in another window, or by the CLI on the same file).
    act(id, { type: 'reject', itemId: item(v, 'I11.0').id, reason: 'other', text: 'No CKD documented' });
    const before = writes();
    expect(h.reviewSubmit({ encounterId: id, expected: ready.fingerprint })).toEqual({ ok: false, reasons: [expect.stringMatching(/changed after the summary was shown/)] });
    expect(writes()).toEqual(before);
    expect(h.chartOpen({ encounterId: id }).encounter.status).toBe('in_progress');
    expect(() => h.reviewSubmit({ encounterId: id, expected: 42 } as never)).toThrow('The summary to submit is not valid.');

    const again = preview(id);
    expect(again.removed.map((r) => r.display)).toEqual(['I11.0']);
    expect(h.reviewSubmit({ encounterId: id, expected: again.fingerprint })).toMatchObject({ ok: true });
    const coded = t.db.prepare("SELECT code FROM encounter_codes WHERE encounter_id = ? AND source = 'coded' ORDER BY ordinal").all(id);
    expect(coded).toEqual(again.codes.map((c) => ({ code: c.code })));
  });

  it('refuses bad input with a clear error and writes nothing', () => {
    claimChart();
    const before = writes();
    for (const req of [undefined, null, {}, { encounterId: 42 }, { encounterId: '' }, { encounterId: 'x'.repeat(65) }, { encounterId: '00000000-0000-4000-8000-000000000000' }]) {
      expect(() => h.reviewSubmitPreview(req as never)).toThrow('No chart with that id.');
    }
    expect(writes()).toEqual(before);
  });
});
