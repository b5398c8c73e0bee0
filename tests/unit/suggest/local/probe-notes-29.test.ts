// Regressions found by the twenty-ninth session's probe notes (tests/fixtures/probe-notes/round29.jsonl):
// risk-adjustment visits, hospital discharges, emergency visits and case reports.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();

describe('local engine: probe notes, twenty-ninth session (what is not the patient\'s condition now)', () => {
  it('reads no condition an inpatient had on an earlier stay, though one resolved this stay is coded', () => {
    const earlier = read('DISCHARGE SUMMARY\nHospital course: Admitted for CHF exacerbation, diuresed.\nHyponatremia noted on prior admission in 2024 has resolved.\nDischarge diagnoses:\n1. Acute on chronic diastolic heart failure', 'inpatient', 75, 'F');
    expect(earlier).toContain('I5033');
    expect(earlier).not.toContain('E871');
    expect(read('Hospital course: Hyponatremia, resolved with fluid restriction.', 'inpatient', 75, 'F')).toContain('E871');
  });

  it('reads no diagnosis from a differential\'s list, nor from the items a return precaution lists', () => {
    const ddx = read('MDM: ddx appendicitis, ovarian torsion, ruptured cyst, PID, ectopic, nephrolithiasis, UTI.', 'outpatient', 24, 'F');
    expect(ddx.filter((c) => /^(K3|N83|N20|N39|N7)/.test(c))).toEqual([]);
    expect(read('P:\n- Return for drooling, trouble breathing, inability to swallow fluids, muffled voice, or rash. Follow up with PCP.', 'outpatient', 16)).not.toContain('R21');
  });

  it('reads "r/o" after what it names as ruled out, before it as a doubt', () => {
    const settled = read('A/P:\n1. DKA, T1DM, w/o coma. Infectious w/u neg - UTI and PNA r/o. Pregnancy neg.', 'inpatient', 24, 'F');
    expect(settled).toContain('E1010');
    expect(settled).not.toContain('N390');
    expect(settled).not.toContain('J189');
    // Before what it names, in an office note, a doubt: the symptom is coded, the doubt is not.
    const doubt = shown('A/P:\n1. Chest pain, r/o MI - serial troponins.', 'outpatient', 60);
    expect(doubt).toContain('R079');
    expect(doubt.filter((c) => c.startsWith('I21'))).toEqual([]);
  });

  it('settles a questioned diagnosis the note says was never made, and a diagnosis "not been diagnosed"', () => {
    expect(read('Hospital course by problem:\n5. Hypertension? - Blood pressure normal off medications throughout; he carries no diagnosis of hypertension and none was made.', 'inpatient', 74)).not.toContain('I10');
    expect(read('MDM: fragility fracture is possible; recommend outpatient DEXA through PCP. Osteoporosis has not been diagnosed.', 'outpatient', 72, 'F').filter((c) => c.startsWith('M81'))).toEqual([]);
  });
});

