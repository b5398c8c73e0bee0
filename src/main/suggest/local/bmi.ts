// Body mass index (Z68.-): a measured BMI is coded only alongside the condition it bears on —
// obesity, overweight, malnutrition, underweight, cachexia (guideline I.B.14, I.C.21.c.3) — and
// the adult codes only from age 20, the pediatric percentiles from 2 to 19. The ranges come from the
// code titles, not from a table here.
import type { CodeTable } from './code-table';

/** A BMI stated in the note: "BMI 43.7", "BMI: 17.1", "BMI of 31". */
const BMI_RE = /\bBMI\b\s*(?:of|is|was|=|:)?\s*(\d{1,2}(?:\.\d{1,2})?)\b(?!\s*(?:th|%|percentile))/gi;

/** Conditions a BMI is reported with. */
export const BMI_CONDITIONS = /^(E66|E4[0-6]|R636|R64)/;

export interface BmiReading {
  value: number;
  start: number;
  end: number;
}

export function findBmi(text: string): BmiReading[] {
  const out: BmiReading[] = [];
  for (const m of text.matchAll(BMI_RE)) out.push({ value: Number(m[1]), start: m.index, end: m.index + m[0].length });
  return out;
}

interface Range {
  code: string;
  low: number;
  high: number;
}

const rangeCache = new WeakMap<CodeTable, Map<string, Range[]>>();

/** The billable Z68 codes of one kind with the range each title states, read once per code table. */
function z68Ranges(table: CodeTable, kind: 'adult' | 'pediatric', read: (title: string) => Omit<Range, 'code'> | undefined): Range[] {
  let byKind = rangeCache.get(table);
  if (!byKind) rangeCache.set(table, (byKind = new Map()));
  let list = byKind.get(kind);
  if (list) return list;
  list = [];
  const ofKind = new RegExp(`\\b${kind}\\b`, 'i');
  for (const r of table.billableIn('Z68')) {
    const range = ofKind.test(r.long_desc) ? read(r.long_desc) : undefined;
    if (range) list.push({ code: r.code, ...range });
  }
  byKind.set(kind, list);
  return list;
}

function adultRange(title: string): Omit<Range, 'code'> | undefined {
  const span = /(\d+(?:\.\d)?)-(\d+(?:\.\d)?)/.exec(title);
  const below = /(\d+(?:\.\d)?) or less/.exec(title);
  const above = /(\d+(?:\.\d)?) or greater/.exec(title);
  if (span) return { low: Number(span[1]), high: Number(span[2]) + 0.09 };
  if (below) return { low: 0, high: Number(below[1]) + 0.09 };
  if (above) return { low: Number(above[1]), high: Infinity };
  return undefined;
}

/** The adult BMI code for a value, or undefined for a child, an implausible value, or a code set without one. */
export function adultBmiCode(table: CodeTable, value: number, age: number | null): string | undefined {
  if ((age !== null && age < 20) || value < 10 || value > 99) return undefined;
  return z68Ranges(table, 'adult', adultRange).find((r) => value >= r.low && value <= r.high)?.code;
}

/** A BMI percentile stated in the note: "BMI 91st percentile for age", "BMI >95th %ile", "BMI-for-age percentile: 97". */
const PERCENTILE_RE = /\bBMI\b(?:[- ]for[- ]age)?(?:\s*(?:percentile|%ile))?\s*(?:is|was|=|:|at|of|at the)?\s*(>=|≥|>|<|above|below)?\s*(\d{1,2}(?:\.\d)?)\s*(?:st|nd|rd|th)?\s*(?:%ile|percentile|%)?/gi;

export interface BmiPercentile {
  percentile: number;
  /** "<5th", "below the 5th" */
  below: boolean;
  start: number;
  end: number;
}

export function findBmiPercentile(text: string): BmiPercentile[] {
  const out: BmiPercentile[] = [];
  for (const m of text.matchAll(PERCENTILE_RE)) {
    // A percentile must be said, before the number or after it; "BMI 31" is an adult's value.
    if (!/percentile|%/i.test(m[0])) continue;
    const sign = (m[1] ?? '').toLowerCase();
    const value = Number(m[2]);
    // "BMI >95th percentile" is at least the 95th.
    out.push({ percentile: sign === '>' ? value + 0.5 : value, below: sign === '<' || sign === 'below', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Z68.51–Z68.54 by the percentiles their titles name. Z68.55 and Z68.56 are measured against 120 % and
 * 140 % of the 95th percentile, which no percentile says: a note's "above the 95th" is Z68.54.
 */
function percentileRange(title: string): Omit<Range, 'code'> | undefined {
  const said = title.replace(/^.*pediatric,\s*/i, '');
  if (/^\D*\d+%/.test(said)) return undefined;
  const low = /^(\d+)(?:st|nd|rd|th) percentile/.exec(said);
  const high = /less than (\d+)(?:st|nd|rd|th) percentile/.exec(said);
  return { low: low ? Number(low[1]) : 0, high: high ? Number(high[1]) : Infinity };
}

/** The pediatric BMI code (ages 2 to 19) for a percentile, or undefined for an adult or an implausible value. */
export function pediatricBmiCode(table: CodeTable, reading: BmiPercentile, age: number | null): string | undefined {
  if (age === null || age < 2 || age > 19 || reading.percentile > 100) return undefined;
  const value = reading.below ? reading.percentile - 0.5 : reading.percentile;
  return z68Ranges(table, 'pediatric', percentileRange).find((r) => value >= r.low && value < r.high)?.code;
}

/** The BMI code for the last BMI the text states: a child's percentile, else an adult's value. */
export function measuredBmi(table: CodeTable, text: string, age: number | null): { code: string; start: number; end: number } | undefined {
  const percentile = findBmiPercentile(text).at(-1);
  if (percentile) {
    const code = pediatricBmiCode(table, percentile, age);
    return code ? { code, start: percentile.start, end: percentile.end } : undefined;
  }
  const value = findBmi(text).at(-1);
  const code = value ? adultBmiCode(table, value.value, age) : undefined;
  return value && code ? { code, start: value.start, end: value.end } : undefined;
}
