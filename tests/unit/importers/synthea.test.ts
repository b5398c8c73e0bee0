// Importing every Synthea sample (bundles A and C, the bulk NDJSON set B) leaves no patient's name,
// street address, phone number, SSN or record number anywhere in the output, and keeps the intervals
// between a patient's dates.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createResourceContext, parseImport, parseImportSet } from '../../../src/shared/importers/index';
import type { ImportResult } from '../../../src/shared/importers/index';
import { DATE_SHIFT_MAX_DAYS, DATE_SHIFT_MIN_DAYS } from '../../../src/shared/phi/index';

const SYNTHEA = new URL('../../../../shared/data/samples/synthea/', import.meta.url);
const SECRET = 'unit-test-install-secret';

function read(dir: string, name: string): string {
  return readFileSync(new URL(`${dir}/${name}`, SYNTHEA), 'utf8');
}
function list(dir: string): string[] {
  return readdirSync(new URL(`${dir}/`, SYNTHEA)).sort();
}

interface PhiSample {
  patient_id: string;
  phi: {
    names: Array<{ given: string[]; family: string }>;
    addresses: Array<{ line: string[] }>;
    telecom: string[];
    identifiers: Record<string, string>;
    mothersMaidenName: string | null;
  };
}

const results: Array<{ source: string; result: ImportResult }> = [];
const sourceText: Array<{ ndjson: boolean; content: string }> = [];

beforeAll(() => {
  const ctx = createResourceContext();
  const opts = { secret: SECRET, phiMode: 'deidentify' as const, context: ctx };
  const a = list('A_bundles_synthea_2025');
  // Synthea's patient bundles reference hospitals and practitioners loaded beforehand.
  for (const support of ['hospitalInformation.json', 'practitionerInformation.json']) {
    results.push({ source: support, result: parseImport(support, read('A_bundles_synthea_2025', support), opts) });
  }
  for (const name of a.filter((n) => !n.endsWith('Information.json'))) {
    const content = read('A_bundles_synthea_2025', name);
    sourceText.push({ ndjson: false, content });
    results.push({ source: name, result: parseImport(name, content, opts) });
  }
  const b = list('B_bulk_ndjson_synthea').map((name) => ({ name, content: read('B_bulk_ndjson_synthea', name) }));
  sourceText.push(...b.map((f) => ({ ndjson: true, content: f.content })));
  results.push({ source: 'B', result: parseImportSet(b, { secret: SECRET, phiMode: 'deidentify' }) });
  for (const name of list('C_bundles_synthea_2019_smart')) {
    const content = read('C_bundles_synthea_2019_smart', name);
    sourceText.push({ ndjson: false, content });
    results.push({ source: name, result: parseImport(name, content, opts) });
  }
});

/** Identifiers of every Patient in the sources (A, B and C), read straight from the FHIR resources. */
function patientIdentifiers(): { words: string[]; phrases: string[] } {
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const { ndjson, content } of sourceText) {
    const resources: Array<Record<string, unknown>> = ndjson
      ? content.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>)
      : ((JSON.parse(content) as { entry?: Array<{ resource: Record<string, unknown> }> }).entry ?? []).map((e) => e.resource);
    for (const r of resources) {
      if (r['resourceType'] !== 'Patient') continue;
      const p = r as {
        id: string;
        name?: Array<{ given?: string[]; family?: string }>;
        address?: Array<{ line?: string[] }>;
        telecom?: Array<{ value?: string }>;
        identifier?: Array<{ value?: string }>;
      };
      for (const n of p.name ?? []) for (const w of [...(n.given ?? []), ...(n.family ? [n.family] : [])]) words.add(w);
      for (const a of p.address ?? []) for (const l of a.line ?? []) phrases.add(l);
      for (const t of p.telecom ?? []) if (t.value) phrases.add(t.value);
      for (const i of p.identifier ?? []) if (i.value) phrases.add(i.value);
      phrases.add(p.id);
    }
  }
  return { words: [...words], phrases: [...phrases] };
}

