import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAbbreviations } from '../../../src/main/codeset/abbreviations';
import { buildCodeSet, computeInputsHash } from '../../../src/main/codeset/build';
import { codeSetFileName, defaultCodeSetSourceDir, ensureCodeSet } from '../../../src/main/codeset/open';
import { SOURCE_FILES } from '../../../src/main/codeset/sources';
import { BUILD_TIMEOUT_MS, ensureCodeSetInChild, sharedCodeSetFile } from './shared';
import { sourceRows } from './sources';

let file: string;
let db: Database.Database;
let dir: string;
const sha256 = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(async () => {
  file = await sharedCodeSetFile();
  db = new Database(file, { readonly: true });
  dir = mkdtempSync(join(tmpdir(), 'plumbline-codeset-build-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const meta = (key: string): string | undefined => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const count = (sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;

describe('code-set database build', () => {
  it('resolves the shipped sources from the module location', () => {
    const src = defaultCodeSetSourceDir();
    for (const name of [...SOURCE_FILES, 'PROVENANCE.md']) expect(existsSync(join(src, name))).toBe(true);
    expect(existsSync(join(src, '..', 'abbreviations.tsv'))).toBe(true);
  });

  it('records its edition and the SHA-256 of every input', () => {
    expect(meta('version')).toBe('icd10cm-FY2026+hcc-v28-PY2026');
    expect(meta('fiscal_years')).toBe('2026');
    expect(meta('notes_fiscal_year')).toBe('2021');
    expect(meta('inputs_sha256')).toBe(computeInputsHash(defaultCodeSetSourceDir()).hash);
    for (const name of SOURCE_FILES) expect(meta(`input_sha256:${name}`)).toBe(sha256(join(defaultCodeSetSourceDir(), name)));
    expect(meta('input_sha256:abbreviations.tsv')).toBe(sha256(join(defaultCodeSetSourceDir(), '..', 'abbreviations.tsv')));
    expect(file.endsWith(codeSetFileName())).toBe(true);
  });

  it('holds every row of the source files', () => {
    const icd = sourceRows('icd10cm-codes.tsv.gz');
    expect(count("SELECT COUNT(*) AS n FROM code WHERE system = 'icd10cm'")).toBe(icd.length);
    expect(count("SELECT COUNT(*) AS n FROM code WHERE system = 'icd10cm' AND billable = 1")).toBe(icd.filter((r) => r.billable === '1').length);
    expect(count("SELECT COUNT(*) AS n FROM code WHERE system = 'icd10pcs'")).toBe(sourceRows('icd10pcs-codes.tsv.gz').length);
    expect(count("SELECT COUNT(*) AS n FROM code WHERE system = 'hcpcs'")).toBe(sourceRows('hcpcs.tsv.gz').length);
    expect(count("SELECT COUNT(*) AS n FROM code WHERE system = 'cpt'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM index_term WHERE source = 'index'")).toBe(sourceRows('icd10cm-index-fy2025.tsv.gz').length);
    expect(count("SELECT COUNT(*) AS n FROM index_term WHERE source = 'eindex'")).toBe(sourceRows('icd10cm-eindex.tsv.gz').length);
    expect(count('SELECT COUNT(*) AS n FROM neoplasm')).toBe(sourceRows('icd10cm-neoplasm.tsv.gz').length);
    expect(count('SELECT COUNT(*) AS n FROM drug')).toBe(sourceRows('icd10cm-drugs.tsv.gz').length);
    expect(count('SELECT COUNT(*) AS n FROM hcc_map')).toBe(sourceRows('hcc-v28-map.tsv.gz').length);
    expect(count('SELECT COUNT(*) AS n FROM hcc_coefficient')).toBe(sourceRows('hcc-v28-coefficients.tsv').length);
    expect(count('SELECT COUNT(*) AS n FROM mce_age')).toBe(sourceRows('mce-age.tsv').length);
    expect(count('SELECT COUNT(*) AS n FROM block')).toBe(sourceRows('icd10cm-blocks.tsv').length);
  });

  it('resolves Index "see" references to the code the Index gives there', () => {
    const row = db.prepare("SELECT see, see_code FROM index_term WHERE path = 'Attack, attacks > heart'").get() as { see: string; see_code: string };
    expect(row).toEqual({ see: 'infarct, myocardium', see_code: 'I219' });
  });

  it('uses STRICT tables and a journal mode that suits a read-only file', () => {
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string }>;
    expect(tables.length).toBeGreaterThan(20);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('freelist_count', { simple: true })).toBe(0); // vacuumed
  });

  it('rebuilds a stale file automatically, reproducing the same bytes', async () => {
    const cache = join(dir, 'stale');
    mkdirSync(cache);
    const stale = join(cache, codeSetFileName());
    copyFileSync(file, stale);
    const w = new Database(stale);
    w.prepare("UPDATE meta SET value = 'outdated' WHERE key = 'inputs_sha256'").run();
    w.close();
    expect(await ensureCodeSetInChild(cache)).toBe(stale);
    expect(sha256(stale)).toBe(sha256(file));
    expect(readdirSync(cache)).toEqual([codeSetFileName()]); // no temp or lock files left behind
    // and an up-to-date file is reused as it is
    const before = sha256(stale);
    ensureCodeSet(cache);
    expect(sha256(stale)).toBe(before);
  }, BUILD_TIMEOUT_MS);

  it('changes its inputs hash when any input changes', () => {
    const src = join(dir, 'src');
    cpSync(defaultCodeSetSourceDir(), src, { recursive: true });
    const base = computeInputsHash(src, join(defaultCodeSetSourceDir(), '..', 'abbreviations.tsv')).hash;
    expect(base).toBe(computeInputsHash(defaultCodeSetSourceDir()).hash);
    writeFileSync(join(src, 'hcc-v28-labels.tsv'), `${readFileSync(join(src, 'hcc-v28-labels.tsv'), 'utf8')}999\tTest label\n`);
    expect(computeInputsHash(src, join(defaultCodeSetSourceDir(), '..', 'abbreviations.tsv')).hash).not.toBe(base);
  });

  it('refuses broken inputs with a clear message and leaves no file behind', () => {
    const src = join(dir, 'broken');
    cpSync(defaultCodeSetSourceDir(), src, { recursive: true });
    writeFileSync(join(src, 'icd10cm-chapters.tsv'), 'chapter\trange\tfirst\tlast\ttitle\n1\tA00-B99\tA00\n');
    const out = join(dir, 'out', 'codeset.sqlite');
    expect(() => buildCodeSet({ sourceDir: src, outFile: out, abbreviationsFile: join(defaultCodeSetSourceDir(), '..', 'abbreviations.tsv') })).toThrow(
      /icd10cm-chapters\.tsv line 2: expected 5 columns, found 3/,
    );
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    rmSync(join(src, 'mce-age.tsv'));
    expect(() => buildCodeSet({ sourceDir: src, outFile: out })).toThrow(/Code-set source file missing: .*mce-age\.tsv/);
  });

  it('refuses an abbreviation list that names a code the code set does not have', () => {
    const abbr = join(dir, 'abbreviations.tsv');
    writeFileSync(abbr, 'abbreviation\texpansion\tcodes\nXYZ\tmade up\tE11.99\n');
    const out = join(dir, 'out2', 'codeset.sqlite');
    expect(() => buildCodeSet({ sourceDir: defaultCodeSetSourceDir(), outFile: out, abbreviationsFile: abbr })).toThrow(
      /abbreviations\.tsv: XYZ names E1199, which is not an ICD-10-CM FY2026 code/,
    );
    expect(readdirSync(join(dir, 'out2'))).toEqual([]);
  }, BUILD_TIMEOUT_MS);
});

describe('abbreviation list', () => {
  it('the shipped list covers the abbreviations coders meet most', () => {
    const list = parseAbbreviations(readFileSync(join(defaultCodeSetSourceDir(), '..', 'abbreviations.tsv'), 'utf8'), 'abbreviations.tsv');
    expect(list.length).toBeGreaterThanOrEqual(70);
    const keys = new Set(list.map((a) => a.key));
    for (const k of ['chf', 'copd', 'dm2', 't2dm', 'htn', 'ckd 3a', 'afib', 'cad', 'mi', 'uti', 'gerd']) expect(keys.has(k), k).toBe(true);
  });

  it('rejects a malformed list with the line number', () => {
    expect(() => parseAbbreviations('abbreviation\texpansion\tcodes\nCHF\tx\tI50.9\nchf\ty\t\n', 'a.tsv')).toThrow(/a\.tsv line 3: duplicate abbreviation "chf"/);
    expect(() => parseAbbreviations('abbr\texp\n', 'a.tsv')).toThrow(/line 1: expected header/);
    expect(() => parseAbbreviations('abbreviation\texpansion\tcodes\nCHF\n', 'a.tsv')).toThrow(/line 2: expected abbreviation<TAB>expansion<TAB>codes/);
  });
});
