import { SYSTEM_NAMES } from '../../../shared/codeset/format';
import type { CodeSystemId } from '../../../shared/codeset/types';
import { readChartsJsonl } from '../../suggest/eval/charts';
import type { Prf, Scores } from '../../suggest/eval/metrics';
import { evaluateModel, type ModelEvalResult } from '../../suggest/eval/model-eval';
import { evaluate } from '../../suggest/eval/run';
import { loadPriors } from '../../suggest/learn/priors';
import { loadEnginePriors } from '../../suggest/learn/store';
import { createLocalEngine } from '../../suggest/local/engine';
import { localEngineHints } from '../../suggest/local-hints';
import { createModelEngine } from '../../suggest/model';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { MODEL_OPTIONS, MODEL_USAGE, resolveCliModelConfig } from '../model-config';
import { chartProgress } from '../progress';
import { withCodeSet } from '../with-codeset';
import { engineFlag, priorsFor } from './suggest';

const pct = (x: number): string => x.toFixed(3);
const line = (name: string, p: Prf): string => `${name.padEnd(13)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

function printScores(ctx: CliContext, result: Scores): void {
  ctx.out(line('exact', result.exact));
  ctx.out(line('hierarchical', result.hierarchical));
  for (const [ch, p] of Object.entries(result.chapters)) ctx.out(`  chapter ${ch.padStart(2)}  F1 ${pct(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`);
}

const MAX_REASONS_SHOWN = 10;

function printModelResult(ctx: CliContext, r: ModelEvalResult): void {
  ctx.out(`${r.attempted} charts to model ${r.model} at ${r.endpointHost}: ${r.charts} answered and scored, ${r.failed} failed (not scored)`);
  printScores(ctx, r);
  const dropped = Object.entries(r.drops).filter(([, n]) => n > 0);
  ctx.out(`grounding: ${r.proposed} proposed, ${r.kept} kept${dropped.length ? `; dropped ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}`);
  for (const f of r.failures.slice(0, MAX_REASONS_SHOWN)) ctx.out(`failed ×${f.charts}: ${f.reason} (e.g. ${f.examples.join(', ')})`);
  if (r.failures.length > MAX_REASONS_SHOWN) ctx.out(`failed: ${r.failures.length - MAX_REASONS_SHOWN} more reasons in the JSON below`);
}

async function evalModel(ctx: CliContext, values: Record<string, string | boolean | Array<string | boolean> | undefined>, input: string, system: CodeSystemId): Promise<number> {
  if (values.folds !== undefined) {
    throw new UsageError('--folds cross-validates the local engine’s learned priors; the model engine learns nothing from the charts, so run --engine model without --folds');
  }
  const config = resolveCliModelConfig(ctx.dataDir, values);
  const charts = readChartsJsonl(input);
  const priors = priorsFor(ctx, values);
  const result = await withCodeSet(ctx, async (cs) => {
    const local = createLocalEngine(cs, priors);
    const engine = createModelEngine(config, { codeSet: cs });
    const progress = chartProgress(charts.length, `model ${engine.model}`);
    try {
      return await evaluateModel(charts, engine, cs, {
        system,
        concurrency: config.maxConcurrency,
        candidatesFor: (i) => localEngineHints(() => local, i),
        onChart: (_, run) => progress.tick(run.error !== undefined),
      });
    } finally {
      progress.end();
    }
  });
  if (!ctx.json) printModelResult(ctx, result);
  ctx.out(JSON.stringify(result));
  // Scores over part of the file are not the file's scores: a script must notice.
  return result.failed > 0 ? 1 : 0;
}

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Score an engine (local, or model) on labelled charts: micro P/R/F1, exact and hierarchical, per chapter',
  usage: `plumbline eval --input <file.jsonl> [--engine local|model] [--system ICD-10-CM] [--priors <file>] [--folds K (local)] [--json] ${MODEL_USAGE}`,
  options: { input: { type: 'string' }, engine: { type: 'string' }, system: { type: 'string' }, priors: { type: 'string' }, folds: { type: 'string' }, ...MODEL_OPTIONS },
  async run(ctx, { values }) {
    if (typeof values.input !== 'string') throw new UsageError('Give the labelled charts: --input <file.jsonl>');
    const engineName = engineFlag(values);
    const system = SYSTEM_NAMES[typeof values.system === 'string' ? values.system : 'ICD-10-CM'];
    // Hierarchical matches and chapters are ICD-10-CM's, so scoring stays on that system for both engines.
    if (system !== 'icd10cm') throw new UsageError('Scoring covers ICD-10-CM codes only (use --system ICD-10-CM)');
    if (engineName === 'model') return evalModel(ctx, values, values.input, system);
    let folds = 1;
    if (values.folds !== undefined) {
      folds = Number(values.folds);
      if (!Number.isInteger(folds) || folds < 2 || folds > 50) throw new UsageError('--folds must be a whole number from 2 to 50');
    }
    const charts = readChartsJsonl(values.input);
    if (folds > charts.length) throw new UsageError(`--folds ${folds} needs at least ${folds} charts (the file has ${charts.length})`);
    const priors = folds > 1 ? undefined : typeof values.priors === 'string' ? loadPriors(values.priors) : loadEnginePriors(ctx.dataDir);
    const result = await withCodeSet(ctx, (cs) => evaluate(charts, cs, { system, folds, ...(priors ? { priors } : {}) }));
    if (!ctx.json) {
      ctx.out(`${result.charts} charts, ${folds > 1 ? `${folds}-fold cross-validation (priors learned on the other folds)` : `priors: ${priors?.source ?? ''}`}, threshold ${pct(result.threshold)}`);
      printScores(ctx, result);
    }
    ctx.out(JSON.stringify(result));
    return 0;
  },
};
