// Labelled charts through the model engine, as many in flight as the engine allows, with results
// handed back in file order (so a JSONL output lines up with its input). Every chart is attempted:
// the engine never throws, a failed call is a run with `error`.
import type { SuggestInput, SuggestionRun } from '../../../shared/suggest/types';
import type { ModelCandidate, ModelEngine } from '../model';
import { toSuggestInput, type LabeledChart } from './charts';

export interface ModelChartsOptions {
  /** Charts in flight at once; the engine's own limit (its maxConcurrency) is the useful value. */
  concurrency: number;
  /** Fiscal year for charts without a date of service (see toSuggestInput). */
  fiscalYear: number;
  /** Hints for the prompt, usually the local engine's codes. */
  candidatesFor?: (input: SuggestInput) => readonly ModelCandidate[];
  signal?: AbortSignal;
  /** Called once per chart, in file order, as soon as it and every chart before it are done. */
  onRun(chart: LabeledChart, run: SuggestionRun, index: number): void;
}

export async function runModelCharts(charts: readonly LabeledChart[], engine: Pick<ModelEngine, 'suggest'>, opts: ModelChartsOptions): Promise<void> {
  const finished = new Map<number, SuggestionRun>();
  let next = 0;
  let emitted = 0;
  const flush = (): void => {
    for (let run = finished.get(emitted); run; run = finished.get(emitted)) {
      finished.delete(emitted);
      opts.onRun(charts[emitted]!, run, emitted);
      emitted++;
    }
  };
  const worker = async (): Promise<void> => {
    while (next < charts.length) {
      const i = next++;
      const input = toSuggestInput(charts[i]!, opts.fiscalYear);
      const candidates = opts.candidatesFor?.(input) ?? [];
      finished.set(i, await engine.suggest(input, opts.signal, { candidates }));
      flush();
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(opts.concurrency), charts.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
