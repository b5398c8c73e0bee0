// Regressions found by the thirty-second session's probe notes (tests/fixtures/probe-notes/round32.jsonl):
// emergency and urgent care, cardiology, nephrology/transplant/infectious disease, psychiatry and addiction.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read } = noteReaders();

describe('local engine: probe notes, thirty-second session (visits and where the note assesses)', () => {
  it('codes a routine examination by the patient\'s age, and not the next visit', () => {
    const infant = '9 MONTH WELL VISIT\nMom here with pt.\nA/P:\n1. 9 mo WCC - devt nl, anticipatory guidance.\n2. Irritant diaper dermatitis - zinc oxide.';
    expect(read(infant, 'outpatient', 0, 'F').filter((c) => c.startsWith('Z00'))).toEqual(['Z00121']);
    const adult = 'WELL VISIT\n45M, no complaints.\nA/P:\n1. Well visit - labs ordered, age-appropriate screening discussed.';
    expect(read(adult, 'outpatient', 45).filter((c) => c.startsWith('Z00'))).toEqual(['Z0000']);
    const newborn = '2 wk newborn f/u\nTerm male, feeding well.\nA/P\n1. Newborn 2 wk check - wt regained.\n2. Umbilical granuloma - silver nitrate applied.\nNext visit 1 mo WCC.';
    expect(read(newborn, 'outpatient', 0).filter((c) => c.startsWith('Z00'))).toEqual(['Z00111']);
  });

  it('leaves what a stay lists as not active this admission', () => {
    const note = 'Discharge diagnoses:\n1. Hypertension\n2. Acute cystitis\nChronic, not active this admission: OA bilateral knees, s/p bilat cataract extraction';
    const codes = read(note, 'inpatient', 81, 'F');
    expect(codes).toContain('I10');
    expect(codes.filter((c) => c.startsWith('M17') || c.startsWith('Z984'))).toEqual([]);
  });

  it('assesses a hospital course\'s labelled problems when the stay names only its principal diagnosis', () => {
    const note =
      'DISCHARGE SUMMARY\nAdmit dx: chest pain, r/o ACS\nDischarge dx: NSTEMI (type 1)\n\nHospital course: 66M admitted with chest pressure. LHC HD2: 95% mid-LCx culprit -> DES x1.\n\nAKI: Cr 1.0 -> 1.7 on HD3; prerenal; lisinopril held, IVF given, Cr 1.2 at discharge.\n\nDiabetes: A1c 9.6 - T2DM with hyperglycemia. Glargine increased.\n\nWernicke encephalopathy: Considered on admission, no ophthalmoplegia; not present.';
    const codes = read(note, 'inpatient', 66);
    expect(codes).toEqual(expect.arrayContaining(['I214', 'N179', 'E1165']));
    expect(codes).not.toContain('E512');
    // Under a stay's own list, the course's labels stay the story of what it lists.
    const listed =
      'DISCHARGE SUMMARY\nDischarge diagnoses:\n1. Community-acquired pneumonia\n2. Hypertension\n3. Type 2 diabetes\n\nHospital course:\nPneumonia: ceftriaxone and azithromycin, improved.\nAbdominal pain on admission: CT negative; resolved.';
    expect(read(listed, 'inpatient', 70)).not.toContain('R109');
  });

  it('reads a discharge diagnosis whose reading ends inside its brackets as the item', () => {
    expect(read('Discharge dx: NSTEMI (type 1)\nCondition at d/c: stable.', 'inpatient', 66)).toContain('I214');
  });
});

