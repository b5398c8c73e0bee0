import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type CoreHandle } from './fixtures';
import type { Page } from '@playwright/test';
import { checkView } from './a11y';
import { importPaths } from '../../src/main/importing/run';

// The test code set is FY2026 (1 October 2025 to 30 September 2026). Import shifts dates 1–30 days
// earlier, so both dates stay inside their fiscal year.
const NOTE = [
  'NEPHROLOGY FOLLOW-UP',
  '',
  'Assessment/Plan:',
  '1. Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3a - eGFR 52. Continue metformin 500 mg BID.',
  '2. Essential hypertension - BP 134/80. Continue lisinopril.',
].join('\n');
const chart = (id: string, dateOfService: string) => ({
  id,
  setting: 'professional',
  date_of_service: dateOfService,
  patient: { age: 71, sex: 'M' },
  text: NOTE,
  codes: [],
  existing_codes: [{ system: 'ICD-10-CM', code: 'I10' }],
});

async function openOnlyChart(app: Page, core: CoreHandle, record: object): Promise<void> {
  const file = path.join(core.dataDir, 'chart.jsonl');
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  expect(importPaths(core.current().db, [file]).chartsImported).toBe(1);
  await app.reload();
  await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(app.getByTestId('suggestion-diagnostics')).toContainText('Local engine');
}

test('a chart dated after the loaded edition says why it has no suggestions and what to install', async ({ app, core }) => {
  await openOnlyChart(app, core, chart('e2e-fy2027', '2026-12-01'));
  await expect(app.locator('.chart-header')).toContainText('(FY2027)');

  const banner = app.getByTestId('fiscal-year-gap');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toContainText('This date of service falls in FY2027 (1 October 2026 to 30 September 2027); the loaded code set covers only FY2026.');
  await expect(banner).toContainText('none is suggested to add, keep or query, none can be added here');
  await expect(banner).toContainText('The FY2027 edition reaches this computer only with a Plumbline update that ships it');

  // The behaviour it explains: nothing suggested, the claim's code fails the date edit, and the
  // Suggestions panel gives the drop its reason.
  const items = app.getByRole('listbox', { name: 'Codes to review' }).getByRole('option');
  await expect(items).toHaveCount(1);
  await expect(items.filter({ hasText: 'Suggested' })).toHaveCount(0);
  await expect(app.getByTestId('edits')).toContainText('falls in FY2027');
  await expect(app.getByTestId('suggestion-diagnostics')).toContainText(/\d+ not valid for the date of service \(FY2027 is not loaded; the loaded code set covers only FY2026\)/);
  await checkView(app, 'chart-fiscal-year-gap');
});

test('a chart dated inside the loaded edition shows no such warning', async ({ app, core }) => {
  await openOnlyChart(app, core, chart('e2e-fy2026', '2026-04-14'));
  await expect(app.locator('.chart-header')).toContainText('(FY2026)');
  await expect(app.getByRole('listbox', { name: 'Codes to review' }).getByRole('option').filter({ hasText: 'Suggested' }).first()).toBeVisible();
  await expect(app.getByTestId('fiscal-year-gap')).toHaveCount(0);
  await expect(app.getByTestId('suggestion-diagnostics')).not.toContainText('is not loaded');
});
