// What the encoder returns: search hits and the full detail of one code. Platform-free so the renderer
// and the CLI share them with the core.
import type { CodeKind, CodeRecord, CodeSystemId, DxEdit, InstructionalNote, MceAgeEdit, SeventhCharacterDefinition } from './types';

export type SearchMatch = 'code' | 'index' | 'abbreviation' | 'description' | 'inclusion';

export interface SearchOptions {
  system?: CodeSystemId;
  /** 1…200; default 20. */
  limit?: number;
}

export interface SearchHit {
  system: CodeSystemId;
  /** Undotted, upper-case. */
  code: string;
  display: string;
  description: string;
  billable: boolean;
  /** V28 payment HCCs before hierarchies. */
  hcc: number[];
  /** The code, or an ancestor up to its category, carries instructional notes (block and chapter notes not counted). */
  hasNotes: boolean;
  matchedVia: SearchMatch;
  /** The Index line that led here ("Failure, failed > heart"), when matchedVia is 'index'. */
  indexPath?: string;
  /** Higher is better; hits come sorted by it. */
  score: number;
}

export interface CodePathStep {
  kind: CodeKind;
  /** "Chapter 9", "I30-I52", or the undotted code. */
  id: string;
  display: string;
  title: string;
}

export interface NoteCorrection {
  code: string;
  kind: string;
  action: 'remove' | 'add';
  text: string;
  reason: string;
}

export interface HccDetail {
  hcc: number;
  label: string;
  /** Relative factor in the community, non-dual, aged (CNA) segment; null when the model gives none. */
  coefficient: number | null;
  segment: 'CNA';
}

export interface CodeDetail {
  record: CodeRecord;
  /** chapter › block › category › … › the code itself. */
  path: CodePathStep[];
  children: CodeRecord[];
  notes: InstructionalNote[];
  seventhCharacters: SeventhCharacterDefinition[];
  /** FY2026 corrections to the FY2021 notes that touch this code or its ancestors. */
  noteCorrections: NoteCorrection[];
  hccs: HccDetail[];
  mceAge: MceAgeEdit | null;
  manifestationNotPrincipal: boolean;
  unacceptablePrincipal: 'unacceptable' | 'unacceptable_unless_secondary_dx_present' | null;
  dxEdits: DxEdit[];
  /** Fiscal years of the loaded edition in which this code is valid. */
  validFiscalYears: number[];
  /** ICD-10-CM: POA-exempt flag of billable codes (Y/N); null otherwise. */
  poaExempt: boolean | null;
  /** Index, E-index and table lines that lead to the code. */
  indexTerms: Array<{ path: string }>;
}
