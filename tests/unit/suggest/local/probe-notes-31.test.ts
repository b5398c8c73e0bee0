// Regressions found by the thirty-first session's probe notes (tests/fixtures/probe-notes/round31.jsonl):
// pediatrics, geriatrics and long-term care, pain/orthopedics/trauma, and eye/neuro/pulmonary/oncology.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read } = noteReaders();

describe('local engine: probe notes, thirty-first session (where the note assesses)', () => {
  it('assesses a labelled paragraph the plan takes up by its label, and not one it leaves', () => {
    const note =
      'SNF wound rounds\n86 y/o man, long-stay resident, bedbound.\nSacrum: stage 3 pressure injury, 4.2 x 3.0 cm, red granulation.\nL hip: prior stage 2 pressure injury, healed, closed.\nNutrition: wt 54 kg, BMI 18.2. I agree: moderate protein-calorie malnutrition.\nPlan:\n- Sacrum: collagen + foam, change qod.\n- Nutrition: add protein supplement BID.';
    const codes = read(note, 'outpatient', 86);
    expect(codes).toContain('L89153');
    expect(codes).toContain('E440');
    expect(codes.filter((c) => /^L8920/.test(c))).toEqual([]);
  });

  it('places a pressure injury at the site its line\'s label names', () => {
    const note = 'SNF wound rounds\nR heel: purple, intact, boggy 3 x 2.5 cm -- deep tissue pressure injury, new since last wk.\nL buttock: stage 2 pressure ulcer, 1 x 1 cm, clean base.\nPlan:\n- R heel: offload with heel boots, float heels.\n- L buttock: foam dressing, turns q2h.';
    const codes = read(note, 'outpatient', 86);
    expect(codes).toEqual(expect.arrayContaining(['L89616', 'L89322']));
    expect(codes.filter((c) => c.startsWith('L899'))).toEqual([]);
  });

  it('counts a dementia staging scale as its evaluation', () => {
    const note = "PALLIATIVE CARE CONSULT\n89M with Alzheimer's disease, severe dementia (FAST 7c -- nonambulatory). Calm, sleeps most of day.\nDecisions:\n- DNR/DNI -- new order written";
    const codes = read(note, 'outpatient', 89);
    expect(codes).toContain('G309');
    expect(codes).toContain('F02C0');
  });
});

describe('local engine: probe notes, thirty-first session (words read right)', () => {
  it('reads no neoplasm-related fatigue from another disease\'s "related fatigue"', () => {
    expect(read('Assessment: 3. MS-related fatigue - sleep hygiene, aerobic exercise.', 'outpatient', 38, 'F')).not.toContain('R530');
    expect(read('Assessment: Cancer-related fatigue - on chemotherapy for breast cancer.', 'outpatient', 58, 'F')).toContain('R530');
  });

  it('reads focal impaired awareness seizures as complex partial, and a denied status as none', () => {
    const codes = read('Assessment: 1. Focal epilepsy w/ impaired awareness seizures - well controlled, not intractable, no status. Continue LTG.', 'outpatient', 44);
    expect(codes.filter((c) => c.startsWith('G40'))).toEqual(['G40209']);
    expect(read('Assessment: 1. Focal epilepsy with complex partial seizures. Continue LTG.', 'outpatient', 44).filter((c) => c.startsWith('G40'))).toEqual(['G40209']);
  });

  it('reads no fall from falling asleep or the season', () => {
    const codes = read('HPI: Sleep OK, falls asleep within 30 min. Trouble falling asleep on school nights. Flu vaccine in fall.\nAssessment: ADHD, combined type - continue methylphenidate.', 'outpatient', 10);
    expect(codes).not.toContain('R296');
    expect(read('Assessment: Hx of falls - PT referral for gait training.', 'outpatient', 80)).toContain('Z9181');
  });

  it('reads no external cause from "activity" or "exposure" alone', () => {
    const codes = read('Assessment/Plan:\n2. Class 2 obesity. Physical activity: goal 60 min active play daily.\n3. Secondhand smoke exposure - counseling for dad.', 'outpatient', 4);
    expect(codes.filter((c) => /^[VWXY]/.test(c))).toEqual([]);
    expect(codes).toContain('E66812');
  });

  it('reads "resp", "pulm" and "OAB" as notes mean them', () => {
    const codes = read('A/P:\n2. Chronic resp failure w/ hypoxia - cont O2.\n3. Solitary pulm nodule LUL 7 mm, stable x 12 mo - repeat CT.\n4. OAB with urge incontinence - start mirabegron.', 'outpatient', 72, 'F');
    expect(codes).toEqual(expect.arrayContaining(['J9611', 'R911', 'N3281']));
    expect(codes).not.toContain('R0902');
  });

  it('shows no pulmonary edema beside the heart failure it is part of', () => {
    const codes = read('Summary: admitted w/ orthopnea, BLE edema. CXR pulm edema.\nDx: Acute on chronic systolic heart failure - IV furosemide.', 'inpatient', 76, 'F');
    expect(codes).toContain('I5023');
    expect(codes.filter((c) => c.startsWith('J81'))).toEqual([]);
  });

  it('reads a freezing of gait as no cold injury', () => {
    expect(read('Assessment: 5. Freezing of gait / fall prevention: PT referral. Freezing at doorways 2-3x/week.', 'outpatient', 74).filter((c) => c.startsWith('T69'))).toEqual([]);
  });

  it('reads an anterior shoulder dislocation as the humerus\'s dislocation, not a subluxation', () => {
    expect(read('Assessment:\n- Anterior dislocation R shoulder, first-time, s/p successful closed reduction', 'outpatient', 24)).toContain('S43014A');
  });

  it('reads a vaccine the patient declines as the refusal, not an immunization', () => {
    const codes = read('Plan:\n6. No further colon cancer screening given age/goals. Declines shingles vaccine today.', 'outpatient', 88, 'F');
    expect(codes).toContain('Z2821');
    expect(codes).not.toContain('Z23');
  });

  it('reads a vaccine given at an earlier visit as no immunization encounter', () => {
    expect(read('Assessment: Speech/language delay - refer to EI.\nF/u 1 mo. (18 mo vaccines given at WCC last wk.)', 'outpatient', 1)).not.toContain('Z23');
    expect(read('Assessment: Well child. Influenza vaccine given today.', 'outpatient', 1)).toContain('Z23');
  });
});

