// npm start hands the Electron-ABI build of better-sqlite3 to the core through PLUMBLINE_SQLITE_BINDING;
// every connection the core opens must load that binding, or the desktop app crashes on start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { openCodeSet } from '../../../src/main/codeset/open';
import { ensureTestCodeSet } from '../../helpers/codeset';

const nodeBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

afterEach(() => {
  delete process.env.PLUMBLINE_SQLITE_BINDING;
});

describe('native binding for Electron', () => {
  it('loads the binding named in PLUMBLINE_SQLITE_BINDING for the local database and the code set', () => {
    const file = ensureTestCodeSet();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-binding-'));
    try {
      process.env.PLUMBLINE_SQLITE_BINDING = path.join(dir, 'missing.node');
      expect(() => openDatabase(path.join(dir, 'a.sqlite'))).toThrow();
      expect(() => openCodeSet(file)).toThrow();

      process.env.PLUMBLINE_SQLITE_BINDING = nodeBuild;
      const db = openDatabase(path.join(dir, 'a.sqlite'));
      expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
      db.close();
      const cs = openCodeSet(file);
      expect(cs.code('icd10cm', 'I509')?.display).toBe('I50.9');
      cs.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
