// Who may read which chart. Every chart read and every pull goes through these rules.
import type { SqlExecutor } from './db/types';
import type { Actor } from './store/users';
import { forbidden } from './errors';

export async function canReadChart(db: SqlExecutor, actor: Actor, chart: { id: string; teamId: string }): Promise<boolean> {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'lead':
      return actor.teamId === chart.teamId;
    case 'coder': {
      const rows = await db.query(`SELECT 1 FROM leases WHERE chart_id = $1 AND user_id = $2 AND state = 'active'`, [chart.id, actor.id]);
      return rows.length > 0;
    }
    case 'auditor': {
      const rows = await db.query('SELECT 1 FROM samples WHERE chart_id = $1 AND auditor_id = $2', [chart.id, actor.id]);
      return rows.length > 0;
    }
  }
}

export function requireRole(actor: Actor, ...roles: Actor['role'][]): void {
  if (!roles.includes(actor.role)) throw forbidden(`This needs the ${roles.join(' or ')} role`);
}

/** Leads act on their own team only; admins on any team. */
export function canManageTeam(actor: Actor, teamId: string): boolean {
  return actor.role === 'admin' || (actor.role === 'lead' && actor.teamId === teamId);
}
