export const RAF_SEGMENTS = ['CNA', 'CND', 'CFA', 'CFD', 'CPA', 'CPD', 'INS'] as const;
export type RafSegment = (typeof RAF_SEGMENTS)[number];

export const SEGMENT_NAMES: Readonly<Record<RafSegment, string>> = {
  CNA: 'Community, non-dual, aged',
  CND: 'Community, non-dual, disabled',
  CFA: 'Community, full benefit dual, aged',
  CFD: 'Community, full benefit dual, disabled',
  CPA: 'Community, partial benefit dual, aged',
  CPD: 'Community, partial benefit dual, disabled',
  INS: 'Long-term institutional',
};

export interface RafInput {
  /** ICD-10-CM diagnosis codes, dotted or not. */
  codes: readonly string[];
  /** Age in whole years (CMS uses age on February 1 of the payment year). */
  age: number;
  sex: 'F' | 'M';
  /** Default CNA. */
  segment?: RafSegment;
  /** Original reason for entitlement was disability (OREC 1); counts only at age 65+. */
  originallyDisabled?: boolean;
  /** INS only: Medicaid status (LTIMCAID). */
  medicaid?: boolean;
}

export type RafTermKind = 'demographic' | 'status' | 'hcc' | 'interaction' | 'count';

/** One variable switched on for the patient, with its relative factor from the coefficient table. */
export interface RafTerm {
  kind: RafTermKind;
  /** Coefficient-table variable name, e.g. "F70_74", "HCC37", "DIABETES_HF", "D3". */
  variable: string;
  coefficient: number;
  /** Why it is on, in a coder's words. */
  because: string;
}

export type RafCodeStatus = 'counted' | 'dropped' | 'no-hcc' | 'edited-out' | 'unknown-code' | 'duplicate';

export interface RafCodeHcc {
  hcc: number;
  label: string;
  /** Relative factor of the HCC in this segment (0 when the table omits it). */
  coefficient: number;
  /** Set when a higher HCC zeroed this one. */
  droppedBy?: number;
}

/** What one input code did to the score. */
export interface RafCodeContribution {
  /** Dotted display form. */
  code: string;
  status: RafCodeStatus;
  hccs: RafCodeHcc[];
  /** Dx edit or other explanation, when there is one. */
  note?: string;
}

export interface RafHcc {
  hcc: number;
  label: string;
  coefficient: number;
  /** Dotted codes that produced it. */
  codes: string[];
}

export interface RafDroppedHcc extends RafHcc {
  droppedBy: number;
  droppedByLabel: string;
}

export interface RafResult {
  segment: RafSegment;
  segmentName: string;
  age: number;
  sex: 'F' | 'M';
  /** Code-set version the figures come from. */
  version: string;
  codes: RafCodeContribution[];
  /** Payment HCCs after edits and hierarchies. */
  hccs: RafHcc[];
  dropped: RafDroppedHcc[];
  /** Every term added into the total, in the order demographic, status, HCCs, interactions, count. */
  terms: RafTerm[];
  /** Number of payment HCCs (for the D1…D10P variable). */
  paymentHccCount: number;
  /** Raw risk score: the sum of `terms`, before normalisation and coding-intensity adjustment. */
  total: number;
  /** Caveats about this particular calculation (e.g. age outside the segment's cells). */
  warnings: string[];
}
