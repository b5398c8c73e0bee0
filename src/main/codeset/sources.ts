// Readers for the shipped code-set files (resources/codesets). The files are plain TSV (no quoting,
// one header row) or gzip of it; PROVENANCE.md beside them documents every column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type Row = Record<string, string>;

function readText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Every data row of a TSV(.gz) file as header → cell. A short row is a broken file, not a blank cell. */
export function readTsv(dir: string, name: string): Row[] {
  const file = join(dir, name);
  const lines = readText(file).split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').split('\t');
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '') continue;
    const cells = line.split('\t');
    if (cells.length !== header.length) {
      throw new Error(`${name} line ${i + 1}: expected ${header.length} columns, found ${cells.length}`);
    }
    const row: Row = {};
    for (let c = 0; c < header.length; c++) row[header[c]] = cells[c];
    rows.push(row);
  }
  return rows;
}

export function readJsonLines<T>(dir: string, name: string): T[] {
  const out: T[] = [];
  const lines = readText(join(dir, name)).split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    try {
      out.push(JSON.parse(lines[i]) as T);
    } catch {
      throw new Error(`${name} line ${i + 1}: not valid JSON`);
    }
  }
  return out;
}

/** Input files of one build, in a fixed order (the order feeds the inputs hash). */
export const SOURCE_FILES = [
  'icd10cm-chapters.tsv',
  'icd10cm-blocks.tsv',
  'icd10cm-codes.tsv.gz',
  'icd10cm-notes-fy2021.jsonl.gz',
  'icd10cm-index-fy2025.tsv.gz',
  'icd10cm-eindex.tsv.gz',
  'icd10cm-neoplasm.tsv.gz',
  'icd10cm-drugs.tsv.gz',
  'icd10pcs-codes.tsv.gz',
  'hcpcs.tsv.gz',
  'hcc-v28-map.tsv.gz',
  'hcc-v28-labels.tsv',
  'hcc-v28-hierarchy.tsv',
  'hcc-v28-coefficients.tsv',
  'hcc-v28-dx-edits.tsv',
  'mce-age.tsv',
  'mce-manifestation-not-pdx.tsv',
  'mce-unacceptable-pdx.tsv',
] as const;
