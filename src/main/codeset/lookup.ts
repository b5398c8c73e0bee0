// CodeSetLookup over the built SQLite file. Statements are prepared once; small whole tables (HCC
// labels, hierarchy, coefficients) are read once and kept.
import type Database from 'better-sqlite3';
import { normalizeCode } from '../../shared/codeset/format';
import type {
  CodeKind, CodeRecord, CodeSetLookup, CodeSystemId, DxEdit, InstructionalNote, MceAgeEdit, NoteKind, SeventhCharacterDefinition,
} from '../../shared/codeset/types';

export interface CodeRow {
  id: number;
  system: CodeSystemId;
  code: string;
  display: string;
  billable: number;
  short_desc: string;
  long_desc: string;
  parent: string | null;
  kind: CodeKind;
  chapter: number | null;
  block: string | null;
  category: string | null;
  ord: number;
  poa_exempt: string | null;
  hcc: string;
  has_notes: number;
}

interface NoteRow {
  source: string;
  level: InstructionalNote['sourceLevel'];
  kind: NoteKind;
  text: string;
}

export const SYSTEMS: readonly CodeSystemId[] = ['icd10cm', 'icd10pcs', 'hcpcs', 'cpt'];

export function toRecord(r: CodeRow): CodeRecord {
  return {
    system: r.system, code: r.code, display: r.display, billable: r.billable === 1, description: r.long_desc, shortDescription: r.short_desc,
    parent: r.parent, kind: r.kind, chapter: r.chapter, block: r.block, category: r.category,
  };
}

const SQL = {
  code: 'SELECT * FROM code WHERE system = ? AND code = ?',
  children: 'SELECT * FROM code WHERE system = ? AND parent = ? ORDER BY ord',
  codeNotes: 'SELECT s.source, s.level, n.kind, n.text FROM note_source s JOIN note n ON n.source_id = s.id WHERE s.code = ? ORDER BY n.id',
  blockNotes: `SELECT s.source, s.level, n.kind, n.text FROM category_block_note cb JOIN note_source s ON s.id = cb.source_id
               JOIN note n ON n.source_id = s.id WHERE cb.category = ? ORDER BY n.id`,
  chapterNotes: "SELECT s.source, s.level, n.kind, n.text FROM note_source s JOIN note n ON n.source_id = s.id WHERE s.level = 'chapter' AND s.chapter = ? ORDER BY n.id",
  seventh: 'SELECT s.source, sc.character, sc.meaning FROM note_source s JOIN seventh_char sc ON sc.source_id = s.id WHERE s.code = ? ORDER BY sc.character',
  mceAge: 'SELECT category, min_age AS minAge, max_age AS maxAge FROM mce_age WHERE code = ?',
  manifestation: 'SELECT 1 AS x FROM mce_manifestation WHERE code = ?',
  unacceptable: 'SELECT edit FROM mce_unacceptable WHERE code = ?',
  hccs: 'SELECT hcc FROM hcc_map WHERE code = ? ORDER BY hcc',
  labels: 'SELECT hcc, label FROM hcc_label',
  hierarchy: 'SELECT hcc, drops FROM hcc_hierarchy ORDER BY hcc, drops',
  dxEdits: 'SELECT edit_type AS editType, sex, age_min AS ageMin, age_max AS ageMax, action, hcc_override AS hccOverride FROM dx_edit WHERE code = ? ORDER BY id',
  coefficients: 'SELECT variable, coefficient FROM hcc_coefficient WHERE segment = ?',
  meta: 'SELECT key, value FROM meta',
} as const;

export class SqliteLookup implements CodeSetLookup {
  readonly version: string;
  readonly fiscalYears: readonly number[];
  readonly meta: ReadonlyMap<string, string>;
  private readonly stmt: { [K in keyof typeof SQL]: Database.Statement };
  private labels: Map<number, string> | undefined;
  private hierarchy: ReadonlyArray<{ hcc: number; drops: number }> | undefined;
  private readonly coefficientCache = new Map<string, ReadonlyMap<string, number>>();

