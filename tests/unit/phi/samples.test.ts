// The guard on the project's real sample notes: recall on the identifiers the samples mark, no false
// alarms on notes that hold none, and de-identified output the guard itself passes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deidentifyText, scanPhi } from '../../../src/shared/phi/index';
import type { PhiFinding } from '../../../src/shared/phi/index';

const SAMPLES = new URL('../../../../shared/data/samples/', import.meta.url);

interface Span {
  label: string;
  start: number;
  end: number;
  text: string;
}
interface SampleNote {
  id: string;
  text: string;
  meta?: { patient_firstname?: string; patient_familyname?: string; doctor_name?: string; patient_id?: string };
  phi_spans_exact_match?: Span[];
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(new URL(path, SAMPLES), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function covered(findings: PhiFinding[], span: Span): boolean {
  return findings.some((f) => f.start <= span.start && f.end >= span.end);
}

function recall(notes: SampleNote[], known: (n: SampleNote) => string[]): { hit: number; total: number } {
  let hit = 0;
  let total = 0;
  for (const note of notes) {
    const findings = scanPhi(note.text, { knownNames: known(note) });
    for (const span of note.phi_spans_exact_match ?? []) {
      total++;
      if (covered(findings, span)) hit++;
    }
  }
  return { hit, total };
}

const synthea = readJsonl<SampleNote>('synthea/synthea_notes.samples.jsonl');
const aci = readJsonl<SampleNote>('aci_bench/aci_bench.samples.jsonl');
const usguide = readJsonl<SampleNote>('usguide/usguide.samples.jsonl');
const codiesp = readJsonl<SampleNote>('codiesp/codiesp_en.samples.jsonl');

describe('PHI guard on the sample notes', () => {
  it('finds the marked identifiers of the Synthea notes without being told any names', () => {
    const { hit, total } = recall(synthea, () => []);
    expect(total).toBeGreaterThan(700);
    expect(hit / total).toBeGreaterThanOrEqual(0.99);
  });

  it('finds every ACI-bench patient and doctor name when the metadata names are known, and nearly all without', () => {
    const withMeta = recall(aci, (n) => [n.meta?.patient_firstname ?? '', n.meta?.patient_familyname ?? '', n.meta?.doctor_name ?? '']);
    expect(withMeta.total).toBeGreaterThan(50);
    expect(withMeta.hit).toBe(withMeta.total);
    const blind = recall(aci, () => []);
    expect(blind.hit / blind.total).toBeGreaterThanOrEqual(0.9);
  });

  it('raises nothing but dates on the guideline and CodiEsp notes, which name nobody', () => {
    const falseAlarms: string[] = [];
    for (const note of [...usguide, ...codiesp]) {
      for (const f of scanPhi(note.text, { shiftedDatesAllowed: true })) falseAlarms.push(`${note.id} ${f.kind}`);
    }
    expect(falseAlarms).toEqual([]);
  });

  it('de-identifies every sample note into text the guard passes, with the same known names', () => {
    const residue: string[] = [];
    for (const note of [...synthea, ...aci, ...usguide, ...codiesp]) {
      const knownNames = [note.meta?.patient_firstname ?? '', note.meta?.patient_familyname ?? '', note.meta?.doctor_name ?? ''];
      const out = deidentifyText(note.text, { knownNames, dateShiftDays: -17, refYear: 2026 });
      for (const f of scanPhi(out.text, { knownNames, shiftedDatesAllowed: true })) residue.push(`${note.id} ${f.kind}`);
      for (const span of note.phi_spans_exact_match ?? []) {
        if (span.label !== 'DATE' && out.text.includes(span.text)) residue.push(`${note.id} ${span.label} left in text`);
      }
    }
    expect(residue).toEqual([]);
  });
});
