// A change the real sync server (PGlite, 127.0.0.1) refused shows in the status bar and in Settings,
// and the coder discards it by keyboard. The refusal is made through the real core: coder A pulls a
// chart on this install and signs out, coder B signs in here and keeps a code on it, and the
// server refuses B's change because the chart is leased to A.
import { test, expect } from './fixtures';
import { checkView } from './a11y';
import { PASSWORD } from '../server/harness';
import { withSyncServer } from './sync-server';
import { claimCharts } from '../unit/sync/fixtures';

test('a refused change is listed in Settings and discarded after confirmation; the decision stays', async ({ app, core }) => {
  test.setTimeout(180_000);
  await withSyncServer(
    async ({ url, t }) => {
      const charts = claimCharts(1);
      const chartId = charts[0]!.encounter.id;
      await t.leadClient.importCharts(charts);
      await t.leadClient.reassign([chartId], t.coderA.id);

      const ws = () => core.current().handlers;
      await ws().syncSignIn({ serverUrl: url, user: t.coderA.name, password: PASSWORD });
      await ws().syncNow();
      await ws().syncSignOut();
      await ws().syncSignIn({ serverUrl: url, user: t.coderB.name, password: PASSWORD });
      await ws().syncNow();
      const view = await ws().chartOpen({ encounterId: chartId });
      const keep = view.items.find((i) => i.display === 'I10')!;
      await ws().reviewAct({ encounterId: chartId, action: { type: 'accept', itemId: keep.id } });
      expect(await ws().syncNow()).toMatchObject({ refused: 1 });

      // The status bar points to Settings.
      const pointer = app.getByTestId('sync-refused');
      await expect(pointer).toContainText('1 refused by the server · see Settings', { timeout: 15_000 });
      await pointer.click();
      const section = app.getByRole('region', { name: /Changes the server refused/ });
      await expect(section).toBeVisible();
      const row = section.getByRole('row', { name: /keep I10/ });
      await expect(row).toContainText(view.encounter.title);
      await expect(row).toContainText('chart is not leased to you');
      await expect(row).toContainText('Refused');
      await checkView(app, 'settings-refused');

      // Escape cancels; nothing changes.
      await row.getByRole('button', { name: /^Discard: keep I10/ }).focus();
      await app.keyboard.press('Enter');
      const dialog = app.getByRole('dialog', { name: 'Discard this change?' });
      await expect(dialog).toBeVisible();
      await app.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(row).toBeVisible();

      // Confirmed by keyboard alone.
      await row.getByRole('button', { name: /^Discard: keep I10/ }).focus();
      await app.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      await checkView(app, 'settings-refused-confirm');
      await dialog.getByRole('button', { name: 'Discard change' }).focus();
      await app.keyboard.press('Enter');
      await expect(section).toBeHidden();
      await expect(pointer).toBeHidden();

      const db = core.current().db;
      expect(db.prepare("SELECT count(*) AS n FROM sync_outbox WHERE status = 'discarded'").get()).toEqual({ n: 1 });
      expect(db.prepare("SELECT action, user_name AS userName FROM audit_events ORDER BY seq DESC LIMIT 1").get()).toEqual({ action: 'sync_discard', userName: t.coderB.name });
      const after = await ws().chartOpen({ encounterId: chartId });
      expect(after.items.find((i) => i.id === keep.id)?.disposition).toBe('accepted');
      expect(await ws().syncStatus()).toMatchObject({ refused: 0, lastError: null });
    },
    () => core.current().handlers.syncSignOut(),
  );
});
