import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, IPC_PREFIX } from '../../../src/shared/api';
import { electronStandIn, recorded } from './electron-standin';
import { TEST_CODESET_DIR } from '../../helpers/codeset';

vi.mock('electron', () => ({ ...electronStandIn, default: electronStandIn }));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-shell-'));

beforeAll(async () => {
  process.env.PLUMBLINE_DATA = dataDir;
  process.env.PLUMBLINE_CODESET_DIR = TEST_CODESET_DIR;
  await import('../../../src/main/index');
  await import('../../../src/main/preload');
  // start() runs after whenReady resolves.
  await vi.waitFor(() => expect(recorded.windows.length).toBe(1));
});

afterAll(() => {
  delete process.env.PLUMBLINE_DATA;
  delete process.env.PLUMBLINE_CODESET_DIR;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron shell wiring (stand-in electron module)', () => {
  it('takes the single-instance lock', () => {
    expect(recorded.singleInstance).toBe(true);
  });

  it('registers an IPC handler for every contract method and nothing else', async () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => IPC_PREFIX + m).sort());
    const fromApp = { senderFrame: { url: 'app://plumbline/index.html' } };
    const reply = await recorded.handlers.get(`${IPC_PREFIX}appInfo`)!(fromApp, undefined);
    expect(reply).toMatchObject({ ok: true, value: { dataDir, dbSchemaVersion: expect.any(Number) } });
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };
    expect(await recorded.handlers.get(`${IPC_PREFIX}appInfo`)!(fromElsewhere, undefined)).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
  });

  it('routes loading a newer server version through IPC to the core, whose refusal arrives as data', async () => {
    const fromApp = { senderFrame: { url: 'app://plumbline/index.html' } };
    const reply = await recorded.handlers.get(`${IPC_PREFIX}chartLoadServerUpdate`)!(fromApp, { encounterId: '00000000-0000-4000-8000-000000000000', version: 2 });
    expect(reply).toEqual({ ok: false, error: { name: 'LoadUpdateError', message: 'No chart with that id.' } });
  });

  it('creates the window hardened: isolated, sandboxed, no node, web security on', () => {
    const prefs = recorded.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(recorded.windows[0]!.loaded).toBe('app://plumbline/index.html');
  });

  it('denies window.open and blocks navigation away from the app', () => {
    const wc = recorded.windows[0]!.webContents;
    expect(wc.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let prevented = false;
    wc.events.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://example.com/phish');
    expect(prevented).toBe(true);
    prevented = false;
    wc.events.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'app://plumbline/index.html');
    expect(prevented).toBe(false);
  });

  it('loads no remote content and grants no permissions', () => {
    const decide = (url: string) => {
      let result: unknown;
      recorded.beforeRequest!({ url }, (r: unknown) => (result = r));
      return result;
    };
    expect(decide('https://cdn.example.com/x.js')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('app://plumbline/assets/index.js')).toEqual({ cancel: false });
    let granted: unknown;
    recorded.permissionHandler!(null, 'media', (g: unknown) => (granted = g));
    expect(granted).toBe(false);
  });

  it('serves the renderer with a strict Content-Security-Policy and refuses paths outside it', async () => {
    const handler = recorded.protocolHandlers.get('app')!;
    // Encoded dots survive URL normalisation and reach the file lookup: they must not escape dist/renderer.
    const outside = (await handler({ url: 'app://plumbline/..%2F..%2Fpackage.json' })) as Response;
    expect(outside.status).toBe(404);
    const inside = (await handler({ url: 'app://plumbline/index.html' })) as Response;
    expect(inside.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/shell/security');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('keeps the model API key encrypted through the OS vault, never in clear', async () => {
    const fromApp = { senderFrame: { url: 'app://plumbline/index.html' } };
    const set = (await recorded.handlers.get(`${IPC_PREFIX}modelKeySet`)!(fromApp, { key: 'sk-test-123' })) as { ok: boolean; value: { hasKey: boolean; keySource: string } };
    expect(set).toMatchObject({ ok: true, value: { hasKey: true, keySource: 'vault' } });
    const { openDatabase } = await import('../../../src/main/db/open');
    const db = openDatabase(path.join(dataDir, 'plumbline.sqlite'));
    const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'model.%'").all() as Array<{ key: string; value: string }>;
    db.close();
    expect(JSON.stringify(rows)).not.toContain('sk-test-123');
    expect(rows.find((r) => r.key === 'model.apiKeyEncrypted')?.value).toBe(Buffer.from('enc:sk-test-123').toString('base64'));
  });

  it('puts the main commands with their accelerators in the application menu', () => {
    const labels = JSON.stringify(recorded.menuTemplate);
    expect(labels).toContain('Open command palette');
    expect(labels).toContain('CmdOrCtrl+K');
    expect(labels).toContain('Go to settings');
  });

  it('the preload exposes exactly the contract as window.plumbline', () => {
    expect([...recorded.exposed.keys()]).toEqual(['plumbline']);
    const api = recorded.exposed.get('plumbline') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onCommand'].sort());
    for (const m of API_METHODS) expect(typeof api[m]).toBe('function');
  });
});
