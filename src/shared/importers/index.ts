// Chart import: FHIR R4 Bundles, bulk-export NDJSON and JSONL sample charts in, de-identified charts out.
// Pure and synchronous: the caller reads the files and stores the charts.
import { createResourceContext } from './context';
import { ImportError } from './errors';
import { chartsFromFhir } from './fhir-charts';
import { readBundle, readNdjson } from './fhir-files';
import { chartsFromJsonl } from './jsonl-charts';
import { Tally } from './tally';
import type { ImportFile, ImportOptions, ImportResult } from './types';

export { ImportError } from './errors';
export { createResourceContext, ResourceContext } from './context';
export type { ImportFile, ImportOptions, ImportResult, Refusal } from './types';

export type ImportFormat = 'fhir-bundle' | 'fhir-ndjson' | 'jsonl-charts';

function firstLine(content: string): string {
  for (const line of content.split('\n', 50)) if (line.trim() !== '') return line.trim();
  return '';
}

/** Decides how to read a file: by extension, then by looking at its first line. */
export function detectFormat(fileName: string, content: string): ImportFormat {
  const lower = fileName.toLowerCase();
  const head = firstLine(content);
  const looksFhir = /"resourceType"\s*:/.test(head.slice(0, 4096));
  if (lower.endsWith('.ndjson')) return looksFhir || head === '' ? 'fhir-ndjson' : 'jsonl-charts';
  if (lower.endsWith('.jsonl')) return looksFhir ? 'fhir-ndjson' : 'jsonl-charts';
  if (lower.endsWith('.json')) return 'fhir-bundle';
  if (head.startsWith('{') && head.endsWith('}') && content.trim().includes('\n')) return looksFhir ? 'fhir-ndjson' : 'jsonl-charts';
  if (head.startsWith('{') || head.startsWith('[')) return 'fhir-bundle';
  throw new ImportError(fileName, 'not a FHIR Bundle, FHIR NDJSON or JSONL chart file');
}

/**
 * Imports several files as one set, so resources in one file can reference resources in another (a
 * bulk-export directory with one NDJSON file per resource type). All or nothing: if any file is
 * malformed the whole set throws an ImportError and nothing is returned.
 */
export function parseImportSet(files: readonly ImportFile[], opts: ImportOptions): ImportResult {
  if (typeof opts.secret !== 'string' || opts.secret.length < 8) throw new ImportError('(options)', 'an installation secret of at least 8 characters is required');
  const ctx = (opts.context ?? createResourceContext()).child();
  const result: ImportResult = { charts: [], counts: {}, refused: [], warnings: [] };
  const tally = new Tally();
  for (const file of files) {
    const content = file.content.charCodeAt(0) === 0xfeff ? file.content.slice(1) : file.content;
    const format = detectFormat(file.name, content);
    if (format === 'fhir-bundle') readBundle(file.name, content, ctx);
    else if (format === 'fhir-ndjson') readNdjson(file.name, content, ctx);
    else chartsFromJsonl(file.name, content, opts, result, tally);
  }
  chartsFromFhir(ctx, opts, result, tally);
  result.warnings = tally.lines();
  // Only now, with every file read and every chart built, do this set's resources join the shared context.
  ctx.commit();
  return result;
}

/** Imports one file. FHIR references may point at resources from `opts.context` (loaded earlier). */
export function parseImport(fileName: string, content: string, opts: ImportOptions): ImportResult {
  return parseImportSet([{ name: fileName, content }], opts);
}
