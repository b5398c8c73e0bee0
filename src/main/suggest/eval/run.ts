// Scoring the local engine on labelled charts, with fixed priors or by K-fold cross-validation
// (priors learned on the other folds only, so no chart is scored with counts learned from itself).
import type { CodeSystemId } from '../../../shared/codeset/types';
import type { SuggestionRun } from '../../../shared/suggest/types';
import { learnPriors } from '../learn/learn';
import type { Priors } from '../learn/priors';
import { createLocalEngine, type EngineCodeSet } from '../local/engine';
import { toSuggestInput, type LabeledChart } from './charts';
import { ScoreBoard, type Scores } from './metrics';

export interface EvalOptions {
  system?: CodeSystemId;
  /** Fixed priors; ignored when folds > 1. */
  priors?: Priors;
  folds?: number;
  onChart?: (chart: LabeledChart, run: SuggestionRun) => void;
}

export interface EvalResult extends Scores {
  engine: 'local';
  system: CodeSystemId;
  folds: number;
  /** Mean confidence threshold of the priors used. */
  threshold: number;
  msPerChart: number;
}

/** Codes a run puts forward for the claim: additions and codes kept. */
export function claimedCodes(run: SuggestionRun, system: CodeSystemId): string[] {
  return run.suggestions.filter((s) => s.system === system && (s.kind === 'add' || s.kind === 'keep')).map((s) => s.code);
}

/** Deterministic folds: charts sorted by id, dealt round-robin. */
export function foldsOf<T extends { id: string }>(charts: readonly T[], k: number): T[][] {
  const sorted = [...charts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: T[][] = Array.from({ length: k }, () => []);
  sorted.forEach((c, i) => out[i % k]!.push(c));
  return out;
}

export function evaluate(charts: readonly LabeledChart[], codeSet: EngineCodeSet, opts: EvalOptions): EvalResult {
  const system = opts.system ?? 'icd10cm';
  const fy = Math.max(...codeSet.fiscalYears);
  const board = new ScoreBoard(codeSet);
  const folds = opts.folds && opts.folds > 1 ? Math.min(opts.folds, charts.length) : 1;
  const plan: Array<{ priors: Priors; test: LabeledChart[] }> = [];
  if (folds > 1) {
    const parts = foldsOf(charts, folds);
    parts.forEach((test, i) => plan.push({ priors: learnPriors(parts.filter((_, j) => j !== i).flat(), codeSet, { source: `fold ${i + 1}/${folds} training charts` }), test }));
  } else {
    if (!opts.priors) throw new Error('evaluate: give priors or folds > 1');
    plan.push({ priors: opts.priors, test: [...charts] });
  }
  let ms = 0;
  for (const { priors, test } of plan) {
    const engine = createLocalEngine(codeSet, priors);
    for (const chart of test) {
      const run = engine.suggest(toSuggestInput(chart, fy));
      ms += run.elapsedMs;
      opts.onChart?.(chart, run);
      board.add(
        chart.codes.filter((c) => c.system === system).map((c) => c.code),
        claimedCodes(run, system),
      );
    }
  }
  return { engine: 'local', system, folds, threshold: plan.reduce((a, p) => a + p.priors.threshold, 0) / plan.length, msPerChart: charts.length ? ms / charts.length : 0, ...board.result() };
}
