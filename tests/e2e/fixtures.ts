// Every e2e test runs the real built renderer in headless Chromium against the real core on a real
// SQLite file in its own temp folder (see src/main/devtools/browser-bridge.ts for the bridge).
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkstation, type Workstation } from '../../src/main/workstation';
import { serveDirectory } from '../../src/main/devtools/static-server';
import { installBridge } from '../../src/main/devtools/browser-bridge';
import { TEST_CODESET_DIR } from '../helpers/codeset';

const RENDERER_DIR = path.resolve('dist/renderer');

export interface CoreHandle {
  readonly dataDir: string;
  current(): Workstation;
  /** Closes the core and opens it again on the same data folder, like quitting and restarting the app. */
  restart(): void;
}

type Fixtures = { core: CoreHandle; app: Page };

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  core: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-e2e-'));
    let ws = openWorkstation({ dataDir, codeSetDir: TEST_CODESET_DIR });
    await use({
      dataDir,
      current: () => ws,
      restart() {
        ws.close();
        ws = openWorkstation({ dataDir, codeSetDir: TEST_CODESET_DIR });
      },
    });
    ws.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, core }, use) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Renderer not built: run `vite build` first (npm run test:e2e does).');
    const server = await serveDirectory(RENDERER_DIR);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridge(page, () => core.current().handlers);
    await page.goto(server.url);
    await expect(page.getByTestId('app-frame')).toHaveAttribute('data-ready', 'true');
    await use(page);
    await server.close();
    expect(errors, 'uncaught errors in the renderer').toEqual([]);
  },
});

export { expect };
