import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { nativeBindingOption } from './native-binding';

export type Db = Database.Database;

/**
 * Opens (creating if needed) a SQLite file with the pragmas every Plumbline database uses:
 * WAL so readers never block the writer, foreign keys enforced, and a busy timeout so a second
 * process (the CLI beside the app) waits instead of failing.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, ...nativeBindingOption() });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
