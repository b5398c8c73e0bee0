// File formats and their failure modes: malformed, truncated and wrong files are refused whole with a
// one-line message naming the file and place; FHIR codes, settings and payers map as documented.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createResourceContext, detectFormat, ImportError, parseImport, parseImportSet } from '../../../src/shared/importers/index';
import { dateShiftDaysFor } from '../../../src/shared/phi/index';

const SAMPLES = new URL('../../../../shared/data/samples/', import.meta.url);
const SECRET = 'unit-test-install-secret';
const opts = { secret: SECRET, phiMode: 'deidentify' as const };

function sample(path: string): string {
  return readFileSync(new URL(path, SAMPLES), 'utf8');
}

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const alvinName = readdirSync(new URL('synthea/A_bundles_synthea_2025/', SAMPLES)).find((n) => n.startsWith('Alvin56'))!;
const alvin = sample(`synthea/A_bundles_synthea_2025/${alvinName}`);

const b64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** A small hand-made transaction bundle with the coded resources Synthea never produces. */
function codedBundle(): Record<string, unknown> {
  const note = 'DISCHARGE SUMMARY\nAdmitted 03/15/2026, discharged 03/20/2026.\nMs. Rivera (SSN 123-45-6789, phone 617-555-0143) treated for CAP.';
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1931-05-02', name: [{ given: ['Ana'], family: 'Rivera' }] } },
      { fullUrl: 'urn:uuid:e1', resource: { resourceType: 'Encounter', id: 'e1', class: { code: 'IMP' }, subject: { reference: 'urn:uuid:p1' }, period: { start: '2026-03-15T08:00:00Z', end: '2026-03-20T10:00:00Z' } } },
      { fullUrl: 'urn:uuid:e2', resource: { resourceType: 'Encounter', id: 'e2', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:p1' }, period: { start: '2026-04-01T08:00:00Z' } } },
      {
        resource: {
          resourceType: 'DocumentReference', id: 'd1', subject: { reference: 'urn:uuid:p1' }, date: '2026-03-20T12:00:00Z',
          type: { coding: [{ system: 'http://loinc.org', code: '18842-5', display: 'Discharge summary' }] },
          author: [{ reference: 'Practitioner/x1', display: 'Dr. Sam Okafor' }],
          content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: b64(note) } }],
          context: { encounter: [{ reference: 'urn:uuid:e1' }] },
        },
      },
      {
        resource: {
          resourceType: 'Condition', id: 'c1', subject: { reference: 'urn:uuid:p1' }, encounter: { reference: 'urn:uuid:e1' },
          code: { coding: [{ system: 'http://snomed.info/sct', code: '233604007' }, { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'J18.9' }] },
        },
      },
      {
        resource: {
          resourceType: 'Claim', id: 'cl1', patient: { reference: 'urn:uuid:p1' },
          insurance: [{ coverage: { display: 'Medicare' } }],
          diagnosis: [{ diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'e11.22' }] } }],
          procedure: [{ procedureCodeableConcept: { coding: [{ system: 'http://www.cms.gov/Medicare/Coding/ICD10', code: '0BH17EZ' }] } }],
          item: [
            { productOrService: { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.285', code: 'J1100' }] }, encounter: [{ reference: 'urn:uuid:e1' }] },
            { productOrService: { coding: [{ system: 'http://snomed.info/sct', code: '1234' }] } },
          ],
        },
      },
    ],
  };
}

