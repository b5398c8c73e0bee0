import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders({ age: 70, sex: 'M' });

describe('local engine: probe notes, twenty-second session (statuses that bear on treated conditions)', () => {
  const cardiac = 'HPI: 68M with CAD s/p PCI with stents to LAD 2019, prior MI 2018, AICD in place.\nPMH: COPD on home oxygen.\nAssessment/Plan:\n';

  it('shows a status stated in the HPI or history once the assessment treats the condition it bears on', () => {
    const codes = shown(`${cardiac}1. Chronic systolic heart failure - continue carvedilol.\n2. COPD - stable, continue tiotropium.\n3. CAD - continue aspirin, atorvastatin.\n`);
    expect(codes).toEqual(expect.arrayContaining(['Z955', 'I252', 'Z95810', 'Z9981', 'I2510', 'I5022', 'J449']));
  });

  it('leaves the status hidden when nothing it bears on is assessed', () => {
    const codes = shown(`${cardiac}1. Acute otitis externa, right ear - ofloxacin drops.\n`);
    expect(codes).not.toContain('Z955');
    expect(codes).not.toContain('I252');
  });
});

describe('local engine: probe notes, twenty-second session (what the visit is for)', () => {
  it('shows a chemotherapy or immunotherapy session the note names as the visit\'s reason', () => {
    expect(shown('Reason for visit: chemotherapy.\nA/P:\n1. Sigmoid colon adenocarcinoma - cycle 3 FOLFOX given today.\n')).toEqual(['C187', 'Z5111']);
    expect(shown('Chief complaint: Encounter for immunotherapy.\nA/P:\n1. NSCLC of right upper lobe - pembrolizumab cycle 5 today.\n')).toEqual(['C3411', 'Z5112']);
  });

  it('does not read a session from chemotherapy mentioned in passing or as a cause', () => {
    expect(shown('HPI: completed chemotherapy in 2020.\nA/P:\n1. Sigmoid colon adenocarcinoma - surveillance.\n')).not.toContain('Z5111');
    expect(shown('CC: chemotherapy follow-up; completed cycle 6 last month.\nA/P:\n1. Colon cancer - doing well.\n')).not.toContain('Z5111');
    expect(shown('Chief complaint: chemotherapy-induced nausea.\nA/P:\n1. Colon cancer - on chemotherapy.\n2. Chemotherapy-induced nausea - ondansetron.\n')).not.toContain('Z5111');
  });
});

describe('local engine: probe notes, twenty-second session (long-term opioids)', () => {
  it('reads an opioid analgesic an office chart keeps going as long-term use (Z79.891)', () => {
    expect(shown('Medications: oxycodone 10 mg q6h prn pain, gabapentin 300 mg tid.\nA/P:\n1. Chronic low back pain - continue current regimen; opioid agreement on file.\n')).toContain('Z79891');
    expect(shown('Meds: tramadol 50 mg bid, lisinopril 10 mg daily.\nA/P:\n1. Osteoarthritis of both knees - continue tramadol.\n2. Hypertension - controlled.\n')).toContain('Z79891');
  });

  it('does not read an acute pain\'s, this visit\'s, a stay\'s or a dependence treatment\'s opioid as long-term use', () => {
    expect(shown('ED course: morphine 4 mg IV given.\nA/P:\n1. Right distal radius fracture - splint; oxycodone 5 mg q6h prn x 3 days.\n2. Renal colic - tramadol prn.\n')).not.toContain('Z79891');
    expect(shown('Medications: hydromorphone 1 mg q3h prn, heparin SQ.\nA/P:\n1. Community-acquired pneumonia - ceftriaxone, azithromycin.\n', 'inpatient')).not.toContain('Z79891');
    expect(shown('Medications: buprenorphine-naloxone 8/2 mg daily.\nA/P:\n1. Opioid dependence, on maintenance therapy - continue Suboxone.\n')).not.toContain('Z79891');
  });
});

