import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeSet } from '../../../src/main/codeset/open';
import { BUILD_TIMEOUT_MS, openSharedCodeSet } from './shared';

let cs: CodeSet;
beforeAll(async () => {
  cs = await openSharedCodeSet();
}, BUILD_TIMEOUT_MS);
afterAll(() => cs?.close());

const codes = (query: string, limit = 20) => cs.search(query, { limit }).map((h) => h.display);

describe('encoder search: what a coder types', () => {
  it('"heart attack" finds I21.9 through the Alphabetic Index', () => {
    const hits = cs.search('heart attack');
    const i219 = hits.find((h) => h.code === 'I219');
    expect(i219).toBeDefined();
    expect(i219!.matchedVia).toBe('index');
    expect(i219!.indexPath).toMatch(/^Attack.* > heart/);
    expect(hits[0].code).toBe('I219');
  });

  it('"CHF" finds I50.9 first, through the abbreviation list', () => {
    const hits = cs.search('CHF');
    expect(hits[0]).toMatchObject({ code: 'I509', display: 'I50.9', matchedVia: 'abbreviation', billable: true, hcc: [226] });
    // the expansion also reaches other congestive heart failure codes
    expect(hits.some((h) => h.code.startsWith('I50') && h.code !== 'I509')).toBe(true);
  });

  it.each([
    ['copd', 'J44.9'],
    ['T2DM', 'E11.9'],
    ['dm2', 'E11.9'],
    ['HTN', 'I10'],
    ['CKD 3a', 'N18.31'],
    ['AFib', 'I48.91'],
    ['CAD', 'I25.10'],
    ['MI', 'I21.9'],
    ['UTI', 'N39.0'],
    ['GERD', 'K21.9'],
  ])('abbreviation %s → %s first', (query, code) => {
    expect(codes(query)[0]).toBe(code);
  });

  it('an abbreviation inside a longer query expands to its words', () => {
    const hits = cs.search('copd exacerbation');
    expect(hits[0].display).toBe('J44.1');
  });

  it('"type 2 diabetes with diabetic chronic kidney disease" ranks E11.22 first', () => {
    const hits = cs.search('type 2 diabetes with diabetic chronic kidney disease');
    expect(hits[0].display).toBe('E11.22');
    expect(hits[0].billable).toBe(true);
  });

  it('"E11.2" and "e112" list E11.2 then its descendants E11.21, E11.22, E11.29 in code order', () => {
    for (const q of ['E11.2', 'e112', ' E11.2 ']) {
      expect(codes(q)).toEqual(['E11.2', 'E11.21', 'E11.22', 'E11.29']);
    }
    const [head, ...rest] = cs.search('E11.2');
    expect(head).toMatchObject({ matchedVia: 'code', billable: false });
    expect(rest.every((h) => h.billable && h.matchedVia === 'code')).toBe(true);
  });

  it('an abbreviation that is also a code leads with the abbreviation, then the code', () => {
    const hits = cs.search('DM2');
    expect(hits[0]).toMatchObject({ display: 'E11.9', matchedVia: 'abbreviation' });
    expect(hits.some((h) => h.system === 'icd10pcs' && h.code === 'DM2')).toBe(true);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('a code query reaches every system, and the system filter narrows it', () => {
    // J1100 is both ICD-10-CM J11.00 and HCPCS J1100
    const both = cs.search('J1100');
    expect(both.map((h) => `${h.system}:${h.display}`)).toEqual(['icd10cm:J11.00', 'hcpcs:J1100']);
    expect(cs.search('J1100', { system: 'hcpcs' }).map((h) => h.system)).toEqual(['hcpcs']);
    const pcs = cs.search('0DT', { limit: 5 });
    expect(pcs[0]).toMatchObject({ system: 'icd10pcs', code: '0DT', billable: false });
    expect(pcs.slice(1).every((h) => h.code.startsWith('0DT') && h.code.length === 7)).toBe(true);
  });

  it('an Index term path finds the line it names', () => {
    const hits = cs.search('Failure > heart > congestive');
    expect(hits[0]).toMatchObject({ display: 'I50.9', matchedVia: 'index' });
    expect(hits[0].indexPath).toBe('Failure, failed > heart > congestive');
    const deeper = cs.search('diabetes > type 2 > with > chronic kidney disease');
    expect(deeper[0].display).toBe('E11.22');
  });

  it('as-you-type: the last word is a prefix', () => {
    expect(codes('heart fai')).toContain('I50.9');
    expect(codes('congestive heart fail')).toContain('I50.9');
    expect(codes('diab')).toContain('E11.9');
    // once the word is finished (trailing space) it must match whole: "fai" is no word, so nothing
    // matches every word and only the all-but-one fallback answers
    expect(cs.search('heart fai ').every((h) => h.score < 3)).toBe(true);
  });

  it('plural and singular find the same codes', () => {
    expect(codes('heart attacks')[0]).toBe('I21.9');
  });

  it('ranks billable codes before headers among equally good matches', () => {
    const hits = cs.search('heart failure', { limit: 10 });
    expect(hits[0].display).toBe('I50.9');
    const firstHeader = hits.findIndex((h) => !h.billable);
    const lastBillableExact = hits.map((h) => h.billable && h.score >= 3).lastIndexOf(true);
    if (firstHeader >= 0) expect(firstHeader).toBeGreaterThan(lastBillableExact);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('reaches the External Cause Index and the Drug and Neoplasm tables', () => {
    expect(cs.search('fall from ladder')[0]).toMatchObject({ display: 'W11', matchedVia: 'index' });
    expect(cs.search('fall from ladder')[0].indexPath).toMatch(/^External Cause Index: Fall/);
    // intent not documented → accidental (Guidelines I.C.19.e.5.b)
    const overdose = cs.search('aspirin overdose');
    expect(overdose[0].display).toBe('T39.011');
    expect(overdose[0].indexPath).toMatch(/^Table of Drugs and Chemicals: Aspirin \[poisoning accidental\]/);
    expect(cs.search('neoplasm breast malignant primary')[0]).toMatchObject({
      display: 'C50.9',
      indexPath: 'Table of Neoplasms: Neoplasm, neoplastic > breast [malignant primary]',
    });
  });

  it('when no code has every word, shows codes that match all words but one, below any full match', () => {
    const hits = cs.search('pressure ulcer sacrum stage 3');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => /pressure ulcer/i.test(h.description))).toBe(true);
    expect(hits.every((h) => h.score < 3)).toBe(true);
    expect(hits.some((h) => /sacral region/i.test(h.description))).toBe(true);
  });

  it('filters by code system', () => {
    const pcs = cs.search('resection upper esophagus', { system: 'icd10pcs' });
    expect(pcs.length).toBeGreaterThan(0);
    expect(pcs.every((h) => h.system === 'icd10pcs')).toBe(true);
    expect(pcs[0].description).toMatch(/Resection of Upper Esophagus/);
    const hcpcs = cs.search('wheelchair', { system: 'hcpcs' });
    expect(hcpcs.length).toBeGreaterThan(0);
    expect(hcpcs.every((h) => h.system === 'hcpcs')).toBe(true);
    expect(cs.search('CHF', { system: 'hcpcs' }).some((h) => h.code === 'I509')).toBe(false);
  });

  it('reports HCC and note flags on hits', () => {
    const [e1122] = cs.search('E11.22');
    expect(e1122).toMatchObject({ hcc: [37], hasNotes: true, billable: true });
    const [z7982] = cs.search('Z79.82');
    expect(z7982.hcc).toEqual([]);
  });

  it('respects the limit and rejects a bad limit or system with a clear message', () => {
    expect(cs.search('fracture', { limit: 3 })).toHaveLength(3);
    expect(() => cs.search('fracture', { limit: 0 })).toThrow(/Limit/);
    expect(() => cs.search('fracture', { system: 'snomed' as never })).toThrow(/Unknown code system "snomed"/);
  });
});

describe('encoder search: hostile and odd input', () => {
  it('empty and blank queries return nothing', () => {
    expect(cs.search('')).toEqual([]);
    expect(cs.search('   \t\n')).toEqual([]);
  });

  it('a 10,000-character query returns results for its first words without failing', () => {
    const long = 'heart failure '.repeat(715).slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const hits = cs.search(long);
    expect(hits[0].display).toBe('I50.9');
    const junk = 'x'.repeat(10_000);
    expect(cs.search(junk)).toEqual([]);
  });

  it.each([
    '"',
    '"heart',
    '*',
    'heart*',
    'NEAR',
    'NEAR(heart failure)',
    'heart NEAR failure',
    '-',
    '-heart',
    'heart - failure',
    '(',
    '(heart',
    ')',
    'heart AND OR NOT failure',
    'body:heart',
    '{body tag}: heart',
    '^heart',
    "'; DROP TABLE code; --",
    "' OR 1=1 --",
    'heart\u0000failure',
    '💔 heart',
  ])('%j does not crash and stays sensible', (query) => {
    const hits = cs.search(query);
    expect(Array.isArray(hits)).toBe(true);
    for (const h of hits) expect(h.code).toMatch(/^[A-Z0-9]+$/);
  });

  it('FTS operators are read as words, not syntax', () => {
    // "heart NEAR failure" must not turn into a NEAR query; it searches the three words
    expect(codes('heart - failure')).toContain('I50.9');
    expect(codes('(heart failure)')).toContain('I50.9');
    expect(codes('"heart failure"')).toContain('I50.9');
  });

  it('an injection attempt leaves the database intact', () => {
    cs.search("x'); DELETE FROM code; --");
    expect(cs.code('icd10cm', 'I509')?.description).toBe('Heart failure, unspecified');
  });
});
