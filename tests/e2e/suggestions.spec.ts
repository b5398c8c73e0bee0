import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { checkView } from './a11y';
import { importPaths } from '../../src/main/importing/run';
import { iterateAudit } from '../../src/main/audit';

const CHART = {
  id: 'e2e-suggest-1',
  setting: 'professional',
  date_of_service: '2026-04-14',
  patient: { age: 71, sex: 'M' },
  text: [
    'NEPHROLOGY FOLLOW-UP',
    '',
    'HPI: 71 y/o M with type 2 diabetes and CKD. Denies chest pain. No edema.',
    '',
    'Assessment/Plan:',
    '1. Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3a - eGFR 52, A1c 7.2. Continue metformin 500 mg BID.',
    '2. Essential hypertension - BP 134/80. Continue lisinopril.',
  ].join('\n'),
  codes: [],
  existing_codes: [],
};

test('offline, a chart opens with local suggestions and highlighted evidence; accepting one records its provenance', async ({ app, core }) => {
  const file = path.join(core.dataDir, 'suggest.jsonl');
  fs.writeFileSync(file, `${JSON.stringify(CHART)}\n`);
  expect(importPaths(core.current().db, [file]).chartsImported).toBe(1);
  await app.reload();
  await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
  // The renderer is local; going offline cuts the network, not the core.
  await app.context().setOffline(true);
  await expect(app.getByTestId('connection-status')).toHaveText('Offline');
  await app.keyboard.press('Enter');

  const items = app.getByRole('listbox', { name: 'Codes to review' }).getByRole('option');
  const e1122 = items.filter({ hasText: 'E11.22' });
  await expect(e1122).toHaveCount(1);
  await expect(e1122).toContainText('Local engine');
  await expect(e1122).toContainText('Suggested');
  await expect(app.getByTestId('suggestion-diagnostics')).toContainText('Local engine');
  await checkView(app, 'chart-suggestions');

  // Move to the suggestion with j and accept it with a.
  const index = await items.evaluateAll((els) => els.findIndex((el) => el.textContent?.includes('E11.22')));
  for (let i = 0; i < index; i++) await app.keyboard.press('j');
  await expect(e1122).toHaveAttribute('aria-selected', 'true');
  await expect(app.locator('mark.evidence.active').first()).toBeVisible();
  // A suggestion is not a code on the chart until the coder accepts it: no edits, no RAF from it yet.
  await expect(app.getByTestId('edits')).not.toContainText('E11.22');
  const rafBefore = Number(await app.getByTestId('raf-score').innerText());
  await app.keyboard.press('a');
  await expect(e1122).toContainText('Kept');
  await expect(app.getByTestId('edits')).toContainText('E11.22');
  await expect.poll(async () => Number(await app.getByTestId('raf-score').innerText())).toBeGreaterThan(rafBefore);

  const accept = [...iterateAudit(core.current().db)].find((e) => e.action === 'accept' && e.code === 'E1122');
  expect(accept).toBeDefined();
  expect(accept!.suggestion).toMatchObject({ engine: 'local', codeSetVersion: expect.stringContaining('FY2026') });
});

test('the highlighted evidence follows the selected code through j/k and decisions', async ({ app, core }) => {
  const file = path.join(core.dataDir, 'highlight.jsonl');
  fs.writeFileSync(file, `${JSON.stringify({ ...CHART, id: 'e2e-suggest-highlight' })}\n`);
  expect(importPaths(core.current().db, [file]).chartsImported).toBe(1);
  await app.reload();
  await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
  await app.keyboard.press('Enter');
  const items = app.getByRole('listbox', { name: 'Codes to review' }).getByRole('option');
  await expect(items.filter({ hasText: 'E11.22' })).toHaveCount(1);
  // Mark the note's element: deciding on codes must not replace it.
  await app.locator('.document-text').evaluate((el) => ((el as HTMLElement & { probe?: boolean }).probe = true));

  /** Titles of the highlighted marks for the selected code, and the selected code's display. */
  const state = () =>
    app.evaluate(() => ({
      selected: document.querySelector('[aria-label="Codes to review"] [aria-selected="true"] .code')?.textContent ?? '',
      active: [...document.querySelectorAll('mark.evidence.active')].map((m) => m.getAttribute('title') ?? ''),
    }));
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const s = await state();
    const withEvidence = await items.nth(i).evaluate((el) => !el.textContent?.includes('No evidence in this chart'));
    if (withEvidence) {
      expect(s.active.length, `highlights for ${s.selected}`).toBeGreaterThan(0);
      for (const title of s.active) expect(title).toContain(s.selected);
    } else expect(s.active).toEqual([]);
    // Deciding keeps the highlight on the same code.
    await app.keyboard.press('a');
    await expect(items.nth(i)).toContainText('Kept');
    expect((await state()).active).toEqual(s.active);
    await app.keyboard.press('j');
  }
  expect(await app.locator('.document-text').evaluate((el) => (el as HTMLElement & { probe?: boolean }).probe)).toBe(true);
});

test('a suggestion to query shows its advice inline; q opens the query prefilled and Enter records it', async ({ app, core }) => {
  const file = path.join(core.dataDir, 'query.jsonl');
  const chart = { ...CHART, id: 'e2e-suggest-query', text: ['OFFICE VISIT', '', 'Assessment: Type 2 diabetes, uncontrolled. Increase metformin.'].join('\n') };
  fs.writeFileSync(file, `${JSON.stringify(chart)}\n`);
  expect(importPaths(core.current().db, [file]).chartsImported).toBe(1);
  await app.reload();
  await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
  await app.keyboard.press('Enter');

  const items = app.getByRole('listbox', { name: 'Codes to review' }).getByRole('option');
  const e1165 = items.filter({ hasText: 'E11.65' });
  await expect(e1165).toHaveCount(1);
  // The advice is text on the item, not only a tooltip or a colour.
  const advice = e1165.getByTestId('item-query-advice');
  await expect(advice).toBeVisible();
  await expect(advice).toContainText('Query suggested:');
  await expect(advice).toContainText('hyperglycemia (E11.65) or hypoglycemia (E11.649)');
  await expect(e1165).toContainText('query');
  await checkView(app, 'chart-query-suggestion');

  const index = await items.evaluateAll((els) => els.findIndex((el) => el.textContent?.includes('E11.65')));
  for (let i = 0; i < index; i++) await app.keyboard.press('j');
  await expect(e1165).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('q');
  const dialog = app.getByRole('dialog', { name: /^Query the provider about E11\.65/ });
  const note = dialog.getByRole('textbox', { name: 'Query note' });
  await expect(note).toBeFocused();
  const prefilled = await note.inputValue();
  expect(prefilled).toContain('hyperglycemia (E11.65) or hypoglycemia (E11.649)');
  // The note speaks to the provider: the engine's instruction to the coder is left out.
  expect(prefilled).not.toMatch(/query the provider/i);
  // The caret waits after the question, where the coder would add to it.
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([prefilled.length, prefilled.length]);
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(e1165.locator('.badge.disp')).toHaveText('Query');
  await expect(e1165).toContainText(`Query: ${prefilled}`);
  await expect(advice).toBeHidden();
  const query = [...iterateAudit(core.current().db)].find((e) => e.action === 'query' && e.code === 'E1165');
  expect(query).toBeDefined();
  expect(query!.suggestion).toMatchObject({ engine: 'local' });
});
