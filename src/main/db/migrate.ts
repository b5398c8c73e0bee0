import { createHash } from 'node:crypto';
import type { Db } from './open';

export interface Migration {
  /** 1, 2, 3 … in the order they apply. */
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const LEDGER_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/**
 * Applies pending migrations, each in its own transaction together with its ledger row, so a failure
 * leaves the database at the last good version. An applied migration whose text has since changed is
 * refused: silently editing history would make two installs disagree about their schema.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  assertWellFormed(migrations);
  db.exec(LEDGER_SQL);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as Array<{ version: number; name: string; sha256: string }>;
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const known = byVersion.get(row.version);
    if (!known) {
      throw new MigrationError(`Database is at migration ${row.version} (${row.name}), which this version of Plumbline does not know. Use a newer Plumbline.`);
    }
    if (migrationHash(known.sql) !== row.sha256) {
      throw new MigrationError(`Migration ${row.version} (${row.name}) was changed after it was applied (hash mismatch). Refusing to open the database.`);
    }
  }
  const from = applied.length ? applied[applied.length - 1]!.version : 0;
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  let to = from;
  for (const m of migrations) {
    if (m.version <= from) continue;
    const apply = db.transaction(() => {
      db.exec(m.sql);
      insert.run(m.version, m.name, migrationHash(m.sql), new Date().toISOString());
    });
    try {
      apply();
    } catch (err) {
      throw new MigrationError(`Migration ${m.version} (${m.name}) failed and was rolled back; the database stays at version ${to}: ${(err as Error).message}`);
    }
    to = m.version;
  }
  return { from, to };
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`Migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}.`);
  });
}
