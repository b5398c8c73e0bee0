// Learning priors from finished charts: run the matcher, see which candidates coders coded (and as
// what), count per phrasing and code, then pick the confidence threshold that keeps precision high,
// scoring every chart with its own counts left out so the threshold is not fitted to itself.
import type { CodeSystemId } from '../../../shared/codeset/types';
import type { Candidate } from '../local/candidate';
import { candidateClass, candidateConfidence, createLocalEngine, engineResources, mentionGroup, type EngineCodeSet } from '../local/engine';
import { toSuggestInput, type LabeledChart } from '../eval/charts';
import { hierarchicalMatch } from '../eval/metrics';
import { learnLexicon, presentPhrasings, type LexiconOptions } from './lexicon';
import { countObservation, DEFAULT_THRESHOLD, emptyPriors, phraseCodeKey, phraseKey, priorPhrase, type Priors } from './priors';
import { applyRanker, fitRanker, rankContext, type Features, type RankRow } from './ranker';

/**
 * Precision the learned threshold aims for (the coder's protection); recall is maximised under it.
 * Three points above the 0.80 product target: leave-one-out estimates run a little optimistic on
 * charts from outside the training set.
 */
export const TARGET_PRECISION = 0.83;

interface Observation {
  chart: number;
  cand: Candidate;
  phrases: string[];
  cls: string;
  group: string;
  coded: boolean;
  alts: string[];
}

export interface LearnOptions {
  source?: string;
  targetPrecision?: number;
  /** Learn phrasings the Index does not know (default on); options tune how much evidence one needs. */
  lexicon?: LexiconOptions | false;
  /** Learn a ranker over the counts and the chart's context (default on). */
  ranker?: boolean;
}

export function learnPriors(charts: readonly LabeledChart[], codeSet: EngineCodeSet, opts: LearnOptions = {}): Priors {
  const priors = emptyPriors(opts.source ?? 'charts');
  const fy = Math.max(...codeSet.fiscalYears);
  const candidatesOf = candidateReader(charts, codeSet, fy, opts.lexicon);
  priors.lexicon = candidatesOf.lexicon;
  const obs: Observation[] = [];
  const goldByChart: string[][] = [];
  const system: CodeSystemId = 'icd10cm';
  charts.forEach((chart, ci) => {
    const gold = [...new Set(chart.codes.filter((c) => c.system === system).map((c) => c.code))];
    goldByChart.push(gold);
    const cands = candidatesOf(ci);
    const hit = (code: string): boolean => gold.some((g) => hierarchicalMatch(codeSet, g, code));
    const covered = new Set(cands.flatMap((c) => gold.filter((g) => hierarchicalMatch(codeSet, g, c.code))));
    for (const cand of cands) {
      const coded = hit(cand.code);
      // The code coders used instead, when it is in the same category and nothing else explains it.
      const stems = new Set(cand.mentions.flatMap((m) => stemsOf(m.phrase)));
      const alts = coded
        ? []
        : gold.filter((g) => {
            const rec = codeSet.code('icd10cm', g);
            if (covered.has(g) || !rec?.billable) return false;
            return g.slice(0, 3) === cand.code.slice(0, 3) || stemsOf(rec.description).some((w) => stems.has(w));
          });
      const o: Observation = { chart: ci, cand, phrases: cand.mentions.map((m) => priorPhrase(m.phrase, m.assertion)), cls: candidateClass(cand), group: mentionGroup(cand), coded, alts };
      obs.push(o);
      countObservation(priors, o.phrases, cand.code, o.cls, coded, alts, [o.group]);
    }
  });
  priors.charts = charts.length;
  const title = (code: string): string | undefined => codeSet.code(system, code)?.description;
  const rows = leaveOneOutRows(priors, obs, goldByChart, codeSet, title);
  const target = opts.targetPrecision ?? TARGET_PRECISION;
  const goldTotal = goldByChart.reduce((a, g) => a + g.length, 0);
  if (opts.ranker === false || rows.length === 0) {
    priors.threshold = pickThreshold(bestPerCode(rows, rows.map((r) => ({ conf: r.base, correct: r.coded }))), goldTotal, target);
    return priors;
  }
  // The threshold is picked on scores the ranker gave charts it was not fitted on.
  const k = Math.min(RANKER_FOLDS, charts.length);
  const outOfFold: Array<{ conf: number; correct: boolean }> = [];
  for (let f = 0; f < k; f++) {
    const ranker = fitRanker(rows.filter((r) => r.chart % k !== f));
    for (const r of rows) if (r.chart % k === f) outOfFold.push({ conf: applyRanker(ranker, r.features), correct: r.coded });
  }
  priors.ranker = fitRanker(rows);
  priors.threshold = pickThreshold(bestPerCode(rows, outOfFold), goldTotal, target);
  return priors;
}

const RANKER_FOLDS = 5;

interface LooRow extends RankRow {
  chart: number;
  code: string;
  /** Confidence from the counts alone. */
  base: number;
}

/** Per chart and code the highest score, as the engine shows one suggestion per code. */
function bestPerCode(rows: readonly LooRow[], scores: ReadonlyArray<{ conf: number; correct: boolean }>): Array<{ conf: number; correct: boolean }> {
  const best = new Map<string, { conf: number; correct: boolean }>();
  rows.forEach((r, i) => {
    const key = `${r.chart}\t${r.code}`;
    const s = scores[i]!;
    if ((best.get(key)?.conf ?? -1) < s.conf) best.set(key, s);
  });
  return [...best.values()];
}

/** Inner folds for learning the lexicon: each chart's candidates come from phrasings learned without it. */
const LEXICON_FOLDS = 5;

