// Labelled charts from JSONL files in the samples' format: {id, text, codes:[{system, code}], …}.
import { readFileSync } from 'node:fs';
import type { Setting, Sex } from '../../../shared/chart';
import type { CodeSystemId } from '../../../shared/codeset/types';
import { normalizeCode, SYSTEM_NAMES } from '../../../shared/codeset/format';
import type { SuggestInput } from '../../../shared/suggest/types';

export interface LabeledChart {
  id: string;
  text: string;
  codes: Array<{ system: CodeSystemId; code: string }>;
  setting?: Setting;
  dateOfService?: string;
  age?: number;
  sex?: Sex;
  existingCodes: Array<{ system: CodeSystemId; code: string }>;
}

const MAX_LINE = 5_000_000;
const SETTINGS: readonly Setting[] = ['inpatient', 'outpatient', 'professional'];

function codeList(v: unknown, where: string): Array<{ system: CodeSystemId; code: string }> {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`${where}: "codes" must be an array`);
  return v.map((c: unknown, i) => {
    const o = c as { system?: unknown; code?: unknown };
    const system = typeof o?.system === 'string' ? SYSTEM_NAMES[o.system] : undefined;
    if (!system || typeof o.code !== 'string' || !o.code.trim()) throw new Error(`${where}: code ${i + 1} needs a known "system" and a "code"`);
    return { system, code: normalizeCode(o.code) };
  });
}

/** Parses JSONL text; throws naming the first bad line, so a malformed file changes nothing. */
export function parseChartsJsonl(text: string, name = 'input'): LabeledChart[] {
  const out: LabeledChart[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const where = `${name} line ${i + 1}`;
    if (!line.trim()) return;
    if (line.length > MAX_LINE) throw new Error(`${where}: line longer than ${MAX_LINE} characters`);
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`${where}: not valid JSON (${(err as Error).message})`);
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error(`${where}: expected an object`);
    if (typeof o.id !== 'string' && typeof o.id !== 'number') throw new Error(`${where}: missing "id"`);
    if (typeof o.text !== 'string') throw new Error(`${where}: missing "text"`);
    const id = String(o.id);
    if (ids.has(id)) throw new Error(`${where}: duplicate id "${id}"`);
    ids.add(id);
    const chart: LabeledChart = { id, text: o.text, codes: codeList(o.codes, where), existingCodes: codeList(o.existing_codes, where) };
    if (typeof o.setting === 'string' && SETTINGS.includes(o.setting as Setting)) chart.setting = o.setting as Setting;
    const dos = o.date_of_service ?? o.dateOfService;
    if (typeof dos === 'string' && /^\d{4}-\d{2}-\d{2}/.test(dos)) chart.dateOfService = dos.slice(0, 10);
    const patient = o.patient as { age?: unknown; sex?: unknown } | undefined;
    if (patient && typeof patient.age === 'number') chart.age = patient.age;
    if (patient && (patient.sex === 'F' || patient.sex === 'M')) chart.sex = patient.sex;
    out.push(chart);
  });
  return out;
}

export function readChartsJsonl(file: string): LabeledChart[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
  }
  return parseChartsJsonl(text, file);
}

/**
 * The engine input for a labelled chart. Charts without a date are read as of the loaded edition
 * (their codes are scored against it); without a setting, as an inpatient stay (case reports).
 */
export function toSuggestInput(chart: LabeledChart, fiscalYear: number): SuggestInput {
  return {
    encounterId: chart.id,
    documents: [{ id: chart.id, text: chart.text }],
    dateOfService: chart.dateOfService ?? `${fiscalYear - 1}-10-01`,
    setting: chart.setting ?? 'inpatient',
    age: chart.age ?? null,
    sex: chart.sex ?? 'U',
    existingCodes: chart.existingCodes,
    priorCodes: [],
  };
}
