// Finds dates in the many ways notes write them and rewrites each one shifted by the patient's offset,
// in the same style (separators, zero padding, two- or four-digit year, month name or abbreviation,
// ordinal suffix), so intervals between a patient's dates survive de-identification.
// A year on its own is allowed by Safe Harbor and left alone; so is a month name with no day or year
// ("in February"), which cannot be shifted consistently.
import type { DeidentifyContext, Detection } from './types';

const DAY_MS = 86_400_000;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((name, i) => {
  MONTH_INDEX.set(name, i + 1);
  MONTH_INDEX.set(name.slice(0, 3), i + 1);
});
MONTH_INDEX.set('sept', 9);

// Capitalised or upper-case only: a lower-case "may" or "march" is a verb far more often than a month.
const MONTH_WORDS = [...MONTH_INDEX.keys()]
  .sort((a, b) => b.length - a.length)
  .flatMap((m) => [m[0]!.toUpperCase() + m.slice(1), m.toUpperCase()])
  .join('|');
const MONTH = `(${MONTH_WORDS})(\\.?)`;
const ORD = '(?:st|nd|rd|th)?';
// "May 5 mg" is a dose, not the fifth of May.
const UNIT_AFTER = String.raw`[ \t]?(?:mg|mcg|µg|g|kg|ml|mL|L|units?|iu|IU|mm|cm|lbs?|tabs?|tablets?|caps?|capsules?|puffs?|drops?|hours?|hrs?|days?|weeks?|wks?|months?|minutes?|min|times|x)\b`;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function shiftYmd(date: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Shifts an ISO date or date-time's date part (YYYY-MM-DD…) and returns YYYY-MM-DD, or null if it is not one. */
export function shiftIsoDate(value: string, days: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!valid(y, mo, d)) return null;
  const s = shiftYmd({ y, m: mo, d }, days);
  return `${String(s.y).padStart(4, '0')}-${pad2(s.m)}-${pad2(s.d)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function numberLike(original: string, value: number): string {
  return original.length === 2 ? pad2(value) : String(value);
}

function twoDigitYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

function ordinal(d: number): string {
  if (d % 100 >= 11 && d % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][d % 10] ?? 'th';
}

function monthWordLike(original: string, m: number): string {
  const full = MONTHS[m - 1]!;
  const isFull = MONTHS.includes(original.toLowerCase());
  let word = isFull ? full : original.toLowerCase() === 'sept' && m === 9 ? 'sept' : full.slice(0, 3);
  word = original === original.toUpperCase() ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1);
  return word;
}

// Month/year only: shift from mid-month, the least biased point when the day is unknown.
const MID_MONTH = 15;
// Dates written without a year are shifted inside a leap year unless the caller says which year it is.
const DEFAULT_REF_YEAR = 2000;

type Builder = (m: RegExpExecArray) => Detection | null;

interface DatePattern {
  re: RegExp;
  build: Builder;
}

function detection(m: RegExpExecArray, rewrite: (ctx: DeidentifyContext) => string): Detection {
  return { kind: 'date', start: m.index, end: m.index + m[0].length, rewrite };
}

const PATTERNS: DatePattern[] = [
  {
    // 2026-02-10, 2026/02/10, and the date part of 1981-11-20T14:25:45+05:30.
    re: /(?<![\d/.-])(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d/]|-\d)/g,
    build: (m) => {
      const y = Number(m[1]);
      const mo = Number(m[3]);
      const d = Number(m[4]);
      if (y < 1800 || y > 2199 || !valid(y, mo, d)) return null;
      const [, , sep, ms, ds] = m;
      return detection(m, (ctx) => {
        const s = shiftYmd({ y, m: mo, d }, ctx.dateShiftDays);
        return `${String(s.y).padStart(4, '0')}${sep}${numberLike(ms!, s.m)}${sep}${numberLike(ds!, s.d)}`;
      });
    },
  },
  {
    // 02/10/2026, 2/10/26, 02-10-2026, 10.02.2026 (day first when the first part cannot be a month).
    re: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.-]\d)/g,
    build: (m) => {
      const [, as, sep, bs, ys] = m;
      const a = Number(as);
      const b = Number(bs);
      const y = ys!.length === 2 ? twoDigitYear(Number(ys)) : Number(ys);
      if (ys!.length === 4 && (y < 1800 || y > 2199)) return null;
      let dayFirst = false;
      if (!valid(y, a, b)) {
        if (!valid(y, b, a)) return null;
        dayFirst = true;
      }
      // A dotted two-digit form ("1.5.25") is far more likely a number than a date.
      if (sep === '.' && ys!.length === 2) return null;
      const mo = dayFirst ? b : a;
      const d = dayFirst ? a : b;
      return detection(m, (ctx) => {
        const s = shiftYmd({ y, m: mo, d }, ctx.dateShiftDays);
        const yearOut = ys!.length === 2 ? pad2(s.y % 100) : String(s.y);
        const first = dayFirst ? numberLike(as!, s.d) : numberLike(as!, s.m);
        const second = dayFirst ? numberLike(bs!, s.m) : numberLike(bs!, s.d);
        return `${first}${sep}${second}${sep}${yearOut}`;
      });
    },
  },
  {
    // 06/2025 (month and year; titers such as 1/2000 are excluded below).
    re: /(?<![\d/.:-])(\d{1,2})\/((?:18|19|20|21)\d{2})(?![\d/])/g,
    build: (m) => {
      const mo = Number(m[1]);
      if (mo < 1 || mo > 12) return null;
      const y = Number(m[2]);
      return detection(m, (ctx) => {
        const s = shiftYmd({ y, m: mo, d: MID_MONTH }, ctx.dateShiftDays);
        return `${numberLike(m[1]!, s.m)}/${s.y}`;
      });
    },
  },
  {
    // Feb 10, 2026 · February 10th 2026 · FEB. 10, 2026 · Feb 10 (year from context).
    re: new RegExp(`\\b${MONTH} (\\d{1,2})(${ORD})(?![\\d:%])(?!${UNIT_AFTER})(?:(,? )(\\d{4})(?!\\d))?`, 'g'),
    build: (m) => {
      const [, mw, dot, ds, ordRaw, comma, ys] = m;
      const mo = MONTH_INDEX.get(mw!.toLowerCase())!;
      const d = Number(ds);
      const y = ys ? Number(ys) : null;
      if (!valid(y ?? DEFAULT_REF_YEAR, mo, d)) return null;
      return detection(m, (ctx) => {
        const s = shiftYmd({ y: y ?? ctx.refYear ?? DEFAULT_REF_YEAR, m: mo, d }, ctx.dateShiftDays);
        const ord = ordRaw ? ordinalLike(ordRaw, s.d) : '';
        const tail = y !== null ? `${comma}${s.y}` : '';
        return `${monthWordLike(mw!, s.m)}${dot} ${s.d}${ord}${tail}`;
      });
    },
  },
  {
    // 10 February 2026 · 10th of Feb, 2026 · 10 Feb (year from context).
    re: new RegExp(`(?<![\\d.,/])\\b(\\d{1,2})(${ORD})( of)? ${MONTH}(?:(,? )(\\d{4})(?!\\d))?(?![\\w])`, 'g'),
    build: (m) => {
      const [, ds, ordRaw, of, mw, dot, comma, ys] = m;
      const mo = MONTH_INDEX.get(mw!.toLowerCase())!;
      const d = Number(ds);
      const y = ys ? Number(ys) : null;
      if (!valid(y ?? DEFAULT_REF_YEAR, mo, d)) return null;
      return detection(m, (ctx) => {
        const s = shiftYmd({ y: y ?? ctx.refYear ?? DEFAULT_REF_YEAR, m: mo, d }, ctx.dateShiftDays);
        const ord = ordRaw ? ordinalLike(ordRaw, s.d) : '';
        const tail = y !== null ? `${comma}${s.y}` : '';
        return `${s.d}${ord}${of ?? ''} ${monthWordLike(mw!, s.m)}${dot}${tail}`;
      });
    },
  },
  {
    // February 2026 · Feb. 2026 · FEB 2026.
    re: new RegExp(`\\b${MONTH},? ((?:18|19|20|21)\\d{2})(?!\\d)`, 'g'),
    build: (m) => {
      const [whole, mw, dot, ys] = m;
      const mo = MONTH_INDEX.get(mw!.toLowerCase())!;
      const y = Number(ys);
      const comma = whole.includes(',') ? ',' : '';
      return detection(m, (ctx) => {
        const s = shiftYmd({ y, m: mo, d: MID_MONTH }, ctx.dateShiftDays);
        return `${monthWordLike(mw!, s.m)}${dot}${comma} ${s.y}`;
      });
    },
  },
];

function ordinalLike(original: string, d: number): string {
  const o = ordinal(d);
  return original === original.toUpperCase() ? o.toUpperCase() : o;
}

const TITER_CUE = /(?:titer|titre|dilution|ratio|latex|antibod\w*|ANA|ASO|RPR|VDRL)\W{0,3}$/i;
// Serial dilutions (1/1024, 1/2048) look like January of a far-off year.
const DILUTIONS = new Set(['1024', '2048', '4096', '8192']);

/** Every date in the text with how to write it shifted. Overlaps between patterns are resolved by the caller. */
export function findDates(text: string): Detection[] {
  const out: Detection[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const hit = build(m);
      if (!hit) continue;
      if (re === PATTERNS[2]!.re && (TITER_CUE.test(text.slice(Math.max(0, m.index - 16), m.index)) || DILUTIONS.has(m[2]!))) continue;
      out.push(hit);
    }
  }
  return out;
}
