// "Load the new version, keeping my work", end to end on real parts: the server on 127.0.0.1
// (PGlite), the lead re-importing a revised chart through the real route, and the whole workstation
// core (real SQLite file, test code set) holding it and then loading it onto the coder's work.
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/main/audit/verify';
import { applySuggestionRun } from '../../../src/main/suggest/apply';
import type { Workstation } from '../../../src/main/workstation';
import type { ImportedChart } from '../../../src/shared/chart';
import type { ChartView, EvidenceSpan } from '../../../src/shared/review/types';
import type { Suggestion, SuggestionRun } from '../../../src/shared/suggest/types';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import { PASSWORD, type Team } from '../../server/harness';
import { ensureTestCodeSet } from '../../helpers/codeset';
import { NEW_NOTE, OLD_NOTE, VANISHING, noteChart, revised, spanOf } from './load-fixtures';
import { useSyncServer, useWorkstations } from './hooks';

let t: Team;
const h = useSyncServer((team) => void (t = team), ensureTestCodeSet);
const install = useWorkstations('load-update');

async function signInAndSync(ws: Workstation, user: SessionUser): Promise<void> {
  await ws.handlers.syncSignIn({ serverUrl: h.url, user: user.name, password: PASSWORD });
  expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', lastError: null });
}

async function leaseTo(user: SessionUser, chart: ImportedChart): Promise<void> {
  expect((await t.leadClient.importCharts([chart])).results).toEqual([{ chartId: chart.encounter.id, status: 'stored' }]);
  await t.leadClient.reassign([chart.encounter.id], user.id);
}

async function update(chart: ImportedChart): Promise<void> {
  expect((await t.leadClient.importCharts([chart])).results).toEqual([{ chartId: chart.encounter.id, status: 'updated' }]);
}

const PROVENANCE = { engine: 'local' as const, codeSetVersion: 'test', createdAt: '2026-01-01T00:00:00.000Z' };

function suggestion(docId: string, code: string, kind: Suggestion['kind'], quote: string, meat?: string): Suggestion {
  const s: Suggestion = { system: 'icd10cm', code, kind, evidence: [{ documentId: docId, ...spanOf(OLD_NOTE, quote) }], assertion: 'present', confidence: 0.9, provenance: PROVENANCE };
  if (meat) s.meat = { monitor: [{ documentId: docId, ...spanOf(OLD_NOTE, meat) }] };
  return s;
}

/** Suggestions stored on the old text, as an engine run would write them. */
function suggestOnOldText(ws: Workstation, c: ImportedChart): void {
  const doc = c.documents[0]!.id;
  const run: SuggestionRun = {
    engine: 'local',
    suggestions: [
      suggestion(doc, 'I10', 'keep', 'Essential hypertension'),
      suggestion(doc, 'N1831', 'add', 'Chronic kidney disease stage 3a', 'noted on labs'),
      suggestion(doc, 'E1165', 'add', 'Type 2 diabetes mellitus'),
    ],
    drops: { unknownCode: 0, invalidForDate: 0, headerCode: 0, quoteNotFound: 0, noEvidence: 0, malformed: 0 },
    proposed: 3,
    elapsedMs: 1,
  };
  applySuggestionRun(ws.db, c.encounter.id, run);
}

interface Worked {
  c: ImportedChart;
  id: string;
  ws: Workstation;
  items: { i10: string; e119: string; n1831: string; e1165: string; e782: string; z79899: string };
}

/**
 * A coder's work on the old note: I10 kept (the engine's quote on it), E11.9 rejected, the engine's
 * N18.31 accepted, E78.2 added on the hyperlipidemia line (which the revision removes), Z79.899 added
 * on the second "lisinopril" (the revision adds a third one above it); the engine's E11.65 untouched.
 */