describe('local engine: probe notes, thirty-second session (what is not the patient\'s condition)', () => {
  it('reads urgent care, an infant\'s fontanelle and a return precaution as none of the conditions they spell', () => {
    expect(read('A/P: 1. Cellulitis L lower leg - cephalexin; recheck in 48 h (UC/PCP).', 'outpatient', 61)).not.toContain('K5190');
    expect(read('Exam: AF soft, flat. Heart RRR.\nA/P: 1. Well child - doing well.', 'outpatient', 0)).not.toContain('I4891');
    const uti = 'A: Acute uncomplicated cystitis\nP: Nitrofurantoin x5 d. RTC/ED for fever, flank pain, vomiting, or no improvement 48-72 h.';
    const codes = read(uti, 'outpatient', 27, 'F');
    expect(codes).toContain('N3000');
    expect(codes.filter((c) => c.startsWith('R10') || c.startsWith('R11'))).toEqual([]);
    expect(read('A: Urticaria.\nP: Cetirizine. Return/911 for lip swelling, wheeze, vomiting.', 'outpatient', 5, 'F')).not.toContain('R1110');
  });

  it('reads no diagnosis weighed and ruled out, nor one only reviewed as a warning', () => {
    const course = 'Course:\n- Pneumonia was initially considered; got ceftriaxone x1 day. No infiltrate on CT - pneumonia ruled out, abx stopped HD2.\n- HF: IV furosemide, net -6 L.';
    expect(read(course, 'inpatient', 77, 'F')).not.toContain('J189');
    const endocarditis = 'Course:\n- TTE no vegetation; TEE done given S. aureus bacteremia. Rule-out endocarditis complete.';
    expect(read(endocarditis, 'inpatient', 63).filter((c) => c.startsWith('I33') || c.startsWith('I38'))).toEqual([]);
    const warfarin = 'Plan: subtherapeutic INR. Enoxaparin bridge. Valve thrombosis/stroke sx reviewed. Continue metoprolol for PAF.';
    const codes = read(warfarin, 'outpatient', 52, 'F');
    expect(codes).toContain('I480');
    expect(codes.filter((c) => c.startsWith('I63') || c.startsWith('I82'))).toEqual([]);
  });

  it('reads a myocardial infarction counted back over four weeks as old', () => {
    const note = 'Seen today about 7 weeks after his NSTEMI, treated with a DES to the RCA.\nAssessment/plan:\n- CAD, s/p NSTEMI with RCA DES. No angina. Continue DAPT.';
    const codes = read(note, 'outpatient', 60);
    expect(codes).toContain('I252');
    expect(codes).not.toContain('I214');
    expect(read('Seen 2 weeks after his NSTEMI.\nA/P: NSTEMI - on DAPT, cardiac rehab.', 'outpatient', 60)).toContain('I214');
  });

  it('reads what happened when a patient presented years ago as history', () => {
    const note = '44 y/o man living with HIV, dx ~9 yrs ago when he presented with PJP pneumonia and oral thrush.\nA/P:\n1. HIV disease - well controlled, cont Biktarvy.';
    const codes = read(note, 'outpatient', 44);
    expect(codes).toContain('B20');
    expect(codes.filter((c) => c.startsWith('J18') || c.startsWith('B37'))).toEqual([]);
  });

  it('reads a test awaited for a condition as no diagnosis of it, and a falling lab value as no fall', () => {
    expect(read('A/P: Penile ulcer - r/o HSV. Continue PrEP, 90-d refill pending neg HIV result.', 'outpatient', 27)).not.toContain('B20');
    expect(read('A/P: 1. Osteomyelitis R foot - clinically improving, ESR/CRP falling. Continue vancomycin.', 'outpatient', 61)).not.toContain('R296');
  });

  it('reads a lesion underlying an ulcer, and a count of vessels, as no condition of their own', () => {
    const foot = 'OPAT f/u of acute osteomyelitis of R 1st metatarsal head underlying a chronic plantar diabetic foot ulcer.\nA/P: 1. T2DM - endocrine adjusting insulin.';
    expect(read(foot, 'outpatient', 61).filter((c) => c.startsWith('E08'))).toEqual([]);
    expect(read('Impression: 1. Severe single-vessel CAD (LAD) - successful DES.', 'outpatient', 66)).not.toContain('Q245');
  });

  it('reads a mental health note\'s trauma, fear and counted admissions as none of the injury, phobia or type they spell', () => {
    const intake = 'HPI: nightmares since an assault. Tearful when discussing trauma.\nAssessment:\n1. PTSD, chronic.\n2. Strong fear of weight gain - monitor.\nPlan: Referral for CPT/PE trauma therapy.';
    const codes = read(intake, 'outpatient', 27, 'F');
    expect(codes).toContain('F4312');
    expect(codes.filter((c) => c.startsWith('T149') || c === 'F409')).toEqual([]);
    const mania = 'Reason for admission: History of bipolar I disorder with 2 prior admissions for mania.\nDischarge diagnoses:\n1. Bipolar I disorder, current episode manic, severe, with psychotic features';
    expect(read(mania, 'inpatient', 40).filter((c) => c.startsWith('F31'))).toEqual(['F312']);
  });
});

