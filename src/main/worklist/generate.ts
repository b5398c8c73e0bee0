// Synthetic queues for benchmarks and worklist tests: charts with varied settings, payers, statuses,
// priorities and due dates, written straight to the database (no PHI involved, nothing to de-identify).
import { randomBytes } from 'node:crypto';
import type { ImportedChart, Setting } from '../../shared/chart';
import type { ChartStatus } from '../../shared/worklist/types';
import type { Db } from '../db/open';
import { storeCharts } from '../importing/store';
import { seededRandom } from '../../shared/random';

export const GENERATED_PAYERS = ['Medicare Advantage', 'Medicaid', 'Commercial PPO', 'Commercial HMO', 'Self-pay'];
const SETTINGS: Setting[] = ['inpatient', 'outpatient', 'professional'];
const STATUSES: ChartStatus[] = ['new', 'new', 'new', 'in_progress', 'pending_query', 'on_hold', 'done'];
const TYPES = ['progress note', 'discharge summary', 'consult note', 'history and physical', 'clinic note'];
const CODES = ['E1122', 'I10', 'I5032', 'N1831', 'J449', 'F329', 'E785', 'I4891', 'Z794', 'M1990'];


/**
 * Time-ordered UUIDs (version 7 layout: a counter where the millisecond timestamp goes): consecutive
 * ids sort together, so generating 100k charts appends to the id indexes instead of splitting pages
 * all over them. Only the benchmark's setup gets faster; the queries measured are the same.
 */
let counter = Date.now() * 1000;
function orderedUuid(): string {
  const hex = (counter++).toString(16).padStart(16, '0').slice(-12) + randomBytes(10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function isoDay(base: number, offsetDays: number): string {
  return new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export function generateCharts(n: number, seed = 1): Array<{ chart: ImportedChart; status: ChartStatus; priority: number; due: string | null }> {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const base = Date.UTC(2026, 0, 1);
  const out = [];
  for (let i = 0; i < n; i++) {
    const setting = pick(SETTINGS);
    const codes = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(CODES));
    out.push({
      chart: {
        patient: { id: orderedUuid(), birthYear: 1930 + Math.floor(rnd() * 70), sex: rnd() < 0.5 ? ('F' as const) : ('M' as const) },
        encounter: { id: orderedUuid(), setting, dateOfService: isoDay(base, Math.floor(rnd() * 250)), payer: rnd() < 0.1 ? null : pick(GENERATED_PAYERS) },
        documents: [{ id: orderedUuid(), type: pick(TYPES), authorRole: 'physician', date: null, text: `Assessment/Plan:\n1. ${codes.join(', ')} follow-up.` }],
        existingCodes: [...new Set(codes)].map((code) => ({ system: 'icd10cm' as const, code, source: 'claim' as const })),
        finalCodes: [],
      },
      status: pick(STATUSES),
      priority: 1 + Math.floor(rnd() * 5),
      due: rnd() < 0.15 ? null : isoDay(base, 200 + Math.floor(rnd() * 120)),
    });
  }
  return out;
}

/** Stores generated charts for `assigneeId` in one transaction, with their statuses. */
export function storeGenerated(db: Db, assigneeId: string, n: number, seed = 1): void {
  const list = generateCharts(n, seed);
  db.transaction(() => {
    storeCharts(
      db,
      list.map((g) => g.chart),
      { assigneeId, source: 'generated', plan: (_c, i) => ({ priority: list[i]!.priority, due: list[i]!.due }) },
    );
    const setStatus = db.prepare('UPDATE encounters SET status = ? WHERE id = ?');
    for (const g of list) if (g.status !== 'new') setStatus.run(g.status, g.chart.encounter.id);
  })();
}
