// Micro precision / recall / F1, exact and hierarchical, with per-chapter F1.
import type { CodeSetLookup } from '../../../shared/codeset/types';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  charts: number;
  exact: Prf;
  hierarchical: Prf;
  /** Chapter number → hierarchical F1 and counts. */
  chapters: Record<string, Prf>;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/**
 * The hierarchical rule: a suggestion also counts for a gold code that is coarser, not billable in the
 * loaded year (an older edition's code, e.g. R51 before R51.9 existed), and that the suggestion descends from.
 */
export function hierarchicalMatch(lookup: CodeSetLookup, gold: string, suggested: string): boolean {
  if (gold === suggested) return true;
  if (!suggested.startsWith(gold) || suggested.length <= gold.length) return false;
  const rec = lookup.code('icd10cm', gold);
  return !rec || !rec.billable;
}

/** Pairs suggestions with gold codes (exact pairs first, each code used once) and counts. */
export function scoreChart(lookup: CodeSetLookup, gold: readonly string[], suggested: readonly string[], hierarchical: boolean): Counts & { matchedGold: Set<string>; matchedSuggested: Set<string> } {
  const g = [...new Set(gold)];
  const s = [...new Set(suggested)];
  const matchedGold = new Set<string>();
  const matchedSuggested = new Set<string>();
  for (const x of s) {
    if (!g.includes(x)) continue;
    matchedGold.add(x);
    matchedSuggested.add(x);
  }
  if (hierarchical) {
    for (const x of s) {
      if (matchedSuggested.has(x)) continue;
      const hit = g.find((y) => !matchedGold.has(y) && hierarchicalMatch(lookup, y, x));
      if (!hit) continue;
      matchedGold.add(hit);
      matchedSuggested.add(x);
    }
  }
  return { tp: matchedSuggested.size, fp: s.length - matchedSuggested.size, fn: g.length - matchedGold.size, matchedGold, matchedSuggested };
}

function chapterOf(lookup: CodeSetLookup, code: string): string {
  for (let n = code.length; n >= 3; n--) {
    const rec = lookup.code('icd10cm', code.slice(0, n));
    if (rec?.chapter) return String(rec.chapter);
  }
  return '?';
}

export class ScoreBoard {
  private charts = 0;
  private readonly exact: Counts = { tp: 0, fp: 0, fn: 0 };
  private readonly hier: Counts = { tp: 0, fp: 0, fn: 0 };
  private readonly chapters = new Map<string, Counts>();

  constructor(private readonly lookup: CodeSetLookup) {}

  add(gold: readonly string[], suggested: readonly string[]): void {
    this.charts++;
    const e = scoreChart(this.lookup, gold, suggested, false);
    const h = scoreChart(this.lookup, gold, suggested, true);
    for (const k of ['tp', 'fp', 'fn'] as const) {
      this.exact[k] += e[k];
      this.hier[k] += h[k];
    }
    const ch = (code: string): Counts => {
      const key = chapterOf(this.lookup, code);
      let c = this.chapters.get(key);
      if (!c) this.chapters.set(key, (c = { tp: 0, fp: 0, fn: 0 }));
      return c;
    };
    for (const x of new Set(suggested)) ch(x)[h.matchedSuggested.has(x) ? 'tp' : 'fp']++;
    for (const y of new Set(gold)) if (!h.matchedGold.has(y)) ch(y).fn++;
  }

  result(): Scores {
    const chapters: Record<string, Prf> = {};
    for (const [k, c] of [...this.chapters.entries()].sort((a, b) => Number(a[0]) - Number(b[0]))) chapters[k] = prf(c);
    return { charts: this.charts, exact: prf(this.exact), hierarchical: prf(this.hier), chapters };
  }
}
