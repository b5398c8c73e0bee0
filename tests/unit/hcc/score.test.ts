import { describe, expect, it } from 'vitest';
import { formatRafTable } from '../../../src/shared/hcc/format';
import { ageBand, scoreRaf } from '../../../src/shared/hcc/score';
import { coefficientFromFile as coef, memoryLookup, readTsv } from '../edits/fixtures/memory-lookup';

const lookup = memoryLookup();

/** The V28 HCC(s) a code maps to, read from hcc-v28-map.tsv.gz itself. */
function mapRowHccs(code: string): number[] {
  return readTsv('hcc-v28-map.tsv.gz')
    .filter((r) => r.icd10_code === code)
    .map((r) => Number(r.hcc));
}

describe('V28 mapping', () => {
  it('I50.9 maps to V28 HCC 226 (heart failure)', () => {
    expect(mapRowHccs('I509')).toEqual([226]);
    const r = scoreRaf({ codes: ['I50.9'], age: 70, sex: 'M' }, lookup);
    expect(r.codes).toEqual([
      { code: 'I50.9', status: 'counted', hccs: [{ hcc: 226, label: 'Heart Failure, Except End-Stage and Acute', coefficient: coef('CNA', 'HCC226') }] },
    ]);
    expect(r.hccs.map((h) => h.hcc)).toEqual([226]);
  });
});

