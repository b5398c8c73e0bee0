// review.act_core_p95_ms: one review action as the API handler runs it — the transaction (item,
// decision, audit event, outbox row) plus the chart view rebuilt with edits and RAF — on the demo
// charts. The key-press-to-repaint figure (review.action_p95_ms) adds the renderer on top of this.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CodeSetLookup } from '../../shared/codeset/types';
import { percentile, round, type Metric } from '../bench/metric';
import { migrate } from '../db/migrate';
import { loadMigrations } from '../db/migrations';
import { openDatabase } from '../db/open';
import { loadDemo } from '../importing/demo';
import { ensureUser } from '../worklist/users';
import { ReviewService } from './actions';
import { buildChartView } from './view';

const USER = { id: '00000000-0000-4000-8000-00000000b002', name: 'Bench coder', role: 'coder' as const };

export function benchReviewCore(lookup: CodeSetLookup, n = 300): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-bench-review-'));
  const db = openDatabase(path.join(dir, 'plumbline.sqlite'));
  try {
    migrate(db, loadMigrations());
    ensureUser(db, USER);
    loadDemo(db, USER.id);
    const review = new ReviewService(db, lookup, USER);
    const charts = (db.prepare('SELECT DISTINCT encounter_id AS id FROM review_items').all() as Array<{ id: string }>).map((r) => r.id);
    const samples: number[] = [];
    for (let i = 0; samples.length < n; i++) {
      const id = charts[i % charts.length]!;
      const items = buildChartView(review.store, lookup, id).items;
      const item = items[i % items.length]!;
      const t0 = performance.now();
      if (i % 2) review.act(id, { type: 'accept', itemId: item.id });
      else review.act(id, { type: 'reject', itemId: item.id, reason: 'meat_missing' });
      buildChartView(review.store, lookup, id);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return [{ metric: 'review.act_core_p95_ms', value: round(percentile(samples, 95)), unit: 'ms', n }];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