describe('local engine: probe notes, twenty-ninth session (symptoms, relatives, past strokes)', () => {
  it('codes no symptom the note calls a manifestation of a diagnosis, even where it is said resolved on its own line', () => {
    const note = 'Assessment and plan:\n1. Severe hypotonic hyponatremia due to hydrochlorothiazide (adverse effect of a thiazide diuretic taken as prescribed). Nausea, gait instability and confusion are manifestations of the hyponatremia. Admit to step-down.\n\nHospital course addendum (day 4): Sodium 116 -> 133. Confusion and nausea resolved; gait back to baseline. Discharge diagnosis: hyponatremia due to hydrochlorothiazide.';
    const codes = read(note, 'inpatient', 83, 'F');
    expect(codes).toEqual(expect.arrayContaining(['E871', 'T502X5A']));
    expect(codes.filter((c) => c === 'R110' || c === 'R410')).toEqual([]);
    // Nor of a diagnosis in doubt: an office note codes the symptom.
    expect(read('A/P:\n1. Dysuria is a symptom of possible UTI - culture sent.', 'outpatient', 40, 'F')).toContain('R300');
    // A symptom due to a drug is the adverse effect's manifestation, and is coded.
    expect(read('A/P: Nausea due to metformin - reduce the dose.', 'outpatient', 58)).toEqual(expect.arrayContaining(['R110', 'T383X5A']));
  });

  it('reads a condition followed by "in father" as the relative\'s', () => {
    const codes = read('MDM: HEART score 3 (low risk): points for age and risk factors (active smoking, premature CAD in father).', 'outpatient', 54);
    expect(codes).toContain('Z8249');
    expect(codes).not.toContain('I2510');
  });

  it('reads no malformation from "using accessory muscles", and no cerebral ischemia beside an ischemic stroke', () => {
    expect(read('RR 34, using accessory muscles.', 'inpatient', 74).filter((c) => c.startsWith('Q'))).toEqual([]);
    const stroke = read('Diagnosis: Acute ischemic stroke, left middle cerebral artery territory, cardioembolic, due to newly diagnosed paroxysmal atrial fibrillation.', 'inpatient', 66);
    expect(stroke).toEqual(expect.arrayContaining(['I63412', 'I480']));
    expect(stroke).not.toContain('I6782');
  });

  it('reads a dementia\'s severity and behaviour from every line naming its disease, over a plain "dementia" said elsewhere', () => {
    const note = 'CC: dementia follow-up.\nHPI: Late-onset Alzheimer\'s disease, now severe (FAST 7a). Bedbound.\nAssessment/Plan:\n1. Alzheimer\'s disease, late onset, severe, with agitation (physical aggression toward caregiver). Start citalopram 10 mg daily.';
    const codes = read(note, 'outpatient', 88, 'F');
    expect(codes).toEqual(expect.arrayContaining(['G301', 'F02C11']));
    expect(codes).not.toContain('F0280');
    expect(read('A/P:\n1. Alzheimer\'s disease - memantine. Dementia follow-up.', 'outpatient', 88, 'F')).toEqual(expect.arrayContaining(['G309', 'F0280']));
  });

  it('reads no condition a return precaution sends to the ED for, nor one left "on the differential"', () => {
    expect(read('P:\n- Return or go to the ED for fever, flank pain, vomiting, or symptoms not improving in 48 hours.', 'outpatient', 31, 'F')).toEqual([]);
    const tremor = read('A/P:\n5. R hand resting tremor, etiology unclear. Early Parkinson\'s is on the differential, but no dx today. Neuro referral.', 'outpatient', 69);
    expect(tremor).toContain('R251');
    expect(tremor.filter((c) => c.startsWith('G20'))).toEqual([]);
  });

  it('reads a cerebral infarction dated years back as history, not the acute episode', () => {
    const old = read('Ischemic stroke 3 years ago, no residual deficits. On aspirin.', 'outpatient', 79);
    expect(old).toContain('Z8673');
    expect(old.filter((c) => c.startsWith('I63'))).toEqual([]);
    expect(read('Admitted with acute ischemic stroke on 01/13/2026, left MCA.', 'inpatient', 79)).toContain('I63512');
  });
});

