// CPT is © AMA and never shipped. An organisation that holds a licence imports its own file:
//
//   UTF-8 text, one code per line:  code<TAB>short description<TAB>long description
//   - code: 5 characters, four digits then a digit, F (Category II), T (Category III) or U (PLA);
//   - blank lines and lines starting with '#' are ignored; an optional header line "code<TAB>short<TAB>long";
//   - no quoting; a description may not contain a tab.
//
// The whole file is checked before anything is written; one bad line rejects the import with its line
// number, and the database keeps what it had. A new import replaces the previous CPT rows.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { SYSTEM_RANK } from './build';
import { encodeEssentials, tokens } from './text';
import { nativeBindingOption } from '../db/native-binding';

export interface CptRow {
  code: string;
  short: string;
  long: string;
}

const CPT_CODE = /^[0-9]{4}[0-9FTU]$/;
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function parseCpt(text: string, label = 'CPT file'): CptRow[] {
  const rows: CptRow[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const where = `${label} line ${i + 1}`;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (rows.length === 0 && seen.size === 0 && cells[0].trim().toLowerCase() === 'code' && cells.length === 3) continue;
    if (cells.length !== 3) throw new Error(`${where}: expected code<TAB>short<TAB>long, found ${cells.length} field(s)`);
    const [code, short, long] = cells.map((c) => c.trim());
    if (!CPT_CODE.test(code)) throw new Error(`${where}: "${code.slice(0, 20)}" is not a 5-character CPT code (4 digits, then a digit, F, T or U)`);
    if (short === '' || long === '') throw new Error(`${where}: ${code} has an empty description`);
    if ([...(short + long)].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) throw new Error(`${where}: ${code} has a control character in its description`);
    if (seen.has(code)) throw new Error(`${where}: ${code} appears twice`);
    seen.add(code);
    rows.push({ code, short, long });
  }
  if (rows.length === 0) throw new Error(`${label}: no CPT codes found`);
  return rows;
}

const SQL = {
  oldDocs: "SELECT d.id FROM search_doc d JOIN code c ON c.id = d.code_id WHERE c.system = 'cpt'",
  deleteFts: 'DELETE FROM search_fts WHERE rowid = ?',
  deleteDocs: "DELETE FROM search_doc WHERE code_id IN (SELECT id FROM code WHERE system = 'cpt')",
  deleteCodes: "DELETE FROM code WHERE system = 'cpt'",
  deleteCpt: 'DELETE FROM cpt',
  maxCode: 'SELECT COALESCE(MAX(id), 0) AS m FROM code',
  maxDoc: 'SELECT COALESCE(MAX(id), 0) AS m FROM search_doc',
  insertCpt: 'INSERT INTO cpt (code, short_desc, long_desc) VALUES (?, ?, ?)',
  insertCode: `INSERT INTO code (id, system, code, display, billable, short_desc, long_desc, parent, kind, chapter, block, category, ord, poa_exempt, hcc, has_notes)
               VALUES (?, 'cpt', ?, ?, 1, ?, ?, NULL, 'code', NULL, NULL, NULL, ?, NULL, '', 0)`,
  insertDoc: "INSERT INTO search_doc (id, code_id, via, path, ess, ntok, billable, sys, ord) VALUES (?, ?, 'description', NULL, ?, ?, 1, ?, ?)",
  insertFts: 'INSERT INTO search_fts (rowid, body, tag) VALUES (?, ?, ?)',
  vocab: 'INSERT INTO vocab (term, docs) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET docs = docs + 1',
  meta: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  readCpt: 'SELECT code, short_desc AS short, long_desc AS long FROM cpt ORDER BY rowid',
  readMeta: "SELECT value FROM meta WHERE key = 'cpt_sha256'",
} as const;

/** Replaces the CPT rows of an open, writable code-set database, in one transaction. */
function writeCpt(db: Database.Database, rows: readonly CptRow[], sha256: string): void {
  const s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as { [K in keyof typeof SQL]: Database.Statement };
  db.transaction(() => {
    for (const { id } of s.oldDocs.all() as Array<{ id: number }>) s.deleteFts.run(id);
    s.deleteDocs.run();
    s.deleteCodes.run();
    s.deleteCpt.run();
    let codeId = (s.maxCode.get() as { m: number }).m;
    let docId = (s.maxDoc.get() as { m: number }).m;
    rows.forEach((r, i) => {
      s.insertCpt.run(r.code, r.short, r.long);
      s.insertCode.run(++codeId, r.code, r.code, r.short, r.long, i + 1);
      const { ess, required } = encodeEssentials([r.long], false);
      s.insertDoc.run(++docId, codeId, ess, required, SYSTEM_RANK.cpt, i + 1);
      const body = tokens(r.long);
      s.insertFts.run(docId, body.join(' '), 'scpt vdescription');
      for (const t of new Set(body)) s.vocab.run(t);
    });
    s.meta.run('cpt_rows', String(rows.length));
    s.meta.run('cpt_sha256', sha256);
  })();
}

/** Imports an organisation's licensed CPT file into the code-set database at `dbFile`. */
export function importCpt(dbFile: string, cptFile: string): { rows: number; sha256: string } {
  if (!existsSync(dbFile)) throw new Error(`Code-set database not found: ${dbFile}`);
  if (!existsSync(cptFile)) throw new Error(`CPT file not found: ${cptFile}`);
  if (statSync(cptFile).size > MAX_FILE_BYTES) throw new Error(`CPT file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: ${cptFile}`);
  const bytes = readFileSync(cptFile);
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new Error(`${cptFile}: not UTF-8 text`);
  const rows = parseCpt(text, cptFile);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const db = new Database(dbFile, { ...nativeBindingOption(), fileMustExist: true });
  try {
    writeCpt(db, rows, sha256);
  } finally {
    db.close();
  }
  return { rows: rows.length, sha256 };
}

/** Carries an imported CPT set from an old database file into a freshly built one. */
export function copyCpt(fromFile: string, toFile: string): number {
  let rows: CptRow[] = [];
  let sha256 = '';
  try {
    const old = new Database(fromFile, { ...nativeBindingOption(), readonly: true, fileMustExist: true });
    try {
      rows = old.prepare(SQL.readCpt).all() as CptRow[];
      sha256 = (old.prepare(SQL.readMeta).get() as { value: string } | undefined)?.value ?? '';
    } finally {
      old.close();
    }
  } catch {
    return 0; // the old file is unreadable or predates CPT support: nothing to carry over
  }
  if (rows.length === 0) return 0;
  const db = new Database(toFile, { ...nativeBindingOption(), fileMustExist: true });
  try {
    writeCpt(db, rows, sha256);
  } finally {
    db.close();
  }
  return rows.length;
}
