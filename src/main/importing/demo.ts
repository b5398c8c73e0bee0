// The demo charts bundled with the app (resources/demo/charts.jsonl, built by scripts/build-demo.ts
// from the de-identified samples). Loaded once, into the local user's queue, with varied priorities and
// due dates so the queue's sorting means something on first look.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportedChart } from '../../shared/chart';
import type { Db } from '../db/open';
import { resourcesDir } from '../paths';
import { refreshQueryStats } from '../worklist/stats';
import { storeCharts } from './store';

const LOADED_KEY = 'demo_loaded_at';

export function demoFile(): string {
  return path.join(resourcesDir(), 'demo', 'charts.jsonl');
}

export function readDemoCharts(file = demoFile()): ImportedChart[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const c = JSON.parse(l) as ImportedChart;
      if (!c?.patient?.id || !c?.encounter?.id || !Array.isArray(c.documents) || !Array.isArray(c.existingCodes) || !Array.isArray(c.finalCodes)) {
        throw new Error(`Demo charts file is damaged at line ${i + 1}.`);
      }
      return c;
    });
}

function addDays(days: number, from = new Date()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

export function demoStatus(db: Db, file = demoFile()): { available: number; loaded: boolean; chartCount: number } {
  const available = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length : 0;
  const loaded = db.prepare('SELECT 1 FROM settings WHERE key = ?').get(LOADED_KEY) !== undefined;
  const chartCount = (db.prepare('SELECT count(*) AS n FROM encounters').get() as { n: number }).n;
  return { available, loaded, chartCount };
}

/** Imports the demo charts once (one transaction); a second call imports nothing. */
export function loadDemo(db: Db, assigneeId: string, file = demoFile()): { imported: number } {
  const charts = readDemoCharts(file);
  if (charts.length === 0) throw new Error('No demo charts are bundled with this build.');
  const result = db
    .transaction(() => {
      if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(LOADED_KEY)) return { imported: 0 };
      const r = storeCharts(db, charts, {
        assigneeId,
        source: 'demo',
        plan: (_c, i) => ({ priority: (i * 3) % 5 + 1, due: i % 6 === 5 ? null : addDays((i * 2) % 9) }),
      });
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(LOADED_KEY, new Date().toISOString(), new Date().toISOString());
      return { imported: r.imported };
    })
    .immediate();
  if (result.imported > 0) refreshQueryStats(db);
  return result;
}
