// The install secret keys pseudonymous ids and date shifts. Generated once; the same source record
// then always maps to the same id on this install, which is what makes re-imports idempotent.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open';

const KEY = 'install_secret';

export function installSecret(db: Db): string {
  const read = () => (db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined)?.value;
  const existing = read();
  if (existing) return existing;
  // INSERT OR IGNORE: a second process racing us keeps whichever secret landed first.
  db.prepare('INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(KEY, randomBytes(32).toString('hex'), new Date().toISOString());
  return read()!;
}
