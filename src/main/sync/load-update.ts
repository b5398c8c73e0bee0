// "Load the new version, keeping my work": puts the newer server version waiting in
// sync_chart_updates onto a chart the coder has worked on. The content is replaced
// (replaceContentKeepingWork); the review items are reconciled and their evidence moved onto the new
// text as load-plan.ts works out; decisions, their audit events, outbox rows, status and the
// submitted codes stay. One immediate transaction for all of it, with the audit event, the flags,
// the held row's removal and the recorded content version: a failure anywhere leaves the chart as
// it was. Leases are not checked: they govern what the server accepts from a push, and loading the
// server's own text pushes nothing (review actions do not check them locally either).
import { randomUUID } from 'node:crypto';
import type { ImportedChart } from '../../shared/chart';
import type { EvidenceSpan } from '../../shared/review/types';
import { describeChartChanges } from '../../shared/sync/chart-changes';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/open';
import { loadLocalChart } from '../importing/local-chart';
import { replaceContentKeepingWork } from '../importing/replace';
import { enqueueOutbox } from '../review/outbox';
import type { LocalUser } from '../worklist/users';
import { contentVersion, recordContentVersion } from './chart-updates';
import { planLoad, type LoadCounts, type LoadPlan, type PlanDecision, type PlanItem } from './load-plan';
import { Reanchorer } from './reanchor';
import { openRechecks, writeRechecks } from './rechecks';

const SQL = {
  held: 'SELECT version, chart FROM sync_chart_updates WHERE chart_id = ?',
  encounter: 'SELECT 1 FROM encounters WHERE id = ?',
  documents: 'SELECT id, text FROM documents WHERE encounter_id = ? ORDER BY ordinal',
  items: `SELECT id, ordinal, origin, existing_source AS existingSource, system, code, replaced_code AS replacedCode, evidence, suggestion, active,
                 EXISTS (SELECT 1 FROM review_decisions d WHERE d.item_id = review_items.id) AS decided
            FROM review_items WHERE encounter_id = ? ORDER BY ordinal`,
  decisions: 'SELECT id, item_id AS itemId, before, after FROM review_decisions WHERE encounter_id = ? ORDER BY audit_seq',
  deleteItem: 'DELETE FROM review_items WHERE id = ?',
  resetItem: "UPDATE review_items SET evidence = '[]', suggestion = NULL, existing_source = ?, version = version + 1, updated_at = ? WHERE id = ?",
  rewriteItem: 'UPDATE review_items SET evidence = ?, suggestion = ?, existing_source = ?, version = version + 1, updated_at = ? WHERE id = ?',
  rewriteDecision: 'UPDATE review_decisions SET before = ?, after = ?, version = version + 1 WHERE id = ?',
  insertItem: `INSERT INTO review_items (id, encounter_id, ordinal, origin, existing_source, system, code, disposition, created_at, updated_at)
               VALUES (?, ?, ?, 'existing', ?, ?, ?, 'pending', ?, ?)`,
  dropHeld: 'DELETE FROM sync_chart_updates WHERE chart_id = ?',
} as const;

/** Audit action recorded when a coder loads a newer server version onto their work. */
export const LOAD_AUDIT_ACTION = 'sync_load_update';
/** The outbox row that tells the server a version was loaded (payload: version, fromVersion, counts, audit). */
export const LOAD_OUTBOX_OP = 'load_update';

export class LoadUpdateError extends Error {
  override name = 'LoadUpdateError';
}

export interface LoadRequest {
  encounterId: string;
  /** The waiting version the coder saw and chose to load; a different one waiting refuses the load. */
  version: number;
}

export interface LoadResult {
  version: number;
  counts: LoadCounts;
}

export function checkLoadRequest(raw: unknown): LoadRequest {
  const r = raw as Partial<LoadRequest> | null;
  if (r === null || typeof r !== 'object' || typeof r.encounterId !== 'string' || r.encounterId === '' || r.encounterId.length > 64) {
    throw new LoadUpdateError('Which chart? An encounterId is required.');
  }
  if (!Number.isSafeInteger(r.version) || (r.version as number) < 1) throw new LoadUpdateError('Which server version? A version number is required.');
  return { encounterId: r.encounterId, version: r.version as number };
}

interface ItemRow extends Omit<PlanItem, 'evidence' | 'active' | 'decided'> {
  evidence: string;
  active: number;
  decided: number;
}

