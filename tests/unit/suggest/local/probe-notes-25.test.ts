import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders();

describe('local engine: probe notes, twenty-fifth session (numbers and sections)', () => {
  it('reads the stage of a CKD said beside a type 2 diabetes, whose type is a number too', () => {
    for (const text of ['Assessment: T2DM with CKD stage 2, on metformin.', 'Assessment: Type 2 DM with CKD stage 2, on metformin.', 'Assessment: Diabetes type 2 with CKD stage 2, on metformin.']) {
      expect(shown(text), text).toEqual(expect.arrayContaining(['E1122', 'N182']));
    }
    expect(shown('Assessment: Type 2 diabetes with CKD stage 3a, on metformin.')).toEqual(expect.arrayContaining(['E1122', 'N1831']));
  });

  it('reads the symptoms a stay was admitted with as the story when discharge diagnoses say what they were', () => {
    const note = 'Admission diagnosis: pleuritic chest pain, dyspnea.\nDischarge diagnosis: acute pulmonary embolism, on apixaban.';
    expect(shown(note, 'inpatient')).toEqual(['I2699', 'Z7901']);
    // Without discharge diagnoses, the admission's are the note's assessment.
    expect(shown('Admission diagnosis: pleuritic chest pain, dyspnea. Admit to telemetry.', 'inpatient')).toEqual(expect.arrayContaining(['R0781']));
  });
});

describe('local engine: probe notes, twenty-fifth session (whose disease)', () => {
  it('reads "per GI" as the gastroenterology service, not a cancer of the digestive tract', () => {
    expect(shown('Assessment: 1. Colon cancer, surveillance per GI. 2. Hypertension, on amlodipine.')).not.toContain('C269');
    expect(shown('Assessment: Upper GI bleed. GI consulted for EGD.', 'inpatient')).toContain('K922');
  });

  it('reads a relative who was treated for or developed a disease as family history, not the patient\'s', () => {
    expect(shown('Social: Uncle was treated for pulmonary TB in 2021. Assessment: Cough, 2 weeks.')).not.toContain('A150');
    expect(shown('Family history: Mother developed breast cancer at 50.\nAssessment: Screening mammogram ordered.', 'outpatient', 45, 'F')).not.toContain('C50919');
  });
});

describe('local engine: probe notes, twenty-fifth session (one condition, read twice)', () => {
  it('reports no unspecified member of a subcategory beside a named one said elsewhere in the chart', () => {
    const zoster = shown('HPI: Herpes zoster ophthalmicus of the right eye, day 4.\nAssessment: Zoster keratitis, right eye - valacyclovir, ophthalmology today.', 'outpatient', 70);
    expect(zoster).toContain('B0233');
    expect(zoster).not.toContain('B0230');
  });

  it('reads tobacco use beside a cigarette dependence as one condition, which the dependence codes', () => {
    const codes = shown('Assessment: 1. COPD exacerbation related to tobacco use - prednisone. 2. Nicotine dependence, cigarettes - started patch.');
    expect(codes).toContain('F17210');
    expect(codes).not.toContain('Z720');
  });
});

describe('local engine: probe notes, twenty-fifth session (the stay\'s drugs)', () => {
  it('reads no long-term steroid from a burst the chart gives, wherever else it names the drug', () => {
    const note = 'Assessment:\n1. COPD exacerbation - prednisone 40 mg daily x5 days, nebs.\n2. Steroid-induced hyperglycemia - sliding scale insulin while on prednisone.';
    expect(shown(note, 'inpatient', 70)).not.toContain('Z7952');
    // A taper is no course: a chronic user tapers to the maintenance dose.
    const chronic = 'Interval: Completed prednisone taper to 5 mg daily in August.\nMeds: methotrexate 20 mg weekly, prednisone 5 mg daily.\nA/P: 1. Rheumatoid arthritis - continue MTX. 2. Long-term systemic steroid use - prednisone 5 mg daily.';
    expect(shown(chronic, 'outpatient', 68, 'F')).toContain('Z7952');
  });

  it('keeps the long-term therapy of a drug held for a day, and a nicotine dependence over the tobacco use it restates', () => {
    const held = shown('Assessment: 1. Paroxysmal AF - rate controlled. Apixaban held 1 day for possible procedure, resumed.\nDischarge meds: amox-clav 875 mg BID x 3 more days, apixaban 5 mg BID.', 'inpatient', 82, 'F');
    expect(held).toContain('Z7901');
    const smoker = shown('S: Smokes 1/2 ppd cigarettes, contemplating quitting.\nA/P: 1. Hypertension - lisinopril. 2. Tobacco use - cigarettes 1/2 ppd; cessation counseling, varenicline started.');
    expect(smoker).toContain('F17210');
    expect(smoker).not.toContain('Z720');
  });

  it('reads no long-term insulin from an insulin drip or infusion', () => {
    expect(shown('Assessment: Type 2 diabetes with hyperglycemia - insulin drip for glucose 600, then sliding scale while inpatient.', 'inpatient', 60)).not.toContain('Z794');
    expect(shown('Assessment: Type 2 diabetes with hyperglycemia - insulin infusion, transition to home glargine at discharge.', 'inpatient', 60)).toContain('E1165');
  });

  it('reads "MS" beside its baseline or its change as the mental status, not multiple sclerosis', () => {
    expect(shown('Assessment: Toxic encephalopathy - hold sedatives; reassess when MS back to baseline.', 'inpatient', 70)).not.toContain('G35D');
    expect(shown('Assessment: Relapsing-remitting MS - continue ocrelizumab.', 'outpatient', 40, 'F')).toContain('G35A');
  });
});

describe('local engine: probe notes, twenty-fifth session (what is not a diagnosis)', () => {
  it('reads a tetanus immunization status after a dash or colon as no tetanus', () => {
    expect(shown('Plan:\n1. Laceration of right palm, repaired.\n2. Tetanus - current.', 'outpatient', 35)).toEqual(['S61411A']);
    expect(shown('Assessment: Laceration of left index finger, repaired. Tetanus: UTD.', 'outpatient', 35)).not.toContain('A35');
  });

  it('reads fever and chills as the fever, chills without fever as chills', () => {
    expect(shown('Assessment: Fever and chills, likely viral. Supportive care.', 'outpatient', 50)).toEqual(['R509']);
    expect(shown('Assessment: Chills, no fever. Recheck.', 'outpatient', 50)).toEqual(['R6883']);
  });

  it('reads a condition that "does not meet criteria" as ruled out', () => {
    expect(shown('Assessment: Sepsis considered but does not meet criteria at this time; will monitor.', 'outpatient', 50)).not.toContain('A419');
  });

  it('reads back pain the HPI tells, beside an assessment that names other problems, as no diagnosis', () => {
    expect(shown('HPI: Reports low back pain for a week.\nA/P: 1. Hypertension - continue lisinopril.', 'outpatient', 60)).toEqual(['I10']);
    expect(shown('A/P: 1. Low back pain - PT referral, ibuprofen.', 'outpatient', 60)).toContain('M5450');
    // A chronic pain's G89 code goes with its site's, not instead of it (I.C.6.b.1).
    expect(shown('Assessment: 1. Chronic back pain - physical therapy referral ordered.', 'outpatient', 27, 'F')).toEqual(expect.arrayContaining(['G8929', 'M549']));
  });
});
