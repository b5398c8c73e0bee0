// Model endpoint settings in a real SQLite settings table: validation, persistence, and an API key that
// is only ever stored encrypted (or, without a vault, never stored at all).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/db/migrate';
import { loadMigrations } from '../../../../src/main/db/migrations';
import { openDatabase, type Db } from '../../../../src/main/db/open';
import { SettingsStore } from '../../../../src/main/settings/settings-store';
import { createModelEngine } from '../../../../src/main/suggest/model/index';
import { API_KEY_ENV, ModelSettingsStore } from '../../../../src/main/suggest/settings/index';
import { startFakeOpenAI } from '../../../helpers/fake-openai-server';
import { chart, GOOD_ITEMS, testCodeSet } from './fixtures';
import { aesVault } from '../../../helpers/aes-vault';


const KEY = 'sk-proj-Zq8vRt3LmN5pW2xY7aB9cD1eF4gH6jK0';
const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((d) => d.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function openDb(dir?: string): { db: Db; dir: string; file: string } {
  const d = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-model-settings-'));
  if (!dir) dirs.push(d);
  const file = path.join(d, 'desktop.sqlite');
  const db = openDatabase(file);
  migrate(db, loadMigrations());
  dbs.push(db);
  return { db, dir: d, file };
}

function filesContain(dir: string, needle: string): boolean {
  return fs.readdirSync(dir).some((f) => fs.readFileSync(path.join(dir, f)).includes(Buffer.from(needle)));
}

describe('model settings', () => {
  it('starts from defaults and says what is missing', () => {
    const store = new ModelSettingsStore(new SettingsStore(openDb().db), aesVault(), {});
    const view = store.get();
    expect(view).toMatchObject({ provider: 'openai', temperature: 0, maxRetries: 2, hasKey: false, keySource: null, secureStorage: true, problem: 'Set the model name.' });
    expect(store.resolve()).toBeNull();
  });

  it('validates every field, writes nothing when one is wrong, and survives a restart', () => {
    const { db, dir } = openDb();
    const store = new ModelSettingsStore(new SettingsStore(db), aesVault(), {});
    store.set({ provider: 'azure', baseUrl: 'https://contoso.openai.azure.com', model: 'coder-gpt', apiVersion: '2024-10-21', timeoutMs: 30_000 });
    expect(() => store.set({ model: 'other', timeoutMs: 5 })).toThrow(/Timeout must be/);
    expect(() => store.set({ baseUrl: 'http://models.example.org/v1' })).toThrow(/only allowed to this machine/);
    expect(() => store.set({ provider: 'bard' as never })).toThrow(/Unknown provider/);
    expect(() => store.set({ apiKey: KEY } as never)).toThrow(/set on its own/);
    expect(() => store.set({ colour: 'red' } as never)).toThrow(/Unknown model setting/);
    expect(store.get()).toMatchObject({ model: 'coder-gpt', timeoutMs: 30_000, baseUrl: 'https://contoso.openai.azure.com' });
    db.close();
    dbs.length = 0;
    const again = new ModelSettingsStore(new SettingsStore(openDb(dir).db), aesVault(), {});
    expect(again.get()).toMatchObject({ provider: 'azure', model: 'coder-gpt', apiVersion: '2024-10-21', timeoutMs: 30_000 });
  });

  it('stores the key only encrypted: never in the database file, never in get()', () => {
    const { db, dir } = openDb();
    const vault = aesVault();
    const store = new ModelSettingsStore(new SettingsStore(db), vault, {});
    store.set({ model: 'gpt-4.1' });
    const view = store.setKey(`  ${KEY}\n`);
    expect(view).toMatchObject({ hasKey: true, keySource: 'vault', problem: null });
    expect(JSON.stringify(view)).not.toContain(KEY);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(filesContain(dir, KEY)).toBe(false);
    expect(filesContain(dir, Buffer.from(KEY).toString('base64').slice(0, 20))).toBe(false);
    expect(store.resolve()).toMatchObject({ provider: 'openai', model: 'gpt-4.1', apiKey: KEY, temperature: 0 });

    // The same database on another machine (another vault key) cannot read it.
    const elsewhere = new ModelSettingsStore(new SettingsStore(db), aesVault(), {});
    expect(elsewhere.get()).toMatchObject({ hasKey: false, problem: 'Enter the API key.' });
    expect(elsewhere.resolve()).toBeNull();

    expect(store.clearKey().hasKey).toBe(false);
    expect(store.resolve()).toBeNull();
  });

  it('without a vault, refuses to save a key and takes it from the environment only', () => {
    const { db, dir } = openDb();
    const noVault = new ModelSettingsStore(new SettingsStore(db), null, {});
    noVault.set({ model: 'gpt-4.1' });
    expect(() => noVault.setKey(KEY)).toThrow(new RegExp(`no secure key storage.*${API_KEY_ENV}`));
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(filesContain(dir, KEY)).toBe(false);
    expect(noVault.get()).toMatchObject({ hasKey: false, secureStorage: false });
    expect(noVault.get().problem).toContain(API_KEY_ENV);

    const withEnv = new ModelSettingsStore(new SettingsStore(db), null, { [API_KEY_ENV]: KEY });
    expect(withEnv.get()).toMatchObject({ hasKey: true, keySource: 'env', problem: null });
    expect(JSON.stringify(withEnv.get())).not.toContain(KEY);
    expect(withEnv.resolve()?.apiKey).toBe(KEY);
    const unavailable = new ModelSettingsStore(new SettingsStore(db), { ...aesVault(), available: () => false }, {});
    expect(() => unavailable.setKey(KEY)).toThrow(/no secure key storage/);
  });

  it('lets a local OpenAI-compatible server run without a key, and can be switched off', () => {
    const store = new ModelSettingsStore(new SettingsStore(openDb().db), null, {});
    store.set({ provider: 'compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b', temperature: null });
    expect(store.resolve()).toMatchObject({ provider: 'compatible', apiKey: '', temperature: null });
    store.set({ enabled: false });
    expect(store.get().problem).toMatch(/turned off/);
    expect(store.resolve()).toBeNull();
  });

  it('accepts an "org/model" name for vLLM or OpenRouter, but not as an Azure deployment name', () => {
    const store = new ModelSettingsStore(new SettingsStore(openDb().db), null, {});
    store.set({ provider: 'compatible', baseUrl: 'http://127.0.0.1:8000/v1', model: 'meta-llama/Llama-3.1-8B-Instruct' });
    expect(store.resolve()).toMatchObject({ model: 'meta-llama/Llama-3.1-8B-Instruct' });
    expect(() => store.set({ model: 'meta llama' })).toThrow(/without spaces/);
    store.set({ provider: 'azure', baseUrl: 'https://x.openai.azure.com', apiVersion: '2024-10-21' });
    expect(store.get().problem).toMatch(/Azure deployment name has no slashes/);
    expect(store.resolve()).toBeNull();
  });

  it('reads a damaged settings row as defaults instead of failing', () => {
    const settings = new SettingsStore(openDb().db);
    settings.set('model.config', '{"model": "gpt-4.1", "timeoutMs": "soon", "maxConcurrency": 99');
    const store = new ModelSettingsStore(settings, aesVault(), {});
    expect(store.get()).toMatchObject({ model: '', timeoutMs: 60_000 });
    settings.set('model.config', JSON.stringify({ model: 'gpt-4.1', timeoutMs: 'soon', maxConcurrency: 99 }));
    expect(store.get()).toMatchObject({ model: 'gpt-4.1', timeoutMs: 60_000, maxConcurrency: 2 });
  });

  it('resolves to a config the engine runs with, key sent only as the bearer token', async () => {
    const server = await startFakeOpenAI();
    try {
      server.setDefault({ kind: 'suggestions', items: GOOD_ITEMS });
      const store = new ModelSettingsStore(new SettingsStore(openDb().db), aesVault(), {});
      store.set({ provider: 'compatible', baseUrl: server.baseUrl, model: 'served-model', maxConcurrency: 1, timeoutMs: 5_000 });
      store.setKey(KEY);
      const engine = createModelEngine(store.resolve()!, { codeSet: testCodeSet() });
      const run = await engine.suggest(chart());
      expect(run.suggestions).toHaveLength(3);
      expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
      expect(server.requests[0]!.rawBody).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });
});
