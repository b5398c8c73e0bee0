// Suggestions from either engine (the offline local engine or a language model) after grounding.
// Nothing reaches a coder unless its code exists and is valid for the date of service and every
// evidence quote was found verbatim in the chart.
import type { Setting, Sex } from '../chart';
import type { CodeSystemId } from '../codeset/types';
import type { EvidenceSpan, SuggestionProvenance } from '../review/types';

export type SuggestionKind = 'add' | 'keep' | 'delete-unsupported' | 'query';
export type Assertion = 'present' | 'negated' | 'uncertain' | 'historical' | 'family' | 'hypothetical';

/** MEAT support for an HCC condition: each element quoted from the chart. */
export interface MeatSupport {
  monitor?: EvidenceSpan[];
  evaluate?: EvidenceSpan[];
  assess?: EvidenceSpan[];
  treat?: EvidenceSpan[];
}

export interface Suggestion {
  system: CodeSystemId;
  /** Undotted, upper-case, billable in the loaded year. */
  code: string;
  kind: SuggestionKind;
  evidence: EvidenceSpan[];
  assertion: Assertion;
  /** 0…1. */
  confidence: number;
  meat?: MeatSupport;
  rationale?: string;
  provenance: SuggestionProvenance;
}

/** What the grounding step removed, per call (shown in the diagnostics panel). */
export interface GroundingDrops {
  unknownCode: number;
  invalidForDate: number;
  /** Header codes without exactly one billable child. */
  headerCode: number;
  quoteNotFound: number;
  /** Suggestions left with no evidence once their unfound quotes were removed. */
  noEvidence: number;
  malformed: number;
}

export interface SuggestionRun {
  engine: 'local' | 'model';
  suggestions: Suggestion[];
  drops: GroundingDrops;
  /** Raw suggestions the engine produced before grounding. */
  proposed: number;
  elapsedMs: number;
  /** Set when the engine could not run (offline, PHI guard refused, model error); the coder sees why. */
  error?: string;
}

export interface SuggestInput {
  encounterId: string;
  documents: ReadonlyArray<{ id: string; text: string }>;
  dateOfService: string;
  setting: Setting;
  age: number | null;
  sex: Sex;
  /** Codes already on the claim / problem list, to keep or propose for deletion. */
  existingCodes: ReadonlyArray<{ system: CodeSystemId; code: string }>;
  /** The patient's earlier coded history (codes from earlier encounters). */
  priorCodes: ReadonlyArray<{ system: CodeSystemId; code: string }>;
}