describe('Synthea import', () => {
  it('produces charts for every encounter with a note and skips the rest with a warning', () => {
    const charts = results.flatMap((r) => r.result.charts);
    // 145 notes in A, 173 in B, none in C (samples README).
    expect(charts.length).toBe(145 + 173);
    expect(charts.reduce((n, c) => n + c.documents.length, 0)).toBe(318);
    const c = results.filter((r) => r.source.startsWith('Antonio') || r.source.startsWith('Felipe') || r.source.startsWith('Jes'));
    for (const r of c) {
      expect(r.result.charts).toEqual([]);
      expect(r.result.warnings.some((w) => /encounters without documents skipped/.test(w))).toBe(true);
    }
    const patients = new Set(charts.map((ch) => ch.patient.id));
    expect(patients.size).toBe(9);
    for (const ch of charts) {
      expect(ch.documents[0]!.text.length).toBeGreaterThan(100);
      expect(['inpatient', 'outpatient']).toContain(ch.encounter.setting);
      expect(ch.existingCodes).toEqual([]);
    }
    expect(charts.some((ch) => ch.encounter.setting === 'inpatient')).toBe(true);
    expect(charts.some((ch) => ch.encounter.payer !== null)).toBe(true);
  });

  it('leaves none of the patients’ names, street addresses, phone numbers, SSNs or other identifiers in the output', () => {
    const out = JSON.stringify(results.map((r) => r.result));
    const samples = readFileSync(new URL('synthea_patients_phi.samples.jsonl', SYNTHEA), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as PhiSample);
    expect(samples.length).toBe(9);
    const leaks: string[] = [];
    for (const s of samples) {
      const values = [
        ...s.phi.names.flatMap((n) => [...n.given, n.family]),
        ...(s.phi.mothersMaidenName ? s.phi.mothersMaidenName.split(' ') : []),
        ...s.phi.addresses.flatMap((a) => a.line),
        ...s.phi.telecom,
        ...Object.values(s.phi.identifiers),
      ];
      for (const v of values) if (out.includes(v)) leaks.push(`${s.patient_id}: ${v}`);
    }
    const fromResources = patientIdentifiers();
    expect(fromResources.words.length).toBeGreaterThan(20);
    for (const w of fromResources.words) if (out.includes(w)) leaks.push(w);
    for (const p of fromResources.phrases) if (out.includes(p)) leaks.push(p);
    // Without Synthea's numeric suffix, as a word of its own ("Alvin").
    for (const w of fromResources.words) {
      const bare = w.replace(/\d+$/, '');
      if (bare.length > 2 && new RegExp(`\\b${bare}\\b`).test(out)) leaks.push(`bare ${bare}`);
    }
    expect(leaks).toEqual([]);
    const counts = results.reduce((n, r) => n + (r.result.counts.name ?? 0), 0);
    expect(counts).toBeGreaterThanOrEqual(318);
  });

  it('shifts each patient’s dates by one offset, so intervals survive, and keeps note dates in step with the fields', () => {
    const sourceDates = new Map<string, string[]>();
    for (const { content } of sourceText.slice(0, 4)) {
      const bundle = JSON.parse(content) as { entry: Array<{ resource: { resourceType: string; date?: string } }> };
      const dates = bundle.entry.filter((e) => e.resource.resourceType === 'DocumentReference').map((e) => e.resource.date!.slice(0, 10));
      sourceDates.set(JSON.stringify(dates.sort()), dates);
    }
    const byPatient = new Map<string, string[]>();
    for (const r of results.slice(2, 6)) {
      for (const ch of r.result.charts) {
        const list = byPatient.get(ch.patient.id) ?? [];
        list.push(ch.documents[0]!.date!);
        byPatient.set(ch.patient.id, list);
      }
    }
    expect(byPatient.size).toBe(4);
    const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const originals = [...sourceDates.values()];
    for (const shifted of byPatient.values()) {
      shifted.sort();
      const original = originals.find((o) => o.length === shifted.length && o.every((d, i) => {
        const delta = day(shifted[i]!) - day(d);
        return delta === day(shifted[0]!) - day(o[0]!);
      }));
      expect(original).toBeDefined();
      const delta = day(shifted[0]!) - day(original![0]!);
      expect(delta).toBeGreaterThanOrEqual(DATE_SHIFT_MIN_DAYS);
      expect(delta).toBeLessThanOrEqual(DATE_SHIFT_MAX_DAYS);
    }
    // Synthea notes open with their date: it moved exactly as the document's date field did.
    for (const ch of results.flatMap((r) => r.result.charts)) {
      const doc = ch.documents[0]!;
      expect(doc.text.trimStart().slice(0, 10)).toBe(doc.date);
    }
  });

  it('is stable: the same source and secret give the same ids and dates', () => {
    const name = list('A_bundles_synthea_2025').find((n) => n.startsWith('Alvin56'))!;
    const again = parseImport(name, read('A_bundles_synthea_2025', name), { secret: SECRET, phiMode: 'deidentify', context: createResourceContext() });
    const first = results.find((r) => r.source === name)!.result;
    expect(again.charts.map((c) => [c.patient.id, c.encounter.id, c.encounter.dateOfService])).toEqual(
      first.charts.map((c) => [c.patient.id, c.encounter.id, c.encounter.dateOfService]),
    );
    const other = parseImport(name, read('A_bundles_synthea_2025', name), { secret: 'another-install-secret', phiMode: 'deidentify' });
    expect(other.charts[0]!.patient.id).not.toBe(first.charts[0]!.patient.id);
  });

  it('refuse mode drops every Synthea note (each names the patient) and reports where, without the name', () => {
    const name = list('A_bundles_synthea_2025').find((n) => n.startsWith('Alvin56'))!;
    const r = parseImport(name, read('A_bundles_synthea_2025', name), { secret: SECRET, phiMode: 'refuse' });
    expect(r.charts).toEqual([]);
    expect(r.refused.length).toBe(36);
    for (const refusal of r.refused) {
      expect(refusal.kinds).toEqual(['name']);
      expect(refusal.ref).toMatch(/\.json entry \d+$/);
      expect(refusal.ref).not.toContain('Alvin');
      expect(refusal.ref).not.toContain('Jerde');
    }
  });
});
