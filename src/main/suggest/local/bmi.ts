// Body mass index (Z68.-): a measured BMI is coded only alongside the condition it bears on —
// obesity, overweight, malnutrition, underweight, cachexia (guideline I.B.14, I.C.21.c.3) — and
// the adult codes only from age 20. The ranges come from the code titles, not from a table here.
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

const adultRanges = new WeakMap<CodeTable, Array<{ code: string; low: number; high: number }>>();

function ranges(table: CodeTable): Array<{ code: string; low: number; high: number }> {
  let list = adultRanges.get(table);
  if (list) return list;
  list = [];
  for (const r of table.billableIn('Z68')) {
    if (!/\badult\b/i.test(r.long_desc)) continue;
    const span = /(\d+(?:\.\d)?)-(\d+(?:\.\d)?)/.exec(r.long_desc);
    const below = /(\d+(?:\.\d)?) or less/.exec(r.long_desc);
    const above = /(\d+(?:\.\d)?) or greater/.exec(r.long_desc);
    if (span) list.push({ code: r.code, low: Number(span[1]), high: Number(span[2]) + 0.09 });
    else if (below) list.push({ code: r.code, low: 0, high: Number(below[1]) + 0.09 });
    else if (above) list.push({ code: r.code, low: Number(above[1]), high: Infinity });
  }
  adultRanges.set(table, list);
  return list;
}

/** The adult BMI code for a value, or undefined for a child, an implausible value, or a code set without one. */
export function adultBmiCode(table: CodeTable, value: number, age: number | null): string | undefined {
  if ((age !== null && age < 20) || value < 10 || value > 99) return undefined;
  return ranges(table).find((r) => value >= r.low && value <= r.high)?.code;
}
