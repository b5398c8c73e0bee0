import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openDataDatabase } from '../../importing/database';
import { importPaths, type ImportReport } from '../../importing/run';

function progressBar(done: number, total: number, label: string): string {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = label.length > 40 ? `${label.slice(0, 37)}...` : label;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(80);
}

function summary(r: ImportReport): string {
  const phi = Object.entries(r.phiCounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `Imported ${r.chartsImported} chart${r.chartsImported === 1 ? '' : 's'} (${r.documentsImported} documents) from ${r.units.length - r.failed.length} of ${r.units.length} files; ${r.alreadyPresent} already present.`,
    `PHI removed or shifted: ${phi || 'none found'}.`,
  ];
  if (r.refusedDocuments.length) lines.push(`Documents refused by the PHI guard: ${r.refusedDocuments.length}.`);
  for (const f of r.failed) lines.push(`Refused (nothing imported from it): ${f.message}`);
  return lines.join('\n');
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import FHIR bundles, bulk NDJSON or JSONL charts (de-identified on the way in)',
  usage: 'plumbline import <file|dir>... [--refuse-phi] [--json]',
  options: { 'refuse-phi': { type: 'boolean' } },
  run(ctx, { values, positionals }) {
    if (positionals.length === 0) throw new UsageError('Name at least one file or folder to import.');
    const db = openDataDatabase(ctx.dataDir);
    const tty = !ctx.json && process.stderr.isTTY === true;
    try {
      const report = importPaths(db, positionals, {
        phiMode: values['refuse-phi'] === true ? 'refuse' : 'deidentify',
        onProgress: tty ? (done, total, unit) => process.stderr.write(progressBar(done, total, unit)) : undefined,
      });
      if (tty) process.stderr.write('\r'.padEnd(81) + '\r');
      ctx.out(ctx.json ? JSON.stringify(report) : summary(report));
      return report.failed.length ? 1 : 0;
    } finally {
      db.close();
    }
  },
};
