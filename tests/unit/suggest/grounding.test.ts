import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCodeSet, type CodeSet } from '../../../src/main/codeset/open';
import { groundSuggestions, type RawSuggestion } from '../../../src/shared/suggest/grounding';
import type { SuggestInput } from '../../../src/shared/suggest/types';
import type { SuggestionProvenance } from '../../../src/shared/review/types';
import { ensureTestCodeSet } from '../../helpers/codeset';

let cs: CodeSet;
beforeAll(() => {
  cs = openCodeSet(ensureTestCodeSet());
});
afterAll(() => cs.close());

const NOTE = 'A/P:\n1. Type 2 diabetes   with diabetic\nCKD stage 3a - eGFR 52.\n2. Essential hypertension, controlled.';

function input(over: Partial<SuggestInput> = {}): SuggestInput {
  return {
    encounterId: 'e1',
    documents: [{ id: 'd1', text: NOTE }],
    dateOfService: '2026-02-10',
    setting: 'outpatient',
    age: 70,
    sex: 'F',
    existingCodes: [],
    priorCodes: [],
    ...over,
  };
}
const prov = (): SuggestionProvenance => ({ engine: 'model', model: 'test', codeSetVersion: cs.version, createdAt: '2026-02-10T00:00:00Z' });

describe('groundSuggestions', () => {
  it('keeps a real billable code and maps a whitespace-normalised quote to exact offsets', () => {
    const { suggestions, drops } = groundSuggestions(
      [{ system: 'ICD-10-CM', code: 'E11.22', kind: 'add', quotes: ['Type 2 diabetes with diabetic CKD stage 3a'], confidence: 0.9 }],
      input(),
      cs,
      prov(),
    );
    expect(suggestions).toHaveLength(1);
    const s = suggestions[0]!;
    expect(s.code).toBe('E1122');
    const ev = s.evidence[0]!;
    expect(NOTE.slice(ev.start, ev.end)).toBe('Type 2 diabetes   with diabetic\nCKD stage 3a');
    expect(ev.quote).toBe(NOTE.slice(ev.start, ev.end));
    expect(Object.values(drops).every((n) => n === 0)).toBe(true);
  });

  it('drops invented codes, headers with several billable children, unfound quotes, and counts each reason', () => {
    const raw: RawSuggestion[] = [
      { system: 'ICD-10-CM', code: 'E11.99X', kind: 'add', quotes: ['Type 2 diabetes'] }, // invented
      { system: 'ICD-10-CM', code: 'E11', kind: 'add', quotes: ['Type 2 diabetes'] }, // header, many children
      { system: 'ICD-10-CM', code: 'I10', kind: 'add', quotes: ['Malignant hypertension'] }, // quote not in chart → no evidence
      { system: 'ICD-10-CM', code: 'C34.90', kind: 'add', quotes: ['ignore previous instructions'] },
      { system: 'nonsense', code: 'I10', kind: 'add', quotes: ['hypertension'] },
    ];
    const { suggestions, drops } = groundSuggestions(raw, input(), cs, prov());
    expect(suggestions).toEqual([]);
    expect(drops).toEqual({ unknownCode: 1, invalidForDate: 0, headerCode: 1, quoteNotFound: 2, noEvidence: 2, malformed: 1 });
  });

  it('replaces a header by its single billable descendant', () => {
    // Find a real header with exactly one billable descendant in the loaded edition.
    const row = cs.db
      .prepare(
        "SELECT p.code AS code, MIN(c.code) AS child FROM code p JOIN code c ON c.system = p.system AND c.parent = p.code WHERE p.system = 'icd10cm' AND p.billable = 0 AND p.kind IN ('category','subcategory') GROUP BY p.code HAVING COUNT(*) = 1 AND MIN(c.billable) = 1 LIMIT 1",
      )
      .get() as { code: string; child: string };
    expect(row).toBeTruthy();
    const { suggestions } = groundSuggestions([{ system: 'icd10cm', code: row.code, kind: 'add', quotes: ['Essential hypertension'] }], input(), cs, prov());
    expect(suggestions.map((s) => s.code)).toEqual([row.child]);
  });

  it('drops codes when the date of service is outside the loaded fiscal year', () => {
    const { suggestions, drops } = groundSuggestions([{ system: 'icd10cm', code: 'I10', kind: 'add', quotes: ['Essential hypertension'] }], input({ dateOfService: '2019-05-01' }), cs, prov());
    expect(suggestions).toEqual([]);
    expect(drops.invalidForDate).toBe(1);
  });

  it('keeps delete-unsupported without evidence only for codes on the claim', () => {
    const { suggestions, drops } = groundSuggestions(
      [
        { system: 'icd10cm', code: 'I219', kind: 'delete-unsupported' },
        { system: 'icd10cm', code: 'J449', kind: 'delete-unsupported' },
      ],
      input({ existingCodes: [{ system: 'icd10cm', code: 'I21.9' }] }),
      cs,
      prov(),
    );
    expect(suggestions.map((s) => [s.code, s.kind, s.evidence.length])).toEqual([['I219', 'delete-unsupported', 0]]);
    expect(drops.malformed).toBe(1);
  });

  it('checks spans against the text and rejects spans whose quote disagrees and cannot be found', () => {
    const at = NOTE.indexOf('Essential hypertension');
    const good = groundSuggestions([{ system: 'icd10cm', code: 'I10', kind: 'add', quotes: [{ documentId: 'd1', start: at, end: at + 22 }] }], input(), cs, prov());
    expect(good.suggestions[0]!.evidence[0]!.quote).toBe('Essential hypertension');
    const bad = groundSuggestions(
      [{ system: 'icd10cm', code: 'I10', kind: 'add', quotes: [{ documentId: 'd1', start: at, end: at + 22, quote: 'Secondary hypertension' }, { documentId: 'd1', start: 0, end: 99999 }] }],
      input(),
      cs,
      prov(),
    );
    expect(bad.suggestions).toEqual([]);
    expect(bad.drops.quoteNotFound).toBe(2);
  });

  it('keeps only grounded MEAT quotes and merges duplicate suggestions', () => {
    const { suggestions } = groundSuggestions(
      [
        { system: 'icd10cm', code: 'N1831', kind: 'add', quotes: ['CKD stage 3a'], meat: { evaluate: ['eGFR 52', 'eGFR 12'] } },
        { system: 'icd10cm', code: 'N18.31', kind: 'add', quotes: ['stage 3a - eGFR'] },
      ],
      input(),
      cs,
      prov(),
    );
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.evidence).toHaveLength(2);
    expect(suggestions[0]!.meat?.evaluate?.map((e) => e.quote)).toEqual(['eGFR 52']);
  });
});
