// Writes de-identified charts into the local database. The caller owns the transaction (one per file),
// so a file lands whole or not at all.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ImportedChart } from '../../shared/chart';
import { displayCode } from '../../shared/codeset/format';
import type { Db } from '../db/open';

export interface StoreOptions {
  assigneeId: string;
  /** What kind of import brought the charts ("import", "demo"). Never a file name: those can hold patient names. */
  source: string;
  /** Priority (1–5) and due date per chart; default 3 and none. */
  plan?: (chart: ImportedChart, index: number) => { priority: number; due: string | null };
}

export interface StoreResult {
  imported: number;
  /** Encounters already in the database (same pseudonymous id): left as they are, with any review work. */
  alreadyPresent: number;
}

/** Shared with replace.ts: a chart's patient and documents are written the same way on import and on replacement. */
export const CHART_SQL = {
  documentOwner: 'SELECT encounter_id AS encounterId FROM documents WHERE id = ?',
  // A known birth year or sex is never overwritten by an unknown one.
  upsertPatient: `INSERT INTO patients (id, birth_year, sex, created_at) VALUES (?, ?, ?, ?)
                  ON CONFLICT(id) DO UPDATE SET birth_year = coalesce(patients.birth_year, excluded.birth_year),
                    sex = CASE WHEN patients.sex = 'U' THEN excluded.sex ELSE patients.sex END`,
} as const;

const SQL = {
  ...CHART_SQL,
  encounterExists: 'SELECT 1 FROM encounters WHERE id = ?',
  nextSeq: 'SELECT coalesce(max(import_seq), 0) + 1 AS seq FROM encounters',
  insertEncounter: `INSERT INTO encounters (id, import_seq, patient_id, setting, date_of_service, payer, status, priority, due, title, assignee_id,
                      document_count, code_count, search_text, source, created_at, updated_at)
                    VALUES (@id, @seq, @patientId, @setting, @dos, @payer, 'new', @priority, @due, @title, @assignee, @docs, @codes, @search, @source, @now, @now)`,
  insertDocument: 'INSERT INTO documents (id, encounter_id, ordinal, type, author_role, date, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  insertCode: 'INSERT INTO encounter_codes (id, encounter_id, source, system, code, ordinal) VALUES (?, ?, ?, ?, ?, ?)',
  insertItem: `INSERT INTO review_items (id, encounter_id, ordinal, origin, existing_source, system, code, disposition, created_at, updated_at)
               VALUES (?, ?, ?, 'existing', ?, ?, ?, 'pending', ?, ?)`,
  insertAssignment: 'INSERT INTO assignments (id, encounter_id, user_id, priority, due, assigned_at) VALUES (?, ?, ?, ?, ?, ?)',
} as const;

export function patientLabel(patientId: string): string {
  return `P-${patientId.replace(/-/g, '').slice(0, 6)}`;
}

/**
 * The worklist title: a note's own ALL-CAPS heading when it opens with one ("CARDIOLOGY CLINIC NOTE" →
 * "Cardiology clinic note"), else the first document's type.
 */
export function titleOf(chart: ImportedChart): string {
  const first = chart.documents[0];
  const heading = first?.text.trimStart().split('\n', 1)[0]?.trim() ?? '';
  if (heading.length >= 4 && heading.length <= 60 && /[A-Z]{3}/.test(heading) && !/[a-z0-9]/.test(heading)) {
    const words = heading.replace(/[:\s]+$/, '').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  const type = first?.type.trim() || 'chart';
  return type.charAt(0).toUpperCase() + type.slice(1);
}

export function searchText(chart: ImportedChart, title: string): string {
  const codes = chart.existingCodes.flatMap((c) => [c.code, displayCode(c.system, c.code)]);
  return [title, patientLabel(chart.patient.id), chart.encounter.payer ?? '', ...codes].join(' ').toLowerCase();
}

function isUuid(id: unknown): id is string {
  return typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

export function checkChart(chart: ImportedChart): void {
  if (!isUuid(chart.patient.id) || !isUuid(chart.encounter.id) || chart.documents.some((d) => !isUuid(d.id))) {
    throw new Error('chart ids must be UUIDs (pseudonymous ids from the importer)');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(chart.encounter.dateOfService)) throw new Error('chart has no ISO date of service');
}

/** Must run inside a transaction. Returns how many encounters were new. */
export function storeCharts(db: Db, charts: readonly ImportedChart[], opts: StoreOptions): StoreResult {
  if (!db.inTransaction) throw new Error('storeCharts must run inside a transaction.');
  const s = Object.fromEntries(Object.entries(SQL).map(([k, q]) => [k, db.prepare(q)])) as Record<keyof typeof SQL, Database.Statement>;
  const now = new Date().toISOString();
  let seq = (s.nextSeq.get() as { seq: number }).seq;
  const result: StoreResult = { imported: 0, alreadyPresent: 0 };
  charts.forEach((chart, index) => {
    checkChart(chart);
    if (s.encounterExists.get(chart.encounter.id)) {
      result.alreadyPresent++;
      return;
    }
    for (const d of chart.documents) {
      if (s.documentOwner.get(d.id)) throw new Error('a document id is already stored under another encounter');
    }
    const plan = opts.plan?.(chart, index) ?? { priority: 3, due: null };
    const title = titleOf(chart);
    s.upsertPatient.run(chart.patient.id, chart.patient.birthYear, chart.patient.sex, now);
    s.insertEncounter.run({
      id: chart.encounter.id,
      seq: seq++,
      patientId: chart.patient.id,
      setting: chart.encounter.setting,
      dos: chart.encounter.dateOfService,
      payer: chart.encounter.payer,
      priority: plan.priority,
      due: plan.due,
      title,
      assignee: opts.assigneeId,
      docs: chart.documents.length,
      codes: chart.existingCodes.length,
      search: searchText(chart, title),
      source: opts.source,
      now,
    });
    chart.documents.forEach((d, i) => s.insertDocument.run(d.id, chart.encounter.id, i, d.type, d.authorRole, d.date, d.text));
    chart.existingCodes.forEach((c, i) => {
      s.insertCode.run(randomUUID(), chart.encounter.id, c.source, c.system, c.code, i);
      s.insertItem.run(randomUUID(), chart.encounter.id, i, c.source, c.system, c.code, now, now);
    });
    chart.finalCodes.forEach((c, i) => s.insertCode.run(randomUUID(), chart.encounter.id, 'final', c.system, c.code, i));
    s.insertAssignment.run(randomUUID(), chart.encounter.id, opts.assigneeId, plan.priority, plan.due, now);
    result.imported++;
  });
  return result;
}
