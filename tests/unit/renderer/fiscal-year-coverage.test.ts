import { describe, expect, it } from 'vitest';
import { fiscalYearDates, fiscalYearsLabel, invalidForDateReason, loadedClause, uncoveredFiscalYear } from '../../../src/renderer/views/chart/fiscal-year-coverage';

describe('uncoveredFiscalYear', () => {
  it('is the gap when the chart is dated in a fiscal year the code set lacks, later or earlier', () => {
    expect(uncoveredFiscalYear(2027, [2026])).toEqual({ fiscalYear: 2027, loaded: [2026] });
    expect(uncoveredFiscalYear(2024, [2026])).toEqual({ fiscalYear: 2024, loaded: [2026] });
    expect(uncoveredFiscalYear(2027, [])).toEqual({ fiscalYear: 2027, loaded: [] });
  });

  it('is null when the year is loaded, or while the loaded years are not known yet', () => {
    expect(uncoveredFiscalYear(2026, [2026])).toBeNull();
    expect(uncoveredFiscalYear(2026, [2025, 2026])).toBeNull();
    expect(uncoveredFiscalYear(2027, null)).toBeNull();
  });
});

describe('the words', () => {
  it('lists loaded years in order', () => {
    expect(fiscalYearsLabel([2026])).toBe('FY2026');
    expect(fiscalYearsLabel([2026, 2025])).toBe('FY2025 and FY2026');
    expect(fiscalYearsLabel([2024, 2025, 2026])).toBe('FY2024, FY2025 and FY2026');
    expect(fiscalYearsLabel([])).toBe('no fiscal year');
  });

  it('says what is loaded instead, and why grounding dropped codes for the date', () => {
    expect(loadedClause([2026])).toBe('the loaded code set covers only FY2026');
    expect(loadedClause([])).toBe('no ICD-10 edition is loaded');
    expect(invalidForDateReason({ fiscalYear: 2027, loaded: [2026] })).toBe('FY2027 is not loaded; the loaded code set covers only FY2026');
  });

  it('gives a fiscal year its US federal dates', () => {
    expect(fiscalYearDates(2027)).toBe('1 October 2026 to 30 September 2027');
  });
});