function heldVersion(db: Db, encounterId: string): { version: number; chart: ImportedChart } | undefined {
  const row = db.prepare(SQL.held).get(encounterId) as { version: number; chart: string } | undefined;
  return row ? { version: row.version, chart: JSON.parse(row.chart) as ImportedChart } : undefined;
}

/** What loading `chart` would do to the chart's review items, from the rows as they are now. */
function plan(db: Db, encounterId: string, chart: ImportedChart): LoadPlan {
  const items = (db.prepare(SQL.items).all(encounterId) as ItemRow[]).map(
    (r): PlanItem => ({ ...r, evidence: JSON.parse(r.evidence) as EvidenceSpan[], active: r.active === 1, decided: r.decided === 1 }),
  );
  const decisions = db.prepare(SQL.decisions).all(encounterId) as PlanDecision[];
  const oldDocuments = db.prepare(SQL.documents).all(encounterId) as Array<{ id: string; text: string }>;
  return planLoad(items, decisions, openRechecks(db, encounterId), chart.existingCodes, new Reanchorer(oldDocuments, chart.documents));
}

/**
 * For the banner's confirmation: how many items on the chart loading `chart` would flag for
 * re-review. Reads only; the same plan the load itself follows.
 */
export function countItemsToRecheck(db: Db, encounterId: string, chart: ImportedChart): number {
  return plan(db, encounterId, chart).counts.flagged;
}

function applyPlan(db: Db, encounterId: string, p: LoadPlan, now: string): void {
  const run = (q: keyof typeof SQL) => db.prepare(SQL[q]);
  const del = run('deleteItem');
  for (const id of p.deleteItems) del.run(id);
  const reset = run('resetItem');
  for (const r of p.resetItems) reset.run(r.existingSource, now, r.id);
  const rewrite = run('rewriteItem');
  for (const r of p.rewriteItems) rewrite.run(JSON.stringify(r.evidence), r.suggestion, r.existingSource, now, r.id);
  const decision = run('rewriteDecision');
  for (const d of p.rewriteDecisions) decision.run(d.before, d.after, d.id);
  const insert = run('insertItem');
  for (const n of p.newItems) insert.run(randomUUID(), encounterId, n.ordinal, n.source, n.system, n.code, now, now);
}

/** Loads the waiting server version onto the chart, keeping the coder's work; refuses (nothing changed) when it cannot. */
export function loadServerUpdate(db: Db, user: LocalUser, raw: unknown, clock = new Date()): LoadResult {
  const req = checkLoadRequest(raw);
  const now = clock.toISOString();
  return db
    .transaction((): LoadResult => {
      const id = req.encounterId;
      if (!db.prepare(SQL.encounter).get(id)) throw new LoadUpdateError('No chart with that id.');
      const held = heldVersion(db, id);
      if (!held) throw new LoadUpdateError('There is no newer server version of this chart to load.');
      if (held.version !== req.version) {
        throw new LoadUpdateError(`The server has sent version ${held.version} of this chart since you looked; check what it changes and load it again.`);
      }
      if (held.chart?.encounter?.id !== id) throw new LoadUpdateError('The waiting server version belongs to another chart; it was not loaded.');
      const stored = contentVersion(db, id);
      if (stored !== undefined && held.version <= stored) {
        throw new LoadUpdateError(`The waiting server version ${held.version} is not newer than the chart you have (version ${stored}); it was not loaded.`);
      }
      const local = loadLocalChart(db, id)!;
      const changes = describeChartChanges(local, held.chart);
      const p = plan(db, id, held.chart);
      replaceContentKeepingWork(db, held.chart, now);
      applyPlan(db, id, p, now);
      const event = appendAudit(
        db,
        {
          user,
          encounterId: id,
          action: LOAD_AUDIT_ACTION,
          detail: { version: held.version, fromVersion: stored ?? null, reanchored: p.counts.reanchored, flagged: p.counts.flagged, counts: { ...p.counts }, changes },
          codeSetVersion: null,
        },
        clock,
      );
      writeRechecks(db, { encounterId: id, flags: p.flags, clear: p.clearFlags, serverVersion: held.version, auditSeq: event.seq, now });
      // The server hears which version the coder's later decisions are made against; changes queued
      // before this row carry offsets into the text of `fromVersion`.
      enqueueOutbox(db, { entity: 'encounter', entityId: id, op: LOAD_OUTBOX_OP, payload: { version: held.version, fromVersion: stored ?? null, counts: { ...p.counts }, audit: event } }, clock);
      db.prepare(SQL.dropHeld).run(id);
      recordContentVersion(db, id, held.version);
      return { version: held.version, counts: p.counts };
    })
    .immediate();
}
