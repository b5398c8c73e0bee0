// Builds the read-only code-set database from the shipped source files (resources/codesets) in one
// pass: temp file, one transaction, FTS optimise, VACUUM, atomic rename. The same inputs give the same
// bytes (no timestamps are stored), and the SHA-256 of the inputs is kept in meta so a stale file is
// detected and rebuilt.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { displayCode } from '../../shared/codeset/format';
import type { CodeKind, CodeSystemId, NoteKind } from '../../shared/codeset/types';
import { readAbbreviations, type Abbreviation } from './abbreviations';
import { NOTE_OVERRIDES } from './overrides';
import { SCHEMA_SQL } from './schema';
import { SeeResolver, type IndexNode } from './see';
import { readJsonLines, readTsv, SOURCE_FILES, type Row } from './sources';
import { encodeEssentials, tokens } from './text';
import { nativeBindingOption } from '../db/native-binding';

/** Bump when the schema or how the files are read changes: it is part of the inputs hash, so old files rebuild. */
export const BUILD_FORMAT = 'plumbline-codeset-9';

export const EDITION = {
  fiscalYear: 2026,
  version: 'icd10cm-FY2026+hcc-v28-PY2026',
  notesFiscalYear: 2021,
  indexFiscalYear: 2025,
  hccModel: 'V28',
  hccPaymentYear: 2026,
  hcpcsRelease: '2026-01',
} as const;

export const SYSTEM_RANK: Readonly<Record<CodeSystemId, number>> = { icd10cm: 0, icd10pcs: 1, hcpcs: 2, cpt: 3 };

const NOTE_KINDS: readonly NoteKind[] = [
  'includes', 'inclusion_terms', 'excludes1', 'excludes2', 'code_first', 'use_additional_code', 'code_also', 'notes', 'seven_chr_note',
];

export interface BuildOptions {
  sourceDir: string;
  outFile: string;
  /** Defaults to `<sourceDir>/../abbreviations.tsv`; built without abbreviations when that default is absent. */
  abbreviationsFile?: string;
  onProgress?: (step: string) => void;
}

export interface BuildResult {
  file: string;
  seconds: number;
  version: string;
  inputsHash: string;
}

