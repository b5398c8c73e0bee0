import { SYSTEM_NAMES } from '../../../shared/codeset/format';
import { readChartsJsonl } from '../../suggest/eval/charts';
import type { Prf } from '../../suggest/eval/metrics';
import { evaluate } from '../../suggest/eval/run';
import { loadPriors } from '../../suggest/learn/priors';
import { loadEnginePriors } from '../../suggest/learn/store';
import { UsageError, type CliCommand } from '../command';
import { withCodeSet } from '../with-codeset';
import { requireLocalEngine } from './suggest';

const pct = (x: number): string => x.toFixed(3);
const line = (name: string, p: Prf): string => `${name.padEnd(13)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Score the local engine on labelled charts: micro P/R/F1, exact and hierarchical, per chapter',
  usage: 'plumbline eval --input <file.jsonl> [--engine local] [--system ICD-10-CM] [--priors <file>] [--folds K] [--json]',
  options: { input: { type: 'string' }, engine: { type: 'string' }, system: { type: 'string' }, priors: { type: 'string' }, folds: { type: 'string' } },
  async run(ctx, { values }) {
    if (typeof values.input !== 'string') throw new UsageError('Give the labelled charts: --input <file.jsonl>');
    requireLocalEngine(values.engine);
    const system = SYSTEM_NAMES[typeof values.system === 'string' ? values.system : 'ICD-10-CM'];
    if (system !== 'icd10cm') throw new UsageError('The local engine suggests ICD-10-CM codes only (use --system ICD-10-CM)');
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
      ctx.out(line('exact', result.exact));
      ctx.out(line('hierarchical', result.hierarchical));
      for (const [ch, p] of Object.entries(result.chapters)) ctx.out(`  chapter ${ch.padStart(2)}  F1 ${pct(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`);
    }
    ctx.out(JSON.stringify(result));
    return 0;
  },
};
