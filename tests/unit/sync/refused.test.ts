// Changes the server refused, against a real server on 127.0.0.1 (embedded PGlite) and a real SQLite
// file: listed with their reason, retried once the server's state allows them, discarded (kept,
// audited, never pushed again), and requests with bad ids refused without changing anything.
//
// The refusal comes from a shared install: coder A pulls a chart, signs out, coder B signs in on the
// same machine and works on it. B's change carries A's lease, and the server refuses it ("chart is
// not leased to you") until the lead leases the chart to B.
import { describe, expect, it } from 'vitest';
import { iterateAudit, verifyAudit } from '../../../src/main/audit';
import { createCoderHandlers, type CoderHandlers } from '../../../src/main/review/handlers';
import type { SyncHandlers } from '../../../src/main/sync/handlers';
import { DISCARD_AUDIT_ACTION } from '../../../src/main/sync/refused';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import type { RefusedRequest } from '../../../src/shared/sync/refused';
import type { ChartView, ReviewItem } from '../../../src/shared/review/types';
import { PASSWORD, type Team } from '../../server/harness';
import { memoryLookup } from '../edits/fixtures/memory-lookup';
import { claimCharts, type Desktop } from './fixtures';
import { useSyncedDesktops, useSyncServer } from './hooks';

let t: Team;
let offset = 100;
const h = useSyncServer((team) => void (t = team), memoryLookup);
const install = useSyncedDesktops();

function coderUi(d: Desktop, user: SessionUser): CoderHandlers {
  return createCoderHandlers({ db: d.db, codeSet: memoryLookup(), user: { id: user.id, name: user.name, role: 'coder' }, dataDir: d.dir });
}

const item = (v: ChartView, display: string): ReviewItem => {
  const found = v.items.find((i) => i.display === display);
  if (!found) throw new Error(`no item ${display}`);
  return found;
};

async function signIn(sync: SyncHandlers, user: SessionUser): Promise<void> {
  await sync.syncSignIn({ serverUrl: h.url, user: user.name, password: PASSWORD });
  expect(await sync.syncNow()).toMatchObject({ state: 'online' });
}

/** Coder B's work on a chart A pulled on the same install; `act` runs B's review actions. */
async function refusedOnSharedInstall(act: (ui: CoderHandlers, v: ChartView, chartId: string) => void) {
  const a = await h.user('coder', t.id);
  const b = await h.user('coder', t.id);
  const charts = claimCharts(1, offset++);
  await t.leadClient.importCharts(charts);
  const chartId = charts[0]!.encounter.id;
  await t.leadClient.reassign([chartId], a.id);
  const { d, sync } = install();
  await signIn(sync, a);
  await sync.syncSignOut();
  await signIn(sync, b);
  const ui = coderUi(d, b);
  act(ui, ui.chartOpen({ encounterId: chartId }), chartId);
  const status = await sync.syncNow();
  return { d, sync, ui, a, b, chartId, status };
}

const serverWork = async (userId: string) => h.db.query<{ id: string; status: string }>('SELECT id, status FROM mutations WHERE user_id = $1 ORDER BY id', [userId]);
const verdict = (d: Desktop, id: string) => d.db.prepare('SELECT s.status, s.reason, o.sent_at AS sentAt, o.payload FROM sync_outbox s JOIN outbox o ON o.id = s.outbox_id WHERE o.id = ?').get(id) as { status: string | null; reason: string | null; sentAt: string | null; payload: string };

