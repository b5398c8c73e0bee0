// JSONL charts in the samples' format import with their text intact apart from identifiers: the gold
// evidence quotes of the guideline charts still match, codes and settings carry over, dates shift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../src/shared/importers/index';
import { dateShiftDaysFor, DATE_SHIFT_MAX_DAYS, DATE_SHIFT_MIN_DAYS } from '../../../src/shared/phi/index';

const SAMPLES = new URL('../../../../shared/data/samples/', import.meta.url);
const SECRET = 'unit-test-install-secret';

interface Line {
  id: string;
  text: string;
  setting?: string;
  date_of_service?: string;
  patient?: { age: number; sex: string };
  codes: Array<{ system: string; code: string; evidence?: string }>;
  existing_codes?: Array<{ system: string; code: string }>;
  meta?: { patient_firstname?: string; patient_familyname?: string; doctor_name?: string };
}

function load(path: string): { content: string; lines: Line[] } {
  const content = readFileSync(new URL(path, SAMPLES), 'utf8');
  return { content, lines: content.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line) };
}

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('JSONL chart import', () => {
  it('keeps the US-guideline charts codable: ≥ 95 % of gold evidence quotes survive verbatim', () => {
    const { content, lines } = load('usguide/usguide.samples.jsonl');
    const r = parseImport('usguide.samples.jsonl', content, { secret: SECRET, phiMode: 'deidentify' });
    expect(r.charts).toHaveLength(lines.length);
    expect(r.refused).toEqual([]);
    let quotes = 0;
    let survived = 0;
    lines.forEach((line, i) => {
      const chart = r.charts[i]!;
      const text = chart.documents[0]!.text;
      for (const c of line.codes) {
        quotes++;
        if (text.includes(c.evidence!)) survived++;
      }
      expect(chart.encounter.setting).toBe(line.setting);
      expect(chart.finalCodes).toEqual(line.codes.map((c) => ({ system: 'icd10cm', code: c.code })));
      expect(chart.existingCodes).toEqual((line.existing_codes ?? []).map((c) => ({ system: 'icd10cm', code: c.code, source: 'claim' })));
      const shift = day(chart.encounter.dateOfService) - day(line.date_of_service!);
      expect(shift).toBe(dateShiftDaysFor(SECRET, `jsonl/chart/${line.id}`));
      expect(shift).toBeGreaterThanOrEqual(DATE_SHIFT_MIN_DAYS);
      expect(shift).toBeLessThanOrEqual(DATE_SHIFT_MAX_DAYS);
      expect(chart.patient.sex).toBe(line.patient!.sex);
      expect(Number(chart.encounter.dateOfService.slice(0, 4)) - chart.patient.birthYear!).toBe(Math.min(line.patient!.age, 90));
      // Outside its dates, the note is unchanged.
      const undated = (s: string): string => s.replace(/\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\/\d{4}/g, '#');
      expect(undated(text)).toBe(undated(line.text));
    });
    expect(quotes).toBe(91);
    expect(survived / quotes).toBeGreaterThanOrEqual(0.95);
    expect(r.counts).toEqual({ date: 38 });
  });

  it('imports CodiEsp cases with their text unchanged except shifted dates, and ICD-10-CM / PCS gold codes', () => {
    const { content, lines } = load('codiesp/codiesp_en.samples.jsonl');
    const r = parseImport('codiesp_en.samples.jsonl', content, { secret: SECRET, phiMode: 'deidentify', defaultDateOfService: '2026-01-15' });
    expect(r.charts).toHaveLength(300);
    let unchanged = 0;
    lines.forEach((line, i) => {
      const chart = r.charts[i]!;
      if (chart.documents[0]!.text === line.text) unchanged++;
      expect(chart.documents[0]!.text.length).toBeGreaterThan(line.text.length - 20);
      expect(chart.finalCodes.length).toBe(line.codes.length);
      expect(chart.encounter.dateOfService).toBe('2026-01-15');
      expect(chart.encounter.setting).toBe('outpatient');
    });
    expect(Object.keys(r.counts)).toEqual(['date']);
    expect(unchanged).toBeGreaterThan(200);
    expect(r.charts.flatMap((c) => c.finalCodes).filter((c) => c.system === 'icd10pcs').length).toBeGreaterThan(800);
    expect(r.warnings).toEqual(['300 × charts without a known setting imported as outpatient', '300 × charts without a date of service given 2026-01-15']);
  });

  it('removes the ACI-bench patient and doctor names the metadata gives, and refuses those notes in refuse mode', () => {
    const { content, lines } = load('aci_bench/aci_bench.samples.jsonl');
    const r = parseImport('aci_bench.samples.jsonl', content, { secret: SECRET, phiMode: 'deidentify', defaultDateOfService: '2026-01-15' });
    const leaks: string[] = [];
    lines.forEach((line, i) => {
      const text = r.charts[i]!.documents[0]!.text;
      const names = [line.meta?.patient_firstname, line.meta?.patient_familyname, ...(line.meta?.doctor_name ?? '').split(/\s+/)];
      for (const n of names) {
        if (!n || n.length <= 2 || /^dr\.?$/i.test(n)) continue;
        // The metadata is often lower-case; notes write names capitalised ("walker" the aid stays).
        const written = n[0]!.toUpperCase() + n.slice(1);
        if (new RegExp(`\\b${written}\\b`).test(text)) leaks.push(`${line.id} ${written}`);
      }
    });
    expect(leaks).toEqual([]);
    expect(r.counts.name).toBeGreaterThan(50);
    const refused = parseImport('aci_bench.samples.jsonl', content, { secret: SECRET, phiMode: 'refuse', defaultDateOfService: '2026-01-15' });
    expect(refused.charts.length + refused.refused.length).toBe(lines.length);
    expect(refused.refused.length).toBeGreaterThanOrEqual(40);
    for (const x of refused.refused) expect(x.kinds).toContain('name');
    // The charts it kept hold no identifier at all.
    for (const chart of refused.charts) expect(chart.documents[0]!.text).not.toMatch(/\[[A-Z]+\]/);
  });

  it('imports the Synthea notes JSONL per patient: one pseudonym and one date shift per patient, no identifiers left', () => {
    const { content, lines } = load('synthea/synthea_notes.samples.jsonl');
    const r = parseImport('synthea_notes.samples.jsonl', content, { secret: SECRET, phiMode: 'deidentify' });
    expect(r.charts).toHaveLength(lines.length);
    const byPatient = new Map<string, Set<string>>();
    const shifts = new Map<string, Set<number>>();
    lines.forEach((line, i) => {
      const meta = (line as unknown as { meta: { patient_id: string; date: string } }).meta;
      const chart = r.charts[i]!;
      byPatient.set(meta.patient_id, (byPatient.get(meta.patient_id) ?? new Set()).add(chart.patient.id));
      const shift = day(chart.encounter.dateOfService) - day(meta.date.slice(0, 10));
      shifts.set(meta.patient_id, (shifts.get(meta.patient_id) ?? new Set()).add(shift));
      // The note's own first-line date moved with the field.
      expect(chart.documents[0]!.text.trimStart().slice(0, 10)).toBe(chart.encounter.dateOfService);
    });
    expect(byPatient.size).toBe(9);
    for (const ids of byPatient.values()) expect(ids.size).toBe(1);
    for (const s of shifts.values()) expect(s.size).toBe(1);
    const out = JSON.stringify(r);
    const leaks: string[] = [];
    for (const line of lines) {
      for (const span of (line as unknown as { phi_spans_exact_match: Array<{ label: string; text: string }> }).phi_spans_exact_match) {
        if (span.label !== 'DATE' && out.includes(span.text)) leaks.push(span.text);
      }
    }
    expect(leaks).toEqual([]);
  });
});
