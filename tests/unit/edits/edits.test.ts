import { describe, expect, it } from 'vitest';
import type { CodeSystemId } from '../../../src/shared/codeset/types';
import { MAX_ENCOUNTER_CODES, runEdits } from '../../../src/shared/edits/run';
import type { EditEncounter, EditResult } from '../../../src/shared/edits/types';
import { memoryLookup } from './fixtures/memory-lookup';

const lookup = memoryLookup();

function encounter(codes: string[], over: Partial<EditEncounter> = {}): EditEncounter {
  return {
    codes: codes.map((code) => ({ system: 'icd10cm' as CodeSystemId, code })),
    age: 67,
    sex: 'F',
    setting: 'outpatient',
    dateOfService: '2026-02-10',
    ...over,
  };
}

const edits = (codes: string[], over: Partial<EditEncounter> = {}): EditResult[] => runEdits(encounter(codes, over), lookup);
const only = (results: EditResult[], id: string): EditResult[] => results.filter((r) => r.id === id);

describe('Excludes1', () => {
  it('E10.9 with E11.9 is an Excludes1 error citing both category notes', () => {
    const [conflict, ...rest] = only(edits(['E10.9', 'E11.9']), 'excludes1');
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({ severity: 'error', codes: ['E10.9', 'E11.9'] });
    expect(conflict!.source).toContain('Excludes1 at E10 (category)');
    expect(conflict!.source).toContain('Excludes1 at E11 (category)');
    expect(conflict!.message).toContain('type 1 diabetes mellitus (E10.-)');
  });

  it('resolves range-with-suffix notes: G63 polyneuropathy excludes E11.42 but not E11.9', () => {
    expect(only(edits(['E11.42', 'G63']), 'excludes1')).toHaveLength(1);
    expect(only(edits(['E11.9', 'G63']), 'excludes1')).toEqual([]);
  });

  it('Z79.4 with Z79.84 is not an Excludes1 error in FY2026, though the FY2021 note says so', () => {
    // The loaded FY2021 note really does carry the Excludes1 …
    const z794 = lookup.notes('Z794').filter((n) => n.kind === 'excludes1').map((n) => n.text);
    expect(z794.some((t) => t.includes('(Z79.84)'))).toBe(true);
    // … and the engine's documented override lets the pair through, saying why.
    const results = edits(['E11.9', 'Z79.4', 'Z79.84']);
    expect(only(results, 'excludes1')).toEqual([]);
    const [override] = only(results, 'excludes1-override');
    expect(override).toMatchObject({ severity: 'info', codes: ['Z79.4', 'Z79.84'] });
    expect(override!.message).toContain('I.C.4.a.3');
    expect(results.filter((r) => r.severity === 'error')).toEqual([]);
  });

  it('codes that merely share a chapter do not conflict', () => {
    expect(only(edits(['I10', 'E78.5', 'E11.9']), 'excludes1')).toEqual([]);
  });
});

