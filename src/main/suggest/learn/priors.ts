// Phrase → code priors: how often a phrasing, once matched to a code, ended up coded (and as which
// code) on charts coders finished. Counts back off from phrase to code to match class, so an unseen
// phrasing of a well-known code still gets a sensible confidence.
import { readFileSync } from 'node:fs';
import type { Ranker } from './ranker';

export const PRIORS_FORMAT = 'plumbline-priors/1';

export interface PriorCounts {
  seen: number;
  coded: number;
  /** Codes coders used instead (same category), with counts. */
  alt?: Record<string, number>;
}

export interface Priors {
  format: typeof PRIORS_FORMAT;
  /** Where the counts came from (file names, "coder decisions"). */
  source: string;
  charts: number;
  /** Suggestions below this confidence are not shown; learned to keep precision high. */
  threshold: number;
  /** Keyed `${phrase}\t${code}`. */
  phrases: Record<string, PriorCounts>;
  codes: Record<string, PriorCounts>;
  classes: Record<string, PriorCounts>;
  /**
   * Phrasings coders coded that the Index and tables do not lead to: normalised words → codes.
   * Matched like dictionary entries; their phrase counts say how often they were right.
   */
  lexicon?: Record<string, string[]>;
  /** Learned weighing of the counts with what else the chart says; absent, the counts alone decide. */
  ranker?: Ranker;
}

/** Confidence of a match class nobody has counted yet. */
export const UNSEEN_CLASS_RATE = 0.35;
/**
 * Classes read by a coding convention rather than a dictionary match start surer: a drug on the
 * medication list is long-term therapy (Z79) by guideline I.C.21.c.3. Learned counts override these.
 */
const CONVENTION_CLASS_RATE: Readonly<Record<string, number>> = { medication: 0.7 };
export const DEFAULT_THRESHOLD = 0.5;
/** Pseudo-count pulling a sparse level toward the level above it. */
const PULL = 2;
const MIN_ALT = 2;

export function emptyPriors(source = 'none'): Priors {
  return { format: PRIORS_FORMAT, source, charts: 0, threshold: DEFAULT_THRESHOLD, phrases: {}, codes: {}, classes: {} };
}