describe('local engine: probe notes, thirty-first session (what is not the patient\'s condition)', () => {
  it('reads criteria not met as no diagnosis, before or after them', () => {
    const stay = read('Hospital course:\n# Febrile neutropenia secondary to chemotherapy. Did not meet sepsis criteria. Cultures no growth.', 'inpatient', 56, 'F');
    expect(stay.filter((c) => c.startsWith('A41'))).toEqual([]);
    expect(stay).toContain('D701');
    expect(read('Hospital course: SIRS on arrival but did not meet criteria for sepsis; treated for UTI.', 'inpatient', 70).filter((c) => c.startsWith('A41'))).toEqual([]);
  });

  it('reads a symptom the note puts down as part of a stated diagnosis as that diagnosis, however hedged the link', () => {
    const codes = read('Assessment:\n1. Major depressive disorder, single episode, moderate - start sertraline.\n2. Worry / somatic complaints - likely part of depressive picture; r/o GAD.', 'outpatient', 15, 'F');
    expect(codes).toContain('F321');
    expect(codes).not.toContain('R4582');
    // Part of a diagnosis in doubt: the symptom is the code.
    expect(read('Assessment: 2. Fatigue - part of possible hypothyroidism, TSH pending.', 'outpatient', 50, 'F')).toContain('R5383');
  });

  it('reads the spine\'s degenerative changes as no spinal cord degeneration, and so no dementia in another disease', () => {
    const codes = read('HPI: 92F w/ dementia from memory care, unwitnessed fall.\nCT C-spine: degenerative changes, no fx.\nDx: fall w/ scalp hematoma; dementia.', 'outpatient', 92, 'F');
    expect(codes.filter((c) => c.startsWith('G31') || c.startsWith('F02'))).toEqual([]);
    expect(codes).toContain('F0390');
  });
});

describe('local engine: probe notes, thirty-first session (fractures, discs, joints)', () => {
  it('codes a fragility fracture at the site the injury names, with no injury code beside it', () => {
    expect(read("Impression: Closed L distal radius (Colles') fracture - low-energy fall from standing in pt with known osteoporosis, i.e., fragility fracture.", 'outpatient', 74, 'F').filter((c) => /^(M80|S52)/.test(c))).toEqual(['M80032A']);
    expect(read('Imp: Acute T12 osteoporotic compression fx, low energy mechanism, in pt with known age-related osteoporosis.', 'outpatient', 78, 'F').filter((c) => /^(M80|S22)/.test(c))).toEqual(['M8008XA']);
    expect(read('Assessment: 1. Closed displaced intertrochanteric fracture, R femur -- fragility fracture in pt with known age-related osteoporosis.', 'inpatient', 88, 'F').filter((c) => /^(M80|S72)/.test(c))).toEqual(['M80051A']);
    // A fracture from a crash in a chart without osteoporosis stays an injury.
    expect(read('Assessment: Closed L distal radius fracture after MVC.', 'outpatient', 40)).toContain('S52502A');
  });

  it('reads several rib fractures as multiple, one as one', () => {
    expect(read('Assessment: 2. L rib fractures 4-7 (lateral), nondisplaced.', 'inpatient', 40)).toContain('S2242XA');
    expect(read('Assessment:\n- L rib fx x4 (4-7), closed', 'inpatient', 40)).toContain('S2242XA');
    expect(read('Assessment: left rib fracture, closed.', 'inpatient', 40)).toContain('S2232XA');
  });

  it('codes a cervical disc disorder at the level its own words name', () => {
    expect(read('MRI: C5-6 L paracentral disc herniation, impinging L C6 root. Mild degenerative changes C6-7 w/o stenosis.\nAssessment:\n- C5-6 disc herniation w/ L C6 radiculopathy, correlates w/ exam and MRI', 'outpatient', 45)).toContain('M50122');
    expect(read('Assessment: Cervical radiculopathy due to C6-C7 disc protrusion.', 'outpatient', 45)).toContain('M50123');
    // Of two levels, the most superior (M50's "code to the most superior level of disorder").
    expect(read('Assessment: C5-6 and C6-7 disc herniations with radiculopathy.', 'outpatient', 45)).toContain('M50122');
  });

  it('reads an infected joint replacement as the prosthesis\'s infection, with no status or arthritis beside it', () => {
    const codes = read('Assessment: 1. Periprosthetic joint infection L THA, MSSA - s/p DAIR, cefazolin x 6 wks.', 'inpatient', 71, 'F');
    expect(codes).toContain('T8452XA');
    expect(codes.filter((c) => c.startsWith('M00') || c.startsWith('Z9664'))).toEqual([]);
  });
});

