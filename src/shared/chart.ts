// The de-identified chart as Plumbline stores, syncs and codes it. Produced by the importers
// (FHIR R4 bundles, bulk NDJSON, JSONL samples) after the PHI guard has run.
import type { CodeSystemId } from './codeset/types';

export type Setting = 'inpatient' | 'outpatient' | 'professional';
export type Sex = 'F' | 'M' | 'U';

export interface ChartPatient {
  /** Stable pseudonymous UUID: the same source patient always maps to the same id, but it cannot be reversed. */
  id: string;
  birthYear: number | null;
  sex: Sex;
}

export interface ChartDocument {
  /** UUID. */
  id: string;
  /** e.g. "progress note", "discharge summary". */
  type: string;
  authorRole: string | null;
  /** ISO date (YYYY-MM-DD), already shifted by the patient's date offset. */
  date: string | null;
  text: string;
}

export interface ExistingCode {
  system: CodeSystemId;
  /** Undotted, upper-case. */
  code: string;
  /** Where the code came from: a draft claim, the problem list, or a prior-year encounter. */
  source: 'claim' | 'problem-list';
}

export interface ChartEncounter {
  /** UUID. */
  id: string;
  setting: Setting;
  /** ISO date (YYYY-MM-DD), already shifted by the patient's date offset. */
  dateOfService: string;
  payer: string | null;
}

export interface ImportedChart {
  patient: ChartPatient;
  encounter: ChartEncounter;
  documents: ChartDocument[];
  existingCodes: ExistingCode[];
  /** Codes a coder already finalised (for example the samples' gold codes); used for learning and eval only. */
  finalCodes: Array<{ system: CodeSystemId; code: string }>;
}

/** Counts of what the PHI guard found and removed, by kind. Never the values. */
export type PhiCounts = Partial<Record<PhiKind, number>>;

export type PhiKind =
  | 'name'
  | 'address'
  | 'date'
  | 'phone'
  | 'fax'
  | 'email'
  | 'ssn'
  | 'mrn'
  | 'account'
  | 'license'
  | 'url'
  | 'ip'
  | 'device'
  | 'age_over_89';
