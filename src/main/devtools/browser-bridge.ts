// Connects the real renderer in a Playwright-driven Chromium to the real core: window.plumbline is
// built from API_METHODS exactly like the Electron preload, and each call goes through dispatch().
// Used by the e2e tests and the renderer benchmarks (never by the shipped app).
import type { Page } from '@playwright/test';
import { API_METHODS, type ApiHandlers } from '../../shared/api';
import { dispatch } from '../api/dispatch';

export async function installBridge(page: Page, handlers: () => ApiHandlers): Promise<void> {
  await page.exposeBinding('__plumblineInvoke', (_source, method: unknown, req: unknown) => dispatch(handlers(), method, req));
  await page.addInitScript((methods: readonly string[]) => {
    type Envelope = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
    const w = window as unknown as Record<string, unknown>;
    const invoke = w.__plumblineInvoke as (m: string, r: unknown) => Promise<Envelope>;
    const listeners = new Set<(c: string) => void>();
    const api: Record<string, unknown> = {
      onCommand(listener: (c: string) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    for (const m of methods) {
      api[m] = async (req: unknown) => {
        const env = await invoke(m, req);
        if (env.ok) return env.value;
        const err = new Error(env.error.message);
        err.name = env.error.name;
        throw err;
      };
    }
    w.plumbline = Object.freeze(api);
    // Stands in for the desktop menu sending a command.
    w.__plumblineMenuCommand = (c: string) => listeners.forEach((l) => l(c));
  }, [...API_METHODS]);
}
