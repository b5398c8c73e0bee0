// The edits engine and the V28 model over the real SQLite code set (the test run's shared build), for
// the lookups the "done when" names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCodeSet, type CodeSet } from '../../../src/main/codeset/open';
import { ensureTestCodeSet } from '../../helpers/codeset';
import type { EditEncounter, EditResult } from '../../../src/shared/edits/types';
import { runEdits } from '../../../src/shared/edits/run';
import { scoreRaf } from '../../../src/shared/hcc/score';
import { coefficientFromFile as coef } from './fixtures/memory-lookup';

let codeset: CodeSet;

beforeAll(() => {
  codeset = openCodeSet(ensureTestCodeSet());
});

afterAll(() => {
  codeset?.close();
});

function edits(codes: string[], over: Partial<EditEncounter> = {}): EditResult[] {
  return runEdits(
    { codes: codes.map((code) => ({ system: 'icd10cm', code })), age: 67, sex: 'F', setting: 'outpatient', dateOfService: '2026-02-10', ...over },
    codeset,
  );
}
const ids = (results: EditResult[], severity: EditResult['severity']): string[] => results.filter((r) => r.severity === severity).map((r) => r.id);

describe('edits over the SQLite code set', () => {
  it('loads FY2026', () => {
    expect(codeset.fiscalYears).toContain(2026);
  });

  it('E10.9 with E11.9 raises an Excludes1 error', () => {
    const r = edits(['E10.9', 'E11.9']).find((x) => x.id === 'excludes1');
    expect(r).toMatchObject({ severity: 'error', codes: ['E10.9', 'E11.9'] });
  });

  it('Z79.4 with Z79.84 and Z79.85 is not an Excludes1 error', () => {
    expect(ids(edits(['E11.9', 'Z79.4', 'Z79.84', 'Z79.85']), 'error')).toEqual([]);
  });

  it('flags E11 (header), S72.001 (no 7th character), a newborn code at 40 and a manifestation first-listed', () => {
    expect(ids(edits(['E11']), 'error')).toEqual(['non-billable']);
    expect(ids(edits(['S72.001']), 'error')).toEqual(['missing-7th-character']);
    expect(ids(edits(['Z38.00'], { age: 40 }), 'error')).toEqual(['mce-age']);
    expect(ids(edits(['F02.80', 'G30.9']), 'error')).toEqual(['manifestation-principal']);
    expect(ids(edits(['G30.9', 'F02.80']), 'error')).toEqual([]);
  });

  it('a date of service in a fiscal year that is not loaded is an error', () => {
    expect(ids(edits(['E11.9'], { dateOfService: '2023-06-01' }), 'error')).toEqual(['fiscal-year-not-loaded']);
  });

  it('shows the V28 hierarchy drop of HCC 38 under HCC 37', () => {
    const r = edits(['E11.22', 'E11.9']).find((x) => x.id === 'hcc-hierarchy');
    expect(r?.source).toBe('V28 hierarchy: HCC 37 drops HCC 38');
  });
});

describe('V28 over the SQLite code set', () => {
  it('I50.9 maps to HCC 226', () => {
    expect(codeset.hccs('I509')).toEqual([226]);
  });

  it('RAF for F 72 CNA with E11.22, E11.9, I50.9, N18.4 equals the hand sum of the coefficient rows', () => {
    // 37 (E11.22) drops 38 (E11.9); HCCs 37, 226, 327; DIABETES_HF and HF_KIDNEY; three HCCs → D3.
    const expected =
      coef('CNA', 'F70_74') + coef('CNA', 'HCC37') + coef('CNA', 'HCC226') + coef('CNA', 'HCC327') +
      coef('CNA', 'DIABETES_HF') + coef('CNA', 'HF_KIDNEY') + coef('CNA', 'D3');
    const r = scoreRaf({ codes: ['E11.22', 'E11.9', 'I50.9', 'N18.4'], age: 72, sex: 'F', segment: 'CNA' }, codeset);
    expect(r.total).toBeCloseTo(expected, 9);
    expect(r.dropped.map((d) => [d.hcc, d.droppedBy])).toEqual([[38, 37]]);
  });
});
