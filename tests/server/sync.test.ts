// The sync protocol end to end: charts in through the PHI guard, leases, pull with cursors,
// idempotent push over a lossy network, reassignment and orphaned work.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportedChart } from '../../src/shared/chart';
import { SyncClient, withRetry } from '../../src/shared/sync/client';
import type { Change, Mutation, PullResponse } from '../../src/shared/sync/protocol';
import { faultyFetch, type Fault } from './faulty-fetch';
import { seededRandom as rng } from '../../src/shared/random';
import { makeCharts, PASSWORD, type Harness, type Team } from './harness';
import { serverSuite } from './suite';

/** What a desktop keeps locally: applied changes and the cursor, saved together. */
class LocalReplica {
  cursor = 0;
  charts = new Map<string, number>();
  leases = new Map<string, { chartId: string; state: string; leaseVersion: number; version: number }>();
  work = new Map<string, unknown>();
  notices: string[] = [];
  appliedSeqs: number[] = [];

  apply(page: PullResponse): void {
    for (const c of page.changes) this.applyChange(c);
    this.cursor = page.cursor;
  }

  private applyChange(c: Change): void {
    this.appliedSeqs.push(c.seq);
    if (c.type === 'chart') this.charts.set(c.chartId, Math.max(c.version, this.charts.get(c.chartId) ?? 0));
    else if (c.type === 'lease') this.leases.set(c.leaseId, { chartId: c.chartId, state: c.state, leaseVersion: c.leaseVersion, version: c.version });
    else if (c.type === 'work') this.work.set(c.work.mutationId, c.work.payload);
    else this.notices.push(`${c.system}:${c.codeSetVersion}`);
  }

  activeLease(chartId: string): number {
    const l = [...this.leases.values()].find((x) => x.chartId === chartId && x.state === 'active');
    if (!l) throw new Error(`no active lease for ${chartId}`);
    return l.leaseVersion;
  }
}

function decision(chartId: string, leaseVersion: number | null, n: number, kind: Mutation['kind'] = 'decision'): Mutation {
  return {
    id: randomUUID(),
    chartId,
    kind,
    baseLeaseVersion: leaseVersion,
    payload: { action: 'accept', code: { system: 'icd10cm', code: `E11${n}` }, evidence: [{ quote: 'diabetes', n }], note: null },
    createdAt: new Date().toISOString(),
  };
}

async function storedWork(h: Harness, userId: string): Promise<Array<{ id: string; status: string; payload: string }>> {
  return h.db.query<{ id: string; status: string; payload: string }>('SELECT id, status, payload FROM mutations WHERE user_id = $1 ORDER BY id', [userId]);
}

async function setupChartsFor(t: Team, coderId: string, n: number): Promise<ImportedChart[]> {
  const charts = makeCharts(n);
  await t.leadClient.importCharts(charts);
  await t.leadClient.reassign(charts.map((c) => c.encounter.id), coderId);
  return charts;
}