describe('FHIR mapping', () => {
  it('maps settings, shifted dates, payer and ICD-10-CM / PCS / HCPCS codes; ignores SNOMED with a count', () => {
    const r = parseImport('coded.json', JSON.stringify(codedBundle()), opts);
    expect(r.charts).toHaveLength(1);
    const chart = r.charts[0]!;
    const shift = dateShiftDaysFor(SECRET, 'fhir/Patient/p1');
    const expectDay = new Date(Date.UTC(2026, 2, 20) + shift * 86_400_000).toISOString().slice(0, 10);
    expect(chart.encounter).toMatchObject({ setting: 'inpatient', dateOfService: expectDay, payer: 'Medicare' });
    expect(chart.existingCodes).toEqual([
      { system: 'icd10cm', code: 'E1122', source: 'claim' },
      { system: 'icd10pcs', code: '0BH17EZ', source: 'claim' },
      { system: 'hcpcs', code: 'J1100', source: 'claim' },
      { system: 'icd10cm', code: 'J189', source: 'problem-list' },
    ]);
    // Born 1931, seen 2026: over 89, so the birth year is capped at 90 years before the visit.
    expect(chart.patient).toMatchObject({ sex: 'F', birthYear: 2026 - 90 });
    const doc = chart.documents[0]!;
    expect(doc).toMatchObject({ type: 'Discharge summary', authorRole: 'practitioner', date: expectDay });
    expect(doc.text).toContain('Ms. [NAME] (SSN [SSN], phone [PHONE]) treated for CAP.');
    expect(doc.text).not.toContain('03/20/2026');
    expect(r.counts).toMatchObject({ name: 1, ssn: 1, phone: 1, date: 2, age_over_89: 1 });
    expect(r.warnings).toContain('1 × encounters without documents skipped');
    expect(r.warnings.some((w) => /^2 × SNOMED CT/.test(w))).toBe(true);
  });

  it('reads notes from text, HTML and narrative; skips PDFs and linked files with a warning', () => {
    const bundle = codedBundle();
    const entries = bundle['entry'] as Array<{ resource: Record<string, unknown> }>;
    const doc = entries[3]!.resource;
    const variant = (patch: Record<string, unknown>, id: string, encounter: string): { resource: Record<string, unknown> } => ({
      resource: { ...doc, id, context: { encounter: [{ reference: encounter }] }, ...patch },
    });
    entries.push(
      variant({ content: [{ attachment: { contentType: 'text/html', data: b64('<p>Seen by <b>Dr. Lee</b> &amp; team.</p><p>Plan: CXR.</p>') } }] }, 'd2', 'urn:uuid:e2'),
      variant({ content: [{ attachment: { contentType: 'application/pdf', data: b64('%PDF-1.4') } }] }, 'd3', 'urn:uuid:e2'),
      variant({ content: [{ attachment: { contentType: 'text/plain', url: 'https://example.org/n/1' } }] }, 'd4', 'urn:uuid:e2'),
      variant({ content: [], text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Narrative note: cough x3 days.</div>' } }, 'd5', 'urn:uuid:e2'),
    );
    const r = parseImport('notes.json', JSON.stringify(bundle), opts);
    const outpatient = r.charts.find((c) => c.encounter.setting === 'outpatient')!;
    expect(outpatient.documents.map((d) => d.text)).toEqual(['Seen by Dr. [NAME] & team.\nPlan: CXR.', 'Narrative note: cough x3 days.']);
    expect(r.warnings).toContain('1 × documents skipped (non-text attachment)');
    expect(r.warnings).toContain('1 × documents skipped (attachment linked by URL, not embedded)');
  });

  it('reads a bulk NDJSON export as one set, and needs its Patient file', () => {
    const dir = new URL('synthea/B_bulk_ndjson_synthea/', SAMPLES);
    const files = readdirSync(dir).map((name) => ({ name, content: readFileSync(new URL(name, dir), 'utf8') }));
    const r = parseImportSet(files, opts);
    expect(r.charts).toHaveLength(173);
    const withoutPatients = files.filter((f) => !f.name.startsWith('Patient'));
    // A set that fails while charts are being built leaves the shared context as it was.
    const ctx = createResourceContext();
    expect(() => parseImportSet(withoutPatients, { ...opts, context: ctx })).toThrow(ImportError);
    expect(ctx.encounters).toHaveLength(0);
    expect(ctx.documents).toHaveLength(0);
    expect(importError(() => parseImportSet(withoutPatients, opts)).message).toMatch(
      /^Encounter\.000\.ndjson: line 1: Encounter\.subject points at no Patient in this import$/,
    );
  });

  it('lets patient bundles reference support bundles loaded earlier into the same context', () => {
    const ctx = createResourceContext();
    const practitioners = sample('synthea/A_bundles_synthea_2025/practitionerInformation.json');
    parseImport('practitionerInformation.json', practitioners, { ...opts, context: ctx });
    const first = (JSON.parse(practitioners) as { entry: Array<{ resource: { resourceType: string; name?: Array<{ given: string[]; family: string }> } }> }).entry
      .map((e) => e.resource)
      .find((r) => r.resourceType === 'Practitioner' && r.name?.[0])!.name![0]!;
    const bare = (w: string): string => w.replace(/\d+$/, '');
    // Practitioner names from the support bundle are removed wherever a note mentions them: with
    // Synthea's digits, or as a full name. A surname alone is kept: staff names collide with eponyms.
    const bundle = codedBundle();
    const entries = bundle['entry'] as Array<{ resource: Record<string, unknown> }>;
    const content = entries[3]!.resource['content'] as Array<{ attachment: { data: string } }>;
    content[0]!.attachment.data = b64(`Seen with ${bare(first.given[0]!)} ${bare(first.family)} today; ${first.family} agrees.`);
    const r = parseImport('coded.json', JSON.stringify(bundle), { ...opts, context: ctx });
    expect(r.charts[0]!.documents[0]!.text).toBe('Seen with [NAME] today; [NAME] agrees.');
    // Without the support bundle, nothing is known about that practitioner.
    const alone = parseImport('coded.json', JSON.stringify(bundle), opts);
    expect(alone.charts[0]!.documents[0]!.text).toContain(bare(first.given[0]!));
  });
});

describe('bad files are refused whole, with a clear one-line message', () => {
  it('refuses a truncated bundle, naming the file and where it ends, without quoting it', () => {
    const ctx = createResourceContext();
    const cut = alvin.slice(0, Math.floor(alvin.length / 2));
    const e = importError(() => parseImport(alvinName, cut, { ...opts, context: ctx }));
    expect(e.message).toMatch(new RegExp(`^${alvinName.replace(/[.]/g, '\\.')}: line \\d+, column \\d+: unexpected end of input.*\\(truncated\\?\\)$`));
    expect(e.message.split('\n')).toHaveLength(1);
    expect(ctx.patients).toHaveLength(0);
    const cutAfterName = alvin.slice(0, alvin.indexOf('Alvin56') + 12);
    const e2 = importError(() => parseImport('x.json', cutAfterName, opts));
    expect(e2.message).not.toContain('Alvin');
  });

  it('refuses malformed JSON with its line and column', () => {
    const e = importError(() => parseImport('bad.json', '{\n  "resourceType": "Bundle",\n  "type": "collection" "entry": []\n}', opts));
    expect(e.message).toBe(`bad.json: line 3, column 24: unexpected '"', expected ',' or '}'`);
    const e2 = importError(() => parseImport('bad.json', '{"resourceType": "Bundle", "entry": [1,],}', opts));
    expect(e2.message).toBe(`bad.json: line 1, column 40: unexpected ']', expected a value`);
    const e3 = importError(() => parseImport('bad.json', '{"resourceType": Bundle}', opts));
    expect(e3.message).toBe('bad.json: line 1, column 18: unexpected character, expected a value');
  });

  it('refuses a broken NDJSON line by its line number, and the whole set with it', () => {
    const patients = sample('synthea/B_bulk_ndjson_synthea/Patient.000.ndjson').split('\n');
    patients[2] = patients[2]!.slice(0, 100);
    const e = importError(() => parseImport('Patient.000.ndjson', patients.join('\n'), opts));
    expect(e.message).toMatch(/^Patient\.000\.ndjson: line 3, column \d+: unexpected end of input/);
    const dir = new URL('synthea/B_bulk_ndjson_synthea/', SAMPLES);
    const files = readdirSync(dir).map((name) => ({ name, content: readFileSync(new URL(name, dir), 'utf8') }));
    const broken = files.map((f) => (f.name === 'Patient.000.ndjson' ? { ...f, content: patients.join('\n') } : f));
    expect(() => parseImportSet(broken, opts)).toThrow(ImportError);
  });

  it('refuses the wrong resource type, missing pieces and undecodable notes', () => {
    const patient = JSON.stringify({ resourceType: 'Patient', id: 'x' });
    expect(importError(() => parseImport('p.json', patient, opts)).message).toBe('p.json: expected resourceType "Bundle", found "Patient"');
    expect(importError(() => parseImport('b.json', '{"resourceType":"Bundle","type":"history","entry":[]}', opts)).message).toMatch(/^b\.json: unsupported Bundle type "history"/);
    expect(importError(() => parseImport('b.json', '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"id":"1"}}]}', opts)).message).toBe(
      'b.json: entry 1: missing or invalid resourceType',
    );
    const noSubject = codedBundle();
    const entries = noSubject['entry'] as Array<{ resource: Record<string, unknown> }>;
    delete entries[1]!.resource['subject'];
    expect(importError(() => parseImport('c.json', JSON.stringify(noSubject), opts)).message).toBe('c.json: entry 2: Encounter has no subject');
    const badNote = codedBundle();
    const docEntries = badNote['entry'] as Array<{ resource: Record<string, unknown> }>;
    (docEntries[3]!.resource['content'] as Array<{ attachment: { data: string } }>)[0]!.attachment.data = '%%%not base64%%%';
    expect(importError(() => parseImport('d.json', JSON.stringify(badNote), opts)).message).toBe(
      'd.json: entry 4: DocumentReference attachment is not valid base64 UTF-8 text',
    );
    expect(importError(() => parseImport('c.jsonl', '{"id":"a","text":"ok"}\n{"id":"b"}\n', opts)).message).toBe('c.jsonl: line 2: missing "text"');
    expect(importError(() => parseImport('c.jsonl', '{"id":"a","text":"ok"}\n{"id":"b","text":"x", "codes": [{"code": 1}]}\n', opts)).message).toBe(
      'c.jsonl: line 2: codes[0] needs a "system" and a "code"',
    );
    expect(() => parseImport('notes.txt', 'just some text', opts)).toThrow(/^notes\.txt: not a FHIR Bundle, FHIR NDJSON or JSONL chart file$/);
  });

  it('refuses hostile JSON (a million open brackets, an endless string) with a position, not a crash', () => {
    expect(importError(() => parseImport('deep.json', '['.repeat(1_000_000), opts)).message).toBe(
      'deep.json: line 1, column 1000001: unexpected end of input (truncated?)',
    );
    expect(importError(() => parseImport('str.json', `{"a":"${'x'.repeat(2_000_000)}`, opts)).message).toBe(
      'str.json: line 1, column 2000007: unexpected end of input inside a string (truncated?)',
    );
  });

  it('detects formats by extension and content', () => {
    expect(detectFormat('a.json', '{}')).toBe('fhir-bundle');
    expect(detectFormat('a.ndjson', '{"resourceType":"Patient"}\n')).toBe('fhir-ndjson');
    expect(detectFormat('a.jsonl', '{"resourceType":"Patient"}\n')).toBe('fhir-ndjson');
    expect(detectFormat('a.jsonl', '{"id":"x","text":"y"}\n')).toBe('jsonl-charts');
  });
});
