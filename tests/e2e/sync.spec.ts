// Sign in to a real sync server (PGlite, 127.0.0.1) from the Settings view; the leased charts arrive
// in the queue and the status bar reports the sync.
import { test, expect } from './fixtures';
import { PASSWORD } from '../server/harness';
import { withSyncServer } from './sync-server';
import { claimCharts } from '../unit/sync/fixtures';

test('a coder signs in from Settings, the charts leased to them arrive, and the status bar shows the sync', async ({ app }) => {
  test.setTimeout(180_000);
  await withSyncServer(
    async ({ url, t }) => {
      const charts = claimCharts(2);
      await t.leadClient.importCharts(charts);
      await t.leadClient.reassign(
        charts.map((c) => c.encounter.id),
        t.coderA.id,
      );

      await app.keyboard.press('Control+,');
      await app.getByLabel('Server address').fill(url);
      await app.getByLabel('User name').fill(t.coderA.name);
      await app.getByLabel('Password').fill(PASSWORD);
      await app.getByRole('button', { name: 'Sign in' }).click();
      await expect(app.getByText(`Signed in as ${t.coderA.name}`)).toBeVisible({ timeout: 30_000 });

      await app.keyboard.press('Control+Shift+S');
      await expect(app.getByTestId('sync-status')).toContainText('Synced', { timeout: 30_000 });
      await expect(app.getByTestId('sync-status')).toContainText('0 pending');

      await app.keyboard.press('Control+1');
      await expect(app.getByRole('listbox', { name: 'Charts' }).getByRole('option')).toHaveCount(2, { timeout: 30_000 });
    },
  );
});
