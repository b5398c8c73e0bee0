import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/main/audit/verify';
import { iterateAudit } from '../../../src/main/audit/log';
import type { CoderHandlers } from '../../../src/main/review/handlers';
import { readDemoCharts } from '../../../src/main/importing/demo';
import { storeCharts } from '../../../src/main/importing/store';
import type { ChartView, ReviewItem } from '../../../src/shared/review/types';
import { codeSet, CODER, type TempDb } from './fixtures';
import { useDemoHandlers } from './demo-handlers';

let t: TempDb;
let h: CoderHandlers;
useDemoHandlers((db, handlers) => {
  t = db;
  h = handlers;
});

const open = (id: string) => h.chartOpen({ encounterId: id }) as ChartView;
const act = (id: string, action: Parameters<CoderHandlers['reviewAct']>[0]['action']) => h.reviewAct({ encounterId: id, action }) as ChartView;
const item = (v: ChartView, display: string): ReviewItem => {
  const found = v.items.find((i) => i.display === display);
  if (!found) throw new Error(`no item ${display} in ${v.items.map((i) => i.display).join(', ')}`);
  return found;
};
const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The demo chart built from usg-004: a draft claim with I21.9, I50.9, I11.0 and I25.10. */
function claimChart(): ChartView {
  const page = h.worklistQuery({ search: 'i21.9', limit: 10 }) as Awaited<ReturnType<CoderHandlers['worklistQuery']>>;
  expect(page.rows).toHaveLength(1);
  return open(page.rows[0]!.encounterId);
}

describe('chart view', () => {
  it('shows the note with its sections, the claim codes as pending items, edits, RAF and a refused submit', () => {
    const v = claimChart();
    expect(v.encounter.status).toBe('new');
    expect(v.items.map((i) => [i.display, i.origin, i.existingSource, i.disposition])).toEqual([
      ['I21.9', 'existing', 'claim', 'pending'],
      ['I50.9', 'existing', 'claim', 'pending'],
      ['I11.0', 'existing', 'claim', 'pending'],
      ['I25.10', 'existing', 'claim', 'pending'],
    ]);
    const doc = v.documents[0]!;
    const titles = doc.sections.map((s) => s.title);
    expect(titles[0]).toBe('CHRONIC CARE VISIT');
    expect(titles).toContain('A/P');
    for (const s of doc.sections) expect(doc.text.slice(s.start, s.end).startsWith(s.title)).toBe(true);
    expect(v.patient.age).toBe(76);
    expect(v.raf?.hccs.map((x) => x.hcc)).toContain(226);
    expect(v.submit.allowed).toBe(false);
    expect(v.submit.reasons[0]).toMatch(/4 existing codes have no disposition: I21\.9, I50\.9, I11\.0, I25\.10/);
    expect(v.canUndo).toBe(false);
  });
});

