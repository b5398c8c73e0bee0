// Replaces the content of a chart with a newer version of it, leaving the chart where it is in the
// queue (import order, priority, due, assignee, status). Two paths:
// - `replaceChartContent`, for a chart nobody has worked on yet: what was derived from the old text
//   goes with it — review items made from the old existing codes are rebuilt from the new ones, and
//   stored suggestions (whose evidence points at offsets in the old text) are dropped with their
//   runs, so the engine runs afresh on the next open, exactly as after an import. It refuses a chart
//   with decisions.
// - `replaceContentKeepingWork`, for a chart with work whose review items the caller reconciles and
//   re-anchors (src/main/sync/load-update.ts): only the content and the suggestion runs are
//   rewritten here; review items, decisions, status and the coder's submitted codes are not touched.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ImportedChart } from '../../shared/chart';
import type { Db } from '../db/open';
import { CHART_SQL, checkChart, searchText, titleOf } from './store';

const SQL = {
  decisions: 'SELECT 1 FROM review_decisions WHERE encounter_id = ? LIMIT 1',
  ...CHART_SQL,
  updateEncounter: `UPDATE encounters SET patient_id = @patientId, setting = @setting, date_of_service = @dos, payer = @payer, title = @title,
                      document_count = @docs, code_count = @codes, search_text = @search, version = version + 1, updated_at = @now
                    WHERE id = @id`,
  deleteDocuments: 'DELETE FROM documents WHERE encounter_id = ?',
  insertDocument: 'INSERT INTO documents (id, encounter_id, ordinal, type, author_role, date, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  // 'coded' rows are a coder's submission: never the source's, so a newer version never replaces them.
  deleteSourceCodes: "DELETE FROM encounter_codes WHERE encounter_id = ? AND source <> 'coded'",
  insertCode: 'INSERT INTO encounter_codes (id, encounter_id, source, system, code, ordinal) VALUES (?, ?, ?, ?, ?, ?)',
  deleteItems: 'DELETE FROM review_items WHERE encounter_id = ?',
  insertItem: `INSERT INTO review_items (id, encounter_id, ordinal, origin, existing_source, system, code, disposition, created_at, updated_at)
               VALUES (?, ?, ?, 'existing', ?, ?, ?, 'pending', ?, ?)`,
  deleteRuns: 'DELETE FROM suggestion_runs WHERE encounter_id = ?',
} as const;

export class ChartHasWorkError extends Error {
  override name = 'ChartHasWorkError';
}

type Stmts = Record<keyof typeof SQL, Database.Statement>;

function statements(db: Db): Stmts {
  return Object.fromEntries(Object.entries(SQL).map(([k, q]) => [k, db.prepare(q)])) as Stmts;
}

/** Must run inside a transaction. The caller decides the chart has no local work; decisions are re-checked here because they are never to be lost. */
export function replaceChartContent(db: Db, chart: ImportedChart, now = new Date().toISOString()): void {
  if (!db.inTransaction) throw new Error('replaceChartContent must run inside a transaction.');
  checkChart(chart);
  const s = statements(db);
  const id = chart.encounter.id;
  if (s.decisions.get(id)) throw new ChartHasWorkError('The chart has review decisions; its content is not replaced.');
  writeContent(s, chart, now);
  s.deleteItems.run(id);
  chart.existingCodes.forEach((c, i) => s.insertItem.run(randomUUID(), id, i, c.source, c.system, c.code, now, now));
}

/**
 * Must run inside the caller's transaction, which also reconciles the chart's review items with the
 * new existing codes and moves their evidence onto the new text: this writes the content only
 * (patient, encounter, documents, claim / problem-list / final codes) and drops the stored
 * suggestion runs, which were derived from the old text.
 */
export function replaceContentKeepingWork(db: Db, chart: ImportedChart, now = new Date().toISOString()): void {
  if (!db.inTransaction) throw new Error('replaceContentKeepingWork must run inside a transaction.');
  checkChart(chart);
  writeContent(statements(db), chart, now);
}

function writeContent(s: Stmts, chart: ImportedChart, now: string): void {
  const id = chart.encounter.id;
  for (const d of chart.documents) {
    const owner = s.documentOwner.get(d.id) as { encounterId: string } | undefined;
    if (owner && owner.encounterId !== id) throw new Error('a document id is already stored under another encounter');
  }
  const title = titleOf(chart);
  s.upsertPatient.run(chart.patient.id, chart.patient.birthYear, chart.patient.sex, now);
  const changed = s.updateEncounter.run({
    id,
    patientId: chart.patient.id,
    setting: chart.encounter.setting,
    dos: chart.encounter.dateOfService,
    payer: chart.encounter.payer,
    title,
    docs: chart.documents.length,
    codes: chart.existingCodes.length,
    search: searchText(chart, title),
    now,
  }).changes;
  if (changed !== 1) throw new Error('No such chart to replace.');
  s.deleteRuns.run(id);
  s.deleteSourceCodes.run(id);
  s.deleteDocuments.run(id);
  chart.documents.forEach((d, i) => s.insertDocument.run(d.id, id, i, d.type, d.authorRole, d.date, d.text));
  chart.existingCodes.forEach((c, i) => s.insertCode.run(randomUUID(), id, c.source, c.system, c.code, i));
  chart.finalCodes.forEach((c, i) => s.insertCode.run(randomUUID(), id, 'final', c.system, c.code, i));
}
