// The people charts are assigned to. The local user is whoever is signed in on this install; imports
// without an explicit assignee land in that person's queue.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';

export type UserRole = 'coder' | 'auditor' | 'lead' | 'admin';
export interface LocalUser {
  id: string;
  name: string;
  role: UserRole;
}

const ROLES: readonly UserRole[] = ['coder', 'auditor', 'lead', 'admin'];

/** Records the user (idempotent) and makes them the local user when the install has none yet. */
export function ensureUser(db: Db, user: LocalUser): void {
  if (typeof user.id !== 'string' || user.id === '' || !ROLES.includes(user.role)) throw new Error('A user needs an id and a role (coder, auditor, lead or admin).');
  db.transaction(() => {
    const hasLocal = db.prepare('SELECT 1 FROM users WHERE is_local = 1').get() !== undefined;
    db.prepare(
      `INSERT INTO users (id, name, role, is_local, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role`,
    ).run(user.id, user.name, user.role, hasLocal ? 0 : 1, new Date().toISOString());
  }).immediate();
}

/** The install's local user, created as "Local coder" the first time it is needed (CLI before first sign-in). */
export function localUser(db: Db): LocalUser {
  const row = db.prepare('SELECT id, name, role FROM users WHERE is_local = 1').get() as LocalUser | undefined;
  if (row) return row;
  const user: LocalUser = { id: randomUUID(), name: 'Local coder', role: 'coder' };
  ensureUser(db, user);
  return user;
}
