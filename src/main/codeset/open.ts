// Finding, (re)building and opening the code-set database.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CodeDetail, SearchHit, SearchOptions } from '../../shared/codeset/search';
import type { CodeSetLookup, CodeSystemId } from '../../shared/codeset/types';
import { resourcesDir } from '../paths';
import { buildCodeSet, computeInputsHash, EDITION } from './build';
import { copyCpt } from './cpt';
import { createDetail } from './detail';
import { SqliteLookup } from './lookup';
import { createSearch } from './search';
import { nativeBindingOption } from '../db/native-binding';

export interface CodeSet extends CodeSetLookup {
  readonly file: string;
  /** SHA-256 of the inputs the file was built from. */
  readonly inputsHash: string;
  search(query: string, opts?: SearchOptions): SearchHit[];
  detail(system: CodeSystemId, code: string): CodeDetail | null;
  /** The underlying connection, read-only (benchmarks compare against bare FTS on it). */
  readonly db: Database.Database;
  close(): void;
}

/** resources/codesets, found from this module's location (works from tsx, vitest and a bundled build). */
export function defaultCodeSetSourceDir(): string {
  return join(resourcesDir(), 'codesets');
}

export function codeSetFileName(): string {
  return `codeset-fy${EDITION.fiscalYear}.sqlite`;
}

function storedHash(file: string): string | undefined {
  try {
    const db = new Database(file, { ...nativeBindingOption(), readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'inputs_sha256'").get() as { value: string } | undefined;
      return row?.value;
    } finally {
      db.close();
    }
  } catch {
    return undefined; // unreadable or half-written: rebuild
  }
}

/**
 * Path of an up-to-date code-set database in `cacheDir`, building it when missing or when any input
 * (source files, abbreviations, corrections, build format) changed. An imported CPT file survives the
 * rebuild: its rows are copied into the new file before it replaces the old one.
 */
export function ensureCodeSet(cacheDir: string, sourceDir: string = defaultCodeSetSourceDir(), onProgress?: (step: string) => void): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = resolve(cacheDir, codeSetFileName());
  const { hash } = computeInputsHash(sourceDir);
  if (existsSync(file) && storedHash(file) === hash) return file;
  const release = acquireBuildLock(`${file}.lock`);
  try {
    // Another process may have finished the same build while this one waited for the lock.
    if (existsSync(file) && storedHash(file) === hash) return file;
    rebuild(file, sourceDir, hash, onProgress);
  } finally {
    release();
  }
  return file;
}

/** Installers ship the built file here (`npm run dist`), so a first start copies instead of building. */
export function prebuiltCodeSetFile(): string {
  return join(resourcesDir(), 'codeset-prebuilt', codeSetFileName());
}

function rebuild(file: string, sourceDir: string, hash: string, onProgress?: (step: string) => void): void {
  // A private staging name, so two processes building at once cannot trip over each other's file.
  const staging = `${file}.${process.pid}-${Date.now()}.next`;
  try {
    const prebuilt = prebuiltCodeSetFile();
    if (existsSync(prebuilt) && storedHash(prebuilt) === hash) {
      onProgress?.('copying the prebuilt code set');
      copyFileSync(prebuilt, staging);
    } else buildCodeSet({ sourceDir, outFile: staging, onProgress });
    if (existsSync(file)) copyCpt(file, staging);
    // Atomic replace: readers see the old file or the new one, never half of one.
    renameSync(staging, file);
  } finally {
    rmSync(staging, { force: true });
  }
}

const LOCK_STALE_MS = 5 * 60_000;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function holderAlive(lockDir: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return false; // released meanwhile
  }
  let pid = NaN;
  try {
    pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
  } catch {
    // the holder has not written its pid yet
  }
  if (!Number.isInteger(pid) || pid <= 0) return age < 10_000;
  if (age > LOCK_STALE_MS) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One build at a time per cache folder, across processes (the app and the CLI, parallel test workers). */
function acquireBuildLock(lockDir: string): () => void {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (!holderAlive(lockDir)) rmSync(lockDir, { recursive: true, force: true });
      else sleepMs(200);
    }
  }
}

export function openCodeSet(file: string): CodeSet {
  if (!existsSync(file)) throw new Error(`Code-set database not found: ${file}`);
  const db = new Database(file, { ...nativeBindingOption(), readonly: true, fileMustExist: true });
  // Search touches pages all over a ~140 MB file: map it instead of paying a read() per page miss.
  db.pragma('mmap_size = 268435456');
  db.pragma('cache_size = -32768');
  let lookup: SqliteLookup;
  try {
    lookup = new SqliteLookup(db);
    if (!lookup.meta.get('inputs_sha256')) throw new Error(`Not a Plumbline code-set database: ${file}`);
  } catch (err) {
    db.close();
    throw err;
  }
  const search = createSearch(db);
  const detail = createDetail(db, lookup);
  return {
    file,
    inputsHash: lookup.meta.get('inputs_sha256') ?? '',
    db,
    version: lookup.version,
    fiscalYears: lookup.fiscalYears,
    code: (system, code) => lookup.code(system, code),
    children: (system, code) => lookup.children(system, code),
    notes: (code) => lookup.notes(code),
    seventhCharacters: (code) => lookup.seventhCharacters(code),
    mceAge: (code) => lookup.mceAge(code),
    isManifestationNotPrincipal: (code) => lookup.isManifestationNotPrincipal(code),
    unacceptablePrincipal: (code) => lookup.unacceptablePrincipal(code),
    hccs: (code) => lookup.hccs(code),
    hccLabel: (hcc) => lookup.hccLabel(hcc),
    hccHierarchy: () => lookup.hccHierarchy(),
    dxEdits: (code) => lookup.dxEdits(code),
    coefficients: (segment) => lookup.coefficients(segment),
    search,
    detail,
    close: () => db.close(),
  };
}