describe('RAF by hand', () => {
  it('F 72, community non-dual aged, E11.22 + E11.9 + I50.9 + N18.4', () => {
    // Map (hcc-v28-map): E11.22 → 37, E11.9 → 38, I50.9 → 226, N18.4 → 327.
    expect([mapRowHccs('E1122'), mapRowHccs('E119'), mapRowHccs('I509'), mapRowHccs('N184')]).toEqual([[37], [38], [226], [327]]);
    // Hierarchy (hcc-v28-hierarchy): 37 drops 38. Payment HCCs left: 37, 226, 327 → count 3 → D3.
    expect(readTsv('hcc-v28-hierarchy.tsv').some((r) => r.hcc === '37' && r.drops_hcc === '38')).toBe(true);
    // Interactions: diabetes (37) × heart failure (226) → DIABETES_HF; heart failure × kidney (327) → HF_KIDNEY.
    const expected =
      coef('CNA', 'F70_74') + // 0.395 female 70–74
      coef('CNA', 'HCC37') + // 0.166 diabetes with chronic complications
      coef('CNA', 'HCC226') + // 0.360 heart failure
      coef('CNA', 'HCC327') + // 0.514 CKD stage 4
      coef('CNA', 'DIABETES_HF') + // 0.112
      coef('CNA', 'HF_KIDNEY') + // 0.176
      coef('CNA', 'D3'); // 0 (three payment HCCs)
    // 0.395 + 0.166 + 0.360 + 0.514 + 0.112 + 0.176 + 0 = 1.723
    expect(expected).toBeCloseTo(1.723, 9);

    const r = scoreRaf({ codes: ['E11.22', 'E11.9', 'I50.9', 'N18.4'], age: 72, sex: 'F', segment: 'CNA' }, lookup);
    expect(r.total).toBeCloseTo(expected, 9);
    expect(r.terms.map((t) => t.variable)).toEqual(['F70_74', 'HCC37', 'HCC226', 'HCC327', 'DIABETES_HF', 'HF_KIDNEY', 'D3']);
    expect(r.paymentHccCount).toBe(3);
    // Each code's contribution, including the one the hierarchy zeroed.
    expect(r.codes.map((c) => [c.code, c.status, c.hccs.map((h) => h.droppedBy ?? null)])).toEqual([
      ['E11.22', 'counted', [null]],
      ['E11.9', 'dropped', [37]],
      ['I50.9', 'counted', [null]],
      ['N18.4', 'counted', [null]],
    ]);
    expect(r.dropped).toMatchObject([{ hcc: 38, droppedBy: 37, codes: ['E11.9'] }]);
  });

  it('M 50, long-term institutional, metastatic cancer + breast cancer + CHF + COPD: disabled interactions and a hierarchy drop', () => {
    // C78.00 → 17 (metastatic to lung); C50.911 → 23, dropped by 17; I50.9 → 226; J44.9 → 280.
    expect(mapRowHccs('C7800')).toEqual([17]);
    expect(readTsv('hcc-v28-hierarchy.tsv').some((r) => r.hcc === '17' && r.drops_hcc === '23')).toBe(true);
    const expected =
      coef('INS', 'M45_54') +
      coef('INS', 'HCC17') +
      coef('INS', 'HCC226') +
      coef('INS', 'HCC280') +
      coef('INS', 'HF_CHR_LUNG') + // HF × chronic lung
      coef('INS', 'DISABLED_CANCER') + // under 65 in INS: DISABL = 1
      coef('INS', 'DISABLED_HF') +
      coef('INS', 'DISABLED_CHR_LUNG') +
      coef('INS', 'D3');
    // 0.991 + HCC17 + HCC226 + HCC280 + 0.145 + 0.367 + 0.488 + 0.278 + 0
    const r = scoreRaf({ codes: ['C78.00', 'C50.911', 'I50.9', 'J44.9'], age: 50, sex: 'M', segment: 'INS' }, lookup);
    expect(r.total).toBeCloseTo(expected, 9);
    expect(r.dropped).toMatchObject([{ hcc: 23, droppedBy: 17, codes: ['C50.911'] }]);
    expect(r.codes.find((c) => c.code === 'C50.911')!.status).toBe('dropped');
    // The same patient at 70 is not "disabled": no DISABLED_* terms.
    const older = scoreRaf({ codes: ['C78.00', 'C50.911', 'I50.9', 'J44.9'], age: 70, sex: 'M', segment: 'INS' }, lookup);
    expect(older.terms.filter((t) => t.variable.startsWith('DISABLED_'))).toEqual([]);
  });

  it('counts payment HCCs for the D variables (5 HCCs → D5)', () => {
    // 38 diabetes, 226 HF, 280 COPD, 327 CKD4, 48 morbid obesity (E66.01).
    const codes = ['E11.9', 'I50.9', 'J44.9', 'N18.4', 'E66.01'];
    const r = scoreRaf({ codes, age: 80, sex: 'M' }, lookup);
    expect(r.paymentHccCount).toBe(5);
    const expected =
      coef('CNA', 'M80_84') +
      coef('CNA', 'HCC38') + coef('CNA', 'HCC226') + coef('CNA', 'HCC280') + coef('CNA', 'HCC327') + coef('CNA', 'HCC48') +
      coef('CNA', 'DIABETES_HF') + coef('CNA', 'HF_CHR_LUNG') + coef('CNA', 'HF_KIDNEY') +
      coef('CNA', 'D5');
    expect(coef('CNA', 'D5')).toBeGreaterThan(0);
    expect(r.total).toBeCloseTo(expected, 9);
  });
});

