// Launches the real desktop app through Playwright's Electron driver where an Electron binary exists.
// On machines that cannot download Electron (CI here) it skips and prints why.
import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM helper shared with `npm start`, no type declarations
import { findElectron, prepareElectronSqlite, ROOT } from '../../scripts/electron-env.mjs';

type Found = { ok: true; binary: string; version: string } | { ok: false; reason: string };

test('the packaged shell opens its window on the worklist', async () => {
  const found = findElectron() as Found;
  if (!found.ok) {
    console.log(`[electron smoke] skipped: ${found.reason}`);
    test.skip(true, found.reason);
    return;
  }
  let binding: string;
  try {
    binding = prepareElectronSqlite(found.version, () => undefined) as string;
  } catch (err) {
    const reason = `better-sqlite3 for Electron could not be prepared: ${(err as Error).message}`;
    console.log(`[electron smoke] skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-electron-'));
  const app = await electron.launch({
    executablePath: found.binary,
    args: [ROOT],
    env: { ...process.env, PLUMBLINE_DATA: dataDir, PLUMBLINE_SQLITE_BINDING: binding },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
    const exposed = await window.evaluate(() => Object.keys((window as unknown as { plumbline: object }).plumbline).sort());
    expect(exposed).toContain('appInfo');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