/** The form phrases are counted under: lower-case words separated by single spaces. */
export function phraseKey(phrase: string): string {
  return (phrase.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(' ');
}

/**
 * The phrasing counted for a mention: a condition read as past ("history of hypertension") is counted
 * apart from the same words stated as present, since coders code the two very differently.
 */
export function priorPhrase(phrase: string, assertion: string | undefined): string {
  return assertion === 'historical' ? `history of ${phrase}` : phrase;
}

export function phraseCodeKey(phrase: string, code: string): string {
  return `${phraseKey(phrase)}\t${code}`;
}

function rate(c: PriorCounts | undefined, fallback: number): number {
  if (!c || c.seen <= 0) return fallback;
  return (c.coded + PULL * fallback) / (c.seen + PULL);
}

export interface Scored {
  code: string;
  confidence: number;
}

/**
 * Confidence that a coder would code `code` for these matched phrasings, and the code they would use:
 * when coders consistently used another code of the same category for a phrasing, that one.
 */
export function scoreCandidate(priors: Priors, phrases: readonly string[], code: string, cls: string, allowAlternatives = true): Scored {
  const cl = priors.classes[cls];
  const rCls = cl && cl.seen > 0 ? (cl.coded + 0.5) / (cl.seen + 1) : (CONVENTION_CLASS_RATE[cls] ?? UNSEEN_CLASS_RATE);
  // A learned phrasing, or a past mention, is trusted by what its kind earned, not by the code's present matches.
  const rCode = cls.startsWith('learned:') || cls === 'historical' ? rCls : rate(priors.codes[code], rCls);
  let best: Scored = { code, confidence: rCode };
  let first = true;
  for (const p of phrases) {
    const c = priors.phrases[phraseCodeKey(p, code)];
    const r = rate(c, rCode);
    if (first || r > best.confidence) best = { code, confidence: r };
    first = false;
    if (c?.alt && allowAlternatives) {
      for (const [alt, n] of Object.entries(c.alt)) {
        if (alt.slice(0, 3) !== code.slice(0, 3)) continue;
        const altRate = n / (c.seen + PULL);
        if (n >= MIN_ALT && altRate > best.confidence) best = { code: alt, confidence: altRate };
      }
    }
  }
  return best;
}

function bump(map: Record<string, PriorCounts>, key: string, coded: boolean, by = 1): PriorCounts {
  const c = (map[key] ??= { seen: 0, coded: 0 });
  c.seen += by;
  if (coded) c.coded += by;
  return c;
}

/** Log-odds of a rate, clamped to [0.01, 0.99] so a rate of 0 or 1 stays finite. */
export function logOdds(p: number): number {
  const q = Math.min(0.99, Math.max(0.01, p));
  return Math.log(q / (1 - q));
}

/**
 * Shifts a confidence by how much more (or less) often candidates of one group were coded than all
 * candidates, on the log-odds scale (e.g. conditions the note mentions more than once).
 */
export function adjustByGroup(priors: Priors, confidence: number, group: string, groups: readonly string[]): number {
  const g = priors.classes[group];
  let seen = 0;
  let coded = 0;
  for (const k of groups) {
    seen += priors.classes[k]?.seen ?? 0;
    coded += priors.classes[k]?.coded ?? 0;
  }
  if (!g || g.seen < 20 || seen === 0) return confidence;
  const shift = logOdds((g.coded + 1) / (g.seen + 2)) - logOdds((coded + 1) / (seen + 2));
  return 1 / (1 + Math.exp(-(logOdds(confidence) + shift)));
}

/** Counts one coder decision on a suggestion, so the local engine keeps learning where it is used. */
export function recordDecision(priors: Priors, phrase: string, code: string, accepted: boolean): void {
  bump(priors.phrases, phraseCodeKey(phrase, code), accepted);
  bump(priors.codes, code, accepted);
}

export function countObservation(priors: Priors, phrases: readonly string[], code: string, cls: string, coded: boolean, altCodes: readonly string[] = [], extraClasses: readonly string[] = []): void {
  for (const x of extraClasses) bump(priors.classes, x, coded);
  for (const p of new Set(phrases.map(phraseKey))) {
    const c = bump(priors.phrases, `${p}\t${code}`, coded);
    for (const a of altCodes) (c.alt ??= {})[a] = (c.alt[a] ?? 0) + 1;
  }
  bump(priors.codes, code, coded);
  bump(priors.classes, cls, coded);
}

function addCounts(into: Record<string, PriorCounts>, from: Record<string, PriorCounts>): void {
  for (const [k, c] of Object.entries(from)) {
    const t = (into[k] ??= { seen: 0, coded: 0 });
    t.seen += c.seen;
    t.coded += c.coded;
    if (c.alt) for (const [a, n] of Object.entries(c.alt)) (t.alt ??= {})[a] = (t.alt[a] ?? 0) + n;
  }
}

/** Shipped priors with an organisation's own on top: counts add up; the threshold of the larger corpus wins. */
export function mergePriors(base: Priors, local: Priors): Priors {
  const out = emptyPriors(`${base.source} + ${local.source}`);
  out.charts = base.charts + local.charts;
  out.threshold = local.charts > base.charts ? local.threshold : base.threshold;
  // The threshold was learned on the ranker's scale: the two travel together.
  const ranker = local.charts > base.charts ? local.ranker : base.ranker;
  if (ranker) out.ranker = ranker;
  for (const p of [base, local]) {
    addCounts(out.phrases, p.phrases);
    addCounts(out.codes, p.codes);
    addCounts(out.classes, p.classes);
    for (const [phrase, codes] of Object.entries(p.lexicon ?? {})) {
      const into = ((out.lexicon ??= {})[phrase] ??= []);
      for (const c of codes) if (!into.includes(c)) into.push(c);
    }
  }
  return out;
}

function isCounts(v: unknown): v is PriorCounts {
  const c = v as PriorCounts;
  return typeof v === 'object' && v !== null && Number.isFinite(c.seen) && Number.isFinite(c.coded) && c.seen >= 0 && c.coded >= 0 && c.coded <= c.seen;
}

/** Validates a parsed priors file; throws with the reason when it is not one. */
export function parsePriors(json: unknown, name = 'priors'): Priors {
  const p = json as Priors;
  if (typeof json !== 'object' || json === null || p.format !== PRIORS_FORMAT) throw new Error(`${name}: not a Plumbline priors file (format must be "${PRIORS_FORMAT}")`);
  if (!Number.isFinite(p.threshold) || p.threshold < 0 || p.threshold > 1) throw new Error(`${name}: threshold must be between 0 and 1`);
  for (const field of ['phrases', 'codes', 'classes'] as const) {
    const m = p[field];
    if (typeof m !== 'object' || m === null) throw new Error(`${name}: missing "${field}"`);
    for (const [k, v] of Object.entries(m)) if (!isCounts(v)) throw new Error(`${name}: bad counts for ${field} "${k}"`);
  }
  const out: Priors = { format: PRIORS_FORMAT, source: String(p.source ?? ''), charts: Number(p.charts) || 0, threshold: p.threshold, phrases: p.phrases, codes: p.codes, classes: p.classes };
  if (p.lexicon !== undefined) out.lexicon = parseLexicon(p.lexicon, name);
  if (p.ranker !== undefined) out.ranker = parseRanker(p.ranker, name);
  return out;
}

function parseRanker(v: unknown, name: string): Ranker {
  const r = v as Ranker;
  const ok =
    typeof v === 'object' && v !== null && Array.isArray(r.features) && Array.isArray(r.weights) && r.features.length === r.weights.length &&
    r.features.every((f) => typeof f === 'string') && r.weights.every((w) => Number.isFinite(w)) && Number.isFinite(r.bias);
  if (!ok) throw new Error(`${name}: "ranker" must list features with one finite weight each, and a finite bias`);
  return { features: r.features, weights: r.weights, bias: r.bias };
}

function parseLexicon(v: unknown, name: string): Record<string, string[]> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${name}: "lexicon" must be an object of phrase → codes`);
  const out: Record<string, string[]> = {};
  for (const [phrase, codes] of Object.entries(v)) {
    if (phraseKey(phrase) !== phrase || phrase === '') throw new Error(`${name}: lexicon phrase "${phrase}" is not lower-case words separated by single spaces`);
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string' && /^[A-Z][0-9A-Z]{2,6}$/.test(c))) throw new Error(`${name}: lexicon codes for "${phrase}" must be codes without dots`);
    out[phrase] = codes as string[];
  }
  return out;
}

export function loadPriors(file: string): Priors {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read priors file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parsePriors(json, file);
}
