// Code-set vocabulary shared by the core (SQLite implementation), the edits engine, the HCC model and
// the renderer. Codes are always stored and compared without the dot, upper-case ("E1122");
// `display` is the form a coder reads ("E11.22").

export type CodeSystemId = 'icd10cm' | 'icd10pcs' | 'hcpcs' | 'cpt';

export type CodeKind = 'chapter' | 'block' | 'category' | 'subcategory' | 'code' | 'modifier';

export interface CodeRecord {
  system: CodeSystemId;
  /** Undotted, upper-case. */
  code: string;
  /** Dotted for ICD-10-CM (E11.22); as-is for other systems. */
  display: string;
  billable: boolean;
  description: string;
  shortDescription: string;
  /** Nearest ancestor code (ICD-10-CM: category → block id such as "E08-E13"). */
  parent: string | null;
  kind: CodeKind;
  chapter: number | null;
  block: string | null;
  category: string | null;
}

export type NoteKind =
  | 'includes'
  | 'inclusion_terms'
  | 'excludes1'
  | 'excludes2'
  | 'code_first'
  | 'use_additional_code'
  | 'code_also'
  | 'notes'
  | 'seven_chr_note';

/** An instructional note that applies to a code, with where it is written (inherited notes keep their source). */
export interface InstructionalNote {
  kind: NoteKind;
  text: string;
  /** Id of the chapter ("Chapter 4"), block ("E08-E13"), category or code carrying the note. */
  source: string;
  sourceLevel: 'chapter' | 'block' | 'category' | 'subcategory' | 'code';
}

export interface SeventhCharacterDefinition {
  character: string;
  meaning: string;
  source: string;
}

export interface MceAgeEdit {
  category: 'newborn' | 'pediatric' | 'maternity' | 'adult';
  minAge: number;
  maxAge: number;
}

export interface DxEdit {
  editType: 'age' | 'sex';
  /** 'M' | 'F' for sex edits. */
  sex: 'M' | 'F' | null;
  ageMin: number | null;
  ageMax: number | null;
  action: 'invalid' | 'override';
  hccOverride: number | null;
}

/**
 * Read access to one loaded code-set edition. The edits engine and the HCC model are pure functions
 * over this interface, so they run anywhere (core, server, tests) without knowing about SQLite.
 */
export interface CodeSetLookup {
  /** e.g. "icd10cm-FY2026+hcc-v28-PY2026" — recorded with every decision. */
  readonly version: string;
  /** Fiscal years whose ICD-10-CM/PCS codes are loaded (e.g. [2026]). */
  readonly fiscalYears: readonly number[];
  code(system: CodeSystemId, code: string): CodeRecord | undefined;
  children(system: CodeSystemId, code: string): CodeRecord[];
  /** Every ICD-10-CM instructional note that applies to the code: its own first, then inherited up to the chapter. */
  notes(code: string): InstructionalNote[];
  seventhCharacters(code: string): SeventhCharacterDefinition[];
  mceAge(code: string): MceAgeEdit | undefined;
  isManifestationNotPrincipal(code: string): boolean;
  unacceptablePrincipal(code: string): 'unacceptable' | 'unacceptable_unless_secondary_dx_present' | undefined;
  /** V28 payment HCCs the code maps to before hierarchies (0, 1 or 2). */
  hccs(code: string): number[];
  hccLabel(hcc: number): string | undefined;
  /** V28 hierarchy pairs: when `hcc` is present, `drops` is zeroed. */
  hccHierarchy(): ReadonlyArray<{ hcc: number; drops: number }>;
  dxEdits(code: string): DxEdit[];
  /** V28 relative factors of one segment (CNA, CND, CFA, CFD, CPA, CPD, INS, NE, SNPNE): variable → coefficient. */
  coefficients(segment: string): ReadonlyMap<string, number>;
}
