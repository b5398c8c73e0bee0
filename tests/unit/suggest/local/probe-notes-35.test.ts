// Regressions found by the thirty-fifth session's probe notes (tests/fixtures/probe-notes/round35.jsonl):
// cardiology and vascular surgery, gastroenterology and hepatology, neurology/rehabilitation/sports and
// occupational medicine, primary care and urology.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();

describe('local engine: probe notes, thirty-fifth session (words the Index lists in two forms)', () => {
  it('reads a subterm written in either of its forms, and PID as pelvic inflammatory disease', () => {
    // "Disease > pelvis, pelvic > inflammatory > acute" (N73.0): the note says "pelvic".
    expect(read('Assessment: Acute pelvic inflammatory disease. Doxycycline and metronidazole x 14 d.', 'outpatient', 19, 'F')).toContain('N730');
    expect(read('Assessment: Acute PID. Ceftriaxone given.', 'outpatient', 19, 'F')).toContain('N730');
    // A prolapsed disc is no pelvic inflammation; nor is the spine's "cervical" the cervix's ("Stenosis > cervix, cervical").
    expect(read('Assessment: L4-5 PID with radiculopathy.', 'outpatient', 45, 'F').filter((c) => c.startsWith('N73'))).toEqual([]);
    expect(read('Assessment: Cervical stenosis C5-6 with myelopathy.', 'outpatient', 59, 'F')).not.toContain('N882');
  });

  it('reads a ligament torn as the Index sends it, to its sprain, and a rotator cuff strain', () => {
    const note = 'Assessment:\n1. Acute complete ACL tear, L knee.\n2. Grade II MCL sprain, L knee.\n3. Acute strain of the R rotator cuff (supraspinatus), work-related.';
    expect(read(note, 'outpatient', 28, 'F')).toEqual(expect.arrayContaining(['S83512A', 'S83412A', 'S46011A']));
    expect(read(note, 'outpatient', 28, 'F')).not.toContain('S8392XA');
    // An intact ligament names no injury.
    expect(read('Assessment: Knee pain. ACL intact on exam.', 'outpatient', 28, 'F').filter((c) => c.startsWith('S83'))).toEqual([]);
  });

  it('reads a coagulopathy of liver disease as the acquired deficiency, and a variceal bleed as the varix\'s', () => {
    const note = 'Principal diagnosis: Acute esophageal variceal hemorrhage secondary to alcohol-associated cirrhosis\nSecondary diagnoses:\n- Alcohol-associated cirrhosis with ascites\n- Coagulopathy of liver disease\nEGD: large distal esophageal varices, 5 bands placed.';
    const codes = read(note, 'inpatient', 56, 'M');
    expect(codes).toEqual(expect.arrayContaining(['I8511', 'K7031', 'D684']));
    expect(codes.filter((c) => c === 'I8500' || c === 'I8501' || c === 'K2289' || c === 'D689' || c === 'K769')).toEqual([]);
  });
});

describe('local engine: probe notes, thirty-fifth session (the liver and its cirrhosis)', () => {
  it('codes stones of the gallbladder and the bile duct as one calculus, with the cholecystitis and obstruction either says', () => {
    const note = 'Discharge Diagnoses:\n1. Acute biliary (gallstone) pancreatitis, without necrosis\n2. Choledocholithiasis with biliary obstruction, and cholelithiasis with chronic cholecystitis - s/p ERCP and lap cholecystectomy';
    const codes = read(note, 'inpatient', 46, 'F');
    expect(codes).toEqual(expect.arrayContaining(['K8510', 'K8065']));
    expect(codes.filter((c) => /^K80[0-5]/.test(c) || c === 'K831')).toEqual([]);
  });


  it('codes varices in a cirrhosis as its secondary varices, a steatohepatitis cirrhosis as other cirrhosis, and no drug to avoid', () => {
    const note = 'Assessment/Plan:\n1. MASH cirrhosis, Child-Pugh B.\n2. Esophageal varices without bleeding - continue carvedilol.\n3. T2DM on insulin glargine 24 u; avoid metformin given decompensation.';
    const codes = read(note, 'outpatient', 61, 'F');
    expect(codes).toEqual(expect.arrayContaining(['K7581', 'K7469', 'I8510', 'Z794']));
    expect(codes.filter((c) => c === 'I8500' || c === 'K7460' || c === 'Z7984')).toEqual([]);
    // Varices with no cirrhosis or portal hypertension on the chart keep their own code.
    expect(read('Assessment: Esophageal varices without bleeding, on EGD surveillance.')).toContain('I8500');
  });

  it('reads the time since a transplant as its status, which the immunosuppression that keeps it makes reportable', () => {
    const note = 'I saw your patient today, now six years after deceased-donor orthotopic liver transplantation (2020).\nPlan: continue tacrolimus and mycophenolate at current doses.';
    const codes = read(note, 'outpatient', 59, 'M');
    expect(codes).toEqual(expect.arrayContaining(['Z944', 'Z79621', 'Z79624']));
    // The donor is the organ's, not the patient's.
    expect(codes.filter((c) => c.startsWith('Z52'))).toEqual([]);
  });
});