describe('changes the server refused', () => {
  it('are listed with their chart, what they were and the reason; a retry once the chart is leased to the coder is accepted', async () => {
    const { d, sync, b, chartId, status } = await refusedOnSharedInstall((ui, v, c) => {
      ui.reviewAct({ encounterId: c, action: { type: 'accept', itemId: item(v, 'I10').id } });
    });
    expect(status).toMatchObject({ state: 'online', pending: 0, refused: 1 });
    expect(status.lastError).toBe('1 change was refused by the server (chart is not leased to you).');
    expect(await serverWork(b.id)).toEqual([]);

    const list = sync.syncRefusedList();
    expect(list.total).toBe(1);
    const [refused] = list.changes;
    const title = (d.db.prepare('SELECT title FROM encounters WHERE id = ?').get(chartId) as { title: string }).title;
    expect(refused).toMatchObject({ chartId, chart: { title, patientLabel: expect.stringMatching(/^P-[0-9a-f]{6}$/) }, change: 'keep I10', reason: 'chart is not leased to you' });
    expect(Date.parse(refused!.createdAt)).toBeLessThanOrEqual(Date.parse(refused!.refusedAt!));

    // Sent again before anything changed on the server: refused again, still listed, one more attempt.
    let r = await sync.syncRefusedRetry({ ids: [refused!.outboxId] });
    expect(r).toMatchObject({ changed: 1, refused: { total: 1 }, status: { refused: 1, pending: 0 } });
    expect(d.db.prepare('SELECT attempts FROM outbox WHERE id = ?').get(refused!.outboxId)).toEqual({ attempts: 2 });

    // The lead gives the chart to B; B's desktop hears of the lease on its next sync.
    await t.leadClient.reassign([chartId], b.id);
    expect(await sync.syncNow()).toMatchObject({ refused: 1 });
    r = await sync.syncRefusedRetry({ ids: [refused!.outboxId] });
    expect(r).toMatchObject({ changed: 1, refused: { total: 0, changes: [] }, status: { state: 'online', pending: 0, refused: 0, lastError: null } });
    expect(await serverWork(b.id)).toEqual([{ id: refused!.outboxId, status: 'accepted' }]);
    expect(verdict(d, refused!.outboxId)).toMatchObject({ status: 'accepted', reason: null, sentAt: expect.any(String) });
    expect(sync.syncStatus()).toMatchObject({ refused: 0, lastError: null });
  }, 60_000);

  it('a discarded change stays in the database with its decision, is audited, never pushed again, and leaves the refusal summary', async () => {
    const { d, sync, ui, b, chartId, status } = await refusedOnSharedInstall((u, v, c) => {
      u.reviewAct({ encounterId: c, action: { type: 'accept', itemId: item(v, 'I10').id } });
      u.reviewAct({ encounterId: c, action: { type: 'delete', itemId: item(v, 'E11.9').id, reason: 'history_only', text: 'resolved' } });
    });
    expect(status).toMatchObject({ refused: 2, lastError: '2 changes were refused by the server (chart is not leased to you).' });
    const list = sync.syncRefusedList();
    expect(list.changes.map((c) => c.change)).toEqual(['propose deleting E11.9 (history only)', 'keep I10']);
    const [del, keep] = list.changes.map((c) => c.outboxId) as [string, string];
    const auditBefore = [...iterateAudit(d.db)].length;

    const r = sync.syncRefusedDiscard({ ids: [keep] });
    // The saved summary is rewritten at once, not only on the next sync.
    expect(r).toMatchObject({ changed: 1, refused: { total: 1 }, status: { refused: 1, lastError: '1 change was refused by the server (chart is not leased to you).' } });
    expect(r.refused.changes.map((c) => c.outboxId)).toEqual([del]);
    expect(verdict(d, keep)).toMatchObject({ status: 'discarded', reason: 'chart is not leased to you', sentAt: null });
    expect(JSON.parse(verdict(d, keep).payload)).toMatchObject({ encounterId: chartId, after: { code: 'I10', disposition: 'accepted' } });
    // The decision itself stands.
    expect(item(ui.chartOpen({ encounterId: chartId }), 'I10').disposition).toBe('accepted');
    const events = [...iterateAudit(d.db)];
    expect(events).toHaveLength(auditBefore + 1);
    expect(events.at(-1)).toMatchObject({
      action: DISCARD_AUDIT_ACTION,
      userId: b.id,
      userName: b.name,
      encounterId: chartId,
      system: 'icd10cm',
      code: 'I10',
      detail: { outboxId: keep, change: 'keep I10', serverReason: 'chart is not leased to you' },
    });
    expect(verifyAudit(d.db)).toMatchObject({ ok: true });

    // Once the chart is B's, a sync sends nothing discarded; retrying a discarded id changes nothing.
    await t.leadClient.reassign([chartId], b.id);
    expect(await sync.syncNow()).toMatchObject({ refused: 1, pending: 0 });
    expect((await sync.syncRefusedRetry({ ids: [keep] })).changed).toBe(0);
    expect(verdict(d, keep).status).toBe('discarded');
    const done = await sync.syncRefusedRetry({ ids: [keep, del] });
    expect(done).toMatchObject({ changed: 1, status: { refused: 0, pending: 0, lastError: null } });
    expect(await serverWork(b.id)).toEqual([{ id: del, status: 'accepted' }]);
    expect(verdict(d, keep).status).toBe('discarded');
    await sync.syncNow();
    expect(await serverWork(b.id)).toHaveLength(1);

    // Discarding a change the server has since accepted does nothing and audits nothing.
    expect(sync.syncRefusedDiscard({ ids: [del] }).changed).toBe(0);
    expect(verdict(d, del).status).toBe('accepted');
    expect([...iterateAudit(d.db)]).toHaveLength(auditBefore + 1);
  }, 60_000);

  it('a request with bad or unknown ids is refused with a clear error and changes nothing', async () => {
    const { d, sync } = await refusedOnSharedInstall((ui, v, c) => {
      ui.reviewAct({ encounterId: c, action: { type: 'accept', itemId: item(v, 'I10').id } });
    });
    const [refused] = sync.syncRefusedList().changes;
    const id = refused!.outboxId;
    const snapshot = () => ({
      outbox: d.db.prepare('SELECT * FROM sync_outbox ORDER BY outbox_id').all(),
      sent: d.db.prepare('SELECT id, sent_at, attempts FROM outbox ORDER BY seq').all(),
      audit: d.db.prepare('SELECT count(*) AS n FROM audit_events').get(),
      state: d.db.prepare('SELECT last_error FROM sync_state').get(),
    });
    const before = snapshot();
    const bad: Array<[unknown, RegExp]> = [
      [undefined, /list of change ids/],
      [{}, /list of change ids/],
      [{ ids: id }, /list of change ids/],
      [{ ids: [] }, /list of change ids/],
      [{ ids: [42] }, /short text id/],
      [{ ids: [''] }, /short text id/],
      [{ ids: ['x'.repeat(65)] }, /short text id/],
      [{ ids: Array.from({ length: 501 }, (_, i) => `id-${i}`) }, /At most 500 changes/],
      [{ ids: [id, 'not-a-change'] }, /This change is not on this install: not-a-change\. Nothing was changed\./],
      [{ ids: [id, 'a', 'b', 'c', 'd'] }, /4 of these changes are not on this install: a, b, c and 1 more/],
    ];
    for (const [req, message] of bad) {
      await expect(sync.syncRefusedRetry(req as RefusedRequest)).rejects.toThrow(message);
      expect(() => sync.syncRefusedDiscard(req as RefusedRequest)).toThrow(message);
    }
    expect(snapshot()).toEqual(before);
    expect(sync.syncRefusedList().changes.map((c) => c.outboxId)).toEqual([id]);
  }, 60_000);
});
