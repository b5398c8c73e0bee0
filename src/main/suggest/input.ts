// Reads what an engine needs about one chart from the desktop database.
import type { Db } from '../db/open';
import type { SuggestInput } from '../../shared/suggest/types';
import type { CodeSystemId } from '../../shared/codeset/types';
import type { Setting, Sex } from '../../shared/chart';

const SQL = {
  encounter: `SELECT e.id, e.patient_id AS patientId, e.setting, e.date_of_service AS dateOfService, p.birth_year AS birthYear, p.sex
              FROM encounters e JOIN patients p ON p.id = e.patient_id WHERE e.id = ?`,
  documents: 'SELECT id, text FROM documents WHERE encounter_id = ? ORDER BY ordinal',
  existing: "SELECT system, code FROM encounter_codes WHERE encounter_id = ? AND source IN ('claim', 'problem-list') ORDER BY ordinal",
  prior: `SELECT DISTINCT c.system, c.code FROM encounter_codes c JOIN encounters e ON e.id = c.encounter_id
          WHERE e.patient_id = ? AND e.id != ? AND e.date_of_service <= ? AND c.source IN ('coded', 'final')`,
} as const;

export function buildSuggestInput(db: Db, encounterId: string): SuggestInput | null {
  const enc = db.prepare(SQL.encounter).get(encounterId) as
    | { id: string; patientId: string; setting: Setting; dateOfService: string; birthYear: number | null; sex: Sex }
    | undefined;
  if (!enc) return null;
  const documents = db.prepare(SQL.documents).all(encounterId) as Array<{ id: string; text: string }>;
  if (documents.length === 0) return null;
  const age = enc.birthYear === null ? null : Number(enc.dateOfService.slice(0, 4)) - enc.birthYear;
  return {
    encounterId,
    documents,
    dateOfService: enc.dateOfService,
    setting: enc.setting,
    age: age !== null && age >= 0 && age < 130 ? age : null,
    sex: enc.sex,
    existingCodes: db.prepare(SQL.existing).all(encounterId) as Array<{ system: CodeSystemId; code: string }>,
    priorCodes: db.prepare(SQL.prior).all(enc.patientId, encounterId, enc.dateOfService) as Array<{ system: CodeSystemId; code: string }>,
  };
}
