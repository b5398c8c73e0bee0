import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkstation, DATABASE_FILE } from '../workstation';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { loadMigrations } from '../db/migrations';
import { appRoot } from '../paths';
import { chromiumLaunchOptions } from '../devtools/chromium';
import { serveDirectory } from '../devtools/static-server';
import { installBridge } from '../devtools/browser-bridge';
import { percentile, round, type Metric } from './metric';

export const BENCH_CODESET_DIR = path.join(os.tmpdir(), 'plumbline-bench-codeset');

/** Opening a fresh database file and migrating it to the current schema (what a first start pays). */
export function benchOpenMigrate(n = 20): Metric[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-bench-'));
    const t0 = performance.now();
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    migrate(db, loadMigrations());
    db.close();
    samples.push(performance.now() - t0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  samples.sort((a, b) => a - b);
  return [{ metric: 'db.open_migrate_ms', value: round(percentile(samples, 50)), unit: 'ms', n }];
}

/** Navigation start → app frame rendered and ready, in headless Chromium against the real core. */
export async function benchFirstPaint(n = 10): Promise<Metric[]> {
  const { chromium } = await import('@playwright/test');
  const rendererDir = path.join(appRoot(), 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npx vite build` first (npm run bench does).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-bench-'));
  const ws = openWorkstation({ dataDir: dir, codeSetDir: BENCH_CODESET_DIR });
  const server = await serveDirectory(rendererDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const samples: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const page = await browser.newPage();
      await installBridge(page, () => ws.handlers);
      await page.goto(server.url);
      await page.waitForSelector('[data-testid="app-frame"][data-ready="true"]');
      samples.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  samples.sort((a, b) => a - b);
  return [{ metric: 'renderer.first_paint_ms', value: round(percentile(samples, 50), 1), unit: 'ms', n }];
}
