// Reads a stored chart back in the shape it was imported in, so a newer server version can be
// compared with what the coder has on screen.
import type { ChartDocument, ExistingCode, ImportedChart, Setting, Sex } from '../../shared/chart';
import type { CodeSystemId } from '../../shared/codeset/types';
import type { Db } from '../db/open';

const SQL = {
  encounter: `SELECT e.id, e.setting, e.date_of_service AS dateOfService, e.payer, p.id AS patientId, p.birth_year AS birthYear, p.sex
              FROM encounters e JOIN patients p ON p.id = e.patient_id WHERE e.id = ?`,
  documents: 'SELECT id, type, author_role AS authorRole, date, text FROM documents WHERE encounter_id = ? ORDER BY ordinal',
  // storeCharts numbers claim and problem-list codes together, in the order the chart listed them.
  codes: "SELECT source, system, code FROM encounter_codes WHERE encounter_id = ? AND source <> 'coded' ORDER BY source = 'final', ordinal",
} as const;

interface EncounterRow {
  id: string;
  setting: Setting;
  dateOfService: string;
  payer: string | null;
  patientId: string;
  birthYear: number | null;
  sex: Sex;
}

export function loadLocalChart(db: Db, encounterId: string): ImportedChart | null {
  const e = db.prepare(SQL.encounter).get(encounterId) as EncounterRow | undefined;
  if (!e) return null;
  const codes = db.prepare(SQL.codes).all(encounterId) as Array<{ source: 'claim' | 'problem-list' | 'final'; system: CodeSystemId; code: string }>;
  const existingCodes: ExistingCode[] = [];
  const finalCodes: ImportedChart['finalCodes'] = [];
  for (const c of codes) {
    if (c.source === 'final') finalCodes.push({ system: c.system, code: c.code });
    else existingCodes.push({ system: c.system, code: c.code, source: c.source });
  }
  return {
    patient: { id: e.patientId, birthYear: e.birthYear, sex: e.sex },
    encounter: { id: e.id, setting: e.setting, dateOfService: e.dateOfService, payer: e.payer },
    documents: db.prepare(SQL.documents).all(encounterId) as ChartDocument[],
    existingCodes,
    finalCodes,
  };
}
