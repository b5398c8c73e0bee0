// Regressions found by the forty-second session's second probe round (tests/fixtures/probe-notes/round43.jsonl):
// hematology and oncology; psychiatry and addiction medicine; obstetrics and gynecology; geriatrics, home health and hospice.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();
const starting = (codes: readonly string[], prefix: string): string[] => codes.filter((c) => c.startsWith(prefix));

describe('local engine: probe notes, round 43 (wounds, home health and the elderly)', () => {
  it("reads a wound plan's site and stage without a dash, and an unstageable heel, in a chart about pressure injuries", () => {
    const note =
      'WOUND CARE VISIT\nPressure injury follow-up, home health.\nA/P:\n- Sacral stage 3: calcium alginate + bordered foam, change q2d.\n- R heel unstageable: stable dry eschar, offload, do not debride.';
    const codes = read(note, 'outpatient', 79, 'M');
    expect(codes).toContain('L89153');
    expect(codes).toContain('L89610');
  });

  it("reads a home-health visit's focus of care as its assessment", () => {
    const note =
      'SN Visit Note - Home Health\nFocus of care: chronic urinary retention d/t BPH with indwelling catheter management; INR monitoring.\n88 yo male with chronic urinary retention secondary to BPH, not a surgical candidate per urology. Indwelling Foley since 11/2025, changed q4wk. Also permanent atrial fibrillation on warfarin; HH drawing INR per PCP order.\nVitals: T 98.0 F, BP 132/70, HR 76 irreg irreg.\nProcedure: Foley catheter change. Tolerated well.\nINR (fingerstick POC): 2.6, goal 2-3. Reported to PCP office; no dose change - continue warfarin 5 mg daily.\nMeds reviewed: tamsulosin 0.4 mg, finasteride 5 mg, warfarin, metoprolol.';
    const codes = shown(note, 'outpatient', 88, 'M');
    expect(codes).toContain('I4821');
    expect(codes).toContain('Z7901');
  });

  it('reads a fall at the nursing home as its place, not the home of a residence nor its garage', () => {
    const note = 'ED NOTE\nHPI: 87 yo F found on the floor beside her bed.\nDx: 1) Contusion of left hip 2) Fall from bed at nursing home';
    const codes = shown(note, 'outpatient', 87, 'F');
    expect(codes).toContain('Y92129');
    expect(starting(codes, 'Y920')).toEqual([]);
    expect(codes).not.toContain('Y92124');
  });

  it("reads the behaviour a dementia's own line goes on to, and not one it denies", () => {
    const psychotic = 'PALLIATIVE CARE\nA/P: 1. Dementia with Lewy bodies, moderate, with psychotic features (visual hallucinations). Increase quetiapine.';
    const codes = read(psychotic, 'outpatient', 80, 'M');
    expect(codes).toContain('F02B2');
    expect(codes).not.toContain('F02B0');
    expect(codes).not.toContain('F29');
    const calm = "CLINIC\nShe has late-onset Alzheimer's dementia, mild (MoCA 20), lives with son, independent in basic ADLs, no agitation, wandering or mood sx.\nA/P: Alzheimer's dementia, late onset, mild, no behavioral disturbance - donepezil.";
    expect(starting(read(calm, 'outpatient', 84, 'F'), 'F02')).toEqual(['F02A0']);
  });
});

describe('local engine: probe notes, round 43 (cancer, pregnancy and psychiatry)', () => {
  it('reads an anemia "in" a named neoplasm as anemia in neoplastic disease', () => {
    const note = 'HEME/ONC\nA/P: 1. CLL - continue venetoclax. 3. Anemia in CLL - stable, no transfusion needed.';
    const codes = read(note, 'outpatient', 70, 'M');
    expect(codes).toContain('D630');
    expect(codes).not.toContain('D649');
  });

  it('reads no infection from the signs a patient is told to call the ED for', () => {
    const note = 'ONCOLOGY INFUSION\nA/P: Breast cancer, C3 today.\nPlan: Pt instructed to call/ED for T >= 100.4 or any signs of infection. RTC 2 wks.';
    expect(read(note, 'outpatient', 45, 'F')).not.toContain('B999');
  });

  it("reads an exacerbation's acuity as the flare's, not acute schizophrenia", () => {
    const note = 'ED NOTE\nA/P: 1. Paranoid schizophrenia, acute exacerbation - restart olanzapine.';
    const codes = read(note, 'outpatient', 31, 'M');
    expect(codes).toContain('F200');
    expect(codes).not.toContain('F23');
  });

  it("codes a pregnancy's anemia at the delivery as the childbirth's, not the puerperium's", () => {
    const note =
      'DISCHARGE SUMMARY - VAGINAL DELIVERY\n29-year-old G2P1 at 39w2d presented in active labor. Prenatal course notable for iron deficiency anemia diagnosed at 28 weeks, on ferrous sulfate.\nDelivery: spontaneous vaginal delivery of a viable male infant.\nPostpartum course: PPD #1 Hgb 8.9, expected drop on top of known IDA; continue oral iron.\nDischarge diagnoses:\n- Iron deficiency anemia of pregnancy';
    const codes = read(note, 'inpatient', 29, 'F');
    expect(codes).toContain('O9902');
    expect(codes).not.toContain('O9081');
  });
});