export function defaultAbbreviationsFile(sourceDir: string): string {
  return resolve(sourceDir, '..', 'abbreviations.tsv');
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of everything that decides the database's contents: format, corrections, every input file. */
export function computeInputsHash(sourceDir: string, abbreviationsFile?: string): { hash: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  for (const name of SOURCE_FILES) {
    const path = join(sourceDir, name);
    if (!existsSync(path)) throw new Error(`Code-set source file missing: ${path}`);
    files[name] = sha256(readFileSync(path));
  }
  const abbr = abbreviationsFile ?? defaultAbbreviationsFile(sourceDir);
  if (existsSync(abbr)) files['abbreviations.tsv'] = sha256(readFileSync(abbr));
  else if (abbreviationsFile) throw new Error(`Abbreviations file missing: ${abbreviationsFile}`);
  const h = createHash('sha256').update(BUILD_FORMAT).update(JSON.stringify(NOTE_OVERRIDES));
  for (const [name, digest] of Object.entries(files)) h.update(`\n${name}\t${digest}`);
  return { hash: h.digest('hex'), files };
}

interface CodeInfo {
  id: number;
  system: CodeSystemId;
  code: string;
  kind: CodeKind;
  parent: string | null;
  category: string | null;
  chapter: number | null;
  block: string | null;
  billable: boolean;
  ord: number;
}

interface SearchDocDraft {
  codeId: number;
  via: 'description' | 'inclusion' | 'index';
  path: string | null;
  body: string;
  tag: string;
  ess: string;
  required: number;
  viaRank: number;
  billable: number;
  sysRank: number;
  ord: number;
}

interface NotesRecord {
  kind: 'chapter' | 'block' | 'category' | 'code';
  id: string;
  code?: string;
  chapter: string | null;
  seven_chr_def?: Record<string, string>;
  [key: string]: unknown;
}

const NEOPLASM_COLUMNS: ReadonlyArray<[string, string]> = [
  ['malignant_primary', 'malignant primary, cancer'],
  ['malignant_secondary', 'malignant secondary, metastatic, secondary'],
  ['ca_in_situ', 'carcinoma in situ, in situ'],
  ['benign', 'benign'],
  ['uncertain_behavior', 'uncertain behavior'],
  ['unspecified_behavior', 'unspecified behavior'],
];
const DRUG_COLUMNS: ReadonlyArray<[string, string]> = [
  // Guidelines I.C.19.e.5.b: poisoning or overdose with intent unknown is coded as accidental.
  ['poisoning_accidental', 'poisoning accidental, poisoning, overdose'],
  ['poisoning_intentional_self_harm', 'poisoning intentional self harm, overdose intentional'],
  ['poisoning_assault', 'poisoning assault'],
  ['poisoning_undetermined', 'poisoning undetermined'],
  ['adverse_effect', 'adverse effect'],
  ['underdosing', 'underdosing'],
];

const blank = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);
const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** Builds the database into a temp file beside `outFile` and renames it into place. */
export function buildCodeSet(opts: BuildOptions): BuildResult {
  const started = process.hrtime.bigint();
  const progress = opts.onProgress ?? (() => undefined);
  const sourceDir = resolve(opts.sourceDir);
  const abbreviationsFile = opts.abbreviationsFile ?? defaultAbbreviationsFile(sourceDir);
  const { hash, files } = computeInputsHash(sourceDir, opts.abbreviationsFile);
  const abbreviations = files['abbreviations.tsv'] ? readAbbreviations(abbreviationsFile) : [];

  mkdirSync(dirname(resolve(opts.outFile)), { recursive: true });
  const tmp = `${resolve(opts.outFile)}.${process.pid}.${Date.now()}.tmp`;
  const db = new Database(tmp, nativeBindingOption());
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    db.exec(SCHEMA_SQL);
    db.transaction(() => fill(db, sourceDir, abbreviations, progress))();
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      meta.run('format', BUILD_FORMAT);
      meta.run('version', EDITION.version);
      meta.run('fiscal_years', String(EDITION.fiscalYear));
      meta.run('notes_fiscal_year', String(EDITION.notesFiscalYear));
      meta.run('index_fiscal_year', String(EDITION.indexFiscalYear));
      meta.run('hcc_model', EDITION.hccModel);
      meta.run('hcc_payment_year', String(EDITION.hccPaymentYear));
      meta.run('hcpcs_release', EDITION.hcpcsRelease);
      meta.run('inputs_sha256', hash);
      for (const [name, digest] of Object.entries(files)) meta.run(`input_sha256:${name}`, digest);
    })();
    progress('optimizing full-text index');
    db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
    db.pragma('journal_mode = DELETE');
    progress('vacuum');
    db.exec('VACUUM');
    db.close();
    renameSync(tmp, resolve(opts.outFile));
  } catch (err) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw err;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  progress(`built ${opts.outFile} in ${seconds.toFixed(1)} s`);
  return { file: resolve(opts.outFile), seconds, version: EDITION.version, inputsHash: hash };
}

