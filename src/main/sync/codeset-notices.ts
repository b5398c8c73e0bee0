// The code-set notices pulled from the server (`sync_codeset_notices`, migration 010): written with
// the page that carried them, read for the status. All SQL for that table lives here.
import type { CodeSetChange } from '../../shared/sync/protocol';
import type { CodeSetNotice } from '../../shared/sync/status';
import type { Db } from '../db/open';
import { isOutstanding, normaliseSystem, toNotice, type AnnouncedRelease, type InstalledCodeSet } from './codeset-compare';

const SQL = {
  // Only a later server version replaces the row, so replaying a page (or an older notice arriving
  // after a newer one) changes nothing.
  upsert: `INSERT INTO sync_codeset_notices (system, system_name, fiscal_year, code_set_version, note, version, announced_at, received_at)
           VALUES (@systemId, @systemName, @fiscalYear, @codeSetVersion, @note, @version, @announcedAt, @receivedAt)
           ON CONFLICT(system) DO UPDATE SET system_name = excluded.system_name, fiscal_year = excluded.fiscal_year,
             code_set_version = excluded.code_set_version, note = excluded.note, version = excluded.version,
             announced_at = excluded.announced_at, received_at = excluded.received_at
           WHERE excluded.version > sync_codeset_notices.version`,
  list: `SELECT system AS systemId, system_name AS systemName, fiscal_year AS fiscalYear, code_set_version AS codeSetVersion, note,
                coalesce(announced_at, received_at) AS announcedAt
           FROM sync_codeset_notices ORDER BY system`,
  clear: 'DELETE FROM sync_codeset_notices',
} as const;

/** Call inside the transaction that applies the page. Returns how many notices were new or superseded one. */
export function recordNotices(db: Db, changes: readonly CodeSetChange[], receivedAt: string): number {
  if (changes.length === 0) return 0;
  const upsert = db.prepare(SQL.upsert);
  let changed = 0;
  for (const c of changes) {
    changed += upsert.run({
      systemId: normaliseSystem(c.system),
      systemName: c.system,
      fiscalYear: c.fiscalYear,
      codeSetVersion: c.codeSetVersion,
      note: c.note,
      version: c.version,
      announcedAt: c.announcedAt ?? null,
      receivedAt,
    }).changes;
  }
  return changed;
}

/** A pull from cursor 0 (another server or user) hears every notice again; the old ones may be another organisation's. */
export function clearNotices(db: Db): void {
  db.prepare(SQL.clear).run();
}

export function outstandingNotices(db: Db, installed: InstalledCodeSet | null): CodeSetNotice[] {
  return (db.prepare(SQL.list).all() as AnnouncedRelease[]).filter((n) => isOutstanding(n, installed)).map((n) => toNotice(n, installed));
}
