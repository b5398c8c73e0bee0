// Whether the loaded code set covers a chart's fiscal year, in the words the chart header and the
// Suggestions panel share. Grounding, the review checks and the date edit already refuse ICD-10 codes
// for a fiscal year the code set lacks; this only explains why the chart looks empty.

/** A chart whose fiscal year the loaded ICD-10 editions do not cover. */
export interface UncoveredFiscalYear {
  fiscalYear: number;
  loaded: readonly number[];
}

/** "FY2026", "FY2025 and FY2026", "FY2024, FY2025 and FY2026"; "no fiscal year" when none is loaded. */
export function fiscalYearsLabel(years: readonly number[]): string {
  const labels = [...years].sort((a, b) => a - b).map((y) => `FY${y}`);
  if (labels.length === 0) return 'no fiscal year';
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]!}`;
}

/**
 * The gap, or null when the chart's year is loaded. `loaded` is null while the app info has not
 * arrived: nothing is claimed until it is known.
 */
export function uncoveredFiscalYear(fiscalYear: number, loaded: readonly number[] | null): UncoveredFiscalYear | null {
  if (loaded === null || loaded.includes(fiscalYear)) return null;
  return { fiscalYear, loaded };
}

/** ICD-10-CM/PCS editions run by US federal fiscal year: FY2027 is 1 October 2026 to 30 September 2027. */
export function fiscalYearDates(fiscalYear: number): string {
  return `1 October ${fiscalYear - 1} to 30 September ${fiscalYear}`;
}

/** What the install has instead: "the loaded code set covers only FY2026". */
export function loadedClause(loaded: readonly number[]): string {
  return loaded.length === 0 ? 'no ICD-10 edition is loaded' : `the loaded code set covers only ${fiscalYearsLabel(loaded)}`;
}

/** Why grounding dropped codes as not valid for the date of service, for the Suggestions panel. */
export function invalidForDateReason(gap: UncoveredFiscalYear): string {
  return `FY${gap.fiscalYear} is not loaded; ${loadedClause(gap.loaded)}`;
}
