// Teams, users, sessions and refresh tokens.
import { randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '../../shared/sync/protocol';
import type { ServerDb, SqlExecutor } from '../db/types';
import { badRequest, conflict } from '../errors';

export type Actor = SessionUser;

interface UserRow {
  id: string;
  name: string;
  role: Role;
  team_id: string | null;
  password_hash: string;
  disabled: boolean;
}

const toActor = (r: UserRow): Actor => ({ id: r.id, name: r.name, role: r.role, teamId: r.team_id });

export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export async function createTeam(db: SqlExecutor, name: string): Promise<{ id: string; name: string }> {
  if (!NAME_PATTERN.test(name)) throw badRequest('Team name: 1-64 letters, digits, dot, dash, underscore or @');
  const id = randomUUID();
  const rows = await db.query<{ id: string }>('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id', [id, name]);
  if (rows.length === 0) throw conflict(`Team "${name}" already exists`);
  return { id, name };
}

export async function findTeamByName(db: SqlExecutor, name: string): Promise<{ id: string; name: string } | null> {
  const rows = await db.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE name = $1', [name]);
  return rows[0] ?? null;
}

export async function createUser(
  db: SqlExecutor,
  u: { name: string; role: Role; teamId: string | null; passwordHash: string },
): Promise<Actor> {
  if (!NAME_PATTERN.test(u.name)) throw badRequest('User name: 1-64 letters, digits, dot, dash, underscore or @');
  if (u.role !== 'admin' && !u.teamId) throw badRequest(`A ${u.role} must belong to a team`);
  const id = randomUUID();
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (id, name, role, team_id, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name) DO NOTHING RETURNING id`,
    [id, u.name, u.role, u.teamId, u.passwordHash],
  );
  if (rows.length === 0) throw conflict(`User "${u.name}" already exists`);
  return { id, name: u.name, role: u.role, teamId: u.teamId };
}

export async function findUserForLogin(db: SqlExecutor, name: string): Promise<(Actor & { passwordHash: string; disabled: boolean }) | null> {
  const rows = await db.query<UserRow>('SELECT id, name, role, team_id, password_hash, disabled FROM users WHERE name = $1', [name]);
  const r = rows[0];
  return r ? { ...toActor(r), passwordHash: r.password_hash, disabled: r.disabled } : null;
}

export async function getUser(db: SqlExecutor, id: string): Promise<Actor | null> {
  const rows = await db.query<UserRow>('SELECT id, name, role, team_id, password_hash, disabled FROM users WHERE id = $1', [id]);
  return rows[0] ? toActor(rows[0]) : null;
}

export async function listTeamUsers(db: SqlExecutor, teamId: string | null): Promise<Actor[]> {
  const rows = teamId
    ? await db.query<UserRow>('SELECT id, name, role, team_id, password_hash, disabled FROM users WHERE team_id = $1 ORDER BY name', [teamId])
    : await db.query<UserRow>('SELECT id, name, role, team_id, password_hash, disabled FROM users ORDER BY name');
  return rows.map(toActor);
}

/** The user behind a live session, or null if the session was revoked or the user disabled. */
export async function actorForSession(db: SqlExecutor, userId: string, sessionId: string): Promise<Actor | null> {
  const rows = await db.query<UserRow>(
    `SELECT u.id, u.name, u.role, u.team_id, u.password_hash, u.disabled
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND NOT u.disabled`,
    [sessionId, userId],
  );
  return rows[0] ? toActor(rows[0]) : null;
}

export async function createSession(db: ServerDb, userId: string, refreshHash: string, refreshExpires: Date): Promise<string> {
  const sid = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO sessions (id, user_id) VALUES ($1, $2)', [sid, userId]);
    await tx.query('INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)', [refreshHash, sid, refreshExpires]);
  });
  return sid;
}

export type RotateResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

// A refresh whose response was lost on a bad network is retried with the same token; within
// this window that is a retry, not theft.
const RETRY_GRACE_SECONDS = 60;

/**
 * Retires `oldHash` and stores `newHash` in the same session. Presenting an already-used refresh
 * token outside the retry window means it was copied, so the whole session is revoked.
 */
export async function rotateRefreshToken(db: ServerDb, oldHash: string, newHash: string, newExpires: Date): Promise<RotateResult> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{
      session_id: string;
      user_id: string;
      expired: boolean;
      used_at: string | null;
      in_grace: boolean;
      child_unused: boolean;
      revoked_at: string | null;
      disabled: boolean;
      replaced_by: string | null;
    }>(
      `SELECT t.session_id, s.user_id, t.expires_at <= now() AS expired, t.used_at, t.replaced_by,
              coalesce(t.used_at > now() - make_interval(secs => $2), false) AS in_grace,
              EXISTS (SELECT 1 FROM refresh_tokens c WHERE c.token_hash = t.replaced_by AND c.used_at IS NULL) AS child_unused,
              s.revoked_at, u.disabled
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = $1 FOR UPDATE OF t`,
      [oldHash, RETRY_GRACE_SECONDS],
    );
    const r = rows[0];
    if (!r) return { ok: false, reason: 'unknown' };
    if (r.revoked_at !== null || r.disabled) return { ok: false, reason: 'revoked' };
    if (r.used_at !== null) {
      if (!(r.in_grace && r.child_unused)) {
        await tx.query("UPDATE sessions SET revoked_at = now(), revoke_reason = 'refresh token reused' WHERE id = $1", [r.session_id]);
        return { ok: false, reason: 'reused' };
      }
      // The replacement was never used, so it never arrived: retire it and issue another.
      await tx.query('UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1', [r.replaced_by]);
    }
    if (r.expired) return { ok: false, reason: 'expired' };
    await tx.query('UPDATE refresh_tokens SET used_at = coalesce(used_at, now()), replaced_by = $2 WHERE token_hash = $1', [oldHash, newHash]);
    await tx.query('INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)', [newHash, r.session_id, newExpires]);
    return { ok: true, userId: r.user_id, sessionId: r.session_id };
  });
}

export async function revokeSessionByRefresh(db: SqlExecutor, refreshHash: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE sessions SET revoked_at = now(), revoke_reason = 'logout'
      WHERE id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL RETURNING id`,
    [refreshHash],
  );
  return rows.length > 0;
}