async function workedChart(offset: number, opts: { submit?: boolean } = {}): Promise<Worked> {
  const coder = await h.user('coder', t.id);
  const c = noteChart(offset);
  const id = c.encounter.id;
  const doc = c.documents[0]!.id;
  await leaseTo(coder, c);
  const { ws } = install();
  await signInAndSync(ws, coder);
  suggestOnOldText(ws, c);
  const byCode = (code: string) => (ws.db.prepare('SELECT id FROM review_items WHERE encounter_id = ? AND code = ?').get(id, code) as { id: string }).id;
  const act = (action: Parameters<Workstation['handlers']['reviewAct']>[0]['action']) => ws.handlers.reviewAct({ encounterId: id, action });
  await act({ type: 'accept', itemId: byCode('I10') });
  await act({ type: 'reject', itemId: byCode('E119'), reason: 'not_documented' });
  await act({ type: 'accept', itemId: byCode('N1831') });
  await act({ type: 'add', system: 'icd10cm', code: 'E782', evidence: [{ documentId: doc, ...spanOf(OLD_NOTE, VANISHING) }] });
  await act({ type: 'add', system: 'icd10cm', code: 'Z79899', evidence: [{ documentId: doc, ...spanOf(OLD_NOTE, 'lisinopril', 1) }] });
  if (opts.submit) expect(await ws.handlers.reviewSubmit({ encounterId: id })).toMatchObject({ ok: true });
  const items = { i10: byCode('I10'), e119: byCode('E119'), n1831: byCode('N1831'), e1165: byCode('E1165'), e782: byCode('E782'), z79899: byCode('Z79899') };
  await update(revised(c));
  expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', pending: 0, lastError: null });
  expect(ws.db.prepare('SELECT count(*) AS n FROM sync_chart_updates WHERE chart_id = ?').get(id), 'the revision waits').toEqual({ n: 1 });
  return { c, id, ws, items };
}

const heldVersion = (w: Worked) => (w.ws.db.prepare('SELECT version FROM sync_chart_updates WHERE chart_id = ?').get(w.id) as { version: number }).version;

/** Everything a load may touch, and what it must never touch. */
function snapshot(ws: Workstation, id: string) {
  const all = (sql: string) => ws.db.prepare(sql).all(id);
  return {
    encounter: ws.db.prepare('SELECT * FROM encounters WHERE id = ?').get(id),
    documents: all('SELECT * FROM documents WHERE encounter_id = ? ORDER BY ordinal'),
    codes: all('SELECT * FROM encounter_codes WHERE encounter_id = ? ORDER BY source, ordinal'),
    items: all('SELECT * FROM review_items WHERE encounter_id = ? ORDER BY ordinal'),
    decisions: all('SELECT * FROM review_decisions WHERE encounter_id = ? ORDER BY audit_seq'),
    audit: all('SELECT * FROM audit_events WHERE encounter_id = ? ORDER BY seq'),
    outbox: all("SELECT o.*, s.status, s.lease_version FROM outbox o JOIN sync_outbox s ON s.outbox_id = o.id WHERE s.chart_id = ? ORDER BY o.seq"),
    runs: all('SELECT * FROM suggestion_runs WHERE encounter_id = ? ORDER BY id'),
    held: all('SELECT * FROM sync_chart_updates WHERE chart_id = ?'),
    content: all('SELECT * FROM sync_content_versions WHERE chart_id = ?'),
    rechecks: all('SELECT * FROM review_rechecks WHERE encounter_id = ? ORDER BY item_id'),
  };
}

function expectVerbatim(text: string, spans: readonly EvidenceSpan[], what: string): void {
  for (const e of spans) expect(text.slice(e.start, e.end), `${what} is verbatim at its offsets`).toBe(e.quote);
}

function evidenceMatchesText(v: ChartView): void {
  for (const item of v.items) {
    for (const e of item.evidence) {
      const doc = v.documents.find((d) => d.id === e.documentId);
      expect(doc, `evidence of ${item.display} points at a document on the chart`).toBeDefined();
      expectVerbatim(doc!.text, [e], `evidence of ${item.display}`);
    }
  }
}