describe('review actions', () => {
  it('accept, delete with a reason, change and add each write one decision, one audit event and one outbox row', () => {
    const id = claimChart().encounter.id;
    let v = act(id, { type: 'accept', itemId: item(claimChart(), 'I25.10').id });
    expect(item(v, 'I25.10').disposition).toBe('accepted');
    expect(v.encounter.status).toBe('in_progress');
    v = act(id, { type: 'delete', itemId: item(v, 'I21.9').id, reason: 'history_only', text: 'MI in 2017' });
    expect(item(v, 'I21.9')).toMatchObject({ disposition: 'delete_proposed', reason: 'history_only', reasonText: 'MI in 2017' });
    v = act(id, { type: 'change', itemId: item(v, 'I50.9').id, system: 'icd10cm', code: 'I50.22' });
    expect(item(v, 'I50.22')).toMatchObject({ disposition: 'accepted', replacedCode: 'I509', origin: 'existing' });
    const doc = v.documents[0]!;
    const phrase = 'CKD';
    const start = doc.text.indexOf(phrase);
    expect(start).toBeGreaterThan(0);
    v = act(id, { type: 'add', system: 'icd10cm', code: 'N1831', evidence: [{ documentId: doc.id, start, end: start + phrase.length }] });
    expect(item(v, 'N18.31')).toMatchObject({ origin: 'added', disposition: 'accepted', evidence: [{ documentId: doc.id, start, end: start + 3, quote: 'CKD' }] });
    expect(count('review_decisions')).toBe(4);
    expect(count('outbox')).toBe(4);
    const events = [...iterateAudit(t.db, id)];
    expect(events.map((e) => [e.action, e.code, e.reason])).toEqual([
      ['accept', 'I2510', null],
      ['delete', 'I219', 'history_only'],
      ['change', 'I5022', null],
      ['add', 'N1831', null],
    ]);
    expect(events[3]!.evidence).toEqual([{ documentId: doc.id, start, end: start + 3, quote: 'CKD' }]);
    expect(events.every((e) => e.userId === CODER.id && e.role === 'coder' && e.codeSetVersion === codeSet().version)).toBe(true);
    expect(verifyAudit(t.db)).toMatchObject({ ok: true, events: 4 });
  });

  it('reject needs a known reason (and text for "other"); query needs a note', () => {
    const v = claimChart();
    const itemId = item(v, 'I11.0').id;
    expect(() => act(v.encounter.id, { type: 'reject', itemId, reason: 'because' as never })).toThrow(/Choose a reason/);
    expect(() => act(v.encounter.id, { type: 'reject', itemId, reason: 'other' })).toThrow(/reason text is required/);
    expect(() => act(v.encounter.id, { type: 'query', itemId, note: '   ' })).toThrow(/query note is required/);
    const after = act(v.encounter.id, { type: 'query', itemId, note: 'Is the heart failure related to the CKD?' });
    expect(item(after, 'I11.0')).toMatchObject({ disposition: 'query', queryNote: 'Is the heart failure related to the CKD?' });
    const rejected = act(v.encounter.id, { type: 'reject', itemId, reason: 'wrong_specificity' });
    expect(item(rejected, 'I11.0')).toMatchObject({ disposition: 'rejected', reason: 'wrong_specificity' });
    expect(item(rejected, 'I11.0').queryNote).toBeUndefined();
  });

  it('refuses an unknown code, a non-billable code, and a delete of a code the coder added', () => {
    const v = claimChart();
    const id = v.encounter.id;
    const itemId = item(v, 'I50.9').id;
    expect(() => act(id, { type: 'change', itemId, system: 'icd10cm', code: 'I50.99' })).toThrow(/I50\.99 is not in the FY2026 code set/);
    expect(() => act(id, { type: 'change', itemId, system: 'icd10cm', code: 'I50' })).toThrow(/not a billable code/);
    expect(() => act(id, { type: 'change', itemId, system: 'icd10cm', code: "I10'; DROP TABLE encounters;--" })).toThrow(/not a code/);
    const doc = v.documents[0]!;
    const added = act(id, { type: 'add', system: 'icd10cm', code: 'Z951', evidence: [{ documentId: doc.id, start: 0, end: 5 }] });
    expect(() => act(id, { type: 'delete', itemId: item(added, 'Z95.1').id, reason: 'not_documented' })).toThrow(/Only codes already on the claim/);
    expect(count('review_decisions')).toBe(1);
  });

  it('refuses add without evidence, with offsets outside the note, in another chart, or with a quote that does not match — and changes nothing', () => {
    const v = claimChart();
    const id = v.encounter.id;
    const doc = v.documents[0]!;
    const other = h.worklistQuery({ search: 'cardiology' }) as Awaited<ReturnType<CoderHandlers['worklistQuery']>>;
    const otherDoc = open(other.rows[0]!.encounterId).documents[0]!;
    const start = doc.text.indexOf('CKD');
    const cases: Array<[unknown, RegExp]> = [
      [[], /Select the text/],
      [[{ documentId: doc.id, start: -1, end: 4 }], /outside the document/],
      [[{ documentId: doc.id, start: 10, end: doc.text.length + 1 }], /outside the document/],
      [[{ documentId: doc.id, start: 5, end: 5 }], /outside the document/],
      [[{ documentId: otherDoc.id, start: 0, end: 4 }], /not part of this chart/],
      [[{ documentId: doc.id, start, end: start + 3, quote: 'CKE' }], /quote does not match/],
      [[{ documentId: doc.id, start: start + 1, end: start + 4, quote: 'CKD' }], /quote does not match/],
    ];
    for (const [evidence, message] of cases) {
      expect(() => act(id, { type: 'add', system: 'icd10cm', code: 'N1831', evidence: evidence as never })).toThrow(message);
    }
    expect(count('review_decisions') + count('outbox') + count('audit_events')).toBe(0);
    expect(open(id).items).toHaveLength(4);
    expect(open(id).encounter.status).toBe('new');
    // The same quote at the right offsets is accepted.
    const ok = act(id, { type: 'add', system: 'icd10cm', code: 'N1831', evidence: [{ documentId: doc.id, start, end: start + 3, quote: 'CKD' } as never] });
    expect(item(ok, 'N18.31').evidence[0]!.quote).toBe('CKD');
  });

  it('refuses unknown chart and item ids', () => {
    const v = claimChart();
    expect(() => h.chartOpen({ encounterId: 'nope' })).toThrow(/No chart/);
    expect(() => act('00000000-0000-4000-8000-000000000000', { type: 'accept', itemId: v.items[0]!.id })).toThrow(/No chart/);
    expect(() => act(v.encounter.id, { type: 'accept', itemId: 'x' })).toThrow(/not on this chart/);
    expect(() => act(v.encounter.id, { type: 'explode' } as never)).toThrow(/Unknown review action/);
    expect(count('audit_events')).toBe(0);
  });
});

