import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders();

describe('local engine: probe notes, twenty-sixth session (the code the Index gives)', () => {
  it('reads "depression" as F32.A, the FY2026 Index, not the major depression a corpus coded by an older Index', () => {
    const codes = shown('Assessment:\n1. Depression - continue sertraline 50 mg daily, PHQ-9 today 8.\n2. Hypertension - stable on lisinopril.', 'outpatient', 50, 'F');
    expect(codes).toContain('F32A');
    expect(codes).not.toContain('F329');
  });

  it('reads a leg\'s pain as the leg\'s, not the arm\'s the subcategory lists first', () => {
    expect(shown('Assessment: Leg pain - x-ray ordered.')).toContain('M79606');
    expect(shown('Assessment: Leg pain - x-ray ordered.')).not.toContain('M79603');
  });

  it('reads lymphadenopathy said to be regional as localized', () => {
    expect(shown('Assessment: Regional lymphadenopathy - recheck in 4 weeks.')).toContain('R590');
    expect(shown('Assessment: Lymphadenopathy - recheck in 4 weeks.')).toContain('R591');
  });
});

describe('local engine: probe notes, twenty-sixth session (what is over)', () => {
  it('reads a solid cancer removed with no disease left as history, and one still treated as the cancer', () => {
    const codes = shown('Assessment:\n1. Prostate cancer s/p radical prostatectomy 2010, no recurrence. PSA undetectable.\n2. Colon cancer s/p hemicolectomy 2018, no evidence of disease.', 'outpatient', 72);
    expect(codes).toEqual(expect.arrayContaining(['Z8546', 'Z85038']));
    expect(codes).not.toContain('C61');
    expect(codes).not.toContain('C189');
    expect(shown('Assessment: Lung cancer s/p lobectomy, on adjuvant chemotherapy, no evidence of disease.')).toContain('C3490');
  });

  it('reads an infection dated and then said treated as history', () => {
    const codes = shown('Assessment: 1. Chlamydia urethritis 2022, treated. 2. Asthma - albuterol PRN.', 'outpatient', 28);
    expect(codes).toContain('Z8619');
    expect(codes).not.toContain('A5601');
  });

  it('reads a resolved acute kidney injury of a stay whole, however many words stand before its verdict', () => {
    const codes = shown('Discharge diagnoses:\n1. Acute kidney injury, prerenal, secondary to dehydration - resolved.', 'inpatient', 80);
    expect(codes).toContain('N179');
    expect(codes).not.toContain('S37009A');
  });

  it('reads a diagnosis weighed and not made as no diagnosis', () => {
    expect(shown('ED course: Pulmonary embolism was considered; CTA chest negative. Assessment: Pleurisy.')).not.toContain('I2699');
  });
});

describe('local engine: probe notes, twenty-sixth session (the visit\'s services)', () => {
  it('reads aftercare following a joint replacement with the joint\'s status, and a replaced heart valve', () => {
    const codes = shown('Assessment:\n1. Aftercare following right total knee arthroplasty - PT 3x weekly.\n2. Status post mitral valve replacement 2019 - on warfarin, INR 2.6.', 'outpatient', 70, 'F');
    expect(codes).toEqual(expect.arrayContaining(['Z471', 'Z96651', 'Z952', 'Z7901']));
    // Aftercare of another operation is not the neoplasm's (Z48.3), whose Index line names no word of its own.
    expect(shown('Primary dx: Surgical aftercare s/p Hartmann procedure 12/30/2025 for perforated sigmoid diverticulitis.\nAssessment: 1. Aftercare following colectomy - wound healing well.', 'outpatient', 70)).not.toContain('Z483');
  });

  it('reads a vaccine given in a plan\'s shorthand as the immunization encounter, not one declined', () => {
    expect(shown('Assessment: 1. Laceration of left hand. Plan: Tdap today.')).toContain('Z23');
    expect(shown('Assessment: Hypertension - lisinopril. Discussed flu shot today, patient declined.')).not.toContain('Z23');
    // A titer tests the immunity a vaccine gave.
    expect(shown('Assessment: Preventive health. MMR titer performed today.')).not.toContain('Z23');
  });

  it('reads what a screening test looks for as no cancer', () => {
    expect(shown('Assessment: screening colonoscopy for colon cancer.', 'outpatient', 50)).not.toContain('C189');
    expect(shown('Assessment: screening mammogram for breast cancer.', 'outpatient', 50, 'F')).not.toContain('C50919');
  });

  it('reads a clinic\'s name as no diagnosis', () => {
    expect(shown('TB / Refugee Health Clinic\nNo prior TB treatment.\nAssessment: Latent TB infection - start rifampin.', 'outpatient', 30)).not.toContain('A159');
  });
});

describe('local engine: probe notes, twenty-sixth session (words around a condition)', () => {
  it('reads the stage a pressure injury is given, not a number of its measurements', () => {
    expect(shown('Assessment: Stage 4 pressure injury, left buttock - improved (3.5 x 3.0 x 2.4 cm), wound care.', 'outpatient', 80)).toContain('L89324');
  });

  it('reads the cause an assessment item names for its symptom as the diagnosis', () => {
    const codes = shown('Assessment: 1. Chest pain due to GERD - start omeprazole.');
    expect(codes).toContain('K219');
    expect(codes).not.toContain('R079');
    // The fall an injury came from is its external cause, no repeated falls.
    expect(shown('Assessment: 5. Contusion of left hip from fall - no fracture on XR. Acetaminophen, PT.', 'outpatient', 80, 'F')).not.toContain('R296');
  });

  it('reads no long-term insulin from a non-insulin-dependent diabetes', () => {
    const codes = shown('A/P: Non-insulin-dependent diabetes mellitus, on metformin.');
    expect(codes).toContain('Z7984');
    expect(codes).not.toContain('Z794');
  });
});
