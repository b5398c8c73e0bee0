// A chart the coder already worked on is corrected on the real sync server (PGlite, 127.0.0.1):
// after the next sync the worklist marks it and the chart view says what the server changed,
// while the text and the coder's decision stay as they were.
import { test, expect } from './fixtures';
import { checkView } from './a11y';
import { PASSWORD } from '../server/harness';
import { withSyncServer } from './sync-server';
import { claimCharts } from '../unit/sync/fixtures';

test('a chart updated on the server after the coder started shows a banner and a worklist marker; the work stays', async ({ app, core }) => {
  test.setTimeout(180_000);
  await withSyncServer(
    async ({ url, t }) => {
      const [chart] = claimCharts(1);
      const chartId = chart!.encounter.id;
      await t.leadClient.importCharts([chart!]);
      await t.leadClient.reassign([chartId], t.coderA.id);

      const ws = () => core.current().handlers;
      await ws().syncSignIn({ serverUrl: url, user: t.coderA.name, password: PASSWORD });
      await ws().syncNow();
      const view = await ws().chartOpen({ encounterId: chartId });
      const keep = view.items.find((i) => i.display === 'I10')!;
      await ws().reviewAct({ encounterId: chartId, action: { type: 'accept', itemId: keep.id } });

      // The source system corrects the chart: an addendum, another date of service, a swapped claim code.
      const fixed = {
        ...chart!,
        encounter: { ...chart!.encounter, dateOfService: '2025-11-05' },
        documents: [{ ...chart!.documents[0]!, text: `ADDENDUM: chronic systolic heart failure.\n\n${chart!.documents[0]!.text}` }],
        existingCodes: [
          { system: 'icd10cm' as const, code: 'I10', source: 'claim' as const },
          { system: 'icd10cm' as const, code: 'I5022', source: 'claim' as const },
        ],
      };
      expect((await t.leadClient.importCharts([fixed])).results).toEqual([{ chartId, status: 'updated' }]);
      expect(await ws().syncNow()).toMatchObject({ state: 'online', pending: 0, lastError: null });

      // The queue was read before the charts arrived through the core; load it afresh.
      await app.reload();
      await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
      await app.keyboard.press('Control+1');
      // The decision put the chart in progress.
      await app.getByRole('tab', { name: /In progress/ }).click();
      const row = app.getByRole('listbox', { name: 'Charts' }).getByRole('option').filter({ hasText: view.encounter.title });
      await expect(row).toHaveCount(1, { timeout: 15_000 });
      await expect(row).toContainText('updated on server');
      await row.dblclick();

      const banner = app.getByTestId('server-update');
      await expect(banner).toBeVisible({ timeout: 15_000 });
      await expect(banner).toContainText('This chart was updated on the server after you started coding it');
      await expect(banner).toContainText('Date of service changed from 2025-11-03 to 2025-11-05.');
      await expect(banner).toContainText('Text changed in “clinical case” of 2025-11-03.');
      await expect(banner).toContainText('Existing code added: I50.22 (claim).');
      await expect(banner).toContainText('Existing code removed: E11.9 (claim).');
      await expect(app.locator('.chart-header')).toContainText('DOS 2025-11-03');
      await checkView(app, 'chart-server-update');

      const after = await ws().chartOpen({ encounterId: chartId });
      expect(after.items.find((i) => i.id === keep.id)?.disposition).toBe('accepted');
      expect(after.documents[0]!.text).toBe(chart!.documents[0]!.text);
    },
    () => core.current().handlers.syncSignOut(),
  );
});