serverSuite('sync', (h) => {
  let admin: SyncClient;

  beforeAll(async () => {
    await h.startServer();
    admin = await h.client(await h.user('admin', null));
  });

  it('stores charts that pass the PHI guard and never one that fails it', async () => {
    const t = await h.team();
    const [clean, leaky] = makeCharts(2);
    leaky.documents[0].text += '\nPatient phone 555-341-3425, SSN 999-58-8597.';
    const { results } = await t.leadClient.importCharts([clean, leaky]);
    expect(results[0]).toMatchObject({ chartId: clean.encounter.id, status: 'stored' });
    expect(results[1]).toMatchObject({ chartId: leaky.encounter.id, status: 'refused' });
    expect(results[1].kinds).toEqual(expect.arrayContaining(['phone', 'ssn']));
    expect(JSON.stringify(results)).not.toContain('555-341-3425');
    await expect(admin.getChart(leaky.encounter.id)).rejects.toMatchObject({ status: 404 });
    const rows = await h.db.query('SELECT 1 FROM charts WHERE id = $1 UNION ALL SELECT 1 FROM changes WHERE entity_id = $1', [leaky.encounter.id]);
    expect(rows).toHaveLength(0);

    // Re-importing is idempotent; a changed chart gets a new version that its coder pulls.
    await t.leadClient.reassign([clean.encounter.id], t.coderA.id);
    const local = new LocalReplica();
    await t.coderAClient.pullAll(0, (p) => local.apply(p));
    const v1 = local.charts.get(clean.encounter.id) ?? 0;
    expect((await t.leadClient.importCharts([clean])).results[0].status).toBe('unchanged');
    const edited: ImportedChart = { ...clean, existingCodes: [{ system: 'icd10cm', code: 'E119', source: 'claim' }] };
    expect((await t.leadClient.importCharts([edited])).results[0].status).toBe('updated');
    await t.coderAClient.pullAll(local.cursor, (p) => local.apply(p));
    expect(local.charts.get(clean.encounter.id)).toBeGreaterThan(v1);
    expect((await t.coderAClient.getChart(clean.encounter.id)).chart.existingCodes).toEqual(edited.existingCodes);
  });

  it('refuses a bulk import that is not a list of well-formed charts', async () => {
    const t = await h.team();
    const [c] = makeCharts(1);
    const broken = { ...c, encounter: { ...c.encounter, dateOfService: 'yesterday' } };
    await expect(t.leadClient.importCharts([broken as ImportedChart])).rejects.toMatchObject({ status: 400 });
    await expect(admin.importCharts([c])).rejects.toMatchObject({ status: 400 }); // admin must name the team
    expect(await h.db.query('SELECT 1 FROM charts WHERE id = $1', [c.encounter.id])).toHaveLength(0);
    // A chart listed twice is stored once and the repeat is answered separately.
    const twice = await t.leadClient.importCharts([c, c]);
    expect(twice.results.map((r) => r.status)).toEqual(['stored', 'refused']);
    expect(await h.db.query('SELECT 1 FROM charts WHERE id = $1', [c.encounter.id])).toHaveLength(1);
  });

  it('refuses upper-case ids, which would otherwise dodge the idempotency check', async () => {
    const t = await h.team();
    const [chart] = await setupChartsFor(t, t.coderA.id, 1);
    const m = decision(chart.encounter.id, 1, 1);
    await expect(t.coderAClient.push('desk', [{ ...m, id: m.id.toUpperCase() }])).rejects.toMatchObject({ status: 400 });
    expect(await storedWork(h, t.coderA.id)).toHaveLength(0);
  });

  it('resumes a pull from the last saved cursor after the client dies, with no gaps and no repeats', async () => {
    const t = await h.team();
    const charts = await setupChartsFor(t, t.coderA.id, 25);
    const saved = new LocalReplica();
    // First run: three pages applied and saved, the fourth fetched but the process dies before saving it.
    let cursor = 0;
    for (let i = 0; i < 3; i++) {
      const page = await t.coderAClient.pull(cursor, 4);
      saved.apply(page);
      cursor = page.cursor;
    }
    await t.coderAClient.pull(cursor, 4);
    const savedSeqs = new Set(saved.appliedSeqs);
    const before = saved.cursor;

    const restarted = await h.client(t.coderA);
    const resumedSeqs: number[] = [];
    await restarted.pullAll(saved.cursor, (p) => {
      resumedSeqs.push(...p.changes.map((c) => c.seq));
      saved.apply(p);
    }, 4);
    expect(resumedSeqs.every((s) => s > before && !savedSeqs.has(s))).toBe(true);
    expect(new Set(saved.appliedSeqs).size).toBe(saved.appliedSeqs.length);
    expect([...saved.charts.keys()].sort()).toEqual(charts.map((c) => c.encounter.id).sort());
    expect([...saved.leases.values()].filter((l) => l.state === 'active')).toHaveLength(25);
    // Caught up: one more pull returns nothing and keeps the cursor.
    const again = await restarted.pull(saved.cursor);
    expect(again.changes).toEqual([]);
    expect(again.cursor).toBe(saved.cursor);
  });

  it('never skips a change that commits while a client is paging', async () => {
    const t = await h.team();
    const local = new LocalReplica();
    const all: string[] = [];
    let writing = true;
    const writer = (async () => {
      const batches = Array.from({ length: 8 }, () => makeCharts(4));
      await Promise.all(
        batches.map(async (b) => {
          await t.leadClient.importCharts(b);
          await t.leadClient.reassign(b.map((c) => c.encounter.id), t.coderA.id);
          all.push(...b.map((c) => c.encounter.id));
        }),
      );
      writing = false;
    })();
    while (writing) {
      await t.coderAClient.pullAll(local.cursor, (p) => local.apply(p), 3);
    }
    await writer;
    await t.coderAClient.pullAll(local.cursor, (p) => local.apply(p), 3);
    expect([...local.charts.keys()].sort()).toEqual([...all].sort());
    const seqs = local.appliedSeqs;
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1])).toBe(true);
  });

  it('applies the same mutation once however often it is pushed', async () => {
    const t = await h.team();
    const [chart] = await setupChartsFor(t, t.coderA.id, 1);
    const local = new LocalReplica();
    await t.coderAClient.pullAll(0, (p) => local.apply(p));
    const m = decision(chart.encounter.id, local.activeLease(chart.encounter.id), 1);
    const first = await t.coderAClient.push('desk-1', [m, m]);
    expect(first.results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    const again = await t.coderAClient.push('desk-1', [m]);
    expect(again.results[0]).toMatchObject({ status: 'duplicate', original: 'accepted' });
    const rows = await storedWork(h, t.coderA.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].payload)).toEqual(m.payload);
    // The same id with different content is refused rather than overwriting.
    const forged = await t.coderAClient.push('desk-1', [{ ...m, payload: { action: 'reject' } }]);
    expect(forged.results[0].status).toBe('rejected');
    expect(JSON.parse((await storedWork(h, t.coderA.id))[0].payload)).toEqual(m.payload);
  });

  it('converges over a lossy network: dropped requests, lost responses, duplicates and reordering', async () => {
    const t = await h.team();
    const charts = await setupChartsFor(t, t.coderA.id, 4);
    const local = new LocalReplica();
    await t.coderAClient.pullAll(0, (p) => local.apply(p));
    const random = rng(20261125);
    const faults: Fault[] = [];
    const plan = (url: string): Fault => {
      if (!url.includes('/v1/sync/push')) return 'ok';
      const r = random();
      if (r < 0.2) return 'drop-request';
      if (r < 0.4) return 'drop-response';
      if (r < 0.55) return 'duplicate';
      return { delayMs: Math.floor(random() * 30) };
    };
    const lossy = await h.client(t.coderA, faultyFetch(plan, faults));
    const outbox = charts.flatMap((c, i) => Array.from({ length: 15 }, (_, k) => decision(c.encounter.id, local.activeLease(c.encounter.id), i * 15 + k)));
    const batches = Array.from({ length: 12 }, (_, i) => outbox.slice(i * 5, i * 5 + 5));
    // Batches go out concurrently and in reverse order, each retried until it gets an answer.
    const responses = await Promise.all(
      [...batches].reverse().map((b) => withRetry(() => lossy.push('desk-lossy', b), { attempts: 30, sleep: () => Promise.resolve() })),
    );
    for (const kind of ['drop-request', 'drop-response', 'duplicate']) expect(faults).toContain(kind);
    const statuses = responses.flatMap((r) => r.results.map((x) => x.status));
    expect(statuses.every((s) => s === 'accepted' || s === 'duplicate')).toBe(true);
    const rows = await storedWork(h, t.coderA.id);
    expect(rows.map((r) => r.id).sort()).toEqual(outbox.map((m) => m.id).sort());
    expect(rows.every((r) => r.status === 'accepted')).toBe(true);
    const byId = new Map(outbox.map((m) => [m.id, m.payload]));
    for (const r of rows) expect(JSON.parse(r.payload)).toEqual(byId.get(r.id));
  });

  it('lets only the lease holder code a chart when two coders push work on it', async () => {
    const t = await h.team();
    const [chart] = await setupChartsFor(t, t.coderA.id, 1);
    const id = chart.encounter.id;
    const a = new LocalReplica();
    await t.coderAClient.pullAll(0, (p) => a.apply(p));
    const leaseA = a.activeLease(id);
    const [ra, rb] = await Promise.all([
      t.coderAClient.push('desk-a', [decision(id, leaseA, 1)]),
      t.coderBClient.push('desk-b', [decision(id, leaseA, 2)]),
    ]);
    expect(ra.results[0].status).toBe('accepted');
    expect(rb.results[0]).toMatchObject({ status: 'rejected', reason: 'chart is not leased to you' });
    expect(await storedWork(h, t.coderB.id)).toHaveLength(0);
    // A lead or auditor cannot slip coding work in either.
    const byLead = await t.leadClient.push('lead', [decision(id, leaseA, 3)]);
    expect(byLead.results[0].status).toBe('rejected');
  });

  it('keeps work done offline on a reassigned chart as orphaned work for the lead to resolve', async () => {
    const t = await h.team();
    const [moved, kept] = await setupChartsFor(t, t.coderA.id, 2);
    const a = new LocalReplica();
    await t.coderAClient.pullAll(0, (p) => a.apply(p));
    const leaseMoved = a.activeLease(moved.encounter.id);
    const leaseKept = a.activeLease(kept.encounter.id);

    // Coder A is on a plane; meanwhile the lead moves one chart to coder B.
    const offline = [decision(moved.encounter.id, leaseMoved, 1), decision(moved.encounter.id, leaseMoved, 2), decision(kept.encounter.id, leaseKept, 3), decision(moved.encounter.id, leaseMoved, 4, 'submit')];
    const re = await t.leadClient.reassign([moved.encounter.id], t.coderB.id);
    expect(re.results[0]).toMatchObject({ status: 'reassigned' });

    const res = await t.coderAClient.push('desk-a', offline);
    expect(res.results.map((r) => r.status)).toEqual(['orphaned', 'orphaned', 'accepted', 'orphaned']);
    expect(res.results[0].reason).toMatch(/reassigned/);
    // A retry after reconnecting again reports the same outcome without storing anything twice.
    const retry = await t.coderAClient.push('desk-a', offline);
    expect(retry.results.map((r) => r.original)).toEqual(['orphaned', 'orphaned', 'accepted', 'orphaned']);
    expect(await storedWork(h, t.coderA.id)).toHaveLength(4);

    // A learns the lease is gone and loses access to the chart.
    await t.coderAClient.pullAll(a.cursor, (p) => a.apply(p));
    expect([...a.leases.values()].find((l) => l.chartId === moved.encounter.id)?.state).toBe('revoked');
    await expect(t.coderAClient.getChart(moved.encounter.id)).rejects.toMatchObject({ status: 404 });

    // B codes the chart normally.
    const b = new LocalReplica();
    await t.coderBClient.pullAll(0, (p) => b.apply(p));
    const bRes = await t.coderBClient.push('desk-b', [decision(moved.encounter.id, b.activeLease(moved.encounter.id), 9)]);
    expect(bRes.results[0].status).toBe('accepted');

    // The lead sees A's three pieces verbatim, and no other team's lead does.
    const { orphans } = await t.leadClient.orphans();
    expect(orphans.map((o) => o.mutationId).sort()).toEqual([offline[0].id, offline[1].id, offline[3].id].sort());
    expect(orphans.find((o) => o.mutationId === offline[3].id)).toMatchObject({ userId: t.coderA.id, kind: 'submit', payload: offline[3].payload, resolution: null });
    const other = await h.team();
    expect((await other.leadClient.orphans('all')).orphans).toHaveLength(0);
    await expect(other.leadClient.resolveOrphan(orphans[0].id, 'discard', 'not mine')).rejects.toMatchObject({ status: 404 });

    const lead = new LocalReplica();
    await t.leadClient.pullAll(0, (p) => lead.apply(p));
    const toApply = orphans.find((o) => o.mutationId === offline[0].id);
    const toDiscard = orphans.find((o) => o.mutationId === offline[1].id);
    if (!toApply || !toDiscard) throw new Error('orphans missing');
    expect(lead.work.has(offline[0].id)).toBe(false);
    const applied = await t.leadClient.resolveOrphan(toApply.id, 'apply', 'B agrees with this code');
    expect(applied.resolution).toMatchObject({ action: 'apply', note: 'B agrees with this code', by: t.lead.name });
    await t.leadClient.resolveOrphan(toDiscard.id, 'discard', 'superseded by B');
    await expect(t.leadClient.resolveOrphan(toDiscard.id, 'apply', 'changed my mind')).rejects.toMatchObject({ status: 409 });
    await t.leadClient.pullAll(lead.cursor, (p) => lead.apply(p));
    expect(lead.work.get(offline[0].id)).toEqual(offline[0].payload);
    expect(lead.work.has(offline[1].id)).toBe(false);
    // Discarded work is still there, marked, never deleted.
    expect((await t.leadClient.orphans('open')).orphans.map((o) => o.mutationId)).toEqual([offline[3].id]);
    expect((await t.leadClient.orphans('resolved')).orphans).toHaveLength(2);
    expect(await storedWork(h, t.coderA.id)).toHaveLength(4);
  });

  it('sends an auditor their sample with the coded work and takes their audit back', async () => {
    const t = await h.team();
    const [chart] = await setupChartsFor(t, t.coderA.id, 1);
    const a = new LocalReplica();
    await t.coderAClient.pullAll(0, (p) => a.apply(p));
    const done = decision(chart.encounter.id, a.activeLease(chart.encounter.id), 1, 'submit');
    await t.coderAClient.push('desk-a', [done]);
    await t.leadClient.addToSample(t.auditor.id, [chart.encounter.id]);
    const page = await t.auditorClient.pull(0, 100);
    const ch = page.changes.find((c) => c.type === 'chart');
    expect(ch && ch.type === 'chart' ? ch.work?.map((w) => w.mutationId) : null).toEqual([done.id]);
    const audit = decision(chart.encounter.id, null, 1, 'audit');
    expect((await t.auditorClient.push('audit-desk', [audit])).results[0].status).toBe('accepted');
    const notSampled = await setupChartsFor(t, t.coderA.id, 1);
    expect((await t.auditorClient.push('audit-desk', [decision(notSampled[0].encounter.id, null, 2, 'audit')])).results[0]).toMatchObject({ status: 'rejected' });
  });

  it('announces a new code-set version to every role', async () => {
    const t = await h.team();
    const before = await Promise.all([t.coderAClient, t.auditorClient, t.leadClient].map(async (c) => (await c.pullAll(0, () => undefined))));
    await admin.announceCodeSet({ system: 'icd10cm', fiscalYear: 2027, codeSetVersion: `FY2027-${randomUUID().slice(0, 4)}`, note: 'October release' });
    for (const [i, c] of [t.coderAClient, t.auditorClient, t.leadClient].entries()) {
      const page = await c.pull(before[i]);
      expect(page.changes.filter((x) => x.type === 'codeset')).toHaveLength(1);
    }
    await expect(t.leadClient.announceCodeSet({ system: 'icd10cm', fiscalYear: 2027, codeSetVersion: 'x' })).rejects.toMatchObject({ status: 403 });
  });

  describe('end to end', () => {
    it('a coder signs in, pulls, codes offline, reconnects: every decision once; a reassignment meanwhile becomes orphaned work', async () => {
      const t = await h.team();
      const charts = await setupChartsFor(t, t.coderA.id, 3);
      const desk = new SyncClient({ baseUrl: h.url });
      await desk.login(t.coderA.name, PASSWORD);
      const local = new LocalReplica();
      await desk.pullAll(0, (p) => local.apply(p), 2);
      expect(local.charts.size).toBe(3);

      // Offline: the desktop queues work in its outbox.
      const outbox: Mutation[] = [];
      for (const [i, c] of charts.entries()) {
        const lease = local.activeLease(c.encounter.id);
        outbox.push(decision(c.encounter.id, lease, i * 2), decision(c.encounter.id, lease, i * 2 + 1), decision(c.encounter.id, lease, i, 'submit'));
      }
      await t.leadClient.reassign([charts[2].encounter.id], t.coderB.id);

      // Reconnect: the first attempt dies on the way, the retry goes through.
      let first = true;
      const flaky = new SyncClient({
        baseUrl: h.url,
        session: null,
        fetch: faultyFetch((url) => (url.includes('/push') && first ? ((first = false), 'drop-response') : 'ok')),
      });
      await flaky.login(t.coderA.name, PASSWORD);
      const res = await withRetry(() => flaky.push('desk-e2e', outbox), { sleep: () => Promise.resolve() });
      expect(res.results.filter((r) => r.status === 'duplicate')).toHaveLength(outbox.length);
      const rows = await storedWork(h, t.coderA.id);
      expect(rows.map((r) => r.id).sort()).toEqual(outbox.map((m) => m.id).sort());
      expect(rows.filter((r) => r.status === 'accepted')).toHaveLength(6);
      const { orphans } = await t.leadClient.orphans();
      expect(orphans.map((o) => o.mutationId).sort()).toEqual(outbox.slice(6).map((m) => m.id).sort());
    });
  });
});
