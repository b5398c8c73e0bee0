// Import files into the local database: parse with the shared importers (PHI guard included), then
// store each unit in one transaction. A malformed or truncated file is refused whole with a message
// naming the file and the place; nothing from it is stored.
import fs from 'node:fs';
import type { ImportedChart, PhiCounts } from '../../shared/chart';
import { addCounts } from '../../shared/phi/index';
import { createResourceContext, ImportError, parseImportSet, type Refusal } from '../../shared/importers/index';
import type { Db } from '../db/open';
import { refreshQueryStats } from '../worklist/stats';
import { localUser } from '../worklist/users';
import { planImport, type ImportUnit } from './plan';
import { installSecret } from './secret';
import { storeCharts } from './store';

/** Bigger files are refused rather than read into memory whole. */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024;

export interface ImportOptions {
  phiMode?: 'deidentify' | 'refuse';
  /** Defaults to the local user. */
  assigneeId?: string;
  onProgress?: (done: number, total: number, unit: string) => void;
}

export interface UnitReport {
  name: string;
  charts: number;
  alreadyPresent: number;
  documents: number;
  /** Set when the unit was refused; nothing from it was stored. */
  error?: string;
}

export interface ImportReport {
  units: UnitReport[];
  chartsImported: number;
  alreadyPresent: number;
  documentsImported: number;
  /** What the PHI guard removed or shifted, by kind. Never values. */
  phiCounts: PhiCounts;
  /** Documents refused by the PHI guard (refuse mode). */
  refusedDocuments: Refusal[];
  /** Files refused as malformed, truncated or unreadable. */
  failed: Array<{ name: string; message: string }>;
  warnings: string[];
}

function readUnit(unit: ImportUnit): Array<{ name: string; content: string }> {
  return unit.files.map((f) => {
    const size = fs.statSync(f).size;
    if (size > MAX_IMPORT_FILE_BYTES) throw new Error(`${unit.name}: file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
    return { name: f.split(/[\\/]/).pop()!, content: fs.readFileSync(f, 'utf8') };
  });
}

export function importPaths(db: Db, paths: readonly string[], opts: ImportOptions = {}): ImportReport {
  const units = planImport(paths);
  const secret = installSecret(db);
  const assigneeId = opts.assigneeId ?? localUser(db).id;
  const context = createResourceContext();
  const report: ImportReport = { units: [], chartsImported: 0, alreadyPresent: 0, documentsImported: 0, phiCounts: {}, refusedDocuments: [], failed: [], warnings: [] };
  units.forEach((unit, i) => {
    opts.onProgress?.(i, units.length, unit.name);
    const unitReport: UnitReport = { name: unit.name, charts: 0, alreadyPresent: 0, documents: 0 };
    try {
      const parsed = parseImportSet(readUnit(unit), { secret, phiMode: opts.phiMode ?? 'deidentify', context });
      // IMMEDIATE: take the write lock up front, so a busy app beside the CLI makes us wait, not fail midway.
      const stored = db.transaction((charts: ImportedChart[]) => storeCharts(db, charts, { assigneeId, source: 'import' })).immediate(parsed.charts);
      unitReport.charts = stored.imported;
      unitReport.alreadyPresent = stored.alreadyPresent;
      unitReport.documents = parsed.charts.reduce((n, c) => n + c.documents.length, 0);
      addCounts(report.phiCounts, parsed.counts);
      report.refusedDocuments.push(...parsed.refused);
      report.warnings.push(...parsed.warnings.map((w) => `${unit.name}: ${w}`));
    } catch (err) {
      const message = (err as Error).message.split('\n')[0]!;
      unitReport.error = err instanceof ImportError ? message : `${unit.name}: ${message}`;
      report.failed.push({ name: unit.name, message: unitReport.error });
    }
    report.units.push(unitReport);
    report.chartsImported += unitReport.charts;
    report.alreadyPresent += unitReport.alreadyPresent;
    if (!unitReport.error) report.documentsImported += unitReport.documents;
  });
  if (report.chartsImported > 0) refreshQueryStats(db);
  opts.onProgress?.(units.length, units.length, '');
  return report;
}