describe('local engine: probe notes, twenty-second session (doubts a stay settles)', () => {
  it('codes no admitting "rule out" the discharge diagnoses rule out', () => {
    const codes = shown('DISCHARGE SUMMARY\nAdmitting diagnosis: Chest pain, rule out NSTEMI.\nHospital course: Troponins negative x3. Stress test normal.\nDischarge diagnoses:\n1. Atypical chest pain, NSTEMI ruled out.\n2. Hypertension.\n', 'inpatient');
    expect(codes).toEqual(['I10', 'R0789']);
    expect(shown('Admission diagnosis: possible community-acquired pneumonia.\nHospital course: CXR clear, procalcitonin low; pneumonia was excluded.\nDischarge diagnoses:\n1. Acute bronchitis.\n', 'inpatient')).toEqual(['J209']);
  });

  it('still codes a discharge diagnosis left uncertain, beside another one ruled out', () => {
    expect(shown('Admission diagnosis: possible community-acquired pneumonia.\nDischarge diagnoses:\n1. Probable community-acquired pneumonia - complete levofloxacin.\n2. Pulmonary embolism ruled out.\n', 'inpatient')).toEqual(['J189']);
  });
});

describe('local engine: probe notes, twenty-second session (Index lines)', () => {
  it('links a cervical disc herniation with its radiculopathy, which the Index reaches by a "see" to a "with" line', () => {
    expect(shown('A/P:\n1. Cervical disc herniation with radiculopathy - epidural steroid injection.\n')).toEqual(['M5010']);
  });

  it('shows a combination an assessment item names whole', () => {
    expect(shown('A/P:\n1. Lumbar disc herniation L4-L5 with left L5 radiculopathy - PT, gabapentin, MRI reviewed.\n')).toEqual(['M5116']);
  });

  it('reads no Index line whose words the source lost ("Disorder > persistent > (somatoform)" was somatoform pain)', () => {
    const codes = shown('A/P:\n1. Panic disorder - persistent panic attacks despite SSRI.\n2. Generalized anxiety disorder - persistent.\n');
    expect(codes).not.toContain('F4541');
    expect(codes).toEqual(['F410', 'F411']);
  });
});

describe('local engine: probe notes, twenty-second session (current drugs)', () => {
  it('reads a drug the HPI says the patient is on as current therapy, not one taken before', () => {
    const codes = shown('HPI: 58 yo M with type 2 diabetes on metformin 1000 mg BID and glargine 30 U qhs, here for eye exam. Previously on glipizide, stopped for GI upset. Was on warfarin for a DVT in 2019.\nA/P:\n1. Type 2 diabetes without retinopathy - continue current regimen.\n');
    expect(codes).toEqual(expect.arrayContaining(['E119', 'Z7984', 'Z794']));
    expect(codes).not.toContain('Z7901');
    expect(shown('HPI: 72F with paroxysmal AF on apixaban 5 mg BID, here for follow-up.\nA/P:\n1. Paroxysmal AF - rate controlled.\n', 'outpatient', 72, 'F')).toEqual(['I480', 'Z7901']);
  });

  it('does not read a drug the plan starts only after a test as current therapy', () => {
    expect(shown('A/P:\n1. Hidradenitis suppurativa, Hurley stage II - doxycycline.\nPlan: Start adalimumab after TB screening.\n')).toEqual(['L732']);
  });
});