describe('undo', () => {
  it('reverts the last action of the chart, then the one before; an undone add leaves the chart; the audit trail only grows', () => {
    const v0 = claimChart();
    const id = v0.encounter.id;
    const doc = v0.documents[0]!;
    act(id, { type: 'reject', itemId: item(v0, 'I11.0').id, reason: 'wrong_specificity' });
    let v = act(id, { type: 'change', itemId: item(v0, 'I50.9').id, system: 'icd10cm', code: 'I5022' });
    v = act(id, { type: 'add', system: 'icd10cm', code: 'I130', evidence: [{ documentId: doc.id, start: 0, end: 18 }] });
    expect(v.items.map((i) => i.display)).toContain('I13.0');
    expect(v.canUndo).toBe(true);
    v = h.reviewUndo({ encounterId: id }) as ChartView;
    expect(v.items.map((i) => i.display)).not.toContain('I13.0');
    v = h.reviewUndo({ encounterId: id }) as ChartView;
    expect(item(v, 'I50.9')).toMatchObject({ disposition: 'pending' });
    expect(item(v, 'I50.9').replacedCode).toBeUndefined();
    v = h.reviewUndo({ encounterId: id }) as ChartView;
    expect(item(v, 'I11.0')).toMatchObject({ disposition: 'pending' });
    expect(v.canUndo).toBe(false);
    expect(() => h.reviewUndo({ encounterId: id })).toThrow(/Nothing to undo/);
    expect([...iterateAudit(t.db, id)].map((e) => e.action)).toEqual(['reject', 'change', 'add', 'undo', 'undo', 'undo']);
    expect(verifyAudit(t.db)).toMatchObject({ ok: true, events: 6 });
  });
});

describe('submit', () => {
  it('is refused while an existing code is undispositioned or an edit error remains, then marks the chart done and returns the next chart', () => {
    const v0 = claimChart();
    const id = v0.encounter.id;
    act(id, { type: 'delete', itemId: item(v0, 'I21.9').id, reason: 'history_only' });
    act(id, { type: 'change', itemId: item(v0, 'I50.9').id, system: 'icd10cm', code: 'I5022' });
    act(id, { type: 'change', itemId: item(v0, 'I11.0').id, system: 'icd10cm', code: 'I130' });
    let r = h.reviewSubmit({ encounterId: id });
    expect(r).toEqual({ ok: false, reasons: ['1 existing code has no disposition: I25.10.'] });
    let v = act(id, { type: 'accept', itemId: item(v0, 'I25.10').id });
    // E11.9 with E10.9 is an Excludes1 pair: an edit error blocks submit until one goes.
    const doc = v.documents[0]!;
    act(id, { type: 'add', system: 'icd10cm', code: 'E109', evidence: [{ documentId: doc.id, start: 0, end: 5 }] });
    v = act(id, { type: 'add', system: 'icd10cm', code: 'E119', evidence: [{ documentId: doc.id, start: 0, end: 5 }] });
    expect(v.edits.some((e) => e.id === 'excludes1' && e.severity === 'error')).toBe(true);
    r = h.reviewSubmit({ encounterId: id });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons.some((x) => x.startsWith('Edit error:') && x.includes('E10.9'))).toBe(true);
    v = act(id, { type: 'reject', itemId: item(v, 'E10.9').id, reason: 'not_documented' });
    expect(v.submit).toEqual({ allowed: true, reasons: [] });
    const next = h.worklistNext({ afterEncounterId: id });
    r = h.reviewSubmit({ encounterId: id });
    expect(r).toEqual({ ok: true, nextEncounterId: next === id ? null : next });
    expect(r.ok && r.nextEncounterId).toBeTruthy();
    v = open(id);
    expect(v.encounter.status).toBe('done');
    expect(v.canUndo).toBe(false);
    const coded = t.db.prepare("SELECT code FROM encounter_codes WHERE encounter_id = ? AND source = 'coded' ORDER BY ordinal").all(id) as Array<{ code: string }>;
    expect(coded.map((c) => c.code)).toEqual(['I5022', 'I130', 'I2510', 'E119']);
    expect(() => act(id, { type: 'accept', itemId: item(v, 'I25.10').id })).toThrow(/submitted/);
    expect(h.reviewSubmit({ encounterId: id })).toEqual({ ok: false, reasons: ['The chart is already submitted.'] });
    expect([...iterateAudit(t.db, id)].at(-1)).toMatchObject({ action: 'submit', detail: { codes: ['icd10cm:I5022', 'icd10cm:I130', 'icd10cm:I2510', 'icd10cm:E119'] } });
  });

  it('chartSetStatus moves a chart on hold and back, with an audit event each time', () => {
    const id = claimChart().encounter.id;
    expect((h.chartSetStatus({ encounterId: id, status: 'on_hold' }) as ChartView).encounter.status).toBe('on_hold');
    expect((h.chartSetStatus({ encounterId: id, status: 'in_progress' }) as ChartView).encounter.status).toBe('in_progress');
    expect(() => h.chartSetStatus({ encounterId: id, status: 'done' as never })).toThrow(/on hold, in progress or pending query/);
    expect([...iterateAudit(t.db, id)].map((e) => [e.action, e.detail])).toEqual([
      ['status', { from: 'new', to: 'on_hold' }],
      ['status', { from: 'on_hold', to: 'in_progress' }],
    ]);
  });
});

