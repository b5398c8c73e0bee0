import type { CodeSystemId } from './types';

/** Normalises user or file input to the stored form: upper-case, no dot, no surrounding space. */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/\./g, '');
}

/** ICD-10-CM codes are read with a dot after the category (E1122 → E11.22); other systems as stored. */
export function displayCode(system: CodeSystemId, code: string): string {
  if (system === 'icd10cm' && code.length > 3 && !code.includes('-')) return `${code.slice(0, 3)}.${code.slice(3)}`;
  return code;
}

/** The names the samples and FHIR use for each system, mapped to ours. */
export const SYSTEM_NAMES: Readonly<Record<string, CodeSystemId>> = {
  'ICD-10-CM': 'icd10cm',
  'ICD-10-PCS': 'icd10pcs',
  HCPCS: 'hcpcs',
  CPT: 'cpt',
  icd10cm: 'icd10cm',
  icd10pcs: 'icd10pcs',
  hcpcs: 'hcpcs',
  cpt: 'cpt',
};

export const SYSTEM_LABELS: Readonly<Record<CodeSystemId, string>> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS',
  cpt: 'CPT',
};

/** US federal fiscal year of a date of service: FY2026 runs 2025-10-01 … 2026-09-30. */
export function fiscalYearOf(dateOfService: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfService);
  if (!m) throw new Error(`Not an ISO date: ${dateOfService}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 10 ? year + 1 : year;
}
