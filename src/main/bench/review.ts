// review.action_*: a key press in the chart view → the decision persisted in SQLite (one
// transaction in the core) → the change painted. Measured inside the page: keydown timestamp to the
// first animation frame after the code list changed, in headless Chromium against the real core.
// Two charts: a short visit note, and a long (~5,000-word) stay whose note carries dozens of
// highlights. Every action answers with the whole chart; review.bridge_long_chart_ms is what the
// test bridge (Playwright's CDP binding, not Electron's IPC) spends carrying the long one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { openWorkstation } from '../workstation';
import { appRoot } from '../paths';
import { chromiumLaunchOptions } from '../devtools/chromium';
import { serveDirectory } from '../devtools/static-server';
import { installBridge } from '../devtools/browser-bridge';
import { importPaths } from '../importing/run';
import { BENCH_CODESET_DIR } from './foundation';
import { percentile, round, type Metric } from './metric';

const CODES = ['E119', 'I10', 'E785', 'J449', 'N1830', 'I5032', 'Z7901', 'F329', 'K219', 'M1990'];

function shortNote(): string {
  return `CHRONIC CARE VISIT\n\nAssessment/Plan:\n${CODES.map((c, i) => `${i + 1}. Condition ${c} reviewed, stable, continue current treatment.`).join('\n')}`;
}

/** Thirty daily progress notes of a long stay: the local engine finds its conditions every day. */
function longNote(): string {
  const problems = [
    'Type 2 diabetes mellitus with diabetic chronic kidney disease stage 3a, A1c 8.1, continue metformin and insulin glargine.',
    'Essential hypertension, blood pressure 142/88, continue lisinopril.',
    'Chronic obstructive pulmonary disease with acute exacerbation, on prednisone and nebulizers.',
    'Heart failure with reduced ejection fraction, chronic, euvolemic today, continue carvedilol.',
    'Atrial fibrillation on apixaban, rate controlled.',
    'Major depressive disorder, recurrent, moderate, continue sertraline.',
    'Gastroesophageal reflux disease controlled on omeprazole.',
    'Osteoarthritis of both knees, pain controlled with acetaminophen.',
    'Hyperlipidemia on atorvastatin, LDL 92.',
    'Morbid obesity with BMI 41.2, dietitian referral placed.',
  ];
  const days: string[] = [];
  for (let d = 1; d <= 30; d++) {
    days.push(
      `HOSPITAL DAY ${d}\n\nSubjective: Patient seen and examined, tolerating diet, no chest pain, no shortness of breath at rest, slept well overnight.\n` +
        `Objective: Vitals stable, afebrile, lungs with scattered wheezes, heart irregularly irregular, abdomen soft, trace edema of both legs.\n\n` +
        `Assessment/Plan:\n${problems.map((p, i) => `${i + 1}. ${p}`).join('\n')}`,
    );
  }
  return days.join('\n\n');
}

export async function benchReviewAction(actions = 200): Promise<Metric[]> {
  const { chromium } = await import('@playwright/test');
  const rendererDir = path.join(appRoot(), 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npx vite build` first (npm run bench does).');
  const server = await serveDirectory(rendererDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const short = await measureActions(browser, server.url, shortNote(), actions);
    const long = await measureActions(browser, server.url, longNote(), actions);
    return [
      { metric: 'review.action_p50_ms', value: round(percentile(short.samples, 50), 1), unit: 'ms', n: short.samples.length },
      { metric: 'review.action_p95_ms', value: round(percentile(short.samples, 95), 1), unit: 'ms', n: short.samples.length },
      { metric: 'review.action_long_note_p50_ms', value: round(percentile(long.samples, 50), 1), unit: 'ms', n: long.samples.length },
      { metric: 'review.action_long_note_p95_ms', value: round(percentile(long.samples, 95), 1), unit: 'ms', n: long.samples.length },
      { metric: 'review.bridge_long_chart_ms', value: round(long.bridgeMs, 1), unit: 'ms', n: 20 },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Key-press-to-paint samples (sorted) on one chart, and the median bridge round trip of its chart view. */
async function measureActions(browser: Browser, url: string, text: string, actions: number): Promise<{ samples: number[]; bridgeMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-bench-review-'));
  const file = path.join(dir, 'chart.jsonl');
  fs.writeFileSync(file, `${JSON.stringify({ id: 'bench-review', setting: 'professional', date_of_service: '2026-05-05', patient: { age: 70, sex: 'F' }, text, codes: [], existing_codes: CODES.map((code) => ({ system: 'ICD-10-CM', code })) })}\n`);
  const ws = openWorkstation({ dataDir: dir, codeSetDir: BENCH_CODESET_DIR });
  const page = await browser.newPage();
  try {
    importPaths(ws.db, [file]);
    await installBridge(page, () => ws.handlers);
    await page.goto(url);
    await page.waitForSelector('[data-testid="app-frame"][data-ready="true"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[aria-label="Codes to review"] [role="option"]');
    const encounterId = await page.locator('[data-encounter]').getAttribute('data-encounter');
    const bridgeMs = await page.evaluate(async (id) => {
      const api = (window as unknown as { plumbline: { chartOpen(r: { encounterId: string | null }): Promise<unknown> } }).plumbline;
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await api.chartOpen({ encounterId: id });
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[10]!;
    }, encounterId);
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
    return { samples, bridgeMs };
  } finally {
    await page.close();
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
