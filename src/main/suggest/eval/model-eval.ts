// Scoring the model engine on labelled charts. Same scores as the local engine's eval, over the charts
// the model answered; charts whose call failed (endpoint errors, the PHI guard refusing to send) are
// counted with their reasons instead of being dropped quietly, and what grounding removed is totalled.
import type { CodeSetLookup, CodeSystemId } from '../../../shared/codeset/types';
import { addDrops, emptyDrops } from '../../../shared/suggest/grounding';
import type { GroundingDrops, SuggestInput, SuggestionRun } from '../../../shared/suggest/types';
import type { ModelCandidate, ModelEngine } from '../model';
import type { LabeledChart } from './charts';
import { ScoreBoard, type Scores } from './metrics';
import { runModelCharts } from './model-runs';
import { claimedCodes } from './run';

const EXAMPLE_IDS = 5;

export interface ModelFailure {
  reason: string;
  charts: number;
  /** The first few chart ids that failed this way. */
  examples: string[];
}

export interface ModelEvalResult extends Scores {
  engine: 'model';
  model: string;
  endpointHost: string;
  system: CodeSystemId;
  /** Charts in the input: `charts` (answered and scored) plus `failed`. */
  attempted: number;
  failed: number;
  /** Most frequent reason first. */
  failures: ModelFailure[];
  /** Suggestions the model proposed, and those left after grounding (all kinds, all systems). */
  proposed: number;
  kept: number;
  drops: GroundingDrops;
  /** Mean wall time of one call, failed ones included. */
  msPerChart: number;
}

export interface ModelEvalOptions {
  system?: CodeSystemId;
  concurrency: number;
  candidatesFor?: (input: SuggestInput) => readonly ModelCandidate[];
  signal?: AbortSignal;
  onChart?: (chart: LabeledChart, run: SuggestionRun) => void;
}

export async function evaluateModel(
  charts: readonly LabeledChart[],
  engine: Pick<ModelEngine, 'suggest' | 'model' | 'endpointHost'>,
  codeSet: CodeSetLookup,
  opts: ModelEvalOptions,
): Promise<ModelEvalResult> {
  const system = opts.system ?? 'icd10cm';
  const board = new ScoreBoard(codeSet);
  const drops = emptyDrops();
  const failures = new Map<string, ModelFailure>();
  let failed = 0;
  let proposed = 0;
  let kept = 0;
  let ms = 0;
  await runModelCharts(charts, engine, {
    concurrency: opts.concurrency,
    fiscalYear: Math.max(...codeSet.fiscalYears),
    ...(opts.candidatesFor ? { candidatesFor: opts.candidatesFor } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onRun: (chart, run) => {
      ms += run.elapsedMs;
      opts.onChart?.(chart, run);
      if (run.error !== undefined) {
        failed++;
        let f = failures.get(run.error);
        if (!f) failures.set(run.error, (f = { reason: run.error, charts: 0, examples: [] }));
        f.charts++;
        if (f.examples.length < EXAMPLE_IDS) f.examples.push(chart.id);
        return;
      }
      proposed += run.proposed;
      kept += run.suggestions.length;
      addDrops(drops, run.drops);
      board.add(
        chart.codes.filter((c) => c.system === system).map((c) => c.code),
        claimedCodes(run, system),
      );
    },
  });
  return {
    engine: 'model',
    model: engine.model,
    endpointHost: engine.endpointHost,
    system,
    attempted: charts.length,
    failed,
    failures: [...failures.values()].sort((a, b) => b.charts - a.charts),
    proposed,
    kept,
    drops,
    msPerChart: charts.length ? ms / charts.length : 0,
    ...board.result(),
  };
}