describe('local engine: probe notes, thirty-fifth session (the heart and its valves)', () => {
  it('reads a calcified aortic valve as no aorta, a trace regurgitation as no disease, and symptoms due to the valve as the valve\'s', () => {
    const note = 'Echo: severely calcified trileaflet aortic valve, AVA 0.7 cm2. Trace mitral regurgitation.\nAssessment: Severe symptomatic calcific (degenerative) aortic stenosis. Her exertional dyspnea and presyncope are due to the valve. Given her age, frailty assessment and anatomy, referred for TAVR.';
    const codes = read(note, 'outpatient', 81, 'F');
    expect(codes).toContain('I350');
    expect(codes.filter((c) => c === 'I700' || c === 'I340' || c === 'R0600' || c === 'R54')).toEqual([]);
    // A symptom put down to a drug stays the code beside the drug's adverse effect.
    expect(read('Assessment: Nausea is due to metformin - reduce dose.')).toContain('R110');
  });

  it('codes a preoperative cardiovascular evaluation with the operation\'s reason, a drug-eluting stent as the implant\'s status, and RBBB', () => {
    const note = [
      'PREOPERATIVE CARDIOVASCULAR EVALUATION',
      'Requested by orthopedics prior to elective right total knee arthroplasty (scheduled 8/25/2026) for primary osteoarthritis of the right knee.',
      'HPI: 69F w/ CAD s/p DES to RCA (2020). No angina since PCI.',
      'Assessment / Recommendations:',
      '1. Preoperative cardiovascular evaluation for elevated-risk orthopedic surgery: acceptable cardiac risk.',
      '2. CAD s/p PCI, no angina - continue aspirin.',
      '3. RBBB, chronic and asymptomatic.',
    ].join('\n');
    const codes = shown(note, 'outpatient', 69, 'F');
    expect(codes).toEqual(expect.arrayContaining(['Z01810', 'M1711', 'I2510', 'Z955', 'I4510']));
    expect(codes).not.toContain('Z9861');
  });

  it('codes a pacemaker check named by the note\'s title, not the pacemaker\'s presence', () => {
    const note = 'DEVICE CLINIC - PACEMAKER INTERROGATION (in-office)\n\nIndication: sick sinus syndrome, dual-chamber pacemaker implanted 2019. Routine 6-month check.\nImpression:\n1. Normally functioning dual-chamber pacemaker.\n2. Sick sinus syndrome, well controlled.';
    const codes = shown(note, 'outpatient', 83, 'M');
    expect(codes).toEqual(expect.arrayContaining(['Z45018', 'I495']));
    expect(codes).not.toContain('Z950');
  });
});

