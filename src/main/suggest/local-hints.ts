// The local engine's codes as candidate hints for the model engine's prompt. The desktop service and
// the CLI both send them, so the model sees the same hints wherever it is called from.
import type { SuggestInput, SuggestionRun } from '../../shared/suggest/types';
import type { ModelCandidate } from './model';

/** Takes a getter so that building the local engine (seconds, once) fails as softly as running it. */
export function localEngineHints(localEngine: () => { suggest(input: SuggestInput): SuggestionRun }, input: SuggestInput): ModelCandidate[] {
  try {
    return localEngine()
      .suggest(input)
      .suggestions.map((s) => ({ system: s.system, code: s.code }));
  } catch {
    // Hints only help the model; without them it still reads the chart.
    return [];
  }
}
