import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Flags that keep a headless Chromium from reaching out to the network on machines without one. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Uses the system Chromium where one is installed (CI, Debian), otherwise Playwright's own browser
 * (a developer machine that ran `npx playwright install`). Override with PLUMBLINE_CHROMIUM.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const candidates = [process.env.PLUMBLINE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const executablePath = candidates.find((p) => fs.existsSync(p));
  return { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS };
}
