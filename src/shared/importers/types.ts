import type { ImportedChart, PhiCounts, PhiKind } from '../chart';
import type { ResourceContext } from './context';

export interface ImportOptions {
  /** The installation's secret: keys pseudonymous ids and date shifts. */
  secret: string;
  /** 'deidentify' (default behaviour): remove identifiers and count them. 'refuse': drop any document that holds one. */
  phiMode: 'deidentify' | 'refuse';
  /** FHIR resources from earlier imports (practitioner / organisation support bundles) that this import may reference. */
  context?: ResourceContext;
  /** Date of service for JSONL charts that carry none (ISO). Defaults to today. */
  defaultDateOfService?: string;
}

export interface ImportFile {
  name: string;
  content: string;
}

export interface Refusal {
  /** Where the refused document is: file (de-identified) and line or entry. */
  ref: string;
  reason: string;
  kinds?: PhiKind[];
}

export interface ImportResult {
  charts: ImportedChart[];
  /** What the PHI guard removed or shifted, by kind; never the values. */
  counts: PhiCounts;
  refused: Refusal[];
  /** Aggregated notes on what was skipped or ignored; never identifiers. */
  warnings: string[];
}
