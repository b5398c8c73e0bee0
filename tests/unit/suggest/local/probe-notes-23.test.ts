import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders();

describe('local engine: probe notes, twenty-third session (what a note says is not the patient\'s condition)', () => {
  it('reads no cause a negative workup searched for', () => {
    const codes = shown('Assessment: Nephrotic syndrome. Secondary causes (lupus, hepatitis, malignancy) - workup negative.\nPlan: start prednisone.');
    expect(codes).toContain('N049');
    expect(codes).not.toContain('K759');
    expect(codes).not.toContain('C801');
  });

  it('reads a relative\'s condition written family-history style, and not a relative who tells what the patient has', () => {
    expect(shown('Father CAD. Mother breast cancer.\nAssessment: Hypertension, continue lisinopril.', 'outpatient', 50, 'F')).toEqual(['I10']);
    expect(shown('Fam hx: Mother with ESRD on dialysis.\nAssessment: Hypertension, continue lisinopril.', 'outpatient', 50, 'F')).toEqual(['I10']);
    expect(shown('HPI: Mother says he has had a cough for a week.\nAssessment: 1. Cough - honey, fluids.', 'outpatient', 6)).toContain('R059');
  });

  it('reads a condition resolved or dated in the past as no current one', () => {
    expect(shown('Assessment: 1. Septic shock due to pneumococcal pneumonia 2 months ago, resolved. 2. Hypertension - continue amlodipine.')).toEqual(['I10']);
    const codes = shown('Assessment: 1. History of MRSA abscess of right thigh (2020). 2. Hypertension - continue amlodipine.');
    expect(codes).toContain('Z8614');
    expect(codes).not.toContain('L02419');
    // A history with the year it was diagnosed still goes on.
    expect(shown('Assessment: 1. History of atrial fibrillation diagnosed 2015, on apixaban.')).toContain('I4891');
  });

  it('reads no warning signs discussed as the condition', () => {
    expect(shown('Assessment: 1. Hand, foot, and mouth disease. Discussed signs of dehydration and when to return.', 'outpatient', 4)).toEqual(['B084']);
  });

  it('reads no fever the plan treats beside the infection that explains it', () => {
    expect(shown('CC: ear pain, fever\nAssessment: 1. Acute otitis media, right ear.\nPlan: Amoxicillin. Ibuprofen for pain and fever.', 'outpatient', 4)).toEqual(['H6691']);
  });
});

describe('local engine: probe notes, twenty-third session (transplants)', () => {
  it('reads no end stage renal disease a working transplant ended, where the note stages the allograft', () => {
    const codes = shown('HPI: 54M with ESRD secondary to FSGS, s/p deceased donor kidney transplant 2017.\nAssessment:\n1. Kidney transplant status - CKD stage 3b of the allograft, Cr stable. Continue tacrolimus and mycophenolate.\n2. Hypertension - continue amlodipine.', 'outpatient', 54);
    expect(codes).toEqual(expect.arrayContaining(['Z940', 'N1832', 'I129']));
    expect(codes).not.toContain('N186');
    expect(codes).not.toContain('I120');
  });

  it('reads no transplant status beside a complication of the transplanted organ', () => {
    const codes = shown('Assessment:\n1. Acute kidney transplant rejection, biopsy proven. Kidney transplant 2019. Pulse steroids.', 'inpatient', 54);
    expect(codes).toContain('T8611');
    expect(codes).not.toContain('Z940');
  });
});

describe('local engine: probe notes, twenty-third session (drugs)', () => {
  it('reads a drug class as the Table names it, and a long-term drug as the cause', () => {
    expect(shown('Assessment: Hypokalemia due to loop diuretic. Replete potassium.')).toEqual(['E876', 'T501X5A']);
    expect(shown('Assessment: Hypokalemia due to thiazide diuretic. Replete potassium.')).toEqual(['E876', 'T502X5A']);
    expect(shown('Assessment: Bradycardia due to beta blocker. Hold metoprolol.')).toEqual(['R001', 'T447X5A']);
    expect(shown('Assessment: Constipation due to chronic opioid therapy. Start senna.')).toEqual(['K5903', 'T402X5A']);
  });

  it('gives each of two drugs blamed together its adverse effect, and reads neither as current therapy', () => {
    const codes = shown('Assessment: 1. Upper GI bleed from gastric ulcer. 2. Gastric ulcer caused by ibuprofen and aspirin.', 'inpatient');
    expect(codes).toEqual(expect.arrayContaining(['K254', 'T39315A', 'T39015A']));
    expect(codes).not.toContain('Z7982');
    expect(codes).not.toContain('K259');
  });

  it('codes an overdose by the drug named after the class', () => {
    expect(shown('Assessment: Accidental opioid overdose with fentanyl. Naloxone given.', 'outpatient', 30)).toEqual(['T40411A']);
    expect(shown('Assessment: Overdose with fentanyl and alprazolam.', 'outpatient', 30)).toEqual(['T40411A', 'T424X1A']);
  });
});

