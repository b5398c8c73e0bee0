// Reads and writes of the review module, SQL in one place.
import type Database from 'better-sqlite3';
import type { Setting, Sex } from '../../shared/chart';
import type { CodeSystemId } from '../../shared/codeset/types';
import type { Disposition, EvidenceSpan, ItemOrigin, RejectReason } from '../../shared/review/types';
import type { ChartStatus } from '../../shared/worklist/types';
import type { Db } from '../db/open';

export interface EncounterRow {
  id: string;
  patientId: string;
  setting: Setting;
  dateOfService: string;
  payer: string | null;
  status: ChartStatus;
  title: string;
  assigneeId: string | null;
  version: number;
  birthYear: number | null;
  sex: Sex;
}

export interface DocumentRow {
  id: string;
  type: string;
  authorRole: string | null;
  date: string | null;
  text: string;
}

/** The part of an item a decision changes; snapshots of it make undo exact. */
export interface ItemState {
  system: CodeSystemId;
  code: string;
  replacedCode: string | null;
  disposition: Disposition;
  reason: RejectReason | null;
  reasonText: string | null;
  queryNote: string | null;
  evidence: EvidenceSpan[];
  active: boolean;
}

export interface ItemRow extends ItemState {
  id: string;
  encounterId: string;
  ordinal: number;
  origin: ItemOrigin;
  existingSource: 'claim' | 'problem-list' | null;
  suggestion: string | null;
  version: number;
}

export interface DecisionRow {
  id: string;
  itemId: string;
  action: string;
  before: string | null;
  after: string;
  auditSeq: number;
}

const SQL = {
  encounter: `SELECT e.id, e.patient_id AS patientId, e.setting, e.date_of_service AS dateOfService, e.payer, e.status, e.title,
                     e.assignee_id AS assigneeId, e.version, p.birth_year AS birthYear, p.sex
              FROM encounters e JOIN patients p ON p.id = e.patient_id WHERE e.id = ?`,
  documents: 'SELECT id, type, author_role AS authorRole, date, text FROM documents WHERE encounter_id = ? ORDER BY ordinal',
  items: `SELECT id, encounter_id AS encounterId, ordinal, origin, existing_source AS existingSource, system, code, replaced_code AS replacedCode,
                 disposition, reason, reason_text AS reasonText, query_note AS queryNote, evidence, suggestion, active, version
          FROM review_items WHERE encounter_id = ? ORDER BY ordinal`,
  item: `SELECT id, encounter_id AS encounterId, ordinal, origin, existing_source AS existingSource, system, code, replaced_code AS replacedCode,
                disposition, reason, reason_text AS reasonText, query_note AS queryNote, evidence, suggestion, active, version
         FROM review_items WHERE id = ?`,
  nextOrdinal: 'SELECT coalesce(max(ordinal), -1) + 1 AS n FROM review_items WHERE encounter_id = ?',
  insertItem: `INSERT INTO review_items (id, encounter_id, ordinal, origin, system, code, disposition, evidence, created_at, updated_at)
               VALUES (@id, @encounterId, @ordinal, 'added', @system, @code, @disposition, @evidence, @now, @now)`,
  updateItem: `UPDATE review_items SET system = @system, code = @code, replaced_code = @replacedCode, disposition = @disposition, reason = @reason,
                 reason_text = @reasonText, query_note = @queryNote, evidence = @evidence, active = @active, version = version + 1, updated_at = @now
               WHERE id = @id`,
  insertDecision: `INSERT INTO review_decisions (id, encounter_id, item_id, action, before, after, user_id, audit_seq, created_at)
                   VALUES (@id, @encounterId, @itemId, @action, @before, @after, @userId, @auditSeq, @now)`,
  lastDecision: `SELECT id, item_id AS itemId, action, before, after, audit_seq AS auditSeq FROM review_decisions
                 WHERE encounter_id = ? AND undone_audit_seq IS NULL ORDER BY audit_seq DESC LIMIT 1`,
  markUndone: 'UPDATE review_decisions SET undone_audit_seq = ?, version = version + 1 WHERE id = ?',
  setStatus: 'UPDATE encounters SET status = ?, version = version + 1, updated_at = ? WHERE id = ?',
  deleteCoded: "DELETE FROM encounter_codes WHERE encounter_id = ? AND source = 'coded'",
  insertCoded: "INSERT INTO encounter_codes (id, encounter_id, source, system, code, ordinal) VALUES (?, ?, 'coded', ?, ?, ?)",
  history: `SELECT id, date_of_service AS dateOfService, setting FROM encounters WHERE patient_id = ? AND id != ?
            ORDER BY date_of_service DESC, import_seq DESC LIMIT 50`,
  historyCodes: 'SELECT source, system, code FROM encounter_codes WHERE encounter_id = ? ORDER BY source, ordinal',
} as const;

