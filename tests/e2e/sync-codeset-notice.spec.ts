// The organisation announces a newer ICD-10-CM edition on the real sync server (PGlite, 127.0.0.1);
// after a sync the status bar warns without blocking anything, and Settings lists the notice with
// its note and what to do. Announcing the edition this install has clears the warning.
import { test, expect } from './fixtures';
import { checkView } from './a11y';
import { PASSWORD } from '../server/harness';
import { withSyncServer } from './sync-server';

test('a code-set release this install lacks shows in the status bar and in Settings; one it has clears it', async ({ app, core }) => {
  test.setTimeout(180_000);
  await withSyncServer(
    async ({ h, url, t }) => {
      const admin = await h.client(await h.user('admin', null));
      const installed = core.current().codeSet.version;
      await admin.announceCodeSet({ system: 'ICD-10-CM', fiscalYear: 2027, codeSetVersion: 'icd10cm-FY2027+hcc-v28-PY2027', note: 'October 1 release' });

      const ws = () => core.current().handlers;
      await ws().syncSignIn({ serverUrl: url, user: t.coderA.name, password: PASSWORD });
      expect((await ws().syncNow()).codeSetNotices).toHaveLength(1);

      const warning = app.getByTestId('codeset-notice');
      await expect(warning).toContainText(
        `ICD-10-CM FY2027 (version icd10cm-FY2027+hcc-v28-PY2027) announced by your organisation; this install has FY2026 (${installed})`,
        { timeout: 15_000 },
      );
      // Non-blocking: no dialog, nothing in the way.
      await expect(app.getByRole('dialog')).toHaveCount(0);
      await checkView(app, 'status-codeset-notice');

      await warning.click();
      const section = app.getByRole('region', { name: /Code-set releases this install does not have/ });
      await expect(section).toBeVisible();
      await expect(section).toContainText('Note from your organisation: October 1 release');
      await expect(section).toContainText('FY2027 covers dates of service from 1 October 2026 to 30 September 2027.');
      await expect(section).toContainText('code sets ship with Plumbline');
      await checkView(app, 'settings-codeset-notice');

      // The organisation settles on the edition this install has: the warning goes.
      await admin.announceCodeSet({ system: 'icd10cm', fiscalYear: 2026, codeSetVersion: installed, note: null });
      expect((await ws().syncNow()).codeSetNotices).toEqual([]);
      await expect(warning).toBeHidden({ timeout: 15_000 });
      await expect(section).toBeHidden();
    },
    () => core.current().handlers.syncSignOut(),
  );
});
