// A chart changed on the server after the desktop pulled it, end to end on real parts: the server
// on 127.0.0.1 (PGlite), the lead re-importing a corrected chart through the real admin route, and
// the whole workstation core (real SQLite file, test code set, local suggestion engine) pulling it.
import { describe, expect, it } from 'vitest';
import { detectSections } from '../../../src/main/review/sections';
import { createSyncHandlers } from '../../../src/main/sync/handlers';
import { applyPage } from '../../../src/main/sync/pull';
import type { Workstation } from '../../../src/main/workstation';
import { SyncStateStore } from '../../../src/main/sync/state';
import type { ImportedChart } from '../../../src/shared/chart';
import type { PullResponse, SessionUser } from '../../../src/shared/sync/protocol';
import type { ChartView } from '../../../src/shared/review/types';
import { PASSWORD, type Team } from '../../server/harness';
import { ensureTestCodeSet } from '../../helpers/codeset';
import { claimCharts } from './fixtures';
import { recorder } from './fixtures';
import { useSyncServer, useWorkstations } from './hooks';

let t: Team;
const h = useSyncServer((team) => void (t = team), ensureTestCodeSet);
const install = useWorkstations('chart-update');

async function signInAndSync(ws: Workstation, user: SessionUser): Promise<void> {
  await ws.handlers.syncSignIn({ serverUrl: h.url, user: user.name, password: PASSWORD });
  expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', lastError: null });
}

async function leaseTo(user: SessionUser, n: number, offset: number): Promise<ImportedChart[]> {
  const charts = claimCharts(n, offset);
  const { results } = await t.leadClient.importCharts(charts);
  expect(results.every((r) => r.status === 'stored')).toBe(true);
  await t.leadClient.reassign(
    charts.map((c) => c.encounter.id),
    user.id,
  );
  return charts;
}

/** The corrected chart a source system re-sends: an addendum on top (every old offset moves), a new document, one claim code swapped, a later DOS, another payer. */
function corrected(c: ImportedChart, docId: string): ImportedChart {
  const [first] = c.documents;
  return {
    ...c,
    encounter: { ...c.encounter, dateOfService: '2025-11-05', payer: 'Medicaid' },
    documents: [
      { ...first!, text: `ADDENDUM: patient also reports chronic systolic heart failure, on furosemide.\n\n${first!.text}` },
      { id: docId, type: 'discharge summary', authorRole: 'physician', date: '2025-11-06', text: 'Discharged home in stable condition.' },
    ],
    existingCodes: [
      { system: 'icd10cm', code: 'I10', source: 'claim' },
      { system: 'icd10cm', code: 'I5022', source: 'claim' },
    ],
  };
}

async function update(chart: ImportedChart): Promise<void> {
  const { results } = await t.leadClient.importCharts([chart]);
  expect(results).toEqual([{ chartId: chart.encounter.id, status: 'updated' }]);
}

function evidenceMatchesText(v: ChartView): void {
  for (const item of v.items) {
    for (const e of item.evidence) {
      const doc = v.documents.find((d) => d.id === e.documentId);
      expect(doc, `evidence of ${item.display} points at a document on the chart`).toBeDefined();
      expect(doc!.text.slice(e.start, e.end), `evidence of ${item.display} is verbatim at its offsets`).toBe(e.quote);
    }
  }
}

const snapshot = (ws: Workstation, id: string) => ({
  encounter: ws.db.prepare('SELECT * FROM encounters WHERE id = ?').get(id),
  documents: ws.db.prepare('SELECT * FROM documents WHERE encounter_id = ? ORDER BY ordinal').all(id),
  codes: ws.db.prepare('SELECT source, system, code, ordinal FROM encounter_codes WHERE encounter_id = ? ORDER BY source, ordinal').all(id),
  items: ws.db.prepare('SELECT * FROM review_items WHERE encounter_id = ? ORDER BY ordinal').all(id),
  decisions: ws.db.prepare('SELECT * FROM review_decisions WHERE encounter_id = ? ORDER BY audit_seq').all(id),
  runs: ws.db.prepare('SELECT * FROM suggestion_runs WHERE encounter_id = ? ORDER BY id').all(id),
  held: ws.db.prepare('SELECT * FROM sync_chart_updates WHERE chart_id = ?').all(id),
  version: ws.db.prepare('SELECT version FROM sync_charts WHERE chart_id = ?').get(id),
});

const worklist = (ws: Workstation) => ws.handlers.worklistQuery({ limit: 100 });