describe('local engine: probe notes, thirty-fifth session (the brain)', () => {
  it('codes the deficits an acute stroke leaves wherever the stay describes them', () => {
    const note = [
      'Principal diagnosis: Acute ischemic stroke, left MCA territory, due to embolic occlusion of L M1',
      'Secondary diagnoses: hypertension',
      'HPI: found unable to speak and with right-sided weakness. Arrival NIHSS 14.',
      'Hospital course: NIHSS 6 on day of discharge. Residual nonfluent (expressive) aphasia and right hemiparesis, arm > leg.',
      'Swallow: failed bedside screen. FEES: oropharyngeal dysphagia; on dysphagia level 2 diet.',
    ].join('\n');
    const codes = shown(note, 'inpatient', 74, 'F');
    expect(codes).toEqual(expect.arrayContaining(['I63412', 'R29714', 'R4701', 'R1312']));
    expect(codes.some((c) => c.startsWith('G819'))).toBe(true);
    expect(codes).not.toContain('I7090');
  });

  it('reads focal seizures with impaired awareness as complex partial, "sz" as seizures, and a teenager\'s migraine as past', () => {
    const note = 'S: 31F w/ focal epilepsy. Hx migraine as teen, none in >5 yrs, no meds.\nA/P:\n1. Focal epilepsy w/ impaired-awareness (complex partial) sz, symptomatic - well controlled, not intractable. Continue LTG.';
    const codes = shown(note, 'outpatient', 31, 'F');
    expect(codes).toContain('G40209');
    expect(codes.filter((c) => c.startsWith('G401') || c.startsWith('G43'))).toEqual([]);
    // A past status epilepticus is no status: "Status > epileptic, epilepticus" names the disease.
    expect(read('PMH: history of status epilepticus in 2019.\nAssessment: Epilepsy, well controlled on lamotrigine.')).toEqual(['G40909', 'Z79899']);
  });
});

describe('local engine: probe notes, thirty-fifth session (what a line is about)', () => {
  it('reads a relative\'s clause as the relative\'s, and a plan line labelled by a screening\'s topic as the screening', () => {
    const note = 'Family history is notable for his father, who died at 74 of a ruptured abdominal aortic aneurysm.\nAssessment: Initial preventive physical examination without abnormal findings.\nPlan:\n- AAA: one-time screening ultrasound ordered given the family history.\n- Colorectal cancer: never screened. Stool DNA kit ordered.';
    const codes = read(note, 'outpatient', 66, 'M');
    expect(codes).toContain('Z0000');
    expect(codes.filter((c) => c.startsWith('I71') || c.startsWith('C18'))).toEqual([]);
  });

  it('reads items a plan leaves to another provider, joined by a slash, as none of this visit\'s', () => {
    const note = 'PMH: HTN, HLD, BPH, GERD\nMeds: amlodipine 10, tamsulosin 0.4, omeprazole 20\nA/P:\n1. HTN - at goal on amlodipine, no change.\nBPH/GERD per PCP.';
    const codes = read(note, 'outpatient', 67, 'M');
    expect(codes).toContain('I10');
    expect(codes.filter((c) => c === 'N400' || c === 'K219')).toEqual([]);
  });

  it('reads "X considered, low suspicion" as no X, and a word joined over a quotation mark as no reading', () => {
    expect(read('Assessment: RLQ abdominal pain. PID considered, low suspicion (no CMT, no fever).', 'outpatient', 22, 'F').filter((c) => c.startsWith('N73'))).toEqual([]);
    expect(read('Assessment: c/o fever/chills last night, "yellow" vaginal discharge.', 'outpatient', 19, 'F')).not.toContain('A959');
  });

  it('reads a contraceptive placed years ago, or a partner\'s, as no contraceptive management', () => {
    expect(read('Copper IUD placed ~2 yrs ago, strings felt by pt.\nAssessment: Acute PID.', 'outpatient', 19, 'F').filter((c) => c.startsWith('Z304'))).toEqual([]);
    const vasectomy = 'HPI: wife has been using an IUD and wishes to have it removed.\nAssessment and plan:\n1. Counseling for permanent contraception (vasectomy).';
    const codes = read(vasectomy, 'outpatient', 37, 'M');
    expect(codes).toContain('Z3009');
    expect(codes.filter((c) => c.startsWith('Z304'))).toEqual([]);
  });

  it('reads insulin rationed as its underdosing, no adverse effect of it nor a diabetes it induced', () => {
    const note = 'HPI: Has been rationing insulin for 3 weeks because he could not afford refills.\nAssessment/Plan:\n24M with T1DM admitted with severe diabetic ketoacidosis, precipitated by insulin underdosing due to cost.\n1. DKA - insulin infusion per protocol.';
    const codes = read(note, 'inpatient', 24, 'M');
    expect(codes).toEqual(expect.arrayContaining(['E1010', 'T383X6A']));
    expect(codes.filter((c) => c === 'T383X5A' || c.startsWith('E09') || c === 'Z794')).toEqual([]);
  });
});
