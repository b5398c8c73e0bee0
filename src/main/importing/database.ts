// The local database the CLI commands work on: the same file and migrations the app uses.
import path from 'node:path';
import { migrate } from '../db/migrate';
import { loadMigrations } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';

/** Same name as workstation.ts's DATABASE_FILE; kept here so CLI commands need not load the whole workstation. */
export const DATA_DATABASE_FILE = 'plumbline.sqlite';

export function openDataDatabase(dataDir: string): Db {
  const db = openDatabase(path.join(dataDir, DATA_DATABASE_FILE));
  try {
    migrate(db, loadMigrations());
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
