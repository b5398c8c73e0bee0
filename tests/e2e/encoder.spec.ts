import { test, expect } from './fixtures';
import { checkView } from './a11y';

test('/ focuses the encoder search from anywhere; arrows move, Enter opens the detail, Esc returns', async ({ app }) => {
  await app.keyboard.press('/');
  const search = app.getByRole('combobox', { name: 'Search codes' });
  await expect(search).toBeFocused();
  await app.keyboard.type('CHF');
  const results = app.getByRole('listbox', { name: 'Matching codes' });
  await expect(results.getByRole('option').first()).toContainText('I50.9');
  await app.keyboard.press('Enter');
  const detail = app.getByRole('heading', { name: /I50\.9 Heart failure, unspecified/ });
  await expect(detail).toBeVisible();
  // Hierarchy, notes with their source, and the V28 HCC are shown.
  await expect(app.getByRole('navigation', { name: 'Code hierarchy' })).toContainText('I30-I5A');
  await expect(app.locator('.code-detail')).toContainText('HCC 226');
  await checkView(app, 'encoder-detail');
  await app.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(search).toBeFocused();

  await search.fill('E11.2');
  await expect(results.getByRole('option').nth(0)).toContainText('E11.2');
  await app.keyboard.press('ArrowDown');
  await expect(results.getByRole('option', { selected: true })).toContainText('E11.21');
  await app.keyboard.press('ArrowDown');
  await expect(results.getByRole('option', { selected: true })).toContainText('E11.22');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /E11\.22/ })).toBeVisible();
  await checkView(app, 'encoder');
});

test('hostile search input gives a sensible answer, never a crash', async ({ app }) => {
  await app.keyboard.press('/');
  const search = app.getByRole('combobox', { name: 'Search codes' });
  for (const q of ['"', 'NEAR(', "'; DROP TABLE codes; --", '*', '-(', 'x'.repeat(10_000)]) {
    await search.fill(q);
    await expect(app.getByTestId('app-frame')).toBeVisible();
  }
  await search.fill('heart attack');
  await expect(app.getByRole('listbox', { name: 'Matching codes' }).getByRole('option').first()).toBeVisible();
  await expect(app.getByRole('listbox', { name: 'Matching codes' })).toContainText('I21.9');
});
