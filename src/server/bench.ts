// Sync benchmarks: a real server on loopback over embedded PGlite in a temp directory, driven by
// the real protocol client. Prints nothing; returns one record per metric.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportedChart } from '../shared/chart';
import { SyncClient } from '../shared/sync/client';
import type { Mutation } from '../shared/sync/protocol';
import { createServer } from './app';
import { hashPassword } from './auth/password';
import { openServerDb } from './db/open';
import { createTeam, createUser } from './store/users';

export interface BenchRecord {
  metric: string;
  value: number;
  unit: string;
  n: number;
}

// Synthetic, identifier-free clinical prose, so the PHI guard passes every chart.
const SENTENCES = [
  'The patient presents with poorly controlled type 2 diabetes mellitus with diabetic chronic kidney disease stage 3a.',
  'Hypertension is treated with lisinopril and amlodipine; blood pressure today is within goal.',
  'Chest radiograph shows no acute cardiopulmonary process.',
  'Hemoglobin A1c has risen despite adherence to metformin; insulin glargine is started.',
  'She reports intermittent palpitations without syncope; an ambulatory monitor is ordered.',
  'Chronic obstructive pulmonary disease is stable on tiotropium with no exacerbation this year.',
  'Assessment and plan discussed; follow up in three months with repeat laboratory studies.',
  'Left lower extremity edema is noted, trace, without calf tenderness.',
];

function chartText(i: number): string {
  const out: string[] = [];
  for (let k = 0; k < 14; k++) out.push(SENTENCES[(i + k * 3) % SENTENCES.length]);
  return out.join(' ');
}

function syntheticChart(i: number): ImportedChart {
  return {
    patient: { id: randomUUID(), birthYear: 1940 + (i % 60), sex: i % 2 ? 'F' : 'M' },
    encounter: { id: randomUUID(), setting: 'outpatient', dateOfService: '2025-10-15', payer: 'Medicare Advantage' },
    documents: [{ id: randomUUID(), type: 'progress note', authorRole: 'physician', date: '2025-10-15', text: chartText(i) }],
    existingCodes: [{ system: 'icd10cm', code: 'E1122', source: 'claim' }],
    finalCodes: [],
  };
}

const PASSWORD = 'bench-password-not-secret';

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

const round = (v: number, digits = 3): number => Number(v.toFixed(digits));

export async function benchSync(opts: { charts?: number; decisions?: number; clients?: number; pushesPerClient?: number } = {}): Promise<BenchRecord[]> {
  const nCharts = opts.charts ?? 10_000;
  const nDecisions = opts.decisions ?? 1_000;
  const nClients = opts.clients ?? 50;
  const pushesPerClient = opts.pushesPerClient ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-bench-'));
  const db = await openServerDb({ dataDir: join(dir, 'pg') });
  const app = await createServer({ db, tokenSecret: randomUUID() + randomUUID(), loginRateLimit: { max: 1000, windowMs: 60_000 } });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const hash = await hashPassword(PASSWORD);
    const team = await createTeam(db, `bench-${randomUUID().slice(0, 8)}`);
    const lead = await createUser(db, { name: `lead-${team.name}`, role: 'lead', teamId: team.id, passwordHash: hash });
    const coders = await Promise.all(
      Array.from({ length: nClients + 1 }, (_, i) => createUser(db, { name: `coder${i}-${team.name}`, role: 'coder', teamId: team.id, passwordHash: hash })),
    );
    const leadClient = new SyncClient({ baseUrl: url, timeoutMs: 300_000 });
    await leadClient.login(lead.name, PASSWORD);

    // Seed (not timed): charts for the main coder, one extra chart per concurrent client.
    const charts = Array.from({ length: nCharts + nClients }, (_, i) => syntheticChart(i));
    for (let i = 0; i < charts.length; i += 1000) await leadClient.importCharts(charts.slice(i, i + 1000));
    const mainIds = charts.slice(0, nCharts).map((c) => c.encounter.id);
    for (let i = 0; i < mainIds.length; i += 5000) await leadClient.reassign(mainIds.slice(i, i + 5000), coders[0].id);
    for (let i = 0; i < nClients; i++) await leadClient.reassign([charts[nCharts + i].encounter.id], coders[i + 1].id);

    // Pull: a coder's first sync of all their charts.
    const coder = new SyncClient({ baseUrl: url, timeoutMs: 300_000 });
    await coder.login(coders[0].name, PASSWORD);
    const leaseOf = new Map<string, number>();
    let pulledCharts = 0;
    let t0 = performance.now();
    await coder.pullAll(0, (page) => {
      for (const c of page.changes) {
        if (c.type === 'chart') pulledCharts++;
        else if (c.type === 'lease' && c.state === 'active') leaseOf.set(c.chartId, c.leaseVersion);
      }
    }, 1000);
    const pullS = (performance.now() - t0) / 1000;
    if (pulledCharts !== nCharts) throw new Error(`bench pulled ${pulledCharts} charts, expected ${nCharts}`);

    // Push: 1k decisions in protocol-sized batches.
    const decisions: Mutation[] = Array.from({ length: nDecisions }, (_, i) => {
      const chartId = mainIds[i % mainIds.length];
      return { id: randomUUID(), chartId, kind: 'decision', baseLeaseVersion: leaseOf.get(chartId) ?? null, payload: { action: 'accept', code: 'E1122', i } };
    });
    t0 = performance.now();
    for (let i = 0; i < decisions.length; i += 500) {
      const res = await coder.push('bench', decisions.slice(i, i + 500));
      if (res.results.some((r) => r.status !== 'accepted')) throw new Error('bench push was not fully accepted');
    }
    const pushS = (performance.now() - t0) / 1000;

    // Latency under load: many desktops pushing one decision at a time, all at once.
    const clients = await Promise.all(
      coders.slice(1).map(async (u, i) => {
        const c = new SyncClient({ baseUrl: url, timeoutMs: 300_000 });
        await c.login(u.name, PASSWORD);
        const page = await c.pull(0, 100);
        const lease = page.changes.find((x) => x.type === 'lease');
        return { c, chartId: charts[nCharts + i].encounter.id, lease: lease && lease.type === 'lease' ? lease.leaseVersion : null };
      }),
    );
    const latencies: number[] = [];
    await Promise.all(
      clients.map(async ({ c, chartId, lease }) => {
        for (let k = 0; k < pushesPerClient; k++) {
          const start = performance.now();
          const res = await c.push('bench-load', [{ id: randomUUID(), chartId, kind: 'decision', baseLeaseVersion: lease, payload: { k } }]);
          latencies.push(performance.now() - start);
          if (res.results[0].status !== 'accepted') throw new Error(`bench load push ${res.results[0].status}`);
        }
      }),
    );

    return [
      { metric: 'sync.pull_10k_charts_s', value: round(pullS), unit: 's', n: nCharts },
      { metric: 'sync.push_1k_decisions_s', value: round(pushS), unit: 's', n: nDecisions },
      { metric: 'server.push_p95_ms', value: round(p95(latencies), 1), unit: 'ms', n: latencies.length },
    ];
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
