// Builds the shipped priors (resources/priors/codiesp-en.json) from the CodiEsp English development
// samples only — the other data sets stay unseen so they can measure the engine honestly.
// Usage: npx tsx scripts/build-priors.ts [samples.jsonl] [codeset cache dir]
import os from 'node:os';
import path from 'node:path';
import { ensureCodeSet, openCodeSet } from '../src/main/codeset/open';
import { readChartsJsonl } from '../src/main/suggest/eval/charts';
import { learnPriors } from '../src/main/suggest/learn/learn';
import { savePriors, shippedPriorsFile } from '../src/main/suggest/learn/store';

const input = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/data/samples/codiesp/codiesp_en.samples.jsonl');
const cacheDir = process.argv[3] ?? path.join(os.tmpdir(), 'plumbline-test-codeset');
const cs = openCodeSet(ensureCodeSet(cacheDir));
try {
  const charts = readChartsJsonl(input);
  const priors = learnPriors(charts, cs, { source: 'codiesp_en.samples.jsonl (CodiEsp, CC BY 4.0)' });
  savePriors(shippedPriorsFile(), priors);
  console.log(`${shippedPriorsFile()}: ${priors.charts} charts, ${Object.keys(priors.phrases).length} phrase/code pairs, threshold ${priors.threshold.toFixed(3)}`);
} finally {
  cs.close();
}
