// Numbered migrations (NNN_name.sql) applied in order, each in its own transaction, with the
// file's SHA-256 recorded so an already-applied migration cannot be edited silently.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerDb } from './types';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

// Arbitrary constant shared by every server process: only one of them migrates at a time.
const MIGRATION_LOCK = 7_406_311;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

export function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`Migration file name must look like 001_name.sql: ${file}`);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new Error(`Two migrations numbered ${m[1]}`);
    out.push({ version, name: m[2], sql, sha256: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

export async function migrate(db: ServerDb, migrations = loadMigrations()): Promise<{ applied: number[] }> {
  await db.execScript(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    sha256 text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = await tx.query<{ version: number; name: string; sha256: string }>(
      'SELECT version, name, sha256 FROM schema_migrations ORDER BY version',
    );
    const known = new Map(done.map((r) => [Number(r.version), r]));
    for (const [version, row] of known) {
      const m = migrations.find((x) => x.version === version);
      if (!m) throw new Error(`Database has migration ${version} (${row.name}) that this server does not know; refusing to start`);
      if (m.sha256 !== row.sha256) {
        throw new Error(`Migration ${version}_${m.name}.sql changed after it was applied (hash mismatch); refusing to start`);
      }
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (known.has(m.version)) continue;
      // Statements run one by one so the same code works on pg (simple protocol) and PGlite.
      for (const stmt of splitSql(m.sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version, name, sha256) VALUES ($1, $2, $3)', [m.version, m.name, m.sha256]);
      applied.push(m.version);
    }
    return { applied };
  });
}

/** Splits a migration on semicolons at line ends; migrations avoid procedural bodies so this stays exact. */
export function splitSql(sql: string): string[] {
  const noComments = sql
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n');
  return noComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