describe('loading a newer server version onto a chart with work', () => {
  it('keeps every piece of work, moves the evidence onto the new text, flags what is gone, reconciles the claim codes and audits the load', async () => {
    const w = await workedChart(10);
    const { ws, id, items } = w;
    const version = heldVersion(w);
    const before = snapshot(ws, id);
    const auditBefore = (ws.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;

    // The banner says how many codes the load will leave for re-review: E78.2's quote and E11.9's claim line are gone.
    const seen = await ws.handlers.chartOpen({ encounterId: id });
    expect(seen.serverUpdate).toMatchObject({ version, itemsToRecheck: 2 });
    expect(seen.documents[0]!.text).toBe(OLD_NOTE);

    const v = await ws.handlers.chartLoadServerUpdate({ encounterId: id, version });
    const after = snapshot(ws, id);

    // The new content, nothing waiting any more, the content's version recorded.
    expect(v.documents.map((d) => d.text)).toEqual([NEW_NOTE]);
    expect(v.serverUpdate).toBeNull();
    expect(after.held).toEqual([]);
    expect(after.content).toEqual([{ chart_id: id, version }]);
    expect((await ws.handlers.worklistQuery({ limit: 100 })).rows.find((r) => r.encounterId === id)).toMatchObject({ updatedOnServer: false });
    // The encounter's version is bumped as for any replacement; its status and place in the queue are the coder's.
    const enc = (s: typeof before) => s.encounter as { version: number; status: string; import_seq: number; assignee_id: string; priority: number };
    expect(enc(after).version).toBe(enc(before).version + 1);
    expect({ ...enc(after), version: 0, updated_at: '' }).toMatchObject({ status: enc(before).status, import_seq: enc(before).import_seq, assignee_id: enc(before).assignee_id, priority: enc(before).priority });
    expect(enc(after).status).toBe('in_progress');

    // Work kept: the same decisions (who, what, when, undo state), the outbox rows and every earlier audit event unchanged.
    const decisionCore = (rows: unknown[]) => (rows as Array<Record<string, unknown>>).map(({ before: _b, after: _a, version: _v, ...rest }) => rest);
    expect(decisionCore(after.decisions)).toEqual(decisionCore(before.decisions));
    expect(after.outbox.slice(0, before.outbox.length)).toEqual(before.outbox);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(verifyAudit(ws.db)).toMatchObject({ ok: true, events: auditBefore + 1 });

    // The load is audited, naming the version and the counts.
    const event = after.audit[after.audit.length - 1] as { action: string; detail: string; user_id: string };
    expect(event.action).toBe('sync_load_update');
    expect(JSON.parse(event.detail)).toMatchObject({
      version,
      reanchored: 3,
      flagged: 2,
      counts: { quotesLost: 1, codesAdded: 1, codesRemoved: 1, suggestionsDropped: 1 },
      changes: expect.arrayContaining(['Existing code added: I50.22 (claim).', 'Existing code removed: E11.9 (claim).']),
    });

    const item = (itemId: string) => v.items.find((i) => i.id === itemId);
    const doc = v.documents[0]!;
    // A quote that moved: found in the new text and pointed at.
    expect(item(items.i10)).toMatchObject({ disposition: 'accepted', evidence: [{ documentId: doc.id, ...spanOf(NEW_NOTE, 'Essential hypertension') }] });
    expect(item(items.i10)!.recheck).toBeUndefined();
    // The engine's suggestion the coder accepted keeps its decision, its evidence and its MEAT quote, moved.
    expect(item(items.n1831)).toMatchObject({ origin: 'suggested', disposition: 'accepted', evidence: [{ documentId: doc.id, ...spanOf(NEW_NOTE, 'Chronic kidney disease stage 3a') }] });
    const meat = JSON.parse((ws.db.prepare('SELECT suggestion FROM review_items WHERE id = ?').get(items.n1831) as { suggestion: string }).suggestion) as { meat: { monitor: EvidenceSpan[] } };
    expect(meat.meat.monitor).toEqual([{ documentId: doc.id, ...spanOf(NEW_NOTE, 'noted on labs') }]);
    // Of three "lisinopril"s in the new text, the one the coder chose: the PLAN line's, not the addendum's.
    expect(item(items.z79899)!.evidence).toEqual([{ documentId: doc.id, ...spanOf(NEW_NOTE, 'lisinopril', 2) }]);
    expect(NEW_NOTE.slice(item(items.z79899)!.evidence[0]!.start - 'PLAN: continue '.length, item(items.z79899)!.evidence[0]!.start)).toBe('PLAN: continue ');
    // A quote that vanished: its decision is kept, the quote is taken off (nothing points at other words) and the code is flagged.
    expect(item(items.e782)).toMatchObject({ disposition: 'accepted', evidence: [], recheck: { lostQuotes: [VANISHING], codeRemoved: false, serverVersion: version } });
    // An existing code the new version dropped keeps its decided item, flagged; the claim code it added is a new pending item.
    expect(item(items.e119)).toMatchObject({ disposition: 'rejected', reason: 'not_documented', recheck: { lostQuotes: [], codeRemoved: true } });
    const existing = v.items.filter((i) => i.origin === 'existing').map((i) => [i.code, i.disposition]);
    expect(existing).toEqual([
      ['I10', 'accepted'],
      ['E119', 'rejected'],
      ['I5022', 'pending'],
    ]);
    // The untouched suggestion went with the old text (the engine suggests again on the new one).
    expect(ws.db.prepare('SELECT count(*) AS n FROM review_items WHERE id = ?').get(items.e1165)).toEqual({ n: 0 });
    expect(after.runs.map((r) => (r as { id: string }).id).filter((rid) => before.runs.some((b) => (b as { id: string }).id === rid))).toEqual([]);
    expect(v.items.filter((i) => i.recheck).map((i) => i.code).sort()).toEqual(['E119', 'E782']);

    // Nothing points at wrong text: the items, and the item states the decisions keep for undo.
    evidenceMatchesText(v);
    for (const d of after.decisions as Array<{ before: string | null; after: string }>) {
      for (const state of [d.before, d.after]) if (state) expectVerbatim(NEW_NOTE, (JSON.parse(state) as { evidence: EvidenceSpan[] }).evidence, 'evidence kept for undo');
    }
    const lost = JSON.parse((ws.db.prepare('SELECT evidence_lost FROM review_rechecks WHERE item_id = ?').get(items.e782) as { evidence_lost: string }).evidence_lost) as EvidenceSpan[];
    expect(lost).toEqual([{ documentId: doc.id, ...spanOf(OLD_NOTE, VANISHING) }]);

    // The server hears of the load after the work queued before it: which version the later decisions are made against.
    const sent = after.outbox.slice(before.outbox.length) as Array<{ id: string; entity: string; op: string; payload: string }>;
    expect(sent.map((r) => [r.entity, r.op])).toEqual([['encounter', 'load_update']]);
    expect(JSON.parse(sent[0]!.payload)).toMatchObject({ version, fromVersion: (before.content[0] as { version: number }).version, counts: { quotesLost: 1 }, audit: { action: 'sync_load_update' } });
    expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', pending: 0, lastError: null });
    const stored = await h.db.query<{ status: string; payload: string }>('SELECT status, payload FROM mutations WHERE id = $1', [sent[0]!.id]);
    expect(stored.map((r) => r.status)).toEqual(['accepted']);
    expect(JSON.parse(stored[0]!.payload)).toMatchObject({ entity: 'encounter', op: 'load_update', data: { version } });
  }, 120_000);

  it('a flag clears when the coder decides on the code again, and comes back when that decision is undone', async () => {
    const w = await workedChart(11);
    const { ws, id, items } = w;
    await ws.handlers.chartLoadServerUpdate({ encounterId: id, version: heldVersion(w) });
    const kept = await ws.handlers.reviewAct({ encounterId: id, action: { type: 'accept', itemId: items.e782 } });
    expect(kept.items.find((i) => i.id === items.e782)!.recheck).toBeUndefined();
    expect(kept.items.find((i) => i.id === items.e119)!.recheck).toMatchObject({ codeRemoved: true });
    const undone = await ws.handlers.reviewUndo({ encounterId: id });
    expect(undone.items.find((i) => i.id === items.e782)!.recheck).toMatchObject({ lostQuotes: [VANISHING] });
  }, 120_000);

  it('a submitted chart keeps its status and the codes the coder submitted', async () => {
    const w = await workedChart(12, { submit: true });
    const { ws, id } = w;
    const coded = () => ws.db.prepare("SELECT id, system, code, ordinal, version FROM encounter_codes WHERE encounter_id = ? AND source = 'coded' ORDER BY ordinal").all(id);
    const submitted = coded();
    expect(submitted.map((c) => (c as { code: string }).code)).toEqual(['I10', 'N1831', 'E782', 'Z79899']);
    const v = await ws.handlers.chartLoadServerUpdate({ encounterId: id, version: heldVersion(w) });
    expect(v.encounter.status).toBe('done');
    expect(coded()).toEqual(submitted);
    expect(v.documents[0]!.text).toBe(NEW_NOTE);
  }, 120_000);

  it('refuses, changing nothing, when no version waits, when another version waits than the one asked for, or when the waiting one is not newer', async () => {
    const w = await workedChart(13);
    const { ws, id } = w;
    const version = heldVersion(w);
    const before = snapshot(ws, id);
    const load = (req: unknown) => ws.handlers.chartLoadServerUpdate(req as { encounterId: string; version: number });

    await expect(async () => load({ encounterId: id, version: version - 1 })).rejects.toThrow(`The server has sent version ${version} of this chart since you looked`);
    await expect(async () => load({ encounterId: id })).rejects.toThrow('A version number is required');
    await expect(async () => load({ encounterId: '00000000-0000-4000-8000-000000000000', version })).rejects.toThrow('No chart with that id');
    expect(snapshot(ws, id)).toEqual(before);

    // The waiting version is not newer than the content (a stale row): refused, and the row is left for sync to settle.
    ws.db.prepare('UPDATE sync_content_versions SET version = ? WHERE chart_id = ?').run(version, id);
    const stale = snapshot(ws, id);
    await expect(async () => load({ encounterId: id, version })).rejects.toThrow(`The waiting server version ${version} is not newer than the chart you have (version ${version})`);
    expect(snapshot(ws, id)).toEqual(stale);

    // A chart with nothing waiting.
    ws.db.prepare('DELETE FROM sync_chart_updates WHERE chart_id = ?').run(id);
    const none = snapshot(ws, id);
    await expect(async () => load({ encounterId: id, version })).rejects.toThrow('There is no newer server version of this chart to load');
    expect(snapshot(ws, id)).toEqual(none);
  }, 120_000);

  it('is one transaction: a write failing part-way leaves the old chart, its work and the waiting version as they were', async () => {
    const w = await workedChart(14);
    const { ws, id } = w;
    const version = heldVersion(w);
    const before = snapshot(ws, id);
    const auditBefore = ws.db.prepare('SELECT count(*) AS n FROM audit_events').get();
    // The new claim code's item is written after the documents, codes and item rewrites: make that insert fail.
    ws.db.exec("CREATE TEMP TRIGGER fail_new_item BEFORE INSERT ON review_items WHEN NEW.code = 'I5022' BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END");
    await expect(async () => ws.handlers.chartLoadServerUpdate({ encounterId: id, version })).rejects.toThrow('disk full (test)');
    expect(snapshot(ws, id)).toEqual(before);
    expect(ws.db.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual(auditBefore);
    const v = await ws.handlers.chartOpen({ encounterId: id });
    expect(v.documents[0]!.text).toBe(OLD_NOTE);
    expect(v.serverUpdate).toMatchObject({ version });

    // Once the fault is gone the same load goes through.
    ws.db.exec('DROP TRIGGER fail_new_item');
    expect((await ws.handlers.chartLoadServerUpdate({ encounterId: id, version })).documents[0]!.text).toBe(NEW_NOTE);
  }, 120_000);

  it('a later version loads on top of the first, keeping the open flags', async () => {
    const w = await workedChart(15);
    const { ws, id, c, items } = w;
    await ws.handlers.chartLoadServerUpdate({ encounterId: id, version: heldVersion(w) });
    const again = revised(c);
    again.documents = [{ ...again.documents[0]!, text: `${NEW_NOTE}\nSigned.` }];
    again.existingCodes = [...again.existingCodes, { system: 'icd10cm', code: 'E119', source: 'problem-list' }];
    await update(again);
    expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', lastError: null });
    const v = await ws.handlers.chartLoadServerUpdate({ encounterId: id, version: heldVersion(w) });
    // E78.2's quote is still missing; E11.9 is listed again (on the problem list), so its flag is answered.
    expect(v.items.find((i) => i.id === items.e782)!.recheck).toMatchObject({ lostQuotes: [VANISHING] });
    expect(v.items.find((i) => i.id === items.e119)).toMatchObject({ existingSource: 'problem-list', disposition: 'rejected' });
    expect(v.items.find((i) => i.id === items.e119)!.recheck).toBeUndefined();
    expect(v.items.filter((i) => i.code === 'E119')).toHaveLength(1);
    evidenceMatchesText(v);
  }, 120_000);
});

describe('submitting a chart after a load', () => {
  const FLAGGED = '2 codes need re-review after the chart was updated: E11.9 (no longer on the claim), E78.2 (evidence no longer in the note). Decide on them again before submitting.';
  const E119_ONLY = '1 code needs re-review after the chart was updated: E11.9 (no longer on the claim). Decide on it again before submitting.';

  /** The worked chart with the revision loaded and the claim code it added kept, so the flags are all that holds up submit. */
  async function loadedAndOtherwiseReady(offset: number): Promise<Worked> {
    const w = await workedChart(offset);
    const v = await w.ws.handlers.chartLoadServerUpdate({ encounterId: w.id, version: heldVersion(w) });
    const i5022 = v.items.find((i) => i.code === 'I5022')!.id;
    await w.ws.handlers.reviewAct({ encounterId: w.id, action: { type: 'accept', itemId: i5022 } });
    return w;
  }

  const auditCount = (ws: Workstation) => ws.db.prepare('SELECT count(*) AS n FROM audit_events').get();

  it('is refused while a flag is open, naming the codes, and changes nothing; deciding them again lets it through, undoing that blocks it again', async () => {
    const w = await loadedAndOtherwiseReady(16);
    const { ws, id, items } = w;

    // The chart view says so before the coder presses submit, with the same words the refusal uses.
    expect((await ws.handlers.chartOpen({ encounterId: id })).submit).toEqual({ allowed: false, reasons: [FLAGGED] });
    const before = snapshot(ws, id);
    const auditBefore = auditCount(ws);
    expect(await ws.handlers.reviewSubmit({ encounterId: id })).toEqual({ ok: false, reasons: [FLAGGED] });
    // Status, coded codes, outbox, audit trail and flags are exactly as they were.
    expect(snapshot(ws, id)).toEqual(before);
    expect(auditCount(ws)).toEqual(auditBefore);

    // The coder looks again: E78.2 is kept without the vanished line, E11.9 stays rejected.
    await ws.handlers.reviewAct({ encounterId: id, action: { type: 'accept', itemId: items.e782 } });
    let v = await ws.handlers.reviewAct({ encounterId: id, action: { type: 'reject', itemId: items.e119, reason: 'not_documented' } });
    expect(v.submit).toEqual({ allowed: true, reasons: [] });

    // Undoing the new decision on E11.9 opens its flag again, and submit is refused again.
    v = await ws.handlers.reviewUndo({ encounterId: id });
    expect(v.submit).toEqual({ allowed: false, reasons: [E119_ONLY] });
    const undone = snapshot(ws, id);
    expect(await ws.handlers.reviewSubmit({ encounterId: id })).toEqual({ ok: false, reasons: [E119_ONLY] });
    expect(snapshot(ws, id)).toEqual(undone);

    await ws.handlers.reviewAct({ encounterId: id, action: { type: 'reject', itemId: items.e119, reason: 'not_documented' } });
    expect(await ws.handlers.reviewSubmit({ encounterId: id })).toMatchObject({ ok: true });
    const done = await ws.handlers.chartOpen({ encounterId: id });
    expect(done.encounter.status).toBe('done');
    const coded = ws.db.prepare("SELECT code FROM encounter_codes WHERE encounter_id = ? AND source = 'coded' ORDER BY ordinal").all(id) as Array<{ code: string }>;
    expect(coded.map((c) => c.code).sort()).toEqual(['E782', 'I10', 'I5022', 'N1831', 'Z79899']);
    const last = ws.db.prepare('SELECT action FROM audit_events WHERE encounter_id = ? ORDER BY seq DESC LIMIT 1').get(id);
    expect(last).toEqual({ action: 'submit' });
    expect(verifyAudit(ws.db)).toMatchObject({ ok: true });
  }, 120_000);

  it('a flagged code the coder took off the chart (its add undone) no longer holds up submit; the others still do', async () => {
    const w = await loadedAndOtherwiseReady(17);
    const { ws, id, items } = w;
    // Undo the I50.22 keep, then the Z79.899 add, then the E78.2 add: E78.2 leaves the list with its flag unanswered.
    await ws.handlers.reviewUndo({ encounterId: id });
    await ws.handlers.reviewUndo({ encounterId: id });
    const v = await ws.handlers.reviewUndo({ encounterId: id });
    expect(v.items.some((i) => i.id === items.e782)).toBe(false);
    const i5022 = v.items.find((i) => i.code === 'I5022')!.id;
    await ws.handlers.reviewAct({ encounterId: id, action: { type: 'accept', itemId: i5022 } });
    expect(await ws.handlers.reviewSubmit({ encounterId: id })).toEqual({ ok: false, reasons: [E119_ONLY] });
  }, 120_000);
});