describe('local engine: probe notes, twenty-ninth session (what the words say)', () => {
  it('gives a cause\'s acuity to the cause: insomnia due to chronic pain is insomnia due to a medical condition', () => {
    const codes = read('A/P:\n1. Insomnia due to chronic low back pain - sleep hygiene, trazodone 50 mg qhs.\n2. Chronic low back pain - PT referral.');
    expect(codes).toEqual(expect.arrayContaining(['G4701', 'G8929']));
    expect(codes).not.toContain('F5104');
    // A cause whose own words hold the acuity still reads: anemia in chronic kidney disease.
    expect(read('A/P:\n1. Anemia due to chronic kidney disease stage 4 - epo per nephrology.')).toEqual(expect.arrayContaining(['D631', 'N184']));
  });

  it('reads an old infarction as old only, not as an acute one or a myocardial disease', () => {
    const codes = shown('A/P:\n1. Coronary artery disease with old MI - on aspirin, atorvastatin. Stable.', 'outpatient', 70);
    expect(codes).toEqual(expect.arrayContaining(['I252', 'I2510']));
    expect(codes.filter((c) => c.startsWith('I21') || c === 'I515')).toEqual([]);
    expect(read('A/P:\n1. NSTEMI 3 days ago, old MI 2015. Cardiology following.', 'inpatient', 70)).toEqual(expect.arrayContaining(['I214', 'I252']));
  });

  it('reads no congenital malformation from "use of accessory muscles", and no chickenpox from the varicella zoster virus\'s name', () => {
    expect(read('Exam: tachypneic, use of accessory muscles, diffuse wheezes.', 'inpatient', 74).filter((c) => c.startsWith('Q'))).toEqual([]);
    const zoster = read('She was diagnosed with herpes zoster ophthalmicus; PCR of vesicle fluid was positive for varicella zoster virus.', 'outpatient', 68, 'F');
    expect(zoster).toContain('B0230');
    expect(zoster).not.toContain('B019');
  });

  it('reads an eponym with the noun the Index lacks: Kawasaki disease is Kawasaki\'s syndrome', () => {
    expect(read('He was diagnosed with complete Kawasaki disease and received intravenous immunoglobulin.', 'inpatient', 2)).toContain('M303');
    expect(read('Diagnosed with Kawasaki\'s.', 'inpatient', 2)).toContain('M303');
  });

  it('reads the quadrant of abdominal pain from RLQ, LUQ and their kin', () => {
    expect(shown('CC: RLQ abd pain\nDx: RLQ abdominal pain, etiology unclear, CT neg; nausea.', 'outpatient', 24, 'F')).toEqual(expect.arrayContaining(['R1031', 'R110']));
  });
});

describe('local engine: probe notes, twenty-ninth session (neoplasms)', () => {
  it('reads peritoneal carcinomatosis as the peritoneum\'s secondary, and "malignant ascites" as no primary of the peritoneum', () => {
    const codes = read('She was diagnosed with stage IV adenocarcinoma of the gastric antrum with bilateral ovarian metastases (Krukenberg tumors) and peritoneal carcinomatosis with malignant ascites.', 'inpatient', 41, 'F');
    expect(codes).toEqual(expect.arrayContaining(['C163', 'C7963', 'C786', 'R180']));
    expect(codes.filter((c) => c.startsWith('C48') || c === 'C800')).toEqual([]);
  });

  it('reads the organ that has the metastases as the primary, not a secondary site', () => {
    const codes = read('The patient was diagnosed with stage IV clear cell renal cell carcinoma of the left kidney with pulmonary and bone metastases.', 'inpatient', 63);
    expect(codes).toEqual(expect.arrayContaining(['C642', 'C7951']));
    expect(codes.filter((c) => c.startsWith('C790'))).toEqual([]);
  });
});

describe('local engine: probe notes, twenty-ninth session (injuries and drugs)', () => {
  it('codes a drug\'s adverse effect beside angioedema, with the condition\'s site between them, and no unspecified adverse effect', () => {
    const codes = shown('DIAGNOSES:\n1. Angioedema of lip and tongue due to lisinopril (adverse effect of ACE inhibitor taken as prescribed).', 'outpatient', 58);
    expect(codes).toEqual(expect.arrayContaining(['T783XXA', 'T464X5A']));
    expect(codes).not.toContain('T887XXA');
  });

  it('codes a burn\'s extent beside the burns of their sites, and no extent where no burn is read', () => {
    const burns = shown('DIAGNOSES:\n1. Second-degree burn of right palm.\n2. First-degree burn of right forearm.\n3. Total body surface area approximately 1.5%.', 'outpatient', 29, 'F');
    expect(burns).toEqual(expect.arrayContaining(['T23251A', 'T22111A', 'T310']));
    expect(burns).not.toContain('T300');
    expect(read('A/P: Partial and full thickness burns of chest wall and abdomen, TBSA 24%, full-thickness 6%. Admit to burn unit.', 'inpatient', 40)).toContain('T3120');
    expect(read('Psoriasis involving 12% BSA, start methotrexate.', 'outpatient', 40).filter((c) => c.startsWith('T31'))).toEqual([]);
  });
});