/**
 * Each training chart's candidates. With a lexicon, a chart is read with phrasings learned on the other
 * charts only: a phrasing learned from a chart always "works" on that chart, and counting that would
 * make learned phrasings look far surer than they are on new charts.
 */
function candidateReader(charts: readonly LabeledChart[], codeSet: EngineCodeSet, fy: number, opts: LexiconOptions | false | undefined): ((chart: number) => Candidate[]) & { lexicon?: Record<string, string[]> } {
  const base = createLocalEngine(codeSet, emptyPriors());
  const baseCands = charts.map((chart) => base.candidates(toSuggestInput(chart, fy)));
  if (opts === false) return (ci: number) => baseCands[ci]!;
  const { dict, table } = engineResources(codeSet);
  const describe = (code: string): string | undefined => table.byCode.get(code)?.long_desc;
  const lexiconCharts = charts.map((chart, ci) => {
    const unexplained = new Set<string>();
    for (const c of chart.codes) {
      if (c.system !== 'icd10cm' || baseCands[ci]!.some((k) => hierarchicalMatch(codeSet, c.code, k.code))) continue;
      const billable = table.resolveBillable(c.code);
      if (billable) unexplained.add(billable);
    }
    return { phrasings: presentPhrasings(chart.text, dict, opts?.maxWords), unexplained: [...unexplained] };
  });
  const k = Math.min(LEXICON_FOLDS, charts.length);
  const out = new Array<Candidate[]>(charts.length);
  if (k < 2) charts.forEach((_, ci) => (out[ci] = baseCands[ci]!));
  else {
    for (let f = 0; f < k; f++) {
      const lexicon = learnLexicon(lexiconCharts.filter((_, ci) => ci % k !== f), dict, opts ?? {}, describe);
      const reader = createLocalEngine(codeSet, { ...emptyPriors(), lexicon });
      charts.forEach((chart, ci) => {
        if (ci % k === f) out[ci] = reader.candidates(toSuggestInput(chart, fy));
      });
    }
  }
  return Object.assign((ci: number) => out[ci]!, { lexicon: learnLexicon(lexiconCharts, dict, opts ?? {}, describe) });
}

/**
 * Every candidate scored with its own chart's counts left out, with the ranker's features: what the
 * counts say about a chart they have not seen. One row per candidate; `coded` is the gold answer.
 */
function leaveOneOutRows(priors: Priors, obs: readonly Observation[], goldByChart: readonly string[][], codeSet: EngineCodeSet, title: (code: string) => string | undefined): LooRow[] {
  const byChart = new Map<number, Observation[]>();
  for (const o of obs) (byChart.get(o.chart) ?? byChart.set(o.chart, []).get(o.chart)!).push(o);
  const rows: LooRow[] = [];
  for (const [ci, list] of byChart) {
    for (const o of list) uncount(priors, o);
    const ctx = rankContext(list.map((o) => o.cand), title);
    const gold = goldByChart[ci]!;
    for (const o of list) {
      let features: Features = {};
      const s = candidateConfidence(priors, o.cand, new Set(), ctx, (f) => (features = f));
      if (s) rows.push({ chart: ci, code: s.code, base: s.confidence, features, coded: gold.some((g) => hierarchicalMatch(codeSet, g, s.code)) });
    }
    for (const o of list) countObservation(priors, o.phrases, o.cand.code, o.cls, o.coded, o.alts, [o.group]);
  }
  return rows;
}

/** The lowest threshold whose precision reaches the target, maximising F1; failing that, the best F0.5. */
function pickThreshold(scored: Array<{ conf: number; correct: boolean }>, goldTotal: number, target: number): number {
  if (scored.length === 0 || goldTotal === 0) return DEFAULT_THRESHOLD;
  scored.sort((a, b) => b.conf - a.conf);
  let tp = 0;
  let n = 0;
  let bestF = -1;
  let bestT = DEFAULT_THRESHOLD;
  let fallbackF = -1;
  let fallbackT = DEFAULT_THRESHOLD;
  for (let i = 0; i < scored.length; i++) {
    n++;
    if (scored[i]!.correct) tp++;
    if (i + 1 < scored.length && scored[i + 1]!.conf === scored[i]!.conf) continue;
    const p = tp / n;
    const r = tp / goldTotal;
    const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    const f05 = p + r === 0 ? 0 : (1.25 * p * r) / (0.25 * p + r);
    if (p >= target && f > bestF) {
      bestF = f;
      bestT = scored[i]!.conf;
    }
    if (f05 > fallbackF) {
      fallbackF = f05;
      fallbackT = scored[i]!.conf;
    }
  }
  return bestF >= 0 ? bestT : fallbackT;
}

const STEM_STOP = new Set(['other', 'unspe', 'speci', 'with', 'witho', 'disea', 'disor', 'elsew', 'class', 'condi']);

/** Crude word stems, enough to tell that a code's title talks about the phrase's words. */
function stemsOf(s: string): string[] {
  return (s.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((w) => w.slice(0, 5)).filter((w) => !STEM_STOP.has(w));
}

function uncount(priors: Priors, o: Observation): void {
  // The exact inverse of countObservation, so every chart is scored without its own counts.
  const undo = (c: { seen: number; coded: number } | undefined): void => {
    if (!c) return;
    c.seen -= 1;
    if (o.coded) c.coded -= 1;
  };
  for (const p of new Set(o.phrases.map(phraseKey))) {
    const c = priors.phrases[phraseCodeKey(p, o.cand.code)];
    undo(c);
    if (c?.alt) for (const a of o.alts) c.alt[a] = (c.alt[a] ?? 0) - 1;
  }
  undo(priors.codes[o.cand.code]);
  undo(priors.classes[o.cls]);
  undo(priors.classes[o.group]);
}
