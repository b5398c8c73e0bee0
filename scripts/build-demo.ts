// Builds resources/demo/charts.jsonl: the charts a new user meets before importing their own. Run with
//   node --import tsx scripts/build-demo.ts [samplesDir]
// All 20 US-guideline sample charts (with their draft-claim codes as existing codes) and the first ten
// English CodiEsp cases, de-identified through the same importer and PHI guard as any import.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportedChart } from '../src/shared/chart';
import { fiscalYearOf } from '../src/shared/codeset/format';
import { parseImport } from '../src/shared/importers/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'data', 'samples'));
const out = path.join(root, 'resources', 'demo', 'charts.jsonl');
// A fixed secret: demo ids and date shifts are the same on every build and every install.
const SECRET = 'plumbline-demo-charts-v1';
const CODIESP_CASES = 10;
// CodiEsp cases carry no date; they get one inside the fiscal year the bundled code set covers.
const CODIESP_DATE = '2026-03-02';

function lines(file: string, n?: number): string {
  const all = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return (n === undefined ? all : all.slice(0, n)).join('\n') + '\n';
}

/**
 * The date shift (1–30 days back) can move an October date of service into the previous fiscal year,
 * whose code set the app does not ship; the demo keeps such charts on 1 October of their own year.
 */
function keepFiscalYear(chart: ImportedChart, originalDos: string | undefined): ImportedChart {
  if (!originalDos) return chart;
  const fy = fiscalYearOf(originalDos);
  if (fiscalYearOf(chart.encounter.dateOfService) === fy) return chart;
  const dos = `${fy - 1}-10-01`;
  return { ...chart, encounter: { ...chart.encounter, dateOfService: dos }, documents: chart.documents.map((d) => ({ ...d, date: d.date ? dos : null })) };
}

const usguideFile = path.join(samples, 'usguide', 'usguide.samples.jsonl');
const usguide = parseImport('usguide.samples.jsonl', lines(usguideFile), { secret: SECRET, phiMode: 'deidentify' });
const originalDates = fs
  .readFileSync(usguideFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { date_of_service?: string }).date_of_service);
const codiesp = parseImport('codiesp_en.samples.jsonl', lines(path.join(samples, 'codiesp', 'codiesp_en.samples.jsonl'), CODIESP_CASES), {
  secret: SECRET,
  phiMode: 'deidentify',
  defaultDateOfService: CODIESP_DATE,
});
if (usguide.refused.length || codiesp.refused.length) throw new Error('The PHI guard refused a demo chart.');

const charts = [...usguide.charts.map((c, i) => keepFiscalYear(c, originalDates[i])), ...codiesp.charts];
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, charts.map((c) => JSON.stringify(c)).join('\n') + '\n');
process.stdout.write(
  `${JSON.stringify({ file: path.relative(root, out), charts: charts.length, usguide: usguide.charts.length, codiesp: codiesp.charts.length, phi: { usguide: usguide.counts, codiesp: codiesp.counts } })}\n`,
);
