import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders({ age: 70, sex: 'M' });

describe('local engine: probe notes, eighteenth session', () => {
  it('reads a test\'s aim "to exclude" as uncertain, a template\'s "(-)" and "- none seen" as absent', () => {
    const codes = read('ROS: (-) claudication. (-) chest pain, (+) cough.\nA/P:\n1. Type 2 diabetes mellitus - A1c 7.0, continue metformin.\n2. Headache - CT head to exclude subarachnoid hemorrhage.\n3. Gangrene - none seen.\n4. Foot pain - X-ray R foot to exclude osteomyelitis.');
    expect(codes).toEqual(expect.arrayContaining(['E119', 'R519', 'M79671']));
    // No subarachnoid hemorrhage, osteomyelitis, gangrene or claudication, alone or linked to the diabetes.
    expect(codes.filter((c) => /^(I60|M86|I96|I739|E115|E1169)/.test(c))).toEqual([]);
    // A bare "none" after a condition is not its denial: "none since" dates the last exacerbation.
    expect(read('Assessment: COPD exacerbation in March, none since.')).toContain('J449');
  });
});

describe('local engine: probe notes, eighteenth session (discharge summaries)', () => {
  it('reads "Principal:" and "Secondary:" as the stay\'s diagnoses, and never "Secondary:" as the word in a diagnosis', () => {
    const codes = shown('Principal diagnosis: Pneumonia\nSecondary: Diabetes mellitus type 2, anemia\nSecondary: Hypertension, CKD stage 3b\nSecondary: Hyperparathyroidism', 'inpatient');
    expect(codes).toEqual(expect.arrayContaining(['J189', 'E1122', 'N1832', 'I129', 'E213']));
    // Not other specified (secondary) diabetes, secondary hypertension or hyperparathyroidism of renal origin.
    expect(codes.filter((c) => /^(E13|I15|N2581)/.test(c))).toEqual([]);
    expect(shown('Principal: Alcoholic cirrhosis with ascites\nSecondary: Esophageal varices without bleeding', 'inpatient', 60)).toContain('K7031');
  });
});

describe('local engine: probe notes, eighteenth session (conventions)', () => {
  it('links diabetes with end stage renal disease as with any chronic kidney disease (E11.22 + N18.6)', () => {
    const codes = shown('Assessment:\n1. Type 2 diabetes mellitus - on insulin.\n2. End-stage renal disease on hemodialysis MWF.', 'outpatient', 60);
    expect(codes).toEqual(expect.arrayContaining(['E1122', 'N186', 'Z992', 'Z794']));
    expect(codes).not.toContain('E119');
  });

  it('codes HIV the note calls asymptomatic as its status (Z21), however often it also says just "HIV"', () => {
    const codes = shown('Assessment:\n1. HIV - asymptomatic, virally suppressed. Continue Biktarvy.\n2. HIV, well controlled on ART, CD4 650, VL undetectable.', 'outpatient', 40);
    expect(codes).toContain('Z21');
    expect(codes).not.toContain('B20');
    expect(shown('Assessment:\n1. Asymptomatic HIV infection - on Biktarvy.', 'outpatient', 40)).toEqual(expect.arrayContaining(['Z21']));
    // HIV alone, or AIDS, is the disease.
    expect(shown('Assessment:\n1. HIV on ART - CD4 650, continue Biktarvy.', 'outpatient', 40)).toContain('B20');
  });
});

describe('local engine: probe notes, eighteenth session (dermatology and ophthalmology)', () => {
  it('reads the specialty\'s abbreviations: BCC, SCC, AKs, AMD with its stage', () => {
    expect(read('A/P: BCC of nose - excised today.')).toContain('C44311');
    expect(read('A/P: History of SCC of skin, left hand, excised 2021 - NED.')).toContain('Z85828');
    expect(read('Exam: 9 AKs on the scalp and dorsal hands.\nA/P: AKs x9 - cryo done.')).toContain('L570');
    // An above-knee amputation is no actinic keratosis.
    expect(read('A/P: S/p L AK amputation - prosthesis fitting.')).not.toContain('L570');
    expect(read('A: Dry AMD OS, intermediate stage - AREDS vitamins.')).toContain('H353122');
    expect(read('A: Wet AMD, right eye, with active choroidal neovascularization - anti-VEGF today.')).toContain('H353211');
  });

  it('reads no condition from the risks a consent or counseling lists, nor a gastrostomy from a laxative', () => {
    const codes = read('Procedure: excision of lesion, left forearm.\nConsent obtained; risks incl. bleeding, infection, scar, recurrence discussed.\nDiscussed potential side effects including nausea and diarrhea.');
    expect(codes.filter((c) => /^(R58|B99|L905|R11|R19)/.test(c))).toEqual([]);
    expect(read('Assessment: Constipation resolved with senna and PEG.', 'inpatient')).not.toContain('Z931');
  });
});

describe('local engine: probe notes, eighteenth session (infections)', () => {
  it('codes a bacteremia with its organism, the organism no diagnosis the finding is part of', () => {
    expect(shown('A/P:\n1. MRSA bacteremia - vancomycin, repeat cultures.', 'inpatient', 60)).toEqual(expect.arrayContaining(['R7881', 'B9562']));
  });
});

describe('local engine: probe notes, eighteenth session (endoscopy)', () => {
  it('codes the cancer screening a procedure note gives as its indication, or a visit as its reason', () => {
    expect(shown('Indication: Screening colonoscopy. Family history: mother diagnosed with colon cancer at age 71.\nImpression: Sigmoid polyp, removed.', 'outpatient', 55)).toEqual(expect.arrayContaining(['Z1211', 'Z800']));
    expect(shown('Reason for visit: Screening colonoscopy.', 'outpatient', 55)).toContain('Z1211');
    // One due later is no encounter of this visit.
    expect(shown('Assessment: Hypertension - controlled. Screening colonoscopy due next year.', 'outpatient', 55)).not.toContain('Z1211');
  });
});

describe('local engine: probe notes, eighteenth session (risk adjustment)', () => {
  it('reads grief a service is for as the service, and normal grief as bereavement, not an adjustment disorder', () => {
    const codes = read('A/P:\n1. MDD, single episode, severe - sertraline 100 mg. Referred to grief counseling.\n2. Bereavement - normal grief after wife\'s death.\n3. Husband died in May; attending grief support group, coping well.', 'outpatient', 75, 'F');
    expect(codes).toEqual(expect.arrayContaining(['F322', 'Z634']));
    expect(codes).not.toContain('F4321');
  });

  it('links hypertension only with heart failure and CKD of this visit, not a problem list\'s unaddressed ones', () => {
    expect(shown('Problem List: Essential hypertension; Congestive heart failure; CKD stage 3.\nA/P: Essential hypertension - improved on amlodipine. Other chronic problems on the list were not addressed at this visit.')).toEqual(['I10']);
    expect(shown('Problem list: HTN, CHF.\nA/P: HTN - controlled on lisinopril.').filter((c) => /^I1/.test(c))).toEqual(['I10']);
    // Assessed, they link (I.C.9.a.3).
    expect(shown('A/P:\n1. Hypertension - on amlodipine.\n2. Chronic systolic CHF - euvolemic on carvedilol.\n3. CKD stage 3a - eGFR 52, stable.')).toContain('I130');
  });
});
