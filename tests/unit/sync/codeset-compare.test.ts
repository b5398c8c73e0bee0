// How an announced release is judged against the installed code set, and how it is described.
import { describe, expect, it } from 'vitest';
import { isOutstanding, normaliseSystem, toNotice, type InstalledCodeSet } from '../../../src/main/sync/codeset-compare';

const INSTALLED: InstalledCodeSet = { version: 'icd10cm-FY2026+hcc-v28-PY2026', fiscalYears: [2026], systems: ['icd10cm', 'icd10pcs', 'hcpcs', 'hcc'] };
const release = (systemName: string, fiscalYear: number, codeSetVersion: string) => ({
  systemId: normaliseSystem(systemName),
  systemName,
  fiscalYear,
  codeSetVersion,
  note: null,
  announcedAt: '2026-09-15T12:00:00.000Z',
});

describe('code-set release vs the installed code set', () => {
  it('reads the usual spellings of each system as one id', () => {
    expect(['icd10cm', 'ICD-10-CM', 'icd-10-cm', ' ICD10CM '].map(normaliseSystem)).toEqual(['icd10cm', 'icd10cm', 'icd10cm', 'icd10cm']);
    expect(['ICD-10-PCS', 'HCPCS Level II', 'CMS-HCC V28', 'CPT'].map(normaliseSystem)).toEqual(['icd10pcs', 'hcpcs', 'hcc', 'cpt']);
    expect(normaliseSystem('Payer X')).toBe('payerx');
  });

  it('is met only by the same fiscal year and version (case and spaces aside) of a system the file holds', () => {
    expect(isOutstanding(release('icd10cm', 2026, 'icd10cm-FY2026+hcc-v28-PY2026'), INSTALLED)).toBe(false);
    expect(isOutstanding(release('ICD-10-PCS', 2026, ' ICD10CM-FY2026+HCC-V28-PY2026 '), INSTALLED)).toBe(false);
    expect(isOutstanding(release('icd10cm', 2027, 'icd10cm-FY2027+hcc-v28-PY2027'), INSTALLED)).toBe(true);
    expect(isOutstanding(release('icd10cm', 2026, 'FY2026 April update'), INSTALLED)).toBe(true);
    expect(isOutstanding(release('icd10cm', 2025, 'icd10cm-FY2026+hcc-v28-PY2026'), INSTALLED)).toBe(true);
    expect(isOutstanding(release('cpt', 2026, 'icd10cm-FY2026+hcc-v28-PY2026'), INSTALLED)).toBe(true);
    expect(isOutstanding(release('icd10cm', 2026, 'icd10cm-FY2026+hcc-v28-PY2026'), null)).toBe(true);
  });

  it('says what the install has, in words', () => {
    expect(toNotice(release('ICD-10-CM', 2027, 'v27'), INSTALLED)).toEqual({
      systemId: 'icd10cm',
      system: 'ICD-10-CM',
      fiscalYear: 2027,
      codeSetVersion: 'v27',
      note: null,
      announcedAt: '2026-09-15T12:00:00.000Z',
      installed: 'FY2026 (icd10cm-FY2026+hcc-v28-PY2026)',
    });
    expect(toNotice(release('cpt', 2027, 'CPT 2027'), INSTALLED).installed).toBe('no CPT file imported');
    expect(toNotice(release('cpt', 2027, 'CPT 2027'), { ...INSTALLED, systems: [...INSTALLED.systems, 'cpt'] }).installed).toMatch(/imported CPT file whose edition is not recorded/);
    expect(toNotice(release('Payer X', 2027, '1'), INSTALLED)).toMatchObject({ system: 'Payer X', installed: 'no Payer X code set' });
    expect(toNotice(release('hcpcs', 2027, '1'), null).installed).toBe('no code set loaded');
  });
});
