// A fresh SQLite file for each test, in its own temp directory, closed and removed after it: what the
// migration tests start from before bringing the file to the migration they upgrade from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/db/open';

/** Registers the per-test database; `use` receives each test's opened file. */
export function useScratchDatabase(prefix: string, use: (db: Db) => void): void {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    db = openDatabase(path.join(dir, 'a.sqlite'));
    use(db);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