describe('edits, demographics and bad input', () => {
  it('breast cancer under 50 maps to HCC 22 instead of 23 (V28 age edit)', () => {
    const young = scoreRaf({ codes: ['C50.911'], age: 45, sex: 'F', segment: 'CND' }, lookup);
    expect(young.hccs.map((h) => h.hcc)).toEqual([22]);
    expect(young.codes[0]!.note).toContain('instead of HCC 23');
    const old = scoreRaf({ codes: ['C50.911'], age: 66, sex: 'F' }, lookup);
    expect(old.hccs.map((h) => h.hcc)).toEqual([23]);
  });

  it('COPD under 18 is edited out of the model', () => {
    const r = scoreRaf({ codes: ['J44.9'], age: 16, sex: 'F', segment: 'CND' }, lookup);
    expect(r.codes[0]!.status).toBe('edited-out');
    expect(r.hccs).toEqual([]);
    expect(r.total).toBeCloseTo(coef('CND', 'F0_34'), 9);
  });

  it('adds the originally-disabled term at 65+ in aged segments only', () => {
    const r = scoreRaf({ codes: [], age: 70, sex: 'F', originallyDisabled: true }, lookup);
    expect(r.total).toBeCloseTo(coef('CNA', 'F70_74') + coef('CNA', 'OriginallyDisabled_Female'), 9);
  });

  it('warns when the age does not fit the segment instead of inventing a factor', () => {
    const r = scoreRaf({ codes: ['I50.9'], age: 40, sex: 'F', segment: 'CNA' }, lookup);
    expect(r.terms.some((t) => t.kind === 'demographic')).toBe(false);
    expect(r.warnings[0]).toContain('aged segment');
  });

  it('age bands follow the coefficient table', () => {
    expect([0, 34, 35, 44, 45, 54, 55, 59, 60, 64, 65, 69, 70, 94, 95, 120].map(ageBand)).toEqual([
      '0_34', '0_34', '35_44', '35_44', '45_54', '45_54', '55_59', '55_59', '60_64', '60_64', '65_69', '65_69', '70_74', '90_94', '95_GT', '95_GT',
    ]);
    const cells = new Set(readTsv('hcc-v28-coefficients.tsv').filter((r) => r.segment === 'INS' && r.variable_type === 'demographic_age_sex').map((r) => r.variable));
    for (let age = 0; age <= 110; age++) expect(cells.has(`F${ageBand(age)}`)).toBe(true);
  });

  it('unknown, duplicate and hostile codes contribute nothing and do not throw', () => {
    const r = scoreRaf({ codes: ['I50.9', 'i509', 'ZZZ.99', "'; DROP TABLE hcc;--", 'x'.repeat(10_000)], age: 70, sex: 'M' }, lookup);
    expect(r.codes.map((c) => c.status)).toEqual(['counted', 'duplicate', 'unknown-code', 'unknown-code', 'unknown-code']);
    expect(r.total).toBeCloseTo(coef('CNA', 'M70_74') + coef('CNA', 'HCC226') + coef('CNA', 'D1'), 9);
    expect(r.codes[4]!.code.length).toBeLessThan(30);
  });

  it('refuses impossible patients with a clear message', () => {
    expect(() => scoreRaf({ codes: [], age: -1, sex: 'F' }, lookup)).toThrow(/Age/);
    expect(() => scoreRaf({ codes: [], age: 70.5, sex: 'F' }, lookup)).toThrow(/whole number/);
    expect(() => scoreRaf({ codes: [], age: 70, sex: 'U' as 'F' }, lookup)).toThrow(/Sex/);
    expect(() => scoreRaf({ codes: [], age: 70, sex: 'F', segment: 'NE' as 'CNA' }, lookup)).toThrow(/segment/);
  });
});

describe('formatRafTable', () => {
  it('prints every code, every term and the total', () => {
    const text = formatRafTable(scoreRaf({ codes: ['E11.22', 'E11.9', 'I50.9', 'N18.4'], age: 72, sex: 'F' }, lookup));
    expect(text).toContain('E11.9');
    expect(text).toContain('dropped by HCC 37');
    expect(text).toMatch(/DIABETES_HF\s+interaction\s+0\.112/);
    expect(text).toMatch(/TOTAL\s+raw score\s+1\.723/);
    expect(text).toContain('no normalisation factor');
  });
});

describe('map rows for codes that are headers in FY2026', () => {
  it('G35 still scores (PY2026 map) but says it is not billable in FY2026', () => {
    expect(mapRowHccs('G35').length).toBeGreaterThan(0);
    expect(lookup.code('icd10cm', 'G35')!.billable).toBe(false);
    const r = scoreRaf({ codes: ['G35'], age: 70, sex: 'F' }, lookup);
    expect(r.codes[0]!.status).toBe('counted');
    expect(r.codes[0]!.note).toContain('Not billable');
  });
});
