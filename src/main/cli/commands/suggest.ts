import { displayCode, SYSTEM_LABELS } from '../../../shared/codeset/format';
import type { SuggestionRun } from '../../../shared/suggest/types';
import { readChartsJsonl, toSuggestInput, type LabeledChart } from '../../suggest/eval/charts';
import { runModelCharts } from '../../suggest/eval/model-runs';
import { loadPriors, type Priors } from '../../suggest/learn/priors';
import { loadEnginePriors } from '../../suggest/learn/store';
import { createLocalEngine } from '../../suggest/local/engine';
import { localEngineHints } from '../../suggest/local-hints';
import { createModelEngine } from '../../suggest/model';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { MODEL_OPTIONS, MODEL_USAGE, modelFlagsGiven, resolveCliModelConfig } from '../model-config';
import { chartProgress } from '../progress';
import { withCodeSet } from '../with-codeset';

export type EngineName = 'local' | 'model';

/** Reads --engine, and refuses model-endpoint flags given to the local engine (they would be ignored). */
export function engineFlag(values: Record<string, unknown>): EngineName {
  const engine = values.engine;
  if (engine !== undefined && engine !== 'local' && engine !== 'model') throw new UsageError(`Unknown engine "${String(engine)}" (use local or model)`);
  const name = engine ?? 'local';
  const stray = modelFlagsGiven(values as Parameters<typeof modelFlagsGiven>[0]);
  if (name === 'local' && stray.length > 0) throw new UsageError(`${stray.join(', ')} only apply to --engine model`);
  return name;
}

export function priorsFor(ctx: CliContext, values: Record<string, unknown>): Priors {
  return typeof values.priors === 'string' ? loadPriors(values.priors) : loadEnginePriors(ctx.dataDir);
}

/** One chart's output: a JSON line (claimed codes, undotted, with evidence offsets) or a text line. */
function printRun(ctx: CliContext, jsonl: boolean, chart: LabeledChart, run: SuggestionRun): void {
  const claimed = run.suggestions.filter((s) => s.kind === 'add' || s.kind === 'keep');
  if (jsonl) {
    const codes = claimed.map((s) => ({ system: SYSTEM_LABELS[s.system], code: s.code, confidence: s.confidence, evidence: s.evidence.map((e) => [e.start, e.end]) }));
    ctx.out(JSON.stringify({ id: chart.id, codes, ...(run.error !== undefined ? { error: run.error } : {}) }));
    return;
  }
  if (run.error !== undefined) {
    ctx.out(`${chart.id}: FAILED — ${run.error}`);
    return;
  }
  const other = run.suggestions.filter((s) => s.kind !== 'add' && s.kind !== 'keep');
  const list = [...claimed, ...other].map((s) => `${s.kind === 'add' ? '' : `${s.kind}:`}${displayCode(s.system, s.code)} (${s.confidence.toFixed(2)})`);
  ctx.out(`${chart.id}: ${list.join(', ') || 'no suggestions'}`);
}

export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'Suggest codes for every chart of a JSONL file (offline local engine, or a model endpoint keyed by $PLUMBLINE_MODEL_API_KEY), with evidence offsets',
  usage: `plumbline suggest --input <file.jsonl> [--engine local|model] [--priors <file>] [--jsonl] ${MODEL_USAGE}`,
  options: { input: { type: 'string' }, engine: { type: 'string' }, priors: { type: 'string' }, jsonl: { type: 'boolean' }, ...MODEL_OPTIONS },
  async run(ctx, { values }) {
    if (typeof values.input !== 'string') throw new UsageError('Give the charts: --input <file.jsonl>');
    const engineName = engineFlag(values);
    // Settings and key are checked before anything is read, built or sent.
    const modelConfig = engineName === 'model' ? resolveCliModelConfig(ctx.dataDir, values) : null;
    const charts = readChartsJsonl(values.input);
    const priors = priorsFor(ctx, values);
    const jsonl = values.jsonl === true || ctx.json;
    return withCodeSet(ctx, async (cs) => {
      const local = createLocalEngine(cs, priors);
      const fy = Math.max(...cs.fiscalYears);
      if (!modelConfig) {
        for (const chart of charts) printRun(ctx, jsonl, chart, local.suggest(toSuggestInput(chart, fy)));
        return 0;
      }
      const engine = createModelEngine(modelConfig, { codeSet: cs });
      const progress = chartProgress(charts.length, `model ${engine.model}`);
      let failed = 0;
      try {
        await runModelCharts(charts, engine, {
          concurrency: modelConfig.maxConcurrency,
          fiscalYear: fy,
          candidatesFor: (input) => localEngineHints(() => local, input),
          onRun: (chart, run) => {
            if (run.error !== undefined) failed++;
            progress.tick(run.error !== undefined);
            printRun(ctx, jsonl, chart, run);
          },
        });
      } finally {
        progress.end();
      }
      if (failed > 0) ctx.err(`plumbline: the model call failed for ${failed} of ${charts.length} charts (${jsonl ? 'see their "error" fields' : 'marked FAILED'}).`);
      return failed > 0 ? 1 : 0;
    });
  },
};
