import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUser } from '../../../src/main/worklist/users';
import { nextInQueue, queryWorklist } from '../../../src/main/worklist/query';
import { storeGenerated } from '../../../src/main/worklist/generate';
import { loadDemo } from '../../../src/main/importing/demo';
import { CHART_STATUSES, type WorklistRow } from '../../../src/shared/worklist/types';
import { CODER, tempDb, type TempDb } from '../review/fixtures';

const OTHER = { id: 'a9f8e3b2-1111-4c3d-8e9f-000000000002', name: 'Other Coder', role: 'coder' as const };
let t: TempDb;

interface Raw {
  id: string;
  status: string;
  setting: string;
  payer: string | null;
  priority: number;
  due: string | null;
  date_of_service: string;
  import_seq: number;
  search_text: string;
}
let mine: Raw[];

beforeAll(() => {
  t = tempDb('plumbline-worklist-');
  ensureUser(t.db, CODER);
  ensureUser(t.db, OTHER);
  loadDemo(t.db, CODER.id);
  storeGenerated(t.db, CODER.id, 2000, 7);
  storeGenerated(t.db, OTHER.id, 300, 8);
  mine = t.db.prepare('SELECT * FROM encounters WHERE assignee_id = ?').all(CODER.id) as Raw[];
});
afterAll(() => t.cleanup());

const q = (query: Parameters<typeof queryWorklist>[2]) => queryWorklist(t.db, CODER.id, query);
const ids = (rows: WorklistRow[]) => rows.map((r) => r.encounterId);

describe('worklist', () => {
  it('counts my charts per status, ignoring the status filter and other people’s charts', () => {
    const page = q({ status: 'done', limit: 1 });
    for (const s of CHART_STATUSES) expect(page.counts[s]).toBe(mine.filter((r) => r.status === s).length);
    expect(Object.values(page.counts).reduce((a, b) => a + b, 0)).toBe(2030);
    expect(page.total).toBe(mine.filter((r) => r.status === 'done').length);
  });

  it('filters by status, setting and payer together, and lists the payers in my queue', () => {
    const page = q({ status: 'new', setting: 'inpatient', payer: 'Medicaid', limit: 500 });
    const expected = mine.filter((r) => r.status === 'new' && r.setting === 'inpatient' && r.payer === 'Medicaid');
    expect(page.total).toBe(expected.length);
    expect(new Set(ids(page.rows))).toEqual(new Set(expected.map((r) => r.id)));
    expect(page.rows.every((r) => r.status === 'new' && r.setting === 'inpatient' && r.payer === 'Medicaid')).toBe(true);
    expect(page.payers).toEqual(['Commercial HMO', 'Commercial PPO', 'Medicaid', 'Medicare Advantage', 'Self-pay']);
  });

  it('sorts by due date (no due date last), then priority, in both directions', () => {
    const key = (r: Raw) => [r.due ?? '9999-12-31', r.priority, r.import_seq] as const;
    const cmp = (a: Raw, b: Raw) => {
      const [x, y] = [key(a), key(b)];
      return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2];
    };
    const all = mine.filter((r) => r.status === 'in_progress').sort(cmp);
    expect(ids(q({ status: 'in_progress', sort: 'due', limit: 50 }).rows)).toEqual(all.slice(0, 50).map((r) => r.id));
    expect(ids(q({ status: 'in_progress', sort: 'due', direction: 'desc', limit: 50 }).rows)).toEqual([...all].reverse().slice(0, 50).map((r) => r.id));
    const page2 = q({ status: 'in_progress', sort: 'due', offset: 50, limit: 50 });
    expect(ids(page2.rows)).toEqual(all.slice(50, 100).map((r) => r.id));
  });

  it('sorts by priority and by date of service across all statuses', () => {
    const byPriority = q({ sort: 'priority', limit: 500 }).rows;
    expect(byPriority.map((r) => r.priority)).toEqual([...byPriority.map((r) => r.priority)].sort((a, b) => a - b));
    expect(byPriority[0]!.priority).toBe(1);
    const byDos = q({ sort: 'date_of_service', limit: 100 }).rows.map((r) => r.dateOfService);
    expect(byDos).toEqual([...byDos].sort().reverse());
    expect(byDos[0]).toBe(mine.map((r) => r.date_of_service).sort().at(-1));
  });

  it('searches title, patient label, payer and existing codes (dotted or not), every word must match', () => {
    const byCode = q({ search: 'I21.9', limit: 500 });
    expect(byCode.total).toBe(1);
    expect(q({ search: 'i219' }).total).toBe(1);
    const label = byCode.rows[0]!.patientLabel;
    expect(ids(q({ search: label.toLowerCase() }).rows)).toEqual(ids(byCode.rows));
    const cardio = q({ search: 'cardiology clinic' });
    expect(cardio.rows.map((r) => r.title)).toEqual(['Cardiology clinic note']);
    const wild = q({ search: '%%%', limit: 500 });
    expect(wild.total).toBe(0);
    // Words shorter than three characters narrow nothing (and would scan every chart).
    expect(q({ search: 'e1' }).total).toBe(2030);
    expect(q({ search: 'zz"q' }).total).toBe(0);
    expect(q({ search: 'medicaid e11.22', limit: 500 }).total).toBe(mine.filter((r) => r.search_text.includes('medicaid') && r.search_text.includes('e11.22')).length);
  });

  it('refuses pages over 500 rows and unknown filters', () => {
    expect(() => q({ limit: 501 })).toThrow(/limit must be 1–500/);
    expect(() => q({ status: 'lost' as never })).toThrow(/unknown status/);
    expect(() => q({ sort: 'name' as never })).toThrow(/unknown sort/);
    expect(q({ limit: 500 }).rows).toHaveLength(500);
  });

  it('next chart follows queue order (priority, then due) over new and in-progress charts', () => {
    const queue = mine
      .filter((r) => r.status === 'new' || r.status === 'in_progress')
      .sort((a, b) => a.priority - b.priority || (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') || a.import_seq - b.import_seq);
    expect(nextInQueue(t.db, CODER.id)).toBe(queue[0]!.id);
    expect(nextInQueue(t.db, CODER.id, queue[0]!.id)).toBe(queue[1]!.id);
    expect(nextInQueue(t.db, CODER.id, queue.at(-1)!.id)).toBe(queue[0]!.id);
    const done = mine.find((r) => r.status === 'done')!;
    const after = queue.find((r) => r.priority > done.priority || (r.priority === done.priority && ((r.due ?? '9999-12-31') > (done.due ?? '9999-12-31') || ((r.due ?? '9999-12-31') === (done.due ?? '9999-12-31') && r.import_seq > done.import_seq))));
    expect(nextInQueue(t.db, CODER.id, done.id)).toBe((after ?? queue[0]!).id);
  });
});
