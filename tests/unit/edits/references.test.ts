import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  parseNoteReferences,
  parseQualifier,
  parseReferenceList,
  referenceMatches,
  type NoteReference,
} from '../../../src/shared/edits/references';
import { codesetFile, readTsv } from './fixtures/memory-lookup';

const refs = (text: string): NoteReference[] => parseNoteReferences(text).references;
const matches = (text: string, code: string): boolean => refs(text).some((r) => referenceMatches(r, code));

describe('note reference parser', () => {
  it('reads a category with a dash as every code in the category', () => {
    expect(refs('type 1 diabetes mellitus (E10.-)')).toEqual([{ kind: 'codes', from: 'E10', to: 'E10', text: 'E10.-' }]);
    expect(matches('type 1 diabetes mellitus (E10.-)', 'E109')).toBe(true);
    expect(matches('type 1 diabetes mellitus (E10.-)', 'E10')).toBe(true);
    expect(matches('type 1 diabetes mellitus (E10.-)', 'E119')).toBe(false);
  });

  it('reads a subcategory prefix and a full code, including their subdivisions', () => {
    expect(matches('gestational diabetes (O24.4-)', 'O24410')).toBe(true);
    expect(matches('gestational diabetes (O24.4-)', 'O24011')).toBe(false);
    expect(matches('hyperglycemia NOS (R73.9)', 'R739')).toBe(true);
    expect(matches('hyperglycemia NOS (R73.9)', 'R7301')).toBe(false);
  });

  it('reads ranges of categories and of subcategories, whatever the dash style', () => {
    expect(matches('diabetes mellitus (E08-E13)', 'E0800')).toBe(true);
    expect(matches('diabetes mellitus (E08-E13)', 'E1322')).toBe(true);
    expect(matches('diabetes mellitus (E08-E13)', 'E14')).toBe(false);
    expect(matches('diabetes mellitus (E08-E13)', 'E0700')).toBe(false);
    // Written three ways in the tabular.
    expect(refs('atherosclerosis of the extremities (I70.2--I70.7-)')[0]).toMatchObject({ from: 'I702', to: 'I707' });
    expect(refs('drug abuse (F11.-F17.-)')[0]).toMatchObject({ from: 'F11', to: 'F17' });
    expect(refs('rheumatic fever with heart involvement (I01.0 -I01.9)')[0]).toMatchObject({ from: 'I010', to: 'I019' });
    expect(matches('(I70.2--I70.7-)', 'I70261')).toBe(true);
    expect(matches('(I70.2--I70.7-)', 'I7092')).toBe(false);
    expect(matches('(I70.2--I70.7-)', 'I70')).toBe(false);
  });

  it('reads lists mixing ranges and prefixes', () => {
    const list = refs('diabetes (E10-E13, O24.-)');
    expect(list.map((r) => (r.kind === 'codes' ? `${r.from}..${r.to}` : r.kind))).toEqual(['E10..E13', 'O24..O24']);
    expect(matches('diabetes (E10-E13, O24.-)', 'O2402')).toBe(true);
    expect(matches('skin (C43.2-,C44.2-)', 'C44211')).toBe(true);
    // A typo'd ". " separator in the tabular still reads as a list.
    expect(refs('deep vein thrombosis (I82.4-, I82.5-, I82.62-. I82.72-)')).toHaveLength(4);
  });

  it('applies "with" qualifiers to the codes they follow', () => {
    const text = 'neuralgic amyotrophy in diabetes mellitus (E08-E13 with .44)';
    expect(matches(text, 'E1144')).toBe(true);
    expect(matches(text, 'E1142')).toBe(false);
    expect(matches('diabetic angiopathy (E08-E13 with .51-.52)', 'E1151')).toBe(true);
    expect(matches('diabetic angiopathy (E08-E13 with .51-.52)', 'E0952')).toBe(true);
    expect(matches('diabetic angiopathy (E08-E13 with .51-.52)', 'E1159')).toBe(false);
    const adverse = 'code for adverse effect, if applicable, to identify drug (T36-T50 with fifth or sixth character 5)';
    expect(matches(adverse, 'T360X5A')).toBe(true);
    expect(matches(adverse, 'T360X1A')).toBe(false);
    const poisoning = 'poisoning due to drug or toxin, if applicable (T36-T65 with fifth or sixth character 1-4 or 6)';
    expect(matches(poisoning, 'T510X2A')).toBe(true);
    expect(matches(poisoning, 'T510X5A')).toBe(false);
    expect(matches('fluency disorder following cerebrovascular disease (I69. with final characters -23)', 'I69323')).toBe(true);
    expect(matches('fluency disorder following cerebrovascular disease (I69. with final characters -23)', 'I69320')).toBe(false);
    expect(matches('open fracture of shoulder and upper arm (S42.- with 7th character B or C)', 'S42201C')).toBe(true);
    expect(matches('open fracture of shoulder and upper arm (S42.- with 7th character B or C)', 'S42201A')).toBe(false);
    expect(matches('hallucinations in drug psychosis (F11-F19 with fifth to sixth characters 51)', 'F11151')).toBe(true);
    expect(matches('dementia in alcohol disorders (F10-F19, with .17, .27, .97)', 'F1097')).toBe(true);
    expect(matches('dementia in alcohol disorders (F10-F19, with .17, .27, .97)', 'F1020')).toBe(false);
  });

  it('reads chapter references', () => {
    expect(refs('code (Chapter 20) to identify external cause')).toEqual([{ kind: 'chapter', chapter: 20, text: 'Chapter 20' }]);
    const chapterOf = (code: string): number | null => (code.startsWith('W') ? 20 : 19);
    expect(referenceMatches(refs('code (Chapter 20) to identify external cause')[0]!, 'W010XXA', chapterOf)).toBe(true);
    expect(referenceMatches(refs('code (Chapter 20) to identify external cause')[0]!, 'S72001A', chapterOf)).toBe(false);
  });

  it('leaves references with a qualifier in words unresolved instead of guessing', () => {
    const acidosis = parseNoteReferences('diabetic acidosis - see categories E08-E10, E13 with ketoacidosis');
    expect(acidosis.references).toEqual([]);
    expect(acidosis.unresolved).toEqual(['E08-E10, E13 with ketoacidosis']);
    expect(parseNoteReferences('infectious mononucleosis (B27.0-B27.9 with 1)').references).toEqual([]);
    expect(parseQualifier('fifth or sixth character to indicate intent')).toBeUndefined();
    // A reversed range is a typo in the source, not "everything".
    expect(parseNoteReferences('contact with venomous amphibians (T63.81-R63.83)').references).toEqual([]);
  });

  it('does not take words that look like codes for references', () => {
    expect(refs('vitamin B12 deficiency anemia (D51.-)').map((r) => r.text)).toEqual(['D51.-']);
    expect(refs('hemoglobin A1C level')).toEqual([]);
    expect(refs('glucose-6-phosphate dehydrogenase (G6PD) deficiency without anemia (D75.A)').map((r) => r.text)).toEqual(['D75.A']);
    expect(refs('nerve root compression (due to) (in) intervertebral disc disorders (M50.1.-, M51.1.-)').map((r) => r.text)).toEqual([
      'M50.1.-',
      'M51.1.-',
    ]);
    expect(parseReferenceList('due to')).toBeUndefined();
  });

  it('reads bare references outside parentheses only when they are unmistakable', () => {
    expect(refs('if applicable peritonitis K65.-').map((r) => r.text)).toEqual(['K65.-']);
    expect(refs('see category E11').map((r) => r.text)).toEqual(['E11']);
  });

  it('copes with hostile or huge text', () => {
    const huge = `${'(E11.-'.repeat(2000)} ${'x'.repeat(10_000)}`;
    expect(() => parseNoteReferences(huge)).not.toThrow();
    expect(parseNoteReferences('((((((').references).toEqual([]);
    expect(parseNoteReferences("'); DROP TABLE note;--").references).toEqual([]);
  });

  it('resolves the references in the real FY2021 notes to FY2026 codes', () => {
    const known = new Set(readTsv('icd10cm-codes.tsv.gz').map((r) => r.code!));
    const lines = gunzipSync(readFileSync(codesetFile('icd10cm-notes-fy2021.jsonl.gz'))).toString('utf8').trim().split('\n');
    let texts = 0;
    let withRefs = 0;
    let bounds = 0;
    let unknownBounds = 0;
    const unresolved: string[] = [];
    for (const line of lines) {
      const o = JSON.parse(line) as Record<string, unknown>;
      for (const kind of ['excludes1', 'code_first', 'use_additional_code', 'code_also']) {
        for (const text of (o[kind] as string[] | undefined) ?? []) {
          texts++;
          const p = parseNoteReferences(text);
          if (p.references.length) withRefs++;
          unresolved.push(...p.unresolved);
          for (const r of p.references) {
            if (r.kind !== 'codes') continue;
            for (const b of [r.from, r.to]) {
              bounds++;
              if (!known.has(b)) unknownBounds++;
            }
          }
        }
      }
    }
    // Most notes of these kinds name codes; lead-ins ("code to identify:") and prose don't.
    expect(withRefs / texts).toBeGreaterThan(0.85);
    // Almost every parsed bound is a real FY2026 code or header (the rest: codes deleted since FY2021).
    expect(unknownBounds / bounds).toBeLessThan(0.005);
    // The handful of references we refuse to guess at, each documented in a test above.
    expect(unresolved.length).toBeLessThan(10);
  });
});
