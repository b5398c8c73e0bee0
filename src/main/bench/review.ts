// review.action_p95_ms: a key press in the chart view → the decision persisted in SQLite (one
// transaction in the core) → the change painted. Measured inside the page: keydown timestamp to the
// first animation frame after the code list changed, in headless Chromium against the real core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkstation } from '../workstation';
import { appRoot } from '../paths';
import { chromiumLaunchOptions } from '../devtools/chromium';
import { serveDirectory } from '../devtools/static-server';
import { installBridge } from '../devtools/browser-bridge';
import { importPaths } from '../importing/run';
import { BENCH_CODESET_DIR } from './foundation';
import { percentile, round, type Metric } from './metric';

const CODES = ['E119', 'I10', 'E785', 'J449', 'N1830', 'I5032', 'Z7901', 'F329', 'K219', 'M1990'];

export async function benchReviewAction(actions = 200): Promise<Metric[]> {
  const { chromium } = await import('@playwright/test');
  const rendererDir = path.join(appRoot(), 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npx vite build` first (npm run bench does).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-bench-review-'));
  const file = path.join(dir, 'chart.jsonl');
  const text = `CHRONIC CARE VISIT\n\nAssessment/Plan:\n${CODES.map((c, i) => `${i + 1}. Condition ${c} reviewed, stable, continue current treatment.`).join('\n')}`;
  fs.writeFileSync(file, `${JSON.stringify({ id: 'bench-review', setting: 'professional', date_of_service: '2026-05-05', patient: { age: 70, sex: 'F' }, text, codes: [], existing_codes: CODES.map((code) => ({ system: 'ICD-10-CM', code })) })}\n`);
  const ws = openWorkstation({ dataDir: dir, codeSetDir: BENCH_CODESET_DIR });
  importPaths(ws.db, [file]);
  const server = await serveDirectory(rendererDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await installBridge(page, () => ws.handlers);
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="app-frame"][data-ready="true"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[aria-label="Codes to review"] [role="option"]');
    await page.evaluate(() => {
      const w = window as unknown as { __benchSamples: number[]; __benchT0: number | null };
      w.__benchSamples = [];
      w.__benchT0 = null;
      window.addEventListener('keydown', () => (w.__benchT0 = performance.now()), { capture: true });
      const list = document.querySelector('[aria-label="Codes to review"]')!;
      new MutationObserver(() => {
        const t0 = w.__benchT0;
        if (t0 === null) return;
        w.__benchT0 = null;
        requestAnimationFrame(() => w.__benchSamples.push(performance.now() - t0));
      }).observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    // Alternate keep and undo on the selected code: each is one SQLite transaction plus a repaint.
    for (let i = 0; i < actions; i++) {
      const before = await page.evaluate(() => (window as unknown as { __benchSamples: number[] }).__benchSamples.length);
      await page.keyboard.press(i % 2 === 0 ? 'a' : 'u');
      await page.waitForFunction((n) => (window as unknown as { __benchSamples: number[] }).__benchSamples.length > n, before);
    }
    const samples = (await page.evaluate(() => (window as unknown as { __benchSamples: number[] }).__benchSamples)).sort((a, b) => a - b);
    return [
      { metric: 'review.action_p50_ms', value: round(percentile(samples, 50), 1), unit: 'ms', n: samples.length },
      { metric: 'review.action_p95_ms', value: round(percentile(samples, 95), 1), unit: 'ms', n: samples.length },
    ];
  } finally {
    await browser.close();
    await server.close();
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