  constructor(readonly db: Database.Database) {
    this.stmt = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as { [K in keyof typeof SQL]: Database.Statement };
    this.meta = new Map((this.stmt.meta.all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
    this.version = this.meta.get('version') ?? 'unknown';
    this.fiscalYears = (this.meta.get('fiscal_years') ?? '').split(',').filter((s) => s !== '').map(Number);
  }

  row(system: CodeSystemId, code: string): CodeRow | undefined {
    return this.stmt.code.get(system, normalizeCode(code)) as CodeRow | undefined;
  }

  code(system: CodeSystemId, code: string): CodeRecord | undefined {
    const r = this.row(system, code);
    return r ? toRecord(r) : undefined;
  }

  children(system: CodeSystemId, code: string): CodeRecord[] {
    const parent = system === 'icd10cm' && code.includes('-') ? code.trim().toUpperCase() : normalizeCode(code);
    return (this.stmt.children.all(system, parent) as CodeRow[]).map(toRecord);
  }

  /** The code and its ancestors up to its category (ICD-10-CM), nearest first. */
  ancestry(code: string): CodeRow[] {
    const out: CodeRow[] = [];
    for (let r = this.row('icd10cm', code); r && out.length < 8; r = r.kind === 'category' || !r.parent ? undefined : this.row('icd10cm', r.parent)) {
      out.push(r);
    }
    return out;
  }

  notes(code: string): InstructionalNote[] {
    const chain = this.ancestry(code);
    if (chain.length === 0) return [];
    const rows: NoteRow[] = [];
    for (const r of chain) rows.push(...(this.stmt.codeNotes.all(r.code) as NoteRow[]));
    const top = chain[chain.length - 1];
    if (top.category) rows.push(...(this.stmt.blockNotes.all(top.category) as NoteRow[]));
    if (top.chapter !== null) rows.push(...(this.stmt.chapterNotes.all(top.chapter) as NoteRow[]));
    return rows.map((n) => ({ kind: n.kind, text: n.text, source: n.source, sourceLevel: n.level }));
  }

  seventhCharacters(code: string): SeventhCharacterDefinition[] {
    for (const r of this.ancestry(code)) {
      const defs = this.stmt.seventh.all(r.code) as Array<{ source: string; character: string; meaning: string }>;
      if (defs.length > 0) return defs.map((d) => ({ character: d.character, meaning: d.meaning, source: d.source }));
    }
    return [];
  }

  mceAge(code: string): MceAgeEdit | undefined {
    return this.stmt.mceAge.get(normalizeCode(code)) as MceAgeEdit | undefined;
  }

  isManifestationNotPrincipal(code: string): boolean {
    return this.stmt.manifestation.get(normalizeCode(code)) !== undefined;
  }

  unacceptablePrincipal(code: string): 'unacceptable' | 'unacceptable_unless_secondary_dx_present' | undefined {
    const r = this.stmt.unacceptable.get(normalizeCode(code)) as { edit: 'unacceptable' | 'unacceptable_unless_secondary_dx_present' } | undefined;
    return r?.edit;
  }

  hccs(code: string): number[] {
    return (this.stmt.hccs.all(normalizeCode(code)) as Array<{ hcc: number }>).map((r) => r.hcc);
  }

  hccLabel(hcc: number): string | undefined {
    this.labels ??= new Map((this.stmt.labels.all() as Array<{ hcc: number; label: string }>).map((r) => [r.hcc, r.label]));
    return this.labels.get(hcc);
  }

  hccHierarchy(): ReadonlyArray<{ hcc: number; drops: number }> {
    this.hierarchy ??= Object.freeze(this.stmt.hierarchy.all() as Array<{ hcc: number; drops: number }>);
    return this.hierarchy;
  }

  dxEdits(code: string): DxEdit[] {
    return this.stmt.dxEdits.all(normalizeCode(code)) as DxEdit[];
  }

  coefficients(segment: string): ReadonlyMap<string, number> {
    const key = segment.toUpperCase();
    let map = this.coefficientCache.get(key);
    if (!map) {
      map = new Map((this.stmt.coefficients.all(key) as Array<{ variable: string; coefficient: number }>).map((r) => [r.variable, r.coefficient]));
      this.coefficientCache.set(key, map);
    }
    return map;
  }
}