describe('local engine: probe notes, twenty-second session (misreadings)', () => {
  it('reads no infection from its test ordered, but keeps one the test found', () => {
    expect(shown('A/P: HIV-1/2 Ag/Ab ordered.\n')).not.toContain('B20');
    expect(shown('A/P:\n1. Diarrhea - C. diff PCR positive, start oral vancomycin.\n')).toContain('A0472');
  });

  it('ends a history list given on its heading\'s line at the blank line after it', () => {
    expect(shown('PMH: COPD.\n\nInfluenza vaccine administered today.\n')).toEqual(['Z23']);
  });

  it('reads a stroke dated by its year as an old one, whose deficits are its sequelae', () => {
    expect(shown('A/P:\n1. Right hemiparesis from 2021 stroke - PT.\n2. Aphasia from 2019 stroke, stable.\n')).toEqual(['I69320', 'I69351']);
  });

  it('lets a taper stop only its own drug, and reads no long-term insulin from insulin given with dextrose', () => {
    expect(shown('Medications: tacrolimus 4 mg BID, mycophenolate 720 mg BID, prednisone taper to 5 mg daily.\nA/P:\n1. Kidney transplant status - stable.\n', 'inpatient')).toEqual(['Z79621', 'Z79624', 'Z940']);
    expect(shown('A/P:\n1. Hyperkalemia - treated with insulin/dextrose, sodium zirconium cyclosilicate x2 doses.\n', 'inpatient')).toEqual(['E875']);
  });

  it('reads a patient stopping his own drug as underdosing, not a provider stopping it', () => {
    expect(shown('A/P:\n1. Underdosing of lithium - patient intentionally stopped medication.\n', 'inpatient')).toEqual(['T43596A', 'Z91128']);
    expect(shown('A/P:\n1. Hypotension - we stopped her lisinopril.\n')).toEqual(['I959']);
  });
});

describe('local engine: probe notes, twenty-second session (short opioid courses)', () => {
  it('reads no long-term opioid use from a list after an operation or while the opioid is tapered', () => {
    expect(shown('S: 14 days s/p left total knee arthroplasty, doing well.\nMeds: oxycodone PRN, acetaminophen 1 g TID.\nA/P:\n1. Constipation due to oxycodone - senna; taper oxycodone over next week.\n')).not.toContain('Z79891');
  });
});

describe('local engine: probe notes, twenty-second session (what a coder reports once)', () => {
  it('reports no unspecified code beside a sibling read from the same words', () => {
    expect(shown('Assessment: Atopic dermatitis, flexural, moderate flare.\n')).toEqual(['L2082']);
    expect(shown('A: Acute mucopurulent conjunctivitis, bilateral.\n')).toEqual(['H10023']);
  });

  it('reports no uncomplicated substance use the provider ties to no condition (I.C.5.b.3)', () => {
    expect(shown('A/P:\n1. Cannabis use - occasional, no impairment; discussed.\n')).toEqual([]);
  });
});

describe('local engine: probe notes, twenty-second session (sinusitis of several sinuses)', () => {
  it('codes sinusitis of two or three named sinuses as one code, acute or chronic', () => {
    expect(shown('A/P:\n1. Chronic rhinosinusitis, bilateral maxillary and ethmoid - nasal steroid.\n')).toEqual(['J328']);
    expect(shown('A/P:\n1. Acute maxillary and frontal sinusitis - amoxicillin.\n')).toEqual(['J0180']);
    expect(shown('A/P:\n1. Acute maxillary sinusitis - amoxicillin.\n')).toEqual(['J0100']);
  });
});

describe('local engine: probe notes, twenty-second session (findings and problems not addressed)', () => {
  it('reads an elevated blood pressure with no hypertension as the reading (R03.0), and not beside a hypertension', () => {
    expect(shown('A/P:\n1. Elevated blood pressure - recheck in 2 weeks.\n')).toEqual(['R030']);
    expect(shown('A/P:\n1. Hypertension - elevated blood pressure today, increase lisinopril.\n')).toEqual(['I10']);
  });

  it('codes no problem the assessment says was not discussed', () => {
    expect(shown('A/P:\n1. Allergic rhinitis - not discussed today.\n2. Asthma - discussed inhaler technique.\n')).toEqual(['J45909']);
  });
});

describe('local engine: probe notes, twenty-second session (a reading beside its disease)', () => {
  it('reports no elevated reading (R03.0) where the chart diagnoses hypertension on another line', () => {
    expect(shown('A/P:\n1. Elevated blood pressure - recheck.\n2. Hypertension - on lisinopril.\n')).toEqual(['I10']);
  });
});
