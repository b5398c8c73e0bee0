// JSONL charts in the samples' format, one per line:
// {id, text, codes?: [{system, code}], setting?, date_of_service?, patient?: {age, sex}, existing_codes?, meta?}.
// Each line is its own patient (the samples carry no patient ids), so each gets its own date shift.
import type { ExistingCode, ImportedChart, Setting, Sex } from '../chart';
import type { CodeSystemId } from '../codeset/types';
import { normalizeCode, SYSTEM_NAMES } from '../codeset/format';
import { addCounts, dateShiftDaysFor, deidentifyText, pseudonymousId, shiftIsoDate } from '../phi/index';
import { ImportError } from './errors';
import { parseJson } from './json';
import type { Tally } from './tally';
import type { ImportOptions, ImportResult } from './types';

const SOURCE = 'jsonl';
const SETTINGS = new Set<Setting>(['inpatient', 'outpatient', 'professional']);
const OLDEST_AGE = 90;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codeList(value: unknown, file: string, where: string, field: string, tally: Tally): Array<{ system: CodeSystemId; code: string }> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ImportError(file, `${where}: "${field}" must be an array`);
  const out: Array<{ system: CodeSystemId; code: string }> = [];
  value.forEach((c: unknown, i) => {
    if (!isRecord(c) || typeof c['code'] !== 'string' || typeof c['system'] !== 'string') {
      throw new ImportError(file, `${where}: ${field}[${i}] needs a "system" and a "code"`);
    }
    const system = SYSTEM_NAMES[c['system']];
    if (!system) {
      tally.add(`codes in an unknown system skipped`);
      return;
    }
    out.push({ system, code: normalizeCode(c['code']) });
  });
  return out;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Names the line's metadata gives (ACI-bench: patient and doctor; Synthea notes: author). */
function metaNames(meta: Record<string, unknown>): string[] {
  return ['patient_firstname', 'patient_familyname', 'doctor_name', 'patient_name', 'author']
    .map((k) => meta[k])
    .filter((v): v is string => typeof v === 'string');
}

function metaString(meta: Record<string, unknown>, key: string): string | undefined {
  const v = meta[key];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function chartsFromJsonl(fileName: string, content: string, opts: ImportOptions, result: ImportResult, tally: Tally): void {
  const fallbackDos = opts.defaultDateOfService ?? today();
  if (shiftIsoDate(fallbackDos, 0) === null) throw new ImportError(fileName, 'defaultDateOfService is not an ISO date');
  const charts: ImportedChart[] = [];
  const lines = content.split('\n');
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const where = `line ${i + 1}`;
    const value = parseJson(fileName, line, i + 1);
    if (!isRecord(value)) throw new ImportError(fileName, `${where}: expected a JSON object`);
    const id = value['id'];
    const text = value['text'];
    if (typeof id !== 'string' || id.trim() === '') throw new ImportError(fileName, `${where}: missing "id"`);
    if (typeof text !== 'string') throw new ImportError(fileName, `${where}: missing "text"`);
    if (seen.has(id)) throw new ImportError(fileName, `${where}: duplicate id (first seen earlier in the file)`);
    seen.add(id);

    let setting: Setting = 'outpatient';
    if (typeof value['setting'] === 'string' && SETTINGS.has(value['setting'] as Setting)) setting = value['setting'] as Setting;
    else tally.add('charts without a known setting imported as outpatient');

    const meta = isRecord(value['meta']) ? value['meta'] : {};
    const patient = isRecord(value['patient']) ? value['patient'] : {};
    // Lines of one patient (Synthea notes carry meta.patient_id) share a pseudonym and a date shift, so
    // intervals between their notes survive; otherwise each line is its own patient.
    const patientSource = [patient['id'], value['patient_id'], meta['patient_id']].find((v): v is string => typeof v === 'string' && v !== '') ?? `chart/${id}`;
    const shift = dateShiftDaysFor(opts.secret, `${SOURCE}/${patientSource}`);
    const rawDos = value['date_of_service'] ?? metaString(meta, 'date');
    let dos: string;
    if (rawDos !== undefined) {
      const shifted = typeof rawDos === 'string' ? shiftIsoDate(rawDos, shift) : null;
      if (!shifted) throw new ImportError(fileName, `${where}: date_of_service is not an ISO date`);
      dos = shifted;
    } else {
      tally.add(`charts without a date of service given ${fallbackDos}`);
      dos = fallbackDos;
    }
    const dosYear = Number(dos.slice(0, 4));

    const rawAge = patient['age'] ?? metaString(meta, 'patient_age');
    const ageNumber = typeof rawAge === 'string' && /^\d{1,3}$/.test(rawAge) ? Number(rawAge) : rawAge;
    const age = typeof ageNumber === 'number' && Number.isFinite(ageNumber) && ageNumber >= 0 ? Math.floor(ageNumber) : null;
    const rawSex = patient['sex'] ?? metaString(meta, 'patient_gender');
    const sex: Sex = rawSex === 'F' || rawSex === 'female' ? 'F' : rawSex === 'M' || rawSex === 'male' ? 'M' : 'U';
    let birthYear: number | null = age === null ? null : dosYear - age;
    if (age !== null && age > OLDEST_AGE - 1) birthYear = dosYear - OLDEST_AGE;

    const custodian = metaString(meta, 'custodian');
    const guard = { knownNames: metaNames(meta), knownPhrases: custodian ? [custodian] : [], dateShiftDays: shift, refYear: dosYear };
    const clean = deidentifyText(text, guard);
    const identifierKinds = Object.keys(clean.counts).filter((k) => k !== 'date').sort() as Array<keyof typeof clean.counts>;
    if (opts.phiMode === 'refuse' && identifierKinds.length > 0) {
      result.refused.push({ ref: `${deidentifyText(fileName, guard).text} ${where}`, reason: 'document holds identifiers (refuse mode)', kinds: identifierKinds });
      return;
    }
    addCounts(result.counts, clean.counts);
    if (age !== null && age >= OLDEST_AGE) addCounts(result.counts, { age_over_89: 1 });

    const existing: ExistingCode[] = codeList(value['existing_codes'], fileName, where, 'existing_codes', tally).map((c) => ({ ...c, source: 'claim' }));
    charts.push({
      patient: { id: pseudonymousId(opts.secret, `${SOURCE}/patient`, patientSource), birthYear, sex },
      encounter: { id: pseudonymousId(opts.secret, `${SOURCE}/encounter`, id), setting, dateOfService: dos, payer: null },
      documents: [
        {
          id: pseudonymousId(opts.secret, `${SOURCE}/document`, id),
          type: setting === 'inpatient' ? 'discharge summary' : 'clinical note',
          authorRole: null,
          date: rawDos !== undefined ? dos : null,
          text: clean.text,
        },
      ],
      existingCodes: existing,
      finalCodes: codeList(value['codes'], fileName, where, 'codes', tally),
    });
  });
  result.charts.push(...charts);
}