describe('local engine: probe notes, thirty-first session (combinations and codes that say more)', () => {
  it('codes a hemiparesis left by an old MCA infarct as the infarct\'s sequela, by the side and dominance said', () => {
    const snf = read('86 y/o R-handed man, old R MCA infarct with L hemiplegia, bedbound.\nPlan:\n- Hemiplegia: PT for positioning, splint.', 'outpatient', 86);
    expect(snf).toContain('I69354');
    expect(snf.filter((c) => c.startsWith('G81'))).toEqual([]);
    const clinic = read('Assessment: 1. Spastic R (dominant) hemiparesis, late effect of L MCA infarct - s/p BoNT today; continue baclofen.', 'outpatient', 63);
    expect(clinic).toContain('I69351');
    expect(clinic.filter((c) => c.startsWith('G81') || c === 'Z8673')).toEqual([]);
  });

  it('codes Parkinson disease with its dyskinesia and motor fluctuations, and without when denied', () => {
    const codes = read('Interval: predictable wearing-off before each dose. Mild peak-dose dyskinesias.\nAssessment: 1. Parkinson disease with motor fluctuations and peak-dose dyskinesia. Fractionate levodopa.', 'outpatient', 74);
    expect(codes.filter((c) => /^G2[04]/.test(c))).toEqual(['G20B2']);
    expect(read("HPI: No dyskinesias and no wearing-off or on/off fluctuations.\nAssessment: 1. Parkinson's disease. Continue carbidopa/levodopa.", 'outpatient', 74).filter((c) => /^G2[04]/.test(c))).toEqual(['G20A1']);
  });

  it('reads a major neurocognitive disorder as the dementia, with the severity and psychosis its line gives', () => {
    const codes = read('Impression: Major NCD with Lewy bodies, moderate, with psychotic disturbance (VH + paranoid delusions). RBD.\nPlan: quetiapine 12.5 mg qhs.', 'outpatient', 83);
    expect(codes).toContain('F02B2');
    expect(codes).toContain('G3183');
    expect(codes.filter((c) => c === 'F22' || c.startsWith('R44'))).toEqual([]);
  });

  it('reads chemotherapy that caused a mucositis as antineoplastic therapy', () => {
    expect(read('Assessment: 2. Chemotherapy-induced oral mucositis - magic mouthwash.', 'inpatient', 56, 'F')).toContain('K1231');
    expect(read('Assessment: Oral mucositis due to chemotherapy.', 'inpatient', 56, 'F')).not.toContain('K1232');
  });

  it('keeps the type of heart failure beside the end-stage heart failure whose note asks for it', () => {
    const codes = read('Terminal dx: end-stage heart failure with reduced EF, NYHA IV.\nAssessment: progressive HFrEF despite max tolerated therapy; hospice recertified.', 'outpatient', 84);
    expect(codes).toContain('I5084');
    expect(codes.some((c) => c.startsWith('I502'))).toBe(true);
  });

  it('shows no overweight beside the obesity the assessment names, nor an irritant dermatitis beside the diaper dermatitis it is', () => {
    expect(read('Exam: overweight habitus.\nAssessment: 2. Class 2 obesity - counseled on nutrition and activity.', 'outpatient', 4)).not.toContain('E663');
    const skin = read('A/P:\n3. Irritant diaper dermatitis - zinc oxide barrier with every change.', 'outpatient', 0, 'F');
    expect(skin).toContain('L22');
    expect(skin).not.toContain('L249');
  });
});
