import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { checkView } from './a11y';
import { importPaths } from '../../src/main/importing/run';
import { iterateAudit } from '../../src/main/audit';

// A synthetic outpatient chart: the claim carries a type 1 code next to the documented type 2 code
// (an Excludes1 conflict) and an asthma code the note never supports.
const CHART = {
  id: 'e2e-review-1',
  setting: 'professional',
  date_of_service: '2026-03-02',
  patient: { age: 67, sex: 'F' },
  text: [
    'PRIMARY CARE FOLLOW-UP',
    '',
    'HPI: 67 y/o F for diabetes follow-up. Home glucose 110-140. No hypoglycemia.',
    '',
    'Assessment/Plan:',
    '1. Type 2 diabetes mellitus without complications - A1c 6.9 today. Continue metformin 1000 mg BID.',
    '2. Essential hypertension - BP 128/78, controlled. Continue lisinopril 10 mg daily.',
    'Lungs clear. No wheeze.',
  ].join('\n'),
  codes: [],
  existing_codes: [
    { system: 'ICD-10-CM', code: 'E119' },
    { system: 'ICD-10-CM', code: 'E109' },
    { system: 'ICD-10-CM', code: 'J45909' },
  ],
};
const NEXT_CHART = { ...CHART, id: 'e2e-review-2', date_of_service: '2026-03-09', patient: { age: 70, sex: 'M' }, existing_codes: [{ system: 'ICD-10-CM', code: 'I10' }], text: 'HYPERTENSION RECHECK\n\nAssessment/Plan:\n1. Essential hypertension - stable on amlodipine.' };