describe('code set edition', () => {
  it('refuses a change or add when the date of service falls in a fiscal year whose code set is not loaded', () => {
    const chart = readDemoCharts().find((c) => c.existingCodes.length > 0)!;
    const moved = {
      ...chart,
      patient: { ...chart.patient, id: 'f0000000-0000-4000-8000-000000000001' },
      encounter: { ...chart.encounter, id: 'f0000000-0000-4000-8000-000000000002', dateOfService: '2025-09-15' },
      documents: chart.documents.map((d, i) => ({ ...d, id: `f0000000-0000-4000-8000-00000000001${i}` })),
    };
    t.db.transaction(() => storeCharts(t.db, [moved], { assigneeId: CODER.id, source: 'test' }))();
    const v = open(moved.encounter.id);
    expect(v.encounter.fiscalYear).toBe(2025);
    expect(() => act(v.encounter.id, { type: 'change', itemId: v.items[0]!.id, system: 'icd10cm', code: 'I10' })).toThrow(/FY2025, but the loaded code set covers FY2026/);
    expect(() => act(v.encounter.id, { type: 'add', system: 'icd10cm', code: 'I10', evidence: [{ documentId: v.documents[0]!.id, start: 0, end: 4 }] })).toThrow(/FY2025/);
    expect(count('audit_events')).toBe(0);
  });
});

describe('longitudinal history', () => {
  it("lists the patient's other encounters, newest first, with what they were coded as (coded, else final, else claim)", () => {
    const base = readDemoCharts().find((c) => c.existingCodes.length > 0)!;
    const pid = 'f1000000-0000-4000-8000-000000000001';
    const mk = (n: number, dos: string, finals: string[], claims: string[]) => ({
      patient: { ...base.patient, id: pid },
      encounter: { ...base.encounter, id: `f1000000-0000-4000-8000-00000000010${n}`, dateOfService: dos },
      documents: [{ ...base.documents[0]!, id: `f1000000-0000-4000-8000-00000000020${n}` }],
      existingCodes: claims.map((code) => ({ system: 'icd10cm' as const, code, source: 'claim' as const })),
      finalCodes: finals.map((code) => ({ system: 'icd10cm' as const, code })),
    });
    t.db.transaction(() =>
      storeCharts(t.db, [mk(1, '2025-11-03', ['E1122', 'N1831'], ['E119']), mk(2, '2026-01-12', [], ['I10']), mk(3, '2026-03-02', [], ['I5032'])], { assigneeId: CODER.id, source: 'test' }),
    )();
    const v = open('f1000000-0000-4000-8000-000000000103');
    expect(v.history.map((hx) => [hx.dateOfService, hx.codes.map((c) => `${c.display}/${c.source}`)])).toEqual([
      ['2026-01-12', ['I10/claim']],
      ['2025-11-03', ['E11.22/final', 'N18.31/final']],
    ]);
    expect(v.history[1]!.codes[0]!.description).toMatch(/diabetes/i);
  });
});

describe('sections', () => {
  it('finds markdown headings in a Synthea note and labels in a US-guideline note', async () => {
    const { detectSections } = await import('../../../src/main/review/sections');
    const synthea = '\r\n2019-01-01\r\n\r\n# Chief Complaint\r\nNo complaints.\r\n\r\n# History of Present Illness\r\nPatient is well.\r\n\r\n## Plan\r\nFollow up.';
    const s = detectSections(synthea);
    expect(s.map((x) => x.title)).toEqual(['Chief Complaint', 'History of Present Illness', 'Plan']);
    expect(synthea.slice(s[1]!.start, s[1]!.end)).toBe('# History of Present Illness\r\nPatient is well.\r\n\r\n');
    expect(s[2]!.end).toBe(synthea.length);
    const label = detectSections('PROGRESS NOTE\n03/18/2026\nHPI: cough.\n1. COPD - stable\nA/P:\n1. COPD');
    expect(label.map((x) => x.title)).toEqual(['PROGRESS NOTE', 'HPI', 'A/P']);
  });
});