type Stmts = { [K in keyof typeof SQL]: Database.Statement };

interface RawItem extends Omit<ItemRow, 'evidence' | 'active'> {
  evidence: string;
  active: number;
}

function toItem(r: RawItem): ItemRow {
  return { ...r, evidence: JSON.parse(r.evidence) as EvidenceSpan[], active: r.active === 1 };
}

export class ReviewStore {
  private readonly s: Stmts;

  constructor(readonly db: Db) {
    this.s = Object.fromEntries(Object.entries(SQL).map(([k, q]) => [k, db.prepare(q)])) as Stmts;
  }

  encounter(id: string): EncounterRow | undefined {
    return this.s.encounter.get(id) as EncounterRow | undefined;
  }

  documents(encounterId: string): DocumentRow[] {
    return this.s.documents.all(encounterId) as DocumentRow[];
  }

  items(encounterId: string): ItemRow[] {
    return (this.s.items.all(encounterId) as RawItem[]).map(toItem);
  }

  item(id: string): ItemRow | undefined {
    const r = this.s.item.get(id) as RawItem | undefined;
    return r ? toItem(r) : undefined;
  }

  insertAddedItem(p: { id: string; encounterId: string; system: CodeSystemId; code: string; evidence: EvidenceSpan[]; now: string }): void {
    const ordinal = (this.s.nextOrdinal.get(p.encounterId) as { n: number }).n;
    this.s.insertItem.run({ ...p, ordinal, disposition: 'accepted', evidence: JSON.stringify(p.evidence) });
  }

  writeItemState(id: string, state: ItemState, now: string): void {
    this.s.updateItem.run({ id, ...state, evidence: JSON.stringify(state.evidence), active: state.active ? 1 : 0, now });
  }

  insertDecision(p: { id: string; encounterId: string; itemId: string; action: string; before: ItemState | null; after: ItemState; userId: string; auditSeq: number; now: string }): void {
    this.s.insertDecision.run({ ...p, before: p.before ? JSON.stringify(p.before) : null, after: JSON.stringify(p.after) });
  }

  lastDecision(encounterId: string): DecisionRow | undefined {
    return this.s.lastDecision.get(encounterId) as DecisionRow | undefined;
  }

  markUndone(decisionId: string, auditSeq: number): void {
    this.s.markUndone.run(auditSeq, decisionId);
  }

  setStatus(encounterId: string, status: ChartStatus, now: string): void {
    this.s.setStatus.run(status, now, encounterId);
  }

  replaceCodedCodes(encounterId: string, codes: ReadonlyArray<{ id: string; system: CodeSystemId; code: string }>): void {
    this.s.deleteCoded.run(encounterId);
    codes.forEach((c, i) => this.s.insertCoded.run(c.id, encounterId, c.system, c.code, i));
  }

  history(patientId: string, encounterId: string): Array<{ id: string; dateOfService: string; setting: Setting }> {
    return this.s.history.all(patientId, encounterId) as Array<{ id: string; dateOfService: string; setting: Setting }>;
  }

  historyCodes(encounterId: string): Array<{ source: 'claim' | 'problem-list' | 'final' | 'coded'; system: CodeSystemId; code: string }> {
    return this.s.historyCodes.all(encounterId) as Array<{ source: 'claim' | 'problem-list' | 'final' | 'coded'; system: CodeSystemId; code: string }>;
  }
}

export function stateOf(item: ItemRow): ItemState {
  return {
    system: item.system,
    code: item.code,
    replacedCode: item.replacedCode,
    disposition: item.disposition,
    reason: item.reason,
    reasonText: item.reasonText,
    queryNote: item.queryNote,
    evidence: item.evidence,
    active: item.active,
  };
}
