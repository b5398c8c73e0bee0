import { afterAll, beforeAll } from 'vitest';
import { openCodeSet, type CodeSet } from '../../src/main/codeset/open';
import { emptyPriors, loadPriors } from '../../src/main/suggest/learn/priors';
import { shippedPriorsFile } from '../../src/main/suggest/learn/store';
import { createLocalEngine, type LocalEngine } from '../../src/main/suggest/local/engine';
import type { Setting } from '../../src/shared/chart';
import type { SuggestInput, SuggestionRun } from '../../src/shared/suggest/types';
import { ensureTestCodeSet } from './codeset';

export interface Engines {
  /** Shows every candidate the rules let through, so tests see the rules and not the learned threshold. */
  open: LocalEngine;
  /** The engine as shipped (CodiEsp priors and their threshold). */
  shipped: LocalEngine;
}

/** Opens the test code set for a test file and builds both engines on it; closed after the file. */
export function useLocalEngines(): Engines {
  let cs: CodeSet | undefined;
  const engines = {} as Engines;
  beforeAll(() => {
    cs = openCodeSet(ensureTestCodeSet());
    engines.open = createLocalEngine(cs, { ...emptyPriors('test'), threshold: 0 });
    engines.shipped = createLocalEngine(cs, loadPriors(shippedPriorsFile()));
  }, 120_000);
  afterAll(() => cs?.close());
  return engines;
}

/** One note, as a chart of a 64-year-old man seen in the office on 2026-01-15 unless `over` says otherwise. */
export function noteInput(text: string, over: Partial<SuggestInput> = {}, setting: Setting = 'outpatient'): SuggestInput {
  return { encounterId: 'e', documents: [{ id: 'note', text }], dateOfService: '2026-01-15', setting, age: 64, sex: 'M', existingCodes: [], priorCodes: [], ...over };
}

/** The codes a run puts on the claim: additions and codes kept. */
export const claimed = (run: SuggestionRun): string[] => run.suggestions.filter((s) => s.kind === 'add' || s.kind === 'keep').map((s) => s.code);

/** The patient a probe-note test's chart is about when the test does not say. */
export interface NotePatient {
  age: number;
  sex: 'M' | 'F';
}

/** Reads one note and gives the codes claimed, sorted. */
export type ReadNote = (text: string, setting?: Setting, age?: number, sex?: 'M' | 'F') => string[];

/**
 * The probe-note tests' two readers over the file's engines: `read` shows every candidate the rules let
 * through, `shown` what the shipped engine shows. A note is about `patient` unless a test says otherwise.
 */
export function noteReaders(patient: NotePatient = { age: 60, sex: 'M' }): { read: ReadNote; shown: ReadNote; engines: Engines } {
  const engines = useLocalEngines();
  const reader =
    (engine: () => LocalEngine): ReadNote =>
    (text, setting = 'outpatient', age = patient.age, sex = patient.sex) =>
      claimed(engine().suggest(noteInput(text, { age, sex }, setting))).sort();
  return { read: reader(() => engines.open), shown: reader(() => engines.shipped), engines };
}