describe('a chart changed on the server after it was pulled', () => {
  it('an untouched chart takes the new content, keeps its place in the queue, and its suggestions are rebuilt on the new text', async () => {
    const coder = await h.user('coder', t.id);
    const [c] = await leaseTo(coder, 1, 0);
    const id = c!.encounter.id;
    const { ws } = install();
    await signInAndSync(ws, coder);
    const before = ws.db.prepare('SELECT import_seq AS seq, priority, due, assignee_id AS assignee, status FROM encounters WHERE id = ?').get(id);
    // Opening the chart runs the local engine and stores its suggestions against the old text.
    const v1 = await ws.handlers.chartOpen({ encounterId: id });
    const oldRuns = ws.db.prepare('SELECT id FROM suggestion_runs WHERE encounter_id = ?').all(id) as Array<{ id: string }>;
    expect(oldRuns).toHaveLength(1);
    expect(v1.items.some((i) => i.evidence.length > 0), 'the engine quoted the old text').toBe(true);

    const docId = '0b7d1c6e-2f4a-4d59-9a63-5d0f7e3c2a11';
    await update(corrected(c!, docId));
    expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', lastError: null });

    expect(ws.db.prepare('SELECT import_seq AS seq, priority, due, assignee_id AS assignee, status FROM encounters WHERE id = ?').get(id)).toEqual(before);
    expect(ws.db.prepare('SELECT count(*) AS n FROM sync_chart_updates').get()).toEqual({ n: 0 });
    // The stored suggestions and their run went with the old text.
    expect(ws.db.prepare(`SELECT count(*) AS n FROM suggestion_runs WHERE id IN (${oldRuns.map(() => '?').join(',')})`).get(...oldRuns.map((r) => r.id))).toEqual({ n: 0 });
    expect(ws.db.prepare("SELECT origin, system, code, disposition, evidence, suggestion FROM review_items WHERE encounter_id = ? ORDER BY ordinal").all(id)).toEqual([
      { origin: 'existing', system: 'icd10cm', code: 'I10', disposition: 'pending', evidence: '[]', suggestion: null },
      { origin: 'existing', system: 'icd10cm', code: 'I5022', disposition: 'pending', evidence: '[]', suggestion: null },
    ]);

    // Opened again it is the new chart, with fresh suggestions whose quotes sit at their offsets.
    const v2 = await ws.handlers.chartOpen({ encounterId: id });
    expect(v2.encounter).toMatchObject({ dateOfService: '2025-11-05', payer: 'Medicaid', status: 'new' });
    expect(v2.documents.map((d) => d.id)).toEqual([c!.documents[0]!.id, docId]);
    expect(v2.documents[0]!.text.startsWith('ADDENDUM: patient also reports chronic systolic heart failure')).toBe(true);
    expect(v2.items.filter((i) => i.origin === 'existing').map((i) => i.display)).toEqual(['I10', 'I50.22']);
    expect(v2.serverUpdate).toBeNull();
    expect(ws.db.prepare('SELECT count(*) AS n FROM suggestion_runs WHERE encounter_id = ?').get(id)).toEqual({ n: 1 });
    evidenceMatchesText(v2);
    // Sections were cached for the old text under the same document id; these are the new text's.
    expect(v2.documents[0]!.sections).toEqual(detectSections(v2.documents[0]!.text));

    const page = (await worklist(ws)).rows.find((r) => r.encounterId === id)!;
    expect(page).toMatchObject({ dateOfService: '2025-11-05', payer: 'Medicaid', documentCount: 2, codeCount: 2, updatedOnServer: false });
    const found = await ws.handlers.worklistQuery({ search: 'I50.22' });
    expect(found.rows.map((r) => r.encounterId)).toEqual([id]);
    expect((await ws.handlers.worklistQuery({ search: 'E11.9' })).rows.map((r) => r.encounterId)).not.toContain(id);
  }, 120_000);

  it('a chart with work keeps its content and work; the newer version waits and the chart view and worklist say what changed', async () => {
    const coder = await h.user('coder', t.id);
    const [c] = await leaseTo(coder, 1, 1);
    const id = c!.encounter.id;
    const { ws } = install();
    await signInAndSync(ws, coder);
    const v1 = await ws.handlers.chartOpen({ encounterId: id });
    const keep = v1.items.find((i) => i.display === 'I10')!;
    await ws.handlers.reviewAct({ encounterId: id, action: { type: 'accept', itemId: keep.id } });
    expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', pending: 0 });
    const worked = snapshot(ws, id);

    const docId = '3c0b7a52-9e1d-4f3a-8b6c-7d2e1f0a9b44';
    await update(corrected(c!, docId));
    expect(await ws.handlers.syncNow()).toMatchObject({ state: 'online', pending: 0, lastError: null });

    const now = snapshot(ws, id);
    expect(now.encounter).toEqual(worked.encounter);
    expect(now.documents).toEqual(worked.documents);
    expect(now.codes).toEqual(worked.codes);
    expect(now.items).toEqual(worked.items);
    expect(now.decisions).toEqual(worked.decisions);
    expect(now.runs).toEqual(worked.runs);
    const serverVersion = (now.version as { version: number }).version;
    expect(serverVersion).toBeGreaterThan((worked.version as { version: number }).version);
    expect(now.held).toEqual([{ chart_id: id, version: serverVersion, chart: expect.any(String), received_at: expect.any(String) }]);

    const v2 = await ws.handlers.chartOpen({ encounterId: id });
    expect(v2.items.find((i) => i.id === keep.id)?.disposition).toBe('accepted');
    expect(v2.documents.map((d) => d.text)).toEqual(v1.documents.map((d) => d.text));
    expect(v2.serverUpdate).toMatchObject({ version: serverVersion });
    expect(v2.serverUpdate!.changes).toEqual([
      'Date of service changed from 2025-11-03 to 2025-11-05.',
      'Payer changed from Medicare to Medicaid.',
      'Document added: “discharge summary” of 2025-11-06.',
      'Text changed in “clinical case” of 2025-11-03.',
      'Existing code added: I50.22 (claim).',
      'Existing code removed: E11.9 (claim).',
    ]);
    evidenceMatchesText(v2);
    expect((await worklist(ws)).rows.find((r) => r.encounterId === id)).toMatchObject({ updatedOnServer: true, dateOfService: '2025-11-03' });

    // A later version replaces the waiting one; the work is still untouched.
    const again = corrected(c!, docId);
    again.encounter.payer = 'Commercial';
    await update(again);
    await ws.handlers.syncNow();
    const later = snapshot(ws, id);
    expect(later.held).toHaveLength(1);
    expect((later.held[0] as { version: number }).version).toBeGreaterThan(serverVersion);
    expect(later.items).toEqual(worked.items);
    expect((await ws.handlers.chartOpen({ encounterId: id })).serverUpdate!.changes).toContain('Payer changed from Medicare to Commercial.');
  }, 120_000);

  it('the same page pulled twice changes nothing, and an older version never overwrites a newer one', async () => {
    const coder = await h.user('coder', t.id);
    const [a, b] = await leaseTo(coder, 2, 2);
    const { ws, dir } = install();
    // A sync handler table on the workstation's database whose fetch records the pulled pages.
    const { fetch: recording, pages } = recorder();
    const sync = createSyncHandlers({ db: ws.db, dataDir: dir, vault: null }, { intervalMs: 60_000, timeoutMs: 5_000, fetch: recording });
    try {
      await sync.syncSignIn({ serverUrl: h.url, user: coder.name, password: PASSWORD });
      expect(await sync.syncNow()).toMatchObject({ state: 'online' });
      const firstPages = pages.splice(0);
      const v = await ws.handlers.chartOpen({ encounterId: b!.encounter.id });
      await ws.handlers.reviewAct({ encounterId: b!.encounter.id, action: { type: 'accept', itemId: v.items.find((i) => i.display === 'I10')!.id } });
      await update(corrected(a!, '5e2d9c1b-7a4f-4e8d-b3c6-1f0a2b9c8d77'));
      await update(corrected(b!, '6f3e0d2c-8b5a-4f9e-a4d7-2a1b3c0d9e88'));
      expect(await sync.syncNow()).toMatchObject({ state: 'online', lastError: null });
      const updatePages = pages.splice(0).filter((p) => p.changes.some((ch) => ch.type === 'chart'));
      expect(updatePages.length).toBeGreaterThan(0);

      const ids = [a!.encounter.id, b!.encounter.id];
      const state = new SyncStateStore(ws.db);
      const cursor = state.get().cursor;
      const after = ids.map((id) => snapshot(ws, id));
      expect(after[0]!.documents).toHaveLength(2);
      expect(after[1]!.held).toHaveLength(1);

      // The same versions again (a response replayed after a lost acknowledgement).
      for (const p of updatePages) expect(applyPage(ws.db, state, coder.id, { ...p, cursor })).toMatchObject({ updated: 0, held: 0 });
      expect(ids.map((id) => snapshot(ws, id))).toEqual(after);
      // The older versions from the first pull arrive late.
      for (const p of firstPages) applyPage(ws.db, state, coder.id, { ...p, cursor });
      expect(ids.map((id) => snapshot(ws, id))).toEqual(after);
    } finally {
      sync.close();
    }
  }, 120_000);

  it('a page that fails part-way leaves the chart, its derived data and the cursor as they were', async () => {
    const coder = await h.user('coder', t.id);
    const [a, other] = await leaseTo(coder, 2, 4);
    const { ws } = install();
    await signInAndSync(ws, coder);
    await ws.handlers.chartOpen({ encounterId: a!.encounter.id });
    const state = new SyncStateStore(ws.db);
    const before = { chart: snapshot(ws, a!.encounter.id), cursor: state.get().cursor };
    const version = (before.chart.version as { version: number }).version;
    const good = corrected(a!, '7a4f1e3d-9c6b-4a0f-b5e8-3b2c4d1e0f99');
    // Second chart of the page reuses a document id of the first chart: storing it must fail.
    const bad = corrected(other!, good.documents[1]!.id);
    const page: PullResponse = {
      cursor: before.cursor + 100,
      hasMore: false,
      changes: [
        { type: 'chart', seq: before.cursor + 1, chartId: a!.encounter.id, teamId: t.id, version: version + 1, chart: good },
        { type: 'chart', seq: before.cursor + 2, chartId: other!.encounter.id, teamId: t.id, version: version + 2, chart: bad },
      ],
    };
    expect(() => applyPage(ws.db, state, coder.id, page)).toThrow(/another encounter/);
    expect(snapshot(ws, a!.encounter.id)).toEqual(before.chart);
    expect(state.get().cursor).toBe(before.cursor);
  }, 120_000);
});
