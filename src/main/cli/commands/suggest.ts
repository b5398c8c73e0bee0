import { displayCode, SYSTEM_LABELS } from '../../../shared/codeset/format';
import { readChartsJsonl, toSuggestInput } from '../../suggest/eval/charts';
import { loadPriors } from '../../suggest/learn/priors';
import { loadEnginePriors } from '../../suggest/learn/store';
import { createLocalEngine } from '../../suggest/local/engine';
import { UsageError, type CliCommand } from '../command';
import { withCodeSet } from '../with-codeset';

export function requireLocalEngine(engine: unknown): void {
  if (engine === undefined || engine === 'local') return;
  if (engine === 'model') throw new UsageError('The model engine runs in the desktop app (it needs the API key kept by the OS keychain); use --engine local here.');
  throw new UsageError(`Unknown engine "${String(engine)}" (use local)`);
}

export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'Suggest codes for every chart of a JSONL file (offline local engine), with evidence offsets',
  usage: 'plumbline suggest --input <file.jsonl> [--engine local] [--priors <file>] [--jsonl]',
  options: { input: { type: 'string' }, engine: { type: 'string' }, priors: { type: 'string' }, jsonl: { type: 'boolean' } },
  async run(ctx, { values }) {
    if (typeof values.input !== 'string') throw new UsageError('Give the charts: --input <file.jsonl>');
    requireLocalEngine(values.engine);
    const charts = readChartsJsonl(values.input);
    const priors = typeof values.priors === 'string' ? loadPriors(values.priors) : loadEnginePriors(ctx.dataDir);
    const jsonl = values.jsonl === true || ctx.json;
    await withCodeSet(ctx, (cs) => {
      const engine = createLocalEngine(cs, priors);
      const fy = Math.max(...cs.fiscalYears);
      for (const chart of charts) {
        const run = engine.suggest(toSuggestInput(chart, fy));
        const claimed = run.suggestions.filter((s) => s.kind === 'add' || s.kind === 'keep');
        if (jsonl) {
          const codes = claimed.map((s) => ({ system: SYSTEM_LABELS[s.system], code: s.code, confidence: s.confidence, evidence: s.evidence.map((e) => [e.start, e.end]) }));
          ctx.out(JSON.stringify({ id: chart.id, codes }));
        } else {
          const other = run.suggestions.filter((s) => s.kind !== 'add' && s.kind !== 'keep');
          const list = [...claimed, ...other].map((s) => `${s.kind === 'add' ? '' : `${s.kind}:`}${displayCode(s.system, s.code)} (${s.confidence.toFixed(2)})`);
          ctx.out(`${chart.id}: ${list.join(', ') || 'no suggestions'}`);
        }
      }
    });
    return 0;
  },
};
