import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { migrate, MigrationError, type Migration } from '../../../src/main/db/migrate';
import { loadMigrations } from '../../../src/main/db/migrations';
import { openWorkstation } from '../../../src/main/workstation';
import { TEST_CODESET_DIR } from '../../helpers/codeset';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const v1: Migration = { version: 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;' };
const v2: Migration = { version: 2, name: 'tags', sql: 'CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL) STRICT;' };

describe('migrations', () => {
  it('applies the shipped migrations to a new database in WAL mode with foreign keys on', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    const result = migrate(db, loadMigrations());
    expect(result.from).toBe(0);
    expect(result.to).toBe(loadMigrations().length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strictTables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT%'").all() as Array<{ name: string }>;
    const allTables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as Array<{ name: string }>;
    const shadow = (n: string) => /_(data|idx|content|docsize|config)$/.test(n);
    expect(allTables.filter((t) => !shadow(t.name)).map((t) => t.name).sort()).toEqual(strictTables.map((t) => t.name).sort());
    db.close();
  });

  it('is idempotent: a second run applies nothing', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    migrate(db, [v1, v2]);
    expect(migrate(db, [v1, v2])).toEqual({ from: 2, to: 2 });
    db.close();
  });

  it('refuses a database whose applied migration was edited afterwards', () => {
    const file = path.join(dir, 'a.sqlite');
    const db = openDatabase(file);
    migrate(db, [v1]);
    const tampered = { ...v1, sql: v1.sql.replace('body TEXT', 'body BLOB') };
    expect(() => migrate(db, [tampered, v2])).toThrow(MigrationError);
    expect(() => migrate(db, [tampered, v2])).toThrow(/Migration 1 \(notes\) was changed after it was applied/);
    // Nothing from v2 was applied.
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'tags'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('a failing migration leaves the database usable at its previous version', () => {
    const file = path.join(dir, 'a.sqlite');
    const db = openDatabase(file);
    migrate(db, [v1]);
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
    // Creates a table, then fails half way: the table must not survive.
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (x TEXT) STRICT; INSERT INTO no_such_table VALUES (1);' };
    expect(() => migrate(db, [v1, broken])).toThrow(/Migration 2 \(broken\) failed and was rolled back; the database stays at version 1/);
    db.close();

    const reopened = openDatabase(file);
    expect(reopened.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 1 });
    expect(reopened.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
    expect(reopened.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }]);
    // The fixed migration applies cleanly afterwards.
    expect(migrate(reopened, [v1, v2]).to).toBe(2);
    reopened.close();
  });

  it('refuses a database from a newer Plumbline', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    migrate(db, [v1, v2]);
    expect(() => migrate(db, [v1])).toThrow(/does not know/);
    db.close();
  });

  it('the workstation refuses to open when a shipped migration was tampered with in the database ledger', () => {
    openWorkstation({ dataDir: dir, codeSetDir: TEST_CODESET_DIR }).close();
    const db = openDatabase(path.join(dir, 'plumbline.sqlite'));
    db.prepare("UPDATE schema_migrations SET sha256 = 'x' WHERE version = 1").run();
    db.close();
    expect(() => openWorkstation({ dataDir: dir, codeSetDir: TEST_CODESET_DIR })).toThrow(/was changed after it was applied/);
  });
});