describe('validity', () => {
  it('flags the header E11 as non-billable and lists its children', () => {
    const [r] = only(edits(['E11']), 'non-billable');
    expect(r).toMatchObject({ severity: 'error', codes: ['E11'] });
    expect(r!.message).toContain('E11.9');
  });

  it('N18.3 is a header since FY2021: the coder must pick N18.30, N18.31 or N18.32', () => {
    const [r] = only(edits(['N18.3']), 'non-billable');
    expect(r!.message).toContain('N18.30, N18.31, N18.32');
  });

  it('S72.001 without its 7th character is an error that lists the 7th characters; S72.001A is fine', () => {
    const [r] = only(edits(['S72.001']), 'missing-7th-character');
    expect(r).toMatchObject({ severity: 'error', codes: ['S72.001'], source: '7th characters at S72' });
    expect(r!.message).toContain('A initial encounter for closed fracture');
    const ok = edits(['S72.001A']);
    expect(ok.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('an unknown code is an error naming the nearest real code, never silently accepted', () => {
    const [r] = only(edits(['E11.99']), 'code-not-found');
    expect(r!.severity).toBe('error');
    expect(r!.message).toContain('E11.9 Type 2 diabetes mellitus without complications');
  });

  it('a date of service outside the loaded fiscal years is an error for every ICD-10 code', () => {
    const [r] = only(edits(['E11.9', 'I10'], { dateOfService: '2024-05-01' }), 'fiscal-year-not-loaded');
    expect(r).toMatchObject({ severity: 'error', codes: ['E11.9', 'I10'] });
    expect(r!.message).toContain('FY2024');
    expect(r!.message).toContain('FY2026');
    // 2025-10-01 is the first day of FY2026.
    expect(only(edits(['E11.9'], { dateOfService: '2025-10-01' }), 'fiscal-year-not-loaded')).toEqual([]);
    expect(only(edits(['E11.9'], { dateOfService: '2025-09-30' }), 'fiscal-year-not-loaded')).toHaveLength(1);
    expect(only(edits(['E11.9'], { dateOfService: 'next tuesday' }), 'date-of-service-invalid')).toHaveLength(1);
  });

  it('hostile and huge input gives clear errors, not a crash', () => {
    const huge = 'E'.repeat(10_000);
    const results = edits(["'; DROP TABLE code;--", huge, '', 'E11.9']);
    const malformed = only(results, 'malformed-code');
    expect(malformed).toHaveLength(3);
    expect(Math.max(...malformed.map((r) => r.message.length))).toBeLessThan(200);
    const tooMany = runEdits(encounter(Array.from({ length: MAX_ENCOUNTER_CODES + 1 }, () => 'E11.9')), lookup);
    expect(tooMany).toHaveLength(1);
    expect(tooMany[0]).toMatchObject({ id: 'too-many-codes', severity: 'error' });
  });

  it('checks PCS and HCPCS codes against their own systems', () => {
    const results = runEdits(
      {
        codes: [
          { system: 'icd10cm', code: 'I21.4' },
          { system: 'icd10pcs', code: '02703ZZ' },
          { system: 'hcpcs', code: 'G0008' },
          { system: 'icd10pcs', code: '027' },
        ],
        age: 70, sex: 'M', setting: 'inpatient', dateOfService: '2026-03-01',
      },
      lookup,
    );
    const errors = results.filter((r) => r.severity === 'error');
    expect(errors.map((r) => `${r.id} ${r.codes.join(',')}`)).toEqual(['non-billable 027']);
  });
});

describe('MCE and sequencing', () => {
  it('a newborn code at age 40 is an MCE age conflict; at age 0 it is not', () => {
    const [r] = only(edits(['Z38.00'], { age: 40 }), 'mce-age');
    expect(r).toMatchObject({ severity: 'error', codes: ['Z38.00'], source: 'MCE age edit (newborn 0-0)' });
    expect(only(edits(['Z38.00'], { age: 0 }), 'mce-age')).toEqual([]);
    expect(only(edits(['Z38.00'], { age: null }), 'mce-age')).toEqual([]);
  });

  it('a manifestation code first-listed is an error, and "code first" sequencing is checked', () => {
    const wrong = edits(['F02.80', 'G30.9']);
    expect(only(wrong, 'manifestation-principal')).toHaveLength(1);
    expect(only(wrong, 'code-first-sequence')[0]!.codes).toEqual(['F02.80', 'G30.9']);
    const right = edits(['G30.9', 'F02.80']);
    expect(only(right, 'manifestation-principal')).toEqual([]);
    expect(only(right, 'code-first-sequence')).toEqual([]);
    expect(only(right, 'code-first')).toEqual([]);
    // An explicit principal flag wins over list order.
    const flagged = runEdits(
      { ...encounter([]), codes: [{ system: 'icd10cm', code: 'G30.9' }, { system: 'icd10cm', code: 'F02.80', principal: true }] },
      lookup,
    );
    expect(only(flagged, 'manifestation-principal')).toHaveLength(1);
  });

  it('a manifestation without any of its etiologies gets a "code first" warning', () => {
    const [r] = only(edits(['I10', 'F02.80']), 'code-first');
    expect(r).toMatchObject({ severity: 'warning', codes: ['F02.80'] });
    expect(r!.message).toContain("Alzheimer's (G30.-)");
  });

  it('MCE unacceptable principal diagnosis applies to inpatient claims only', () => {
    expect(only(edits(['B95.0', 'L03.90'], { setting: 'inpatient' }), 'unacceptable-principal')).toHaveLength(1);
    expect(only(edits(['B95.0', 'L03.90'], { setting: 'outpatient' }), 'unacceptable-principal')).toEqual([]);
  });

  it('duplicates are flagged once per repeat', () => {
    expect(only(edits(['I10', 'i10', 'I10']), 'duplicate')).toHaveLength(2);
  });
});

describe('use additional code reminders', () => {
  it('E11.9 without a medication Z code gets an info reminder; with Z79.4 or (FY2026) Z79.85 it does not', () => {
    const [r] = only(edits(['E11.9']), 'use-additional-code');
    expect(r).toMatchObject({ severity: 'info', codes: ['E11.9'], source: 'Use additional code at E11 (category)' });
    expect(only(edits(['E11.9', 'Z79.4']), 'use-additional-code').filter((x) => x.codes[0] === 'E11.9')).toEqual([]);
    expect(only(edits(['E11.9', 'Z79.85']), 'use-additional-code').filter((x) => x.codes[0] === 'E11.9')).toEqual([]);
  });
});

describe('V28 model edits', () => {
  it('shows which HCC drops out under the hierarchy', () => {
    const [r] = only(edits(['E11.22', 'E11.9', 'I50.9']), 'hcc-hierarchy');
    expect(r).toMatchObject({ severity: 'info', codes: ['E11.9', 'E11.22'], source: 'V28 hierarchy: HCC 37 drops HCC 38' });
    expect(only(edits(['E11.9', 'I50.9']), 'hcc-hierarchy')).toEqual([]);
  });

  it('applies the V28 age edit: COPD gives no HCC under 18', () => {
    const [r] = only(edits(['J44.9'], { age: 12 }), 'hcc-dx-edit');
    expect(r).toMatchObject({ severity: 'warning', codes: ['J44.9'] });
    expect(r!.message).toContain('HCC 280');
    expect(only(edits(['J44.9'], { age: 70 }), 'hcc-dx-edit')).toEqual([]);
  });

  it('applies the V28 sex edit: hemophilia in a female maps to HCC 112', () => {
    const [r] = only(edits(['D66'], { sex: 'F' }), 'hcc-dx-edit');
    expect(r!.message).toContain('HCC 112');
    expect(only(edits(['D66'], { sex: 'M' }), 'hcc-dx-edit')).toEqual([]);
    expect(only(edits(['D66'], { sex: 'U' }), 'hcc-dx-edit')).toEqual([]);
  });
});

describe('result order', () => {
  it('lists errors, then warnings, then info', () => {
    const results = edits(['F02.80', 'E11', 'E10.9', 'E11.9', 'E11.9']);
    const ranks = results.map((r) => ({ error: 0, warning: 1, info: 2 })[r.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(results.map((r) => r.severity))).toEqual(new Set(['error', 'warning', 'info']));
  });
});