function fill(db: Database.Database, dir: string, abbreviations: readonly Abbreviation[], progress: (s: string) => void): void {
  progress('chapters and blocks');
  const insChapter = db.prepare('INSERT INTO chapter (num, range, first, last, title) VALUES (?, ?, ?, ?, ?)');
  for (const r of readTsv(dir, 'icd10cm-chapters.tsv')) insChapter.run(Number(r.chapter), r.range, r.first, r.last, r.title);
  const blocks = readTsv(dir, 'icd10cm-blocks.tsv');
  const insBlock = db.prepare('INSERT INTO block (id, chapter, first, last, title) VALUES (?, ?, ?, ?, ?)');
  for (const r of blocks) insBlock.run(r.block, Number(r.chapter), r.first, r.last, r.title);

  progress('HCC map');
  const hccByCode = new Map<string, number[]>();
  const insMap = db.prepare('INSERT INTO hcc_map (code, hcc, source) VALUES (?, ?, ?)');
  for (const r of readTsv(dir, 'hcc-v28-map.tsv.gz')) {
    const hcc = Number(r.hcc);
    insMap.run(r.icd10_code, hcc, r.source);
    const list = hccByCode.get(r.icd10_code) ?? [];
    list.push(hcc);
    hccByCode.set(r.icd10_code, list.sort((a, b) => a - b));
  }

  progress('codes');
  const codes = new Map<string, CodeInfo>(); // key `${system}:${code}`
  const descriptions: Array<{ info: CodeInfo; text: string }> = [];
  const insCode = db.prepare(
    `INSERT INTO code (id, system, code, display, billable, short_desc, long_desc, parent, kind, chapter, block, category, ord, poa_exempt, hcc)
     VALUES (@id, @system, @code, @display, @billable, @short, @long, @parent, @kind, @chapter, @block, @category, @ord, @poa, @hcc)`,
  );
  let nextId = 1;
  const addCode = (c: Omit<CodeInfo, 'id'> & { short: string; long: string; poa: string | null }): void => {
    const info: CodeInfo = { ...c, id: nextId++ };
    const hcc = c.system === 'icd10cm' ? (hccByCode.get(c.code) ?? []).join(' ') : '';
    insCode.run({
      id: info.id, system: c.system, code: c.code, display: displayCode(c.system, c.code), billable: c.billable ? 1 : 0,
      short: c.short, long: c.long, parent: c.parent, kind: c.kind, chapter: c.chapter, block: c.block, category: c.category,
      ord: c.ord, poa: c.poa, hcc,
    });
    codes.set(`${c.system}:${c.code}`, info);
    descriptions.push({ info, text: c.long });
  };
  for (const r of readTsv(dir, 'icd10cm-codes.tsv.gz')) {
    addCode({
      system: 'icd10cm', code: r.code, kind: r.kind as CodeKind, parent: blank(r.parent), category: r.category,
      chapter: Number(r.chapter), block: r.block, billable: r.billable === '1', ord: Number(r.cms_order),
      short: r.short_desc, long: r.long_desc, poa: blank(r.poa_exempt),
    });
  }
  for (const r of readTsv(dir, 'icd10pcs-codes.tsv.gz')) {
    const isTable = r.code.length < 7;
    addCode({
      system: 'icd10pcs', code: r.code, kind: isTable ? 'category' : 'code', parent: isTable ? null : r.code.slice(0, 3),
      category: r.code.slice(0, 3), chapter: null, block: null, billable: r.billable === '1', ord: Number(r.cms_order),
      short: r.short_desc, long: r.long_desc, poa: null,
    });
  }
  readTsv(dir, 'hcpcs.tsv.gz').forEach((r, i) => {
    addCode({
      system: 'hcpcs', code: r.code, kind: r.kind === 'modifier' ? 'modifier' : 'code', parent: null, category: null, chapter: null,
      block: null, billable: r.kind !== 'modifier', ord: i + 1, short: r.short_desc, long: r.long_desc, poa: null,
    });
  });
  const icd = (code: string): CodeInfo | undefined => codes.get(`icd10cm:${code}`);

  progress('abbreviations');
  const insAbbr = db.prepare('INSERT INTO abbreviation (key, abbreviation, expansion, codes) VALUES (?, ?, ?, ?)');
  for (const a of abbreviations) {
    for (const c of a.codes) {
      if (!icd(c)) throw new Error(`abbreviations.tsv: ${a.abbreviation} names ${c}, which is not an ICD-10-CM FY${EDITION.fiscalYear} code`);
    }
    insAbbr.run(a.key, a.abbreviation, a.expansion, a.codes.join(' '));
  }


  const docs: SearchDocDraft[] = [];
  const addDoc = (info: CodeInfo, via: SearchDocDraft['via'], path: string | null, segments: string[], extra: string, variants: boolean): void => {
    const { ess, required } = encodeEssentials(segments, variants);
    docs.push({
      codeId: info.id, via, path, body: tokens(`${segments.join(' ')} ${extra}`).join(' '), tag: `s${info.system} v${via}`, ess, required,
      viaRank: via === 'index' ? 0 : via === 'description' ? 1 : 2, billable: info.billable ? 1 : 0, sysRank: SYSTEM_RANK[info.system], ord: info.ord,
    });
  };
  for (const d of descriptions) addDoc(d.info, 'description', null, [d.text], '', false);

  fillNotes(db, dir, codes, addDoc, progress);
  fillIndex(db, dir, icd, addDoc, progress);

  progress('HCC labels, hierarchy, coefficients, dx edits');
  const insLabel = db.prepare('INSERT INTO hcc_label (hcc, label) VALUES (?, ?)');
  for (const r of readTsv(dir, 'hcc-v28-labels.tsv')) insLabel.run(Number(r.hcc), r.label);
  const insHier = db.prepare('INSERT INTO hcc_hierarchy (hcc, drops) VALUES (?, ?)');
  for (const r of readTsv(dir, 'hcc-v28-hierarchy.tsv')) insHier.run(Number(r.hcc), Number(r.drops_hcc));
  const insCoef = db.prepare('INSERT INTO hcc_coefficient (segment, variable, variable_type, hcc, coefficient) VALUES (?, ?, ?, ?, ?)');
  for (const r of readTsv(dir, 'hcc-v28-coefficients.tsv')) insCoef.run(r.segment, r.variable, r.variable_type, num(r.hcc), Number(r.coefficient));
  const insEdit = db.prepare('INSERT INTO dx_edit (code, edit_type, sex, age_min, age_max, action, hcc_override) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of readTsv(dir, 'hcc-v28-dx-edits.tsv')) {
    const sex = r.sex === '1' ? 'M' : r.sex === '2' ? 'F' : null;
    insEdit.run(r.icd10_code, r.edit_type, sex, num(r.age_min), num(r.age_max), r.action, num(r.hcc_override));
  }

  progress('MCE edits');
  const insAge = db.prepare('INSERT INTO mce_age (code, category, min_age, max_age) VALUES (?, ?, ?, ?)');
  for (const r of readTsv(dir, 'mce-age.tsv')) insAge.run(r.icd10_code, r.age_category, Number(r.min_age), Number(r.max_age));
  const insMan = db.prepare('INSERT INTO mce_manifestation (code) VALUES (?)');
  for (const r of readTsv(dir, 'mce-manifestation-not-pdx.tsv')) insMan.run(r.icd10_code);
  const insUnacc = db.prepare('INSERT INTO mce_unacceptable (code, edit) VALUES (?, ?)');
  for (const r of readTsv(dir, 'mce-unacceptable-pdx.tsv')) insUnacc.run(r.icd10_code, r.edit);

  progress(`search index (${docs.length} documents)`);
  docs.sort((a, b) => a.required - b.required || a.viaRank - b.viaRank || b.billable - a.billable || a.sysRank - b.sysRank || a.ord - b.ord || a.codeId - b.codeId || (a.path ?? '').localeCompare(b.path ?? ''));
  const insDoc = db.prepare('INSERT INTO search_doc (id, code_id, via, path, ess, ntok, billable, sys, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insFts = db.prepare('INSERT INTO search_fts (rowid, body, tag) VALUES (?, ?, ?)');
  const vocab = new Map<string, number>();
  docs.forEach((d, i) => {
    insDoc.run(i + 1, d.codeId, d.via, d.path, d.ess, d.required, d.billable, d.sysRank, d.ord);
    insFts.run(i + 1, d.body, d.tag);
    for (const t of new Set(d.body.split(' '))) if (t !== '') vocab.set(t, (vocab.get(t) ?? 0) + 1);
  });
  const insVocab = db.prepare('INSERT INTO vocab (term, docs) VALUES (?, ?)');
  for (const [term, n] of [...vocab].sort((a, b) => (a[0] < b[0] ? -1 : 1))) insVocab.run(term, n);
}

type AddDoc = (info: CodeInfo, via: SearchDocDraft['via'], path: string | null, segments: string[], extra: string, variants: boolean) => void;

function fillNotes(db: Database.Database, dir: string, codes: Map<string, CodeInfo>, addDoc: AddDoc, progress: (s: string) => void): void {
  progress('instructional notes');
  const records = readJsonLines<NotesRecord>(dir, 'icd10cm-notes-fy2021.jsonl.gz');
  const insSource = db.prepare('INSERT INTO note_source (id, source, level, code, chapter, first, last) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insNote = db.prepare('INSERT INTO note (source_id, kind, seq, text, override) VALUES (?, ?, ?, ?, ?)');
  const insSeventh = db.prepare('INSERT INTO seventh_char (source_id, character, meaning) VALUES (?, ?, ?)');
  const insOverride = db.prepare('INSERT INTO note_override (code, kind, action, text, reason, applied) VALUES (?, ?, ?, ?, ?, ?)');
  const applied = new Set<number>();
  const withNotes = new Set<string>();
  const blockSources: Array<{ id: number; block: string; first: string; last: string; chapter: number }> = [];

  records.forEach((rec, i) => {
    const sourceId = i + 1;
    const code = rec.kind === 'category' || rec.kind === 'code' ? (rec.code ?? null) : null;
    const info = code ? codes.get(`icd10cm:${code}`) : undefined;
    let level: string = rec.kind;
    let first: string | null = null;
    let last: string | null = null;
    if (info) level = info.kind;
    if (rec.kind === 'block') {
      [first, last] = rec.id.includes('-') ? rec.id.split('-') : [rec.id, rec.id];
      blockSources.push({ id: sourceId, block: rec.id, first, last, chapter: Number(rec.chapter) });
    }
    const chapter = rec.kind === 'chapter' ? Number(rec.chapter) : null;
    insSource.run(sourceId, code ? displayCode('icd10cm', code) : rec.id, level, code, chapter, first, last);
    let any = false;
    for (const kind of NOTE_KINDS) {
      let texts = Array.isArray(rec[kind]) ? (rec[kind] as string[]).slice() : [];
      const added: string[] = [];
      NOTE_OVERRIDES.forEach((o, oi) => {
        if (o.code !== code || o.kind !== kind) return;
        if (o.action === 'remove') {
          const kept = texts.filter((t) => !t.includes(o.text));
          if (kept.length !== texts.length) applied.add(oi);
          texts = kept;
        } else {
          added.push(o.text);
          applied.add(oi);
        }
      });
      texts.forEach((t, seq) => insNote.run(sourceId, kind, seq, t, null));
      added.forEach((t, k) => {
        const o = NOTE_OVERRIDES.find((x) => x.code === code && x.kind === kind && x.text === t);
        insNote.run(sourceId, kind, texts.length + k, t, o ? o.reason : null);
      });
      if (texts.length + added.length > 0) any = true;
      if (kind === 'inclusion_terms' && info) for (const t of texts) addDoc(info, 'inclusion', null, [t], '', false);
    }
    for (const [character, meaning] of Object.entries(rec.seven_chr_def ?? {})) {
      insSeventh.run(sourceId, character, meaning);
      any = true;
    }
    if (any && code) withNotes.add(code);
  });
  NOTE_OVERRIDES.forEach((o, oi) => insOverride.run(o.code, o.kind, o.action, o.text, o.reason, applied.has(oi) ? 1 : 0));
  if (applied.size !== NOTE_OVERRIDES.length) progress(`warning: ${NOTE_OVERRIDES.length - applied.size} note override(s) matched nothing`);

  // Block notes are written against FY2021 blocks: a FY2021 block reaches a FY2026 category inside its
  // range, or whose FY2026 block starts where it does (blocks grow at the end, e.g. I10-I16 → I10-I1A).
  const insCatBlock = db.prepare('INSERT OR IGNORE INTO category_block_note (category, source_id) VALUES (?, ?)');
  const hasNotes = db.prepare('UPDATE code SET has_notes = 1 WHERE id = ?');
  for (const info of codes.values()) {
    if (info.system !== 'icd10cm') continue;
    if (info.kind === 'category') {
      const fy26First = (info.block ?? '').split('-')[0];
      for (const b of blockSources) {
        const inRange = b.first <= info.code && info.code <= b.last;
        if (inRange || b.block === info.block || (b.first === fy26First && b.chapter === info.chapter)) insCatBlock.run(info.code, b.id);
      }
    }
    for (let c: CodeInfo | undefined = info; c; c = c.parent ? codes.get(`icd10cm:${c.parent}`) : undefined) {
      if (withNotes.has(c.code)) {
        hasNotes.run(info.id);
        break;
      }
    }
  }
}

function fillIndex(db: Database.Database, dir: string, icd: (code: string) => CodeInfo | undefined, addDoc: AddDoc, progress: (s: string) => void): void {
  const codeOf = (cell: string | undefined): CodeInfo | undefined => {
    if (!cell || cell === '-' || cell === '--') return undefined;
    return icd(cell.replace(/[.-]/g, '').toUpperCase());
  };
  const insTerm = db.prepare(
    'INSERT INTO index_term (source, level, path, term, nemod, code, see, see_also, see_code, manif) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [source, file, label] of [
    ['index', 'icd10cm-index-fy2025.tsv.gz', ''],
    ['eindex', 'icd10cm-eindex.tsv.gz', 'External Cause Index: '],
  ] as const) {
    progress(`${source === 'index' ? 'Alphabetic' : 'External Cause'} Index`);
    const rows = readTsv(dir, file);
    const resolver = new SeeResolver(rows.map((r): IndexNode => ({ path: r.term_path, term: r.term, code: blank(r.code), see: blank(r.see) })));
    // A term's nonessential modifiers carry to its subterms ("acute" on "Infarct > myocardium" holds for "… > NSTEMI").
    const inherited = new Map<string, string>();
    for (const r of rows) {
      const cut = r.term_path.lastIndexOf(' > ');
      const nemod = `${cut < 0 ? '' : (inherited.get(r.term_path.slice(0, cut)) ?? '')} ${r.nemod ?? ''}`.trim();
      inherited.set(r.term_path, nemod);
      const direct = codeOf(r.code);
      const resolved = !direct && r.see ? resolver.resolve(r.see) : null;
      const seeTarget = resolved ? codeOf(resolved) : undefined;
      insTerm.run(source, Number(r.level), r.term_path, r.term, blank(r.nemod), blank(r.code), blank(r.see), blank(r.see_also), seeTarget ? seeTarget.code : null, blank(r.manif));
      const target = direct ?? seeTarget;
      const levels = indexLevels(r.term_path);
      if (target) addDoc(target, 'index', `${label}${levels.join(' > ')}`, levels, nemod, true);
    }
  }

  progress('Neoplasm and Drug tables');
  const neoplasm = readTsv(dir, 'icd10cm-neoplasm.tsv.gz');
  const insNeo = db.prepare(
    `INSERT INTO neoplasm (level, path, term, nemod, see, see_also, manif, malignant_primary, malignant_secondary, ca_in_situ, benign, uncertain_behavior, unspecified_behavior)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of neoplasm) {
    insNeo.run(Number(r.level), r.term_path, r.term, blank(r.nemod), blank(r.see), blank(r.see_also), blank(r.manif),
      ...NEOPLASM_COLUMNS.map(([col]) => blank(r[col])));
    addTableDocs(r, NEOPLASM_COLUMNS, 'Table of Neoplasms: ', codeOf, addDoc);
  }
  const insDrug = db.prepare(
    `INSERT INTO drug (level, path, term, nemod, see, see_also, poisoning_accidental, poisoning_intentional_self_harm, poisoning_assault, poisoning_undetermined, adverse_effect, underdosing)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of readTsv(dir, 'icd10cm-drugs.tsv.gz')) {
    insDrug.run(Number(r.level), r.term_path, r.term, blank(r.nemod), blank(r.see), blank(r.see_also), ...DRUG_COLUMNS.map(([col]) => blank(r[col])));
    addTableDocs(r, DRUG_COLUMNS, 'Table of Drugs and Chemicals: ', codeOf, addDoc);
  }
}

/** Path levels of an Index line; a "Note: …" level is editorial text the flattening kept, not a term. */
function indexLevels(path: string): string[] {
  return path.split(' > ').filter((level) => !/^note:/i.test(level.trim()));
}

function addTableDocs(r: Row, columns: ReadonlyArray<[string, string]>, label: string, codeOf: (cell: string | undefined) => CodeInfo | undefined, addDoc: AddDoc): void {
  for (const [col, words] of columns) {
    const target = codeOf(r[col]);
    if (!target) continue;
    const heading = words.split(',')[0];
    const levels = indexLevels(r.term_path);
    addDoc(target, 'index', `${label}${levels.join(' > ')} [${heading}]`, [...levels, words], r.nemod ?? '', true);
  }
}
