import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCode, runSearch } from '../../../src/main/codeset/cli';
import type { CodeSet } from '../../../src/main/codeset/open';
import { BUILD_TIMEOUT_MS, openSharedCodeSet } from './shared';
import { sourceRows } from './sources';

let cs: CodeSet;
beforeAll(async () => {
  cs = await openSharedCodeSet();
}, BUILD_TIMEOUT_MS);
afterAll(() => cs?.close());

describe('code detail', () => {
  it('shows where E11.22 sits, its notes, HCC with coefficient, and the Index lines leading to it', () => {
    const d = cs.detail('icd10cm', 'E11.22')!;
    expect(d.path.map((p) => p.id)).toEqual(['Chapter 4', 'E08-E13', 'E11', 'E112', 'E1122']);
    expect(d.path[0].title).toBe('Endocrine, nutritional and metabolic diseases');
    expect(d.path.at(-1)!.display).toBe('E11.22');
    expect(d.children).toEqual([]);
    expect(d.notes.some((n) => n.source === 'E11')).toBe(true);
    const cna37 = sourceRows('hcc-v28-coefficients.tsv').find((r) => r.segment === 'CNA' && r.variable === 'HCC37')!;
    expect(d.hccs).toEqual([{ hcc: 37, label: cna37.hcc_label, coefficient: Number(cna37.coefficient), segment: 'CNA' }]);
    expect(d.indexTerms.map((t) => t.path)).toContain('Diabetes, diabetic > type 2 > with > chronic kidney disease');
    expect(d.validFiscalYears).toEqual([2026]);
    expect(d.poaExempt).toBe(false);
    expect(d.noteCorrections.map((c) => c.code)).toEqual(['E11']);
  });

  it('lists children of a header and the correction that removed a FY2021 Excludes1', () => {
    expect(cs.detail('icd10cm', 'E11.2')!.children.map((c) => c.display)).toEqual(['E11.21', 'E11.22', 'E11.29']);
    const z794 = cs.detail('icd10cm', 'Z79.4')!;
    expect(z794.noteCorrections).toEqual([expect.objectContaining({ action: 'remove', kind: 'excludes1', text: 'Z79.84' })]);
    expect(z794.poaExempt).toBe(true);
  });

  it('carries MCE and V28 edits', () => {
    const age = sourceRows('mce-age.tsv').find((r) => r.age_category === 'newborn')!;
    expect(cs.detail('icd10cm', age.icd10_code)!.mceAge).toMatchObject({ category: 'newborn' });
    const manif = sourceRows('mce-manifestation-not-pdx.tsv')[0];
    expect(cs.detail('icd10cm', manif.icd10_code)!.manifestationNotPrincipal).toBe(true);
    const edit = sourceRows('hcc-v28-dx-edits.tsv')[0];
    expect(cs.detail('icd10cm', edit.icd10_code)!.dxEdits.length).toBeGreaterThan(0);
  });

  it('works for PCS and HCPCS, and returns null for an unknown code', () => {
    const pcs = cs.detail('icd10pcs', '0DT10ZZ')!;
    expect(pcs.path.map((p) => p.id)).toEqual(['0DT', '0DT10ZZ']);
    expect(pcs.hccs).toEqual([]);
    expect(cs.detail('hcpcs', 'J1100')!.record.description).toMatch(/dexamethasone/i);
    expect(cs.detail('icd10cm', 'ZZZ99')).toBeNull();
  });
});

describe('CLI: plumbline search / plumbline code', () => {
  it('prints a table of hits, or the same hits as JSON', () => {
    const text = runSearch({ query: 'CHF', json: false, codeSet: cs, limit: 5 });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Code\s+System\s+Bill\s+HCC\s+Notes\s+Via\s+Description/);
    expect(lines[2]).toMatch(/^I50\.9\s+ICD-10-CM\s+yes\s+226\s+yes\s+abbreviation\s+Heart failure, unspecified/);
    const json = JSON.parse(runSearch({ query: 'CHF', json: true, codeSet: cs, limit: 5 }));
    expect(json).toEqual(cs.search('CHF', { limit: 5 }));
  });

  it('filters by system and says so when nothing matches', () => {
    const json = JSON.parse(runSearch({ query: 'wheelchair', system: 'hcpcs', json: true, codeSet: cs }));
    expect(json.every((h: { system: string }) => h.system === 'hcpcs')).toBe(true);
    expect(runSearch({ query: 'qqqzzzxx', json: false, codeSet: cs })).toMatch(/^No codes found for "qqqzzzxx"/);
  });

  it('rejects bad input with a one-line message', () => {
    expect(() => runSearch({ query: 'x', system: 'snomed', json: false, codeSet: cs })).toThrow(/^Unknown code system "snomed"/);
    expect(() => runSearch({ query: '  ', json: false, codeSet: cs })).toThrow(/Nothing to search for/);
    expect(() => runSearch({ query: 'x', limit: -1, json: false, codeSet: cs })).toThrow(/Limit/);
    expect(() => runCode({ code: 'ZZZ99', json: false, codeSet: cs })).toThrow(/^Unknown code ZZZ99[^\n]*$/);
    expect(() => runCode({ code: "E11'; --", json: false, codeSet: cs })).toThrow(/is not a code/);
  });

  it('prints a code with its path, HCC, notes and 7th characters', () => {
    const text = runCode({ code: 's72.001a', json: false, codeSet: cs });
    expect(text.split('\n')[0]).toBe('S72.001A  Fracture of unspecified part of neck of right femur, initial encounter for closed fracture');
    expect(text).toMatch(/S70-S79 {2}Injuries to the hip and thigh/);
    expect(text).toMatch(/HCC 402 {2}Hip Fracture\/Dislocation {2}\(CNA [0-9.]+\)/);
    expect(text).toMatch(/7th characters \[S72\]:\n {2}A {2}initial encounter for closed fracture/);
    const json = JSON.parse(runCode({ code: 'S72.001A', json: true, codeSet: cs }));
    expect(json.record.display).toBe('S72.001A');
  });

  it('a code in two systems opens the ICD-10-CM one and points at the other', () => {
    const text = runCode({ code: 'J1100', json: false, codeSet: cs });
    expect(text.split('\n')[0]).toMatch(/^J11\.00 /);
    expect(text).toMatch(/Also a HCPCS code: add --system hcpcs/);
    expect(runCode({ code: 'J1100', system: 'hcpcs', json: false, codeSet: cs }).split('\n')[0]).toMatch(/^J1100 {2}Injection, dexamethasone/);
  });
});
