import { describe, expect, it } from 'vitest';
import {
  DATE_SHIFT_MAX_DAYS,
  DATE_SHIFT_MIN_DAYS,
  assertSendable,
  dateShiftDaysFor,
  deidentifyText,
  pseudonymousId,
  scanPhi,
} from '../../../src/shared/phi/index';
import type { PhiKind } from '../../../src/shared/chart';

function kindsIn(text: string, ctx = {}): PhiKind[] {
  return scanPhi(text, ctx).map((f) => f.kind);
}

function found(text: string, ctx = {}): string[] {
  return scanPhi(text, ctx).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('scanPhi finds each Safe Harbor kind', () => {
  it('finds contact details, numbers and network identifiers', () => {
    const note = [
      'Call (617) 555-0143 or 617.555.0199; fax: 617-555-0100.',
      'Email jane.roe@example.org, portal https://portal.example.org/p/123, from 192.168.10.21.',
      'SSN 123-45-6789. MRN: 00451287. Acct # A99812. Member ID: XJ4412098.',
      "Driver's license S99947015. Pacemaker serial number PX88121. DL: S12345678.",
    ].join('\n');
    expect(found(note)).toEqual([
      'phone:(617) 555-0143',
      'phone:617.555.0199',
      'fax:617-555-0100',
      'email:jane.roe@example.org',
      'url:https://portal.example.org/p/123',
      'ip:192.168.10.21',
      'ssn:123-45-6789',
      'mrn:00451287',
      'account:A99812',
      'account:XJ4412098',
      'license:S99947015',
      'device:PX88121',
      'license:S12345678',
    ]);
  });

  it('finds names by title, label, "is a N-year-old" and Synthea suffix, and follows them through the note', () => {
    const note = 'Martha Collins is a 50-year-old woman. Martha reports less fatigue. Seen with Dr. Alice Davis.\nPatient: Jane Roe\nAlvin56 is here.';
    expect(found('Name: Jane Roe DOB: 01/02/1950 MRN: 5512309', { shiftedDatesAllowed: true })).toEqual(['name:Jane Roe', 'mrn:5512309']);
    expect(found(note)).toEqual([
      'name:Martha Collins',
      'name:Martha',
      'name:Alice Davis',
      'name:Jane Roe',
      'name:Alvin56',
    ]);
  });

  it('finds known names word by word (also without Synthea digits), but not eponyms of diseases', () => {
    const ctx = { knownNames: ['Mr. Alvin56 Jerde200', 'Wilson Smith77'] };
    expect(found('JERDE200, Alvin. Alvin states Wilson disease is stable; Wilson called.', ctx)).toEqual([
      'name:JERDE200',
      'name:Alvin',
      'name:Alvin',
      'name:Wilson',
    ]);
  });

  it('treats staff names as weaker: Synthea forms and full names go, eponyms, months and lone words stay', () => {
    const ctx = { staff: { names: ['Dr. Robert Gleason370', 'January77 Block661'] }, shiftedDatesAllowed: true };
    const note = 'Gleason 3+3 adenocarcinoma. Gleason370 signed. Robert Gleason saw her. In January 2008, a nerve Block was done.';
    expect(found(note, ctx)).toEqual(['name:Gleason370', 'name:Robert Gleason']);
  });

  it('finds street addresses, city and ZIP below the state, and known addresses', () => {
    const note = 'Lives at 324 Glover Trafficway, Cambridge, MA 02138. Born in Bellingham, Massachusetts. Moved from 12 Oak St.';
    expect(found(note)).toEqual([
      'address:324 Glover Trafficway',
      'address:Cambridge',
      'address:02138',
      'address:Bellingham',
      'address:12 Oak St.',
    ]);
    expect(found('Home: glover trafficway area, framingham.', { knownAddresses: ['Glover Trafficway', 'Framingham'] })).toEqual([
      'address:glover trafficway',
    ]);
  });

  it('finds dates in every common format but leaves bare years alone', () => {
    const note = 'Seen 2026-02-10, 02/10/2026, 2/10/26, Feb 10, 2026, 10 February 2026, Feb. 10th and 06/2025. CABG (2018).';
    expect(found(note).filter((f) => f.startsWith('date'))).toEqual([
      'date:2026-02-10',
      'date:02/10/2026',
      'date:2/10/26',
      'date:Feb 10, 2026',
      'date:10 February 2026',
      'date:Feb. 10th',
      'date:06/2025',
    ]);
    expect(kindsIn(note, { shiftedDatesAllowed: true })).toEqual([]);
  });

  it('finds ages over 89 only', () => {
    expect(found('A 92-year-old and an 85-year-old; age: 95; 101 y/o; 89 yo.')).toEqual([
      'age_over_89:92',
      'age_over_89:95',
      'age_over_89:101',
    ]);
  });
});

describe('scanPhi leaves the clinical content that coding needs', () => {
  it('does not flag vitals, doses, labs, codes, stages, classes or times', () => {
    const note = [
      'BP 132/76, HR 78, SpO2 97% RA, Wt 149 lb, T 37.2 C. Grade 3/6 murmur, strength 5/5, pain 2/10.',
      'CKD 3a (eGFR 52), NYHA II, 2 g Na diet, K 4.3, Cr 1.35, A1c 6.8%, ANA 1/160, titer 1/2048.',
      'apixaban 5 mg BID, metoprolol succinate 100 mg daily, insulin 10 units at 21:30, MS Contin 15 mg.',
      'Coded I11.0, I50.32, E11.22, N18.31, Z79.01; PCS 0DTJ4ZZ. Moderate MR noted. Dr. visit at 14:25.',
      'Family history: Mother: Breast Cancer. CC: Chest Pain. Hope to taper. May 5 mg be tried? Wilson disease.',
      'HTN x 25 yrs, smoked 40 pack-years, 3 Times Daily, follow up in 6 months, lead II ST depression.',
    ].join('\n');
    expect(found(note)).toEqual([]);
  });
});

describe('deidentifyText', () => {
  it('shifts every date by the offset in its own style, so intervals survive', () => {
    const note = 'Seen 2026-02-10, 02/10/2026, 2/10/26, Feb 10, 2026, 10 February 2026, Feb. 10th and 06/2025. Admitted 2025-12-28T14:25:45+05:30. CABG (2018).';
    const out = deidentifyText(note, { dateShiftDays: -12, refYear: 2026 });
    expect(out.text).toBe(
      'Seen 2026-01-29, 01/29/2026, 1/29/26, Jan 29, 2026, 29 January 2026, Jan. 29th and 06/2025. Admitted 2025-12-16T14:25:45+05:30. CABG (2018).',
    );
    expect(out.counts).toEqual({ date: 8 });
    const across = deidentifyText('Admitted 03/01/2024, discharged 03/11/2024.', { dateShiftDays: -3 });
    expect(across.text).toBe('Admitted 02/27/2024, discharged 03/08/2024.');
  });

  it('replaces identifiers with tokens, ages over 89 with 90+, and counts by kind', () => {
    const note = 'Mr. Alvin56 Jerde200, 92-year-old, of 324 Glover Trafficway, Cambridge, MA 02138; SSN 999-58-8597; call 555-341-3425.';
    const out = deidentifyText(note, { dateShiftDays: -5, knownNames: ['Alvin56 Jerde200'] });
    expect(out.text).toBe('Mr. [NAME], 90+-year-old, of [ADDRESS], [ADDRESS], MA [ADDRESS]; SSN [SSN]; call [PHONE].');
    expect(out.counts).toEqual({ name: 1, age_over_89: 1, address: 3, ssn: 1, phone: 1 });
  });

  it('produces text that the guard passes (dates allowed, being shifted)', () => {
    const note = 'Patient: Jane Roe, DOB 04/01/1931, 95 y/o. Dr. Lee saw her on Feb 3, 2026 at 11 Elm Road, Salem, OR 97301. Fax 503-555-0100. jroe@mail.com';
    const ctx = { knownNames: ['Jane Roe'] };
    const out = deidentifyText(note, { ...ctx, dateShiftDays: -20 });
    expect(scanPhi(out.text, { ...ctx, shiftedDatesAllowed: true })).toEqual([]);
    expect(out.text).not.toMatch(/Jane|Roe|Lee|Elm|Salem|97301|0100|jroe|1931-04|04\/01/);
  });
});

describe('assertSendable', () => {
  it('passes a de-identified chart with dates and refuses one with identifiers, naming the kinds', () => {
    expect(assertSendable('DOS 01/29/2026. 81 y/o F with HFpEF, BP 132/76.')).toEqual({ ok: true });
    expect(assertSendable('Call Jane at 617-555-0143 or jane@x.org. Dr. Smith.')).toEqual({ ok: false, kinds: ['email', 'name', 'phone'] });
    expect(assertSendable('Alvin is stable.', { knownNames: ['Alvin56'] })).toEqual({ ok: false, kinds: ['name'] });
  });
});

describe('pseudonyms', () => {
  it('gives a stable UUID per source record that depends on the secret', () => {
    const id = pseudonymousId('install-secret', 'urn:synthea', 'patient-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pseudonymousId('install-secret', 'urn:synthea', 'patient-1')).toBe(id);
    expect(pseudonymousId('other-secret', 'urn:synthea', 'patient-1')).not.toBe(id);
    expect(pseudonymousId('install-secret', 'urn:synthea', 'patient-2')).not.toBe(id);
    expect(pseudonymousId('install-secret', 'urn:other', 'patient-1')).not.toBe(id);
    expect(id).not.toContain('patient');
  });

  it('gives each patient a stable, non-zero date shift inside the documented range, spread across it', () => {
    const shifts = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const s = dateShiftDaysFor('secret', `p${i}`);
      expect(s).toBeGreaterThanOrEqual(DATE_SHIFT_MIN_DAYS);
      expect(s).toBeLessThanOrEqual(DATE_SHIFT_MAX_DAYS);
      expect(s).not.toBe(0);
      shifts.add(s);
    }
    expect(shifts.size).toBe(DATE_SHIFT_MAX_DAYS - DATE_SHIFT_MIN_DAYS + 1);
    expect(dateShiftDaysFor('secret', 'p1')).toBe(dateShiftDaysFor('secret', 'p1'));
  });
});

describe('hostile input', () => {
  it('handles a megabyte of pathological text and still finds what is there', () => {
    const chunks = [
      'a'.repeat(5000) + '@',
      '1/'.repeat(3000),
      'Dr. '.repeat(2000),
      '9'.repeat(5000),
      'www.' + 'x'.repeat(6000),
      '1.'.repeat(3000),
      'Aa1 '.repeat(2000),
      'Patient: ' + 'Abc '.repeat(2000),
      '12 ' + 'Oak '.repeat(2000),
      '- - - '.repeat(2000),
    ];
    let text = '';
    while (text.length < 1_000_000) text += chunks.join('\nSSN 123-45-6789 ');
    const findings = scanPhi(text);
    const ssn = findings.filter((f) => f.kind === 'ssn').length;
    expect(ssn).toBe(text.split('SSN 123-45-6789').length - 1);
    const out = deidentifyText(text, { dateShiftDays: -3 });
    expect(out.text).not.toContain('123-45-6789');
  });
});