test('a whole chart coded by keyboard alone, then on to the next chart, every step in the audit export', async ({ app, core }) => {
  const file = path.join(core.dataDir, 'charts.jsonl');
  fs.writeFileSync(file, `${JSON.stringify(CHART)}\n${JSON.stringify(NEXT_CHART)}\n`);
  const report = importPaths(core.current().db, [file]);
  expect(report.chartsImported).toBe(2);
  await app.reload();
  await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');

  // Open the first chart from the queue.
  const rows = app.getByRole('listbox', { name: 'Charts' }).getByRole('option');
  await expect(rows).toHaveCount(2);
  await checkView(app, 'worklist-with-charts');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1 })).toContainText(/follow-up/i);
  const items = app.getByRole('listbox', { name: 'Codes to review' }).getByRole('option');
  // Three codes from the claim first, then the local engine's suggestions, among them the documented hypertension.
  await expect(items.filter({ hasText: 'On claim' })).toHaveCount(3);
  const i10 = app.locator('[aria-label="Codes to review"] [role="option"][data-code="I10"]');
  await expect(i10).toContainText('Suggested');
  await expect(app.getByTestId('edits')).toContainText(/E1[01]\.9 and E1[01]\.9 cannot be reported together/);
  await checkView(app, 'chart');

  // Submitting now is refused: the summary gives the reasons and offers nothing to confirm; Esc closes it.
  const summary = app.getByRole('dialog', { name: 'Submit this chart?' });
  await app.keyboard.press('s');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('alert')).toContainText('Cannot submit yet');
  await expect(summary.getByRole('alert')).toContainText('3 existing codes have no disposition: E11.9, E10.9, J45.909.');
  await expect(summary.getByRole('button', { name: /^Submit/ })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(summary).toBeHidden();
  await expect(app.getByTestId('chart-status')).toHaveText('New');

  // Keep E11.9.
  await expect(items.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(items.nth(0)).toContainText('E11.9');
  await app.keyboard.press('a');
  await expect(items.nth(0)).toContainText('Kept');

  // Fix the Excludes1 conflict: propose deleting E10.9, not documented.
  await app.keyboard.press('j');
  await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('d');
  await expect(app.getByRole('dialog', { name: 'Propose deleting E10.9' })).toBeVisible();
  await app.keyboard.press('1');
  await expect(items.nth(1)).toContainText('Delete proposed');
  await expect(app.getByTestId('edits')).not.toContainText('cannot be reported together');

  // Delete the unsupported asthma code with a reason.
  await app.keyboard.press('j');
  await app.keyboard.press('d');
  await app.keyboard.press('2');
  await expect(items.nth(2)).toContainText('Delete proposed');
  await expect(items.nth(2)).toContainText('MEAT missing');

  // Accept the suggested I10: move down to it with j.
  const i10Index = await items.evaluateAll((els) => els.findIndex((el) => el.getAttribute('data-code') === 'I10'));
  for (let i = 2; i < i10Index; i++) await app.keyboard.press('j');
  await expect(i10).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('a');
  await expect(i10).toContainText('Kept');

  // Add Z79.899 (other long-term drug therapy: the ACE inhibitor) through the inline encoder, with its
  // evidence quoted from the note.
  await app.keyboard.press('n');
  const dialog = app.getByRole('dialog', { name: 'Add a code with evidence' });
  await expect(dialog).toBeVisible();
  await app.keyboard.type('continue lisinopril');
  await expect(dialog.getByRole('status')).toContainText('Found verbatim: “Continue lisinopril”');
  await app.keyboard.press('Enter');
  await app.keyboard.type('Z79.899');
  await expect(dialog.getByRole('listbox', { name: 'Matching codes' }).getByRole('option').first()).toContainText('Z79.899');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const added = app.locator('[aria-label="Codes to review"] [role="option"][data-code="Z79899"]');
  await expect(added).toHaveCount(1);
  await expect(added).toContainText('Added');
  await expect(added).toHaveAttribute('aria-selected', 'true');
  await expect(app.locator('mark.evidence.active').first()).toHaveText('Continue lisinopril');

  // `s` shows the claim as it will be submitted: each code, how it came about, and the claim codes removed.
  const chartId = (await app.locator('section.chart-view').getAttribute('data-encounter'))!;
  await app.keyboard.press('s');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('alert')).toHaveCount(0);
  await expect(summary.getByRole('table', { name: 'Codes to submit (3)' }).locator('tbody tr')).toHaveText([
    /^E11\.9\s*Type 2 diabetes mellitus without complications\s*HCC 38\s*Kept from the claim$/,
    /^I10\s*Essential \(primary\) hypertension\s*—\s*Added \(accepted suggestion\)$/,
    /^Z79\.899\s*Other long term \(current\) drug therapy\s*—\s*Added$/,
  ]);
  await expect(summary.getByRole('table', { name: 'Removed from the claim (2)' }).locator('tbody tr')).toHaveText([
    /^E10\.9\s*.*Deletion proposed: Not documented$/,
    /^J45\.909\s*.*Deletion proposed: MEAT missing \/ not addressed$/,
  ]);
  await expect(summary.getByRole('button', { name: 'Submit 3 codes' })).toBeFocused();
  await checkView(app, 'chart-submit-summary');

  // Esc cancels: the chart stays where it was, unsubmitted.
  await app.keyboard.press('Escape');
  await expect(summary).toBeHidden();
  await expect(app.getByTestId('chart-status')).toHaveText('In progress');
  expect((await core.current().handlers.chartOpen({ encounterId: chartId })).encounter.status).toBe('in_progress');
  expect([...iterateAudit(core.current().db)].some((e) => e.action === 'submit')).toBe(false);

  // Enter confirms: the submit lands on the next chart. The dialog holds the focus as soon as it shows,
  // so an Enter pressed at once is never lost to the chart behind it.
  await app.keyboard.press('s');
  await expect(summary).toBeVisible();
  expect(await summary.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await app.keyboard.press('Enter');
  await expect(summary).toBeHidden();
  await expect(app.getByRole('heading', { level: 1 })).toContainText(/hypertension recheck/i);
  const coded = core.current().db.prepare("SELECT code FROM encounter_codes WHERE encounter_id = ? AND source = 'coded' ORDER BY ordinal").all(chartId);
  expect(coded).toEqual([{ code: 'E119' }, { code: 'I10' }, { code: 'Z79899' }]);
  await expect(items.filter({ hasText: 'On claim' })).toHaveCount(1);
  await expect(items.filter({ hasText: 'On claim' })).toContainText('I10');

  // `q` opens the query with the cursor in its note: typing and Enter send it, no mouse needed.
  await expect(items.nth(0)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('q');
  const query = app.getByRole('dialog', { name: /^Query the provider about I10/ });
  await expect(query.getByRole('textbox', { name: 'Query note' })).toBeFocused();
  await app.keyboard.type('Please document whether the hypertension is controlled.');
  await app.keyboard.press('Enter');
  await expect(query).toBeHidden();
  await expect(items.nth(0)).toContainText(/quer/i);

  const events = [...iterateAudit(core.current().db)].map((e) => `${e.action}:${e.code ?? ''}`);
  expect(events).toEqual(expect.arrayContaining(['accept:E119', 'delete:E109', 'delete:J45909', 'accept:I10', 'add:Z79899', 'submit:', 'query:I10']));
  const add = [...iterateAudit(core.current().db)].find((e) => e.action === 'add')!;
  expect(add.evidence).toEqual([expect.objectContaining({ quote: 'Continue lisinopril' })]);
  // Acting on a suggestion carries its provenance into the audit trail.
  const acceptedSuggestion = [...iterateAudit(core.current().db)].find((e) => e.action === 'accept' && e.code === 'I10')!;
  expect(acceptedSuggestion.suggestion).toMatchObject({ engine: 'local' });
});
