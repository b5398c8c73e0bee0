import type { Setting, Sex } from '../chart';
import type { CodeSystemId } from '../codeset/types';

export interface EncounterCode {
  system: CodeSystemId;
  /** Dotted or undotted, any case; the engine normalises it. */
  code: string;
  /** The principal (inpatient) or first-listed (outpatient) diagnosis. Without one, the first ICD-10-CM code is taken. */
  principal?: boolean;
}

export interface EditEncounter {
  codes: readonly EncounterCode[];
  /** Age in whole years on the date of service; null when unknown (age edits are then skipped). */
  age: number | null;
  sex: Sex;
  setting: Setting;
  /** ISO date (YYYY-MM-DD). Without it, codes are checked against the loaded code set only. */
  dateOfService?: string;
}

export type EditSeverity = 'error' | 'warning' | 'info';

/** Stable rule ids: callers key on these (filters, suppressions, tests); messages may change. */
export type EditRuleId =
  | 'too-many-codes'
  | 'malformed-code'
  | 'code-not-found'
  | 'date-of-service-invalid'
  | 'fiscal-year-not-loaded'
  | 'non-billable'
  | 'missing-7th-character'
  | 'duplicate'
  | 'excludes1'
  | 'excludes1-override'
  | 'mce-age'
  | 'manifestation-principal'
  | 'unacceptable-principal'
  | 'code-first'
  | 'code-first-sequence'
  | 'use-additional-code'
  | 'code-also'
  | 'hcc-dx-edit'
  | 'hcc-hierarchy';

export interface EditResult {
  id: EditRuleId;
  severity: EditSeverity;
  message: string;
  /** Dotted display forms of the codes involved, the code the rule is about first. */
  codes: string[];
  /** The note or table the rule comes from, e.g. "Excludes1 at E11 (category)". */
  source: string;
}
