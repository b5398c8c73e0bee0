// A learned ranker on top of the phrase priors: a logistic model over what a coder weighs besides
// "how often was this phrasing coded" — how often the note states it, where, how sure, what kind of
// code it is, how many other conditions compete in the chart. Fitted on leave-one-chart-out rows so
// it learns how far the counts can be trusted on a chart they never saw.
import { sentenceKey, type Candidate } from '../local/candidate';
import { logOdds, phraseCodeKey, type PriorCounts, type Priors } from './priors';

export interface Ranker {
  features: string[];
  weights: number[];
  bias: number;
}

/** What the ranker needs to know of the chart a candidate comes from. */
export interface RankContext {
  /** Candidates the chart yields (its density of findings). */
  candidates: number;
  /** Sentences in the chart, as far as candidates reach. */
  sentences: number;
  /** Candidates per three-character category. */
  categories: ReadonlyMap<string, number>;
  title(code: string): string | undefined;
}

export type Features = Record<string, number>;

/** The chart-level context from the chart's candidates. */
export function rankContext(cands: readonly Candidate[], title: (code: string) => string | undefined): RankContext {
  const categories = new Map<string, number>();
  let sentences = 1;
  for (const c of cands) {
    categories.set(c.code.slice(0, 3), (categories.get(c.code.slice(0, 3)) ?? 0) + 1);
    for (const m of c.mentions) sentences = Math.max(sentences, m.sentence + 1);
  }
  return { candidates: cands.length, sentences, categories, title };
}

/** Chapter groups by first letter(s): enough to tell symptoms, status codes, neoplasms, injuries apart. */
function chapter(code: string): string {
  const l = code[0]!;
  if (l === 'D') return Number(code.slice(1, 3)) < 50 ? 'C' : 'D';
  if (l === 'A' || l === 'B') return 'AB';
  if (l === 'S' || l === 'T') return 'ST';
  if ('VWXY'.includes(l)) return 'V';
  if ('OPQ'.includes(l)) return 'OPQ';
  return l;
}

function countFeatures(out: Features, name: string, c: PriorCounts | undefined): void {
  const seen = c?.seen ?? 0;
  out[`${name}.seen`] = Math.log1p(seen);
  out[`${name}.unseen`] = seen > 0 ? 0 : 1;
  out[`${name}.rate`] = seen > 0 ? logOdds(((c?.coded ?? 0) + 0.5) / (seen + 1)) : 0;
}

/**
 * Features of one candidate read as `code` with prior-based confidence `base`. `phrases` are the
 * counted phrasings of its mentions in this visit's sections.
 */
export function rankFeatures(priors: Priors, c: Candidate, code: string, base: number, phrases: readonly string[], cls: string, ctx: RankContext): Features {
  const f: Features = { base: logOdds(base) };
  let best: PriorCounts | undefined;
  for (const p of phrases) {
    const pc = priors.phrases[phraseCodeKey(p, code)];
    if (pc && (!best || pc.seen > best.seen)) best = pc;
  }
  countFeatures(f, 'phrase', best);
  countFeatures(f, 'code', priors.codes[code]);
  const cl = priors.classes[cls];
  f['class.rate'] = cl && cl.seen > 0 ? logOdds((cl.coded + 0.5) / (cl.seen + 1)) : 0;
  const sentences = new Set(c.mentions.map(sentenceKey));
  f.mentions = Math.log(sentences.size || 1);
  for (const m of c.mentions) {
    // The assessment is a convention applied after the ranker, as are combinations; the ranker
    // learns neither, so a corpus without them cannot unlearn them.
    if (m.section !== 'assessment') f[`section.${m.section}`] = 1;
    if (m.assertion !== 'present') f[`assert.${m.assertion}`] = 1;
  }
  const longest = c.mentions.reduce((a, m) => (m.words.length > a.words.length ? m : a), c.mentions[0]!);
  if (c.via !== 'combination') f[`source.${c.via === 'match' ? longest.source : c.via}`] = 1;
  f.words = Math.min(longest.words.length, 4);
  f[`chapter.${chapter(code)}`] = 1;
  const title = ctx.title(code) ?? '';
  if (/unspecified/i.test(title)) f.unspecified = 1;
  if (/^other\b/i.test(title)) f.other = 1;
  const first = Math.min(...c.mentions.map((m) => m.sentence));
  f.opening = first <= 1 ? 1 : 0;
  f.position = first / ctx.sentences;
  f['chart.candidates'] = Math.log1p(ctx.candidates);
  f.siblings = Math.log1p(Math.max(0, (ctx.categories.get(code.slice(0, 3)) ?? 1) - 1));
  if (code !== c.code) f.alt = 1;
  return f;
}

export function applyRanker(r: Ranker, f: Features): number {
  let z = r.bias;
  r.features.forEach((name, i) => (z += (f[name] ?? 0) * r.weights[i]!));
  return 1 / (1 + Math.exp(-z));
}

export interface RankRow {
  features: Features;
  coded: boolean;
}

/** Features seen in fewer rows than this are left out: their weight would be noise. */
const MIN_FEATURE_ROWS = 10;

/** L2-regularised logistic regression by Newton's method (a few dozen features, thousands of rows). */
export function fitRanker(rows: readonly RankRow[], l2 = 1): Ranker {
  const counts = new Map<string, number>();
  for (const r of rows) for (const [k, v] of Object.entries(r.features)) if (v !== 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  const features = [...counts].filter(([, n]) => n >= MIN_FEATURE_ROWS).map(([k]) => k).sort();
  const d = features.length + 1;
  const X = rows.map((r) => [1, ...features.map((k) => r.features[k] ?? 0)]);
  const y = rows.map((r) => (r.coded ? 1 : 0));
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const grad = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    X.forEach((x, i) => {
      let z = 0;
      for (let j = 0; j < d; j++) z += x[j]! * w[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = p - y[i]!;
      const s = p * (1 - p);
      for (let j = 0; j < d; j++) {
        if (x[j] === 0) continue;
        grad[j]! += g * x[j]!;
        for (let k = 0; k <= j; k++) H[j]![k]! += s * x[j]! * x[k]!;
      }
    });
    // The bias is not shrunk; every weight is.
    for (let j = 1; j < d; j++) {
      grad[j]! += l2 * w[j]!;
      H[j]![j]! += l2;
    }
    H[0]![0]! += 1e-6;
    for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) H[j]![k] = H[k]![j]!;
    const step = solve(H, grad);
    if (!step) break;
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { features, weights: w.slice(1), bias: w[0]! };
}

/** Solves A x = b for a symmetric positive-definite A (Cholesky); undefined if A is not. */
function solve(A: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (s <= 0) return undefined;
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * z[k]!;
    z[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}