describe('local engine: probe notes, twenty-third session (what the visit is for)', () => {
  it('reads a screening done at the visit, and not one dated years ago', () => {
    const codes = shown('Reason for visit: annual physical.\nAssessment:\n1. Encounter for general adult medical examination without abnormal findings.\n2. Screening for diabetes - A1c ordered.\n3. Screening for HIV - ordered today.\n', 'outpatient', 50, 'F');
    expect(codes).toEqual(expect.arrayContaining(['Z0000', 'Z131', 'Z114']));
    expect(shown('Assessment:\n1. Hypertension - continue lisinopril.\n2. Diabetes screening done 2023, normal.\n', 'outpatient', 50, 'F')).toEqual(['I10']);
  });

  it('reads a routine postpartum visit named as an assessment item', () => {
    const codes = shown('A/P\n1. Routine postpartum exam - recovering well from cesarean.\n2. Postpartum anemia, iron deficiency - continue ferrous sulfate.\n', 'outpatient', 29, 'F');
    expect(codes).toEqual(expect.arrayContaining(['Z392', 'O9081']));
    // The iron deficiency is the anemia's kind, not iron deficiency without anemia.
    expect(codes).not.toContain('E611');
    expect(shown('A/P: Chemotherapy-induced nausea - ondansetron.\n', 'outpatient', 60)).not.toContain('Z5111');
  });

  it('reads an "MDM/Assessment" heading as the assessment', () => {
    expect(shown('HPI: cough and fever.\nMDM/Assessment:\n1. Strep pharyngitis.\nPlan: Acetaminophen given.', 'outpatient', 8)).toEqual(['J020']);
  });
});

describe('local engine: probe notes, twenty-third session (Index readings)', () => {
  it('reads a Pap smear\'s findings and a high-risk HPV test as the cervix\'s', () => {
    expect(shown('A/P: ASC-US Pap with positive high risk HPV - colposcopy with biopsy today.', 'outpatient', 35, 'F')).toEqual(['R87610', 'R87810']);
  });

  it('reads a developmental, language or speech delay', () => {
    expect(shown('Assessment: 1. Global developmental delay - refer to early intervention.', 'outpatient', 2)).toEqual(['F88']);
    expect(shown('Assessment: 1. Speech and language delay - referred to speech therapy.', 'outpatient', 2)).toEqual(['F809']);
  });

  it('reads an Index subterm a problem list writes after a comma', () => {
    expect(shown('A/P: 1. Anemia, iron deficiency - start ferrous sulfate.', 'outpatient', 40, 'F')).toEqual(['D509']);
    expect(shown('Assessment: Bipolar I disorder, current episode manic, severe, with psychotic features. Start olanzapine.', 'inpatient', 30)).toEqual(['F312']);
  });

  it('reads a condition after the birth as the puerperium\'s', () => {
    expect(shown('Discharge diagnoses: Postpartum preeclampsia.', 'inpatient', 30, 'F')).toEqual(['O1495']);
    expect(shown('Discharge diagnoses: Postpartum endometritis.', 'inpatient', 30, 'F')).toEqual(['O8612']);
  });

  it('reads severe ARDS as ARDS, not as SARS', () => {
    expect(shown('Assessment: Severe ARDS - proning, low tidal volume ventilation.', 'inpatient')).toEqual(['J80']);
  });

  it('reports a condition read with its course and without it once, with it', () => {
    const codes = shown('Assessment: 1. Septic shock due to E. coli acute pyelonephritis. CT: right pyelonephritis, no abscess.', 'inpatient');
    expect(codes).toContain('N10');
    expect(codes).not.toContain('N12');
  });
});

describe('local engine: probe notes, twenty-third session (surgery)', () => {
  it('reads a surgical site infection as the infection following the procedure (T81.4-)', () => {
    expect(shown('Assessment: Superficial incisional surgical site infection following lap cholecystectomy. Start cephalexin.', 'outpatient', 50, 'F')).toContain('T8141XA');
    expect(shown('Assessment: Deep incisional surgical site infection after colectomy. IV antibiotics.', 'inpatient', 50, 'F')).toContain('T8142XA');
  });

  it('reads a hernia with obstruction as the obstruction, and diverticulitis with abscess as one code', () => {
    expect(shown('Assessment: Incarcerated incisional hernia with small bowel obstruction. To OR for repair.', 'inpatient', 60, 'F')).toEqual(['K430']);
    expect(shown('Assessment: Acute sigmoid diverticulitis with pericolic abscess, s/p CT-guided drainage.', 'inpatient', 60, 'F')).toEqual(['K5720']);
  });

  it('reads no long-term steroid from a course of days', () => {
    expect(shown('Assessment:\n1. COPD with acute exacerbation - methylprednisolone 40 mg IV q12h then prednisone 40 mg daily, complete 5 days. Nebs.', 'inpatient', 70)).toEqual(['J441']);
  });
});
