// Writes stored charts back out as JSONL, one ImportedChart per line, exactly as stored: the
// de-identified text, pseudonymous ids, shifted dates, the codes that came with the chart.
import type { ImportedChart, Setting, Sex } from '../../shared/chart';
import type { CodeSystemId } from '../../shared/codeset/types';
import type { Db } from '../db/open';

const SQL = {
  encounters: `SELECT e.id, e.setting, e.date_of_service AS dos, e.payer, p.id AS patientId, p.birth_year AS birthYear, p.sex
               FROM encounters e JOIN patients p ON p.id = e.patient_id ORDER BY e.import_seq`,
  documents: 'SELECT id, type, author_role AS authorRole, date, text FROM documents WHERE encounter_id = ? ORDER BY ordinal',
  codes: "SELECT source, system, code FROM encounter_codes WHERE encounter_id = ? AND source != 'coded' ORDER BY source = 'final', ordinal",
} as const;

export function* exportCharts(db: Db): Generator<ImportedChart> {
  const docs = db.prepare(SQL.documents);
  const codes = db.prepare(SQL.codes);
  const rows = db.prepare(SQL.encounters).iterate() as IterableIterator<{ id: string; setting: Setting; dos: string; payer: string | null; patientId: string; birthYear: number | null; sex: Sex }>;
  for (const r of rows) {
    const c = codes.all(r.id) as Array<{ source: 'claim' | 'problem-list' | 'final'; system: CodeSystemId; code: string }>;
    yield {
      patient: { id: r.patientId, birthYear: r.birthYear, sex: r.sex },
      encounter: { id: r.id, setting: r.setting, dateOfService: r.dos, payer: r.payer },
      documents: docs.all(r.id) as ImportedChart['documents'],
      existingCodes: c.filter((x) => x.source !== 'final').map((x) => ({ system: x.system, code: x.code, source: x.source as 'claim' | 'problem-list' })),
      finalCodes: c.filter((x) => x.source === 'final').map((x) => ({ system: x.system, code: x.code })),
    };
  }
}
