import { test, expect } from './fixtures';
import { checkView } from './a11y';

test('the app frame renders on the worklist with database and code-set status', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'My queue' })).toBeVisible();
  await expect(app.getByTestId('db-version')).toContainText(/Database schema v\d+/);
  await expect(app.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await checkView(app, 'worklist');
});

test('Ctrl+K opens the palette and runs a command by keyboard alone', async ({ app }) => {
  await app.keyboard.press('Control+K');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('option', { name: /Go to settings/ })).toBeVisible();
  await checkView(app, 'command-palette');
  await app.keyboard.type('settings');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await checkView(app, 'settings');
});

test('? shows the keyboard cheat sheet with every command and its keys', async ({ app, core }) => {
  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const binding of core.current().keymap.list()) await expect(sheet.getByText(binding.title, { exact: true })).toBeVisible();
  await checkView(app, 'cheatsheet');
  await app.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('a rebinding made in settings persists across a restart of the core', async ({ app, core }) => {
  await app.keyboard.press('Control+,');
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await app.getByRole('button', { name: 'Rebind Go to worklist' }).click();
  await app.keyboard.press('Control+Shift+W');
  await expect(app.locator('tr[data-command="view.worklist"] kbd')).toHaveText('Ctrl+Shift+W');

  core.restart();
  await app.reload();
  await expect(app.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
  await app.keyboard.press('Control+,');
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  // The old key no longer navigates; the new one does.
  await app.keyboard.press('Control+1');
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await app.keyboard.press('Control+Shift+W');
  await expect(app.getByRole('heading', { name: 'My queue' })).toBeVisible();
});

test('a key already in use is refused with a clear message and nothing changes', async ({ app }) => {
  await app.keyboard.press('Control+,');
  await app.getByRole('button', { name: 'Rebind Go to worklist' }).click();
  await app.keyboard.press('Control+K');
  await expect(app.getByRole('alert')).toContainText('already bound to "Open command palette"');
  await expect(app.locator('tr[data-command="view.worklist"] kbd')).toHaveText('Ctrl+1');
});

test('the menu sends commands through the same keymap handlers', async ({ app }) => {
  await app.evaluate(() => (window as unknown as { __plumblineMenuCommand(c: string): void }).__plumblineMenuCommand('view.settings'));
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('the theme choice is stored and applied', async ({ app, core }) => {
  await app.keyboard.press('Control+,');
  await app.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(core.current().settings.theme()).toBe('dark');
  await checkView(app, 'settings-dark');
});