describe('local engine: probe notes, thirty-second session (words read right)', () => {
  it('reads an allergic reaction to a drug as its adverse effect', () => {
    expect(read('A: Urticaria - allergic reaction to amoxicillin.\nP: Stop amoxicillin. Cetirizine.', 'outpatient', 5, 'F')).toEqual(expect.arrayContaining(['L500', 'T360X5A']));
  });

  it('reads a numbered metacarpal with its side', () => {
    expect(read('Dx:\n1. Closed displaced R 5th metacarpal neck fx - reduced/splinted', 'outpatient', 23)).toContain('S62336A');
    expect(read('Dx:\n1. Fracture of L 2nd metacarpal shaft', 'outpatient', 23)).toContain('S62321A');
  });

  it('reads "d/t" as due to, and a cardiomyopathy by its cardiology initials', () => {
    const codes = read('A/P:\n1. Chronic systolic HF d/t ischemic CM - compensated, NYHA II.', 'outpatient', 72);
    expect(codes).toEqual(expect.arrayContaining(['I5022', 'I255']));
    expect(codes).not.toContain('I5084');
    expect(read('A/P: 1. NICM, EF 30% - GDMT.', 'outpatient', 60)).toContain('I429');
  });

  it('reads a chronic metabolic acidosis of CKD as the acidosis, not a renal tubular one', () => {
    const codes = read('A/P: 5. Chronic metabolic acidosis (CKD-related) - CO2 19 on bicarb, increase NaHCO3.', 'outpatient', 68);
    expect(codes).toContain('E8722');
    expect(codes).not.toContain('N2589');
    expect(read('A/P: 1. Renal tubular acidosis - on bicarb.', 'outpatient', 30)).toContain('N2589');
  });

  it('reads hyperparathyroidism by its initials and a lone vertebral level as its region', () => {
    expect(read('A/P: 4. Secondary HPT (renal) - PTH 188, stable; cont calcitriol.', 'outpatient', 68)).toContain('N2581');
    expect(read('A/P: 1. L4 vertebral osteomyelitis - IV ampicillin.', 'outpatient', 63)).toContain('M4626');
  });

  it('reads a foot ulcer\'s bone involvement without the necrosis the note denies', () => {
    expect(read('A/P: 2. Diabetic foot ulcer R plantar 1st MTP w/ bone involvement, no necrosis - healing.', 'outpatient', 61)).toContain('L97516');
  });

  it('reads methamphetamine as a stimulant use disorder with its severity and remission', () => {
    expect(read('A/P: - Methamphetamine use disorder, severe, in early remission - continue IOP.', 'outpatient', 31, 'F')).toContain('F1521');
    expect(read('A/P: 2. Methamphetamine use disorder, mild.', 'outpatient', 33, 'F')).toContain('F1510');
  });

  it('reads the reason an underdosing gives, not one the note denies', () => {
    const note =
      'Patient stopped his lithium about 6 weeks prior to admission; he "missed feeling creative." Not a cost or access issue - he had refills available.\nDischarge diagnoses:\n1. Bipolar I disorder, current episode manic, severe\n2. Nonadherence - intentional discontinuation of lithium by patient';
    const codes = read(note, 'inpatient', 40);
    expect(codes).toContain('Z91128');
    expect(codes).not.toContain('Z91120');
  });
});

describe('local engine: probe notes, thirty-second session (combinations and codes that say more)', () => {
  it('adds the calcified coronary lesion its atherosclerosis names', () => {
    const codes = read('Impression:\n1. Severe native-vessel CAD (LAD) with severely calcified lesion - successful IVL + DES.\n2. Stable angina pectoris.', 'outpatient', 66);
    expect(codes).toEqual(expect.arrayContaining(['I25118', 'I2584']));
    expect(read('Impression: 1. CAD - no angina, continue statin.', 'outpatient', 66)).not.toContain('I2584');
  });

  it('shows no condition beside the one that says more of it', () => {
    const hf = read('Principal dx: acute on chronic diastolic heart failure\nCourse:\n- Na 129 on admit (hypervolemic hyponatremia) -> 134 with diuresis.', 'inpatient', 77, 'F');
    expect(hf).toEqual(expect.arrayContaining(['I5033', 'E871']));
    expect(hf).not.toContain('E8770');
    const kidney = read('A/P:\n1. CKD stage 4 d/t diabetic nephropathy - start empagliflozin.\n2. T2DM - A1c 7.8.', 'outpatient', 68);
    expect(kidney).toContain('E1122');
    expect(kidney).not.toContain('E1121');
    const sepsis = read('Final dx: sepsis due to MSSA bacteremia from PICC. Cefazolin.', 'inpatient', 63);
    expect(sepsis).toContain('A4101');
    expect(sepsis).not.toContain('A4901');
    const psychiatric = read('Assessment:\n1. PTSD, chronic - nightmares down to 2/wk on prazosin.\n2. Bipolar I disorder, current episode manic, severe, with psychotic features - olanzapine for persistent psychosis.\n3. Anorexia nervosa, restricting type - sinus bradycardia secondary to starvation.', 'inpatient', 30);
    expect(psychiatric).toEqual(expect.arrayContaining(['F4312', 'F312']));
    expect(psychiatric.filter((c) => c === 'F515' || c === 'F29' || c.startsWith('T730'))).toEqual([]);
  });
});
