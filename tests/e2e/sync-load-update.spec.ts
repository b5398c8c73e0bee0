// The coder loads a newer server version onto their work from the chart's banner, by keyboard, on
// the real sync server (PGlite, 127.0.0.1) and the real core: the chart shows the new note with the
// evidence highlighted where it now is, the decision kept, and the code whose quote is gone flagged;
// submit is refused, naming that code, until the coder decides on it again.
import { test, expect } from './fixtures';
import { checkView } from './a11y';
import { PASSWORD } from '../server/harness';
import { withSyncServer } from './sync-server';
import { ADDENDUM, NEW_NOTE, OLD_NOTE, VANISHING, noteChart, revised, spanOf } from '../unit/sync/load-fixtures';

test('a held server version is loaded from the banner: new text, evidence at its new place, the decision kept, a vanished quote flagged and holding up submit until decided again', async ({ app, core }) => {
  test.setTimeout(180_000);
  await withSyncServer(
    async ({ url, t }) => {
      const chart = noteChart(0);
      const chartId = chart.encounter.id;
      const docId = chart.documents[0]!.id;
      await t.leadClient.importCharts([chart]);
      await t.leadClient.reassign([chartId], t.coderA.id);

      const ws = () => core.current().handlers;
      await ws().syncSignIn({ serverUrl: url, user: t.coderA.name, password: PASSWORD });
      await ws().syncNow();
      // Work on the old note: keep I10, add Z79.899 on the PLAN line's "lisinopril" and E78.2 on a line the revision removes.
      const itemId = (code: string, v: { items: Array<{ id: string; code: string }> }) => v.items.find((i) => i.code === code)!.id;
      let v = await ws().reviewAct({ encounterId: chartId, action: { type: 'add', system: 'icd10cm', code: 'Z79899', evidence: [{ documentId: docId, ...spanOf(OLD_NOTE, 'lisinopril', 1) }] } });
      v = await ws().reviewAct({ encounterId: chartId, action: { type: 'accept', itemId: itemId('I10', v) } });
      v = await ws().reviewAct({ encounterId: chartId, action: { type: 'add', system: 'icd10cm', code: 'E782', evidence: [{ documentId: docId, ...spanOf(OLD_NOTE, VANISHING) }] } });
      const ids = { i10: itemId('I10', v), z79899: itemId('Z79899', v), e782: itemId('E782', v) };

      expect((await t.leadClient.importCharts([revised(chart)])).results).toEqual([{ chartId, status: 'updated' }]);
      expect(await ws().syncNow()).toMatchObject({ state: 'online', pending: 0, lastError: null });

      await app.reload();
      await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
      await app.keyboard.press('Control+1');
      await app.getByRole('tab', { name: /In progress/ }).click();
      const row = app.getByRole('listbox', { name: 'Charts' }).getByRole('option').filter({ hasText: 'updated on server' });
      await expect(row).toHaveCount(1, { timeout: 15_000 });
      await row.dblclick();

      const banner = app.getByTestId('server-update');
      await expect(banner).toBeVisible({ timeout: 15_000 });
      await expect(banner).toContainText('1 code will need re-review.');
      await expect(app.locator('.document-text')).toHaveText(OLD_NOTE);

      // By keyboard: the button takes focus, Enter opens the confirmation, Tab to "Load", Enter.
      const button = banner.getByRole('button', { name: 'Load new version' });
      await button.focus();
      await app.keyboard.press('Enter');
      const dialog = app.getByRole('dialog', { name: /Load version \d+ from the server\?/ });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('Your work is kept');
      await expect(dialog.getByTestId('load-update-recheck')).toContainText('1 code will be flagged for re-review');
      await checkView(app, 'chart-load-update-confirm');
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await app.keyboard.press('Tab');
      await expect(dialog.getByRole('button', { name: /^Load version \d+$/ })).toBeFocused();
      await app.keyboard.press('Enter');

      await expect(dialog).toBeHidden();
      await expect(banner).toBeHidden({ timeout: 15_000 });
      await expect(app.getByRole('alert')).toContainText('your work is kept. 1 code needs re-review');
      await expect(app.locator('.document-text')).toHaveText(NEW_NOTE);
      await expect(app.locator('.document-text')).toContainText(ADDENDUM.trim());

      const codes = app.getByRole('listbox', { name: 'Codes to review' });
      await expect(codes.locator('[data-code="I10"]')).toContainText('Kept');
      const flagged = codes.locator('[data-code="E782"]');
      await expect(flagged).toContainText('Re-review');
      await expect(flagged.getByTestId('item-recheck')).toContainText(`Evidence no longer in the note (server version`);
      await expect(flagged.getByTestId('item-recheck')).toContainText(VANISHING);
      // The highlight for Z79.899 is on the PLAN line's "lisinopril", at its new offset.
      const mark = app.locator(`mark[data-items~="${ids.z79899}"]`);
      await expect(mark).toHaveCount(1);
      await expect(mark).toHaveText('lisinopril');
      await checkView(app, 'chart-load-update-loaded');

      const after = await ws().chartOpen({ encounterId: chartId });
      expect(after.serverUpdate).toBeNull();
      expect(after.items.find((i) => i.id === ids.i10)?.disposition).toBe('accepted');
      expect(after.items.find((i) => i.id === ids.z79899)?.evidence).toEqual([{ documentId: docId, ...spanOf(NEW_NOTE, 'lisinopril', 2) }]);
      expect(after.items.find((i) => i.id === ids.e782)).toMatchObject({ disposition: 'accepted', evidence: [], recheck: { lostQuotes: [VANISHING] } });

      // Keep the claim code the new version added, so the flag is all that stands in the way of submit.
      const i5022 = codes.locator('[data-code="I5022"]');
      await i5022.click();
      await expect(i5022).toHaveAttribute('aria-selected', 'true');
      await app.keyboard.press('a');
      await expect(i5022).toContainText('Kept');

      // Submit is refused while E78.2 carries its flag: the summary says which code and why, and offers
      // nothing to confirm; the chart stays in progress.
      const summary = app.getByRole('dialog', { name: 'Submit this chart?' });
      await app.keyboard.press('s');
      const refusal = summary.getByRole('alert').filter({ hasText: 'Cannot submit yet' });
      await expect(refusal).toBeVisible();
      await expect(refusal.getByRole('listitem')).toHaveText([
        '1 code needs re-review after the chart was updated: E78.2 (evidence no longer in the note). Decide on it again before submitting.',
      ]);
      await expect(summary.getByRole('button', { name: /^Submit/ })).toHaveCount(0);
      await checkView(app, 'chart-load-update-submit-refused');
      await app.keyboard.press('Escape');
      await expect(summary).toBeHidden();
      await expect(app.getByTestId('chart-status')).toHaveText('In progress');
      expect((await ws().chartOpen({ encounterId: chartId })).encounter.status).toBe('in_progress');

      // The coder looks at E78.2 again and keeps it: the flag goes, and submit goes through.
      await flagged.click();
      await expect(flagged).toHaveAttribute('aria-selected', 'true');
      await app.keyboard.press('a');
      await expect(flagged).not.toContainText('Re-review');
      await app.keyboard.press('s');
      await expect(summary).toBeVisible();
      await expect(refusal).toHaveCount(0);
      await expect(summary.getByRole('table', { name: 'Codes to submit (4)' }).locator('tbody tr')).toHaveCount(4);
      await summary.getByRole('button', { name: 'Submit 4 codes' }).click();
      await expect(app.getByRole('heading', { level: 1, name: 'My queue' })).toBeVisible({ timeout: 15_000 });
      const submitted = await ws().chartOpen({ encounterId: chartId });
      expect(submitted.encounter.status).toBe('done');
      expect(submitted.items.filter((i) => i.disposition === 'accepted').map((i) => i.code).sort()).toEqual(['E782', 'I10', 'I5022', 'Z79899']);
    },
    () => core.current().handlers.syncSignOut(),
  );
});
