// Shared by the coder-core tests: a real SQLite file in a temp folder with the shipped migrations, and
// the real code set (read from ../shared/data/codesets by the edits tests' in-memory lookup).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../../src/main/db/migrate';
import { loadMigrations } from '../../../src/main/db/migrations';
import { openDatabase, type Db } from '../../../src/main/db/open';
import type { CodeSetLookup } from '../../../src/shared/codeset/types';
import { memoryLookup } from '../edits/fixtures/memory-lookup';

export const SAMPLES = fileURLToPath(new URL('../../../../shared/data/samples/', import.meta.url));
export const CODER = { id: '5b0c4a52-7d0e-4f4e-9a43-0c2f5f2d1a01', name: 'Cora Coder', role: 'coder' as const };

let lookup: CodeSetLookup | undefined;
export function codeSet(): CodeSetLookup {
  return (lookup ??= memoryLookup());
}

export interface TempDb {
  dir: string;
  file: string;
  db: Db;
  cleanup(): void;
}

export function tempDb(prefix = 'plumbline-coder-'): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'plumbline.sqlite');
  const db = openDatabase(file);
  migrate(db, loadMigrations());
  return {
    dir,
    file,
    db,
    cleanup: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

