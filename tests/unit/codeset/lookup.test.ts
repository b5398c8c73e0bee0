import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeSet } from '../../../src/main/codeset/open';
import { BUILD_TIMEOUT_MS, openSharedCodeSet } from './shared';
import { sourceRows } from './sources';

let cs: CodeSet;
beforeAll(async () => {
  cs = await openSharedCodeSet();
}, BUILD_TIMEOUT_MS);
afterAll(() => cs?.close());

describe('code-set lookup (CodeSetLookup)', () => {
  it('names its edition', () => {
    expect(cs.version).toBe('icd10cm-FY2026+hcc-v28-PY2026');
    expect(cs.fiscalYears).toEqual([2026]);
  });

  it('returns code records with hierarchy, dotted or not, any case', () => {
    const r = cs.code('icd10cm', 'e11.22');
    expect(r).toEqual({
      system: 'icd10cm', code: 'E1122', display: 'E11.22', billable: true,
      description: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
      shortDescription: expect.any(String), parent: 'E112', kind: 'code', chapter: 4, block: 'E08-E13', category: 'E11',
    });
    expect(cs.code('icd10cm', 'E11')).toMatchObject({ kind: 'category', billable: false, parent: 'E08-E13' });
    expect(cs.code('icd10cm', 'E99.99')).toBeUndefined();
    expect(cs.code('hcpcs', 'J1100')).toMatchObject({ system: 'hcpcs', billable: true, display: 'J1100' });
    expect(cs.code('icd10pcs', '0DT10ZZ')).toMatchObject({ parent: '0DT', billable: true });
  });

  it('lists children in tabular order, including a block\'s categories', () => {
    expect(cs.children('icd10cm', 'E11.2').map((c) => c.display)).toEqual(['E11.21', 'E11.22', 'E11.29']);
    expect(cs.children('icd10cm', 'E08-E13').map((c) => c.display)).toEqual(['E08', 'E09', 'E10', 'E11', 'E13']);
    expect(cs.children('icd10cm', 'E11.22')).toEqual([]);
  });

  it('gives every applicable note, own first, then inherited with its source up to the chapter', () => {
    const notes = cs.notes('E11.22');
    expect(notes[0]).toEqual({
      kind: 'use_additional_code', text: 'code to identify stage of chronic kidney disease (N18.1-N18.6)', source: 'E11.22', sourceLevel: 'code',
    });
    expect(notes).toContainEqual({ kind: 'excludes1', text: 'type 1 diabetes mellitus (E10.-)', source: 'E11', sourceLevel: 'category' });
    const levels = notes.map((n) => n.sourceLevel);
    expect(levels.at(-1)).toBe('chapter');
    expect(notes.filter((n) => n.sourceLevel === 'chapter').every((n) => n.source === 'Chapter 4')).toBe(true);
    // order: code → category → (block) → chapter
    const rank = { code: 0, subcategory: 1, category: 2, block: 3, chapter: 4 } as const;
    for (let i = 1; i < levels.length; i++) expect(rank[levels[i]]).toBeGreaterThanOrEqual(rank[levels[i - 1]]);
  });

  it('applies FY2021 block notes to FY2026 categories added at the end of a block', () => {
    expect(cs.code('icd10cm', 'I1A')).toMatchObject({ block: 'I10-I1A' });
    const blockNotes = cs.notes('I1A.0').filter((n) => n.sourceLevel === 'block');
    expect(blockNotes.length).toBeGreaterThan(0);
    expect(blockNotes[0].source).toBe('I10-I16');
  });

  it('codes created after FY2021 still inherit category and chapter notes', () => {
    const e11a = cs.notes('E11.A');
    expect(e11a.some((n) => n.source === 'E11' && n.kind === 'excludes1')).toBe(true);
    expect(e11a.some((n) => n.source === 'E11.A')).toBe(false);
  });

  it('applies the documented FY2026 corrections to the FY2021 notes', () => {
    const z794 = cs.notes('Z79.4');
    expect(z794.some((n) => n.kind === 'excludes1' && /Z79\.8[45]/.test(n.text))).toBe(false);
    for (const code of ['E11.9', 'E08.9', 'E13.9']) {
      expect(cs.notes(code).some((n) => n.kind === 'use_additional_code' && n.text.includes('(Z79.85)'))).toBe(true);
    }
    // the untouched FY2021 notes are still there
    expect(cs.notes('E11.9').some((n) => n.text === 'oral hypoglycemic drugs (Z79.84)')).toBe(true);
  });

  it('inherits 7th-character definitions from the category', () => {
    const defs = cs.seventhCharacters('S72.001A');
    expect(defs.find((d) => d.character === 'A')).toEqual({ character: 'A', meaning: 'initial encounter for closed fracture', source: 'S72' });
    expect(defs.map((d) => d.character)).toContain('S');
    expect(cs.seventhCharacters('E11.22')).toEqual([]);
  });

  it('answers the MCE edits as listed in the MCE files', () => {
    const ages = sourceRows('mce-age.tsv');
    for (const row of [ages[0], ages[Math.floor(ages.length / 2)], ages.at(-1)!]) {
      expect(cs.mceAge(row.icd10_dotted)).toEqual({ category: row.age_category, minAge: Number(row.min_age), maxAge: Number(row.max_age) });
    }
    const manif = sourceRows('mce-manifestation-not-pdx.tsv');
    expect(cs.isManifestationNotPrincipal(manif[0].icd10_dotted)).toBe(true);
    expect(cs.isManifestationNotPrincipal('I50.9')).toBe(false);
    for (const row of sourceRows('mce-unacceptable-pdx.tsv').slice(0, 50)) expect(cs.unacceptablePrincipal(row.icd10_code)).toBe(row.edit);
    expect(cs.unacceptablePrincipal('I50.9')).toBeUndefined();
  });

  it('maps codes to V28 HCCs, with labels, hierarchy and coefficients from the CMS tables', () => {
    expect(cs.hccs('I50.9')).toEqual([226]);
    expect(cs.hccs('F32.A')).toEqual([]);
    const map = sourceRows('hcc-v28-map.tsv.gz');
    const byCode = new Map<string, number[]>();
    for (const r of map) byCode.set(r.icd10_code, [...(byCode.get(r.icd10_code) ?? []), Number(r.hcc)]);
    const dual = [...byCode].find(([, hccs]) => hccs.length === 2)!;
    expect(cs.hccs(dual[0])).toEqual([...dual[1]].sort((a, b) => a - b));
    const labels = sourceRows('hcc-v28-labels.tsv');
    expect(cs.hccLabel(226)).toBe(labels.find((l) => l.hcc === '226')!.label);
    expect(cs.hccLabel(99999)).toBeUndefined();
    const hierarchy = sourceRows('hcc-v28-hierarchy.tsv');
    expect(cs.hccHierarchy()).toHaveLength(hierarchy.length);
    expect(cs.hccHierarchy()).toContainEqual({ hcc: Number(hierarchy[0].hcc), drops: Number(hierarchy[0].drops_hcc) });
    const coef = sourceRows('hcc-v28-coefficients.tsv').filter((r) => r.segment === 'CNA');
    const cna = cs.coefficients('CNA');
    expect(cna.size).toBe(coef.length);
    expect(cna.get('HCC226')).toBe(Number(coef.find((r) => r.variable === 'HCC226')!.coefficient));
    expect(cs.coefficients('NOPE').size).toBe(0);
  });

  it('returns the V28 age/sex dx edits of a code', () => {
    const rows = sourceRows('hcc-v28-dx-edits.tsv');
    const age = rows.find((r) => r.edit_type === 'age')!;
    expect(cs.dxEdits(age.icd10_code)).toContainEqual({
      editType: 'age', sex: null, ageMin: age.age_min === '' ? null : Number(age.age_min), ageMax: age.age_max === '' ? null : Number(age.age_max),
      action: age.action, hccOverride: age.hcc_override === '' ? null : Number(age.hcc_override),
    });
    const sex = rows.find((r) => r.edit_type === 'sex')!;
    expect(cs.dxEdits(sex.icd10_code)[0]).toMatchObject({ editType: 'sex', sex: sex.sex === '1' ? 'M' : 'F' });
    expect(cs.dxEdits('I50.9')).toEqual([]);
  });
});
