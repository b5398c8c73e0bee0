// The audit module's SQL, in one place.
export const AUDIT_SQL = {
  last: 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  insert: `INSERT INTO audit_events (seq, id, at, user_id, user_name, role, encounter_id, action, system, code, evidence, reason, detail, code_set_version, suggestion, prev_hash, hash)
           VALUES (@seq, @id, @at, @userId, @userName, @role, @encounterId, @action, @system, @code, @evidence, @reason, @detail, @codeSetVersion, @suggestion, @prevHash, @hash)`,
  all: 'SELECT * FROM audit_events ORDER BY seq',
  byEncounter: 'SELECT * FROM audit_events WHERE encounter_id = ? ORDER BY seq',
  headGet: "SELECT value FROM settings WHERE key = 'audit_head'",
  headSet: `INSERT INTO settings (key, value, updated_at) VALUES ('audit_head', ?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
} as const;

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  user_id: string;
  user_name: string;
  role: string;
  encounter_id: string | null;
  action: string;
  system: string | null;
  code: string | null;
  evidence: string;
  reason: string | null;
  detail: string;
  code_set_version: string | null;
  suggestion: string | null;
  prev_hash: string;
  hash: string;
}
