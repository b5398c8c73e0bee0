// Regressions found by the thirty-ninth session's probe notes (tests/fixtures/probe-notes/round39.jsonl):
// orthopedic trauma and injuries; eye, ENT and dental care; risk-adjustment chronic care; hospital medicine.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();

describe('local engine: probe notes, thirty-ninth session (injuries)', () => {
  it('reads "fx" after a fracture\'s kind, and a scaphoid fracture as the wrist\'s navicular', () => {
    expect(read('A/P:\n1. Closed displaced trimalleolar fx, R ankle - splinted, ortho in 3 days.', 'outpatient', 66, 'F')).toContain('S82851A');
    expect(read('Assessment: L distal radius torus fx - healing as expected, cast removed.', 'outpatient', 7, 'F')).toContain('S52522D');
    expect(read('Impression: right scaphoid fx, thumb spica cast applied.', 'outpatient', 22, 'M')).toContain('S62001A');
  });

  it('reads a laceration of the palm with a foreign body as the hand\'s, "FB" included, and no foreign body where none was found', () => {
    expect(read('Dx:\n1. Laceration R palm w/ retained wood FB - removed, repaired.', 'outpatient', 30, 'M')).toContain('S61421A');
    const none = read('Dx:\n1. Laceration L palm, no FB on x-ray - repaired.', 'outpatient', 30, 'M');
    expect(none).toContain('S61412A');
    expect(none).not.toContain('S61422A');
  });

  it("reads falls beside today's injury as a history of falling, not repeated falls", () => {
    const note = 'HPI: 80F tripped on a rug at home.\nA/P:\n1. Closed displaced fracture of left femoral neck - ortho consult.\n2. Recurrent falls (three this year) - PT and home safety evaluation.';
    const codes = read(note, 'outpatient', 80, 'F');
    expect(codes).toContain('Z9181');
    expect(codes).not.toContain('R296');
    // Falls worked up for their own cause stay repeated falls.
    expect(read('Geriatrics consult.\nA/P:\n1. Recurrent falls - multifactorial: orthostasis and neuropathy. PT, stop doxazosin.', 'outpatient', 84, 'F')).toContain('R296');
  });

  it('reads a Gustilo type III open fracture as its own initial encounter, and a loss of consciousness "<30 min"', () => {
    expect(read('Dx: Open fracture L tibial shaft, comminuted, displaced, Gustilo IIIB - I&D and ex-fix today.', 'inpatient', 40, 'M')).toContain('S82252C');
    expect(read('Dx: Open fracture L tibial shaft, comminuted, displaced, Gustilo II - I&D today.', 'inpatient', 40, 'M')).toContain('S82252B');
    // A bone whose open fractures have no types keeps its one open code.
    expect(read('Dx: open fracture of right 5th metatarsal, Gustilo type IIIA.', 'outpatient', 35, 'M')).toContain('S92351B');
    expect(read('Final diagnoses:\n1. Concussion with LOC <30 min\n2. Forehead laceration', 'inpatient', 25, 'M')).toContain('S060X1A');
  });

  it('reads a full-thickness rotator cuff tear as complete, a dressing that does not stick as no noncompliance, and a worse course as no diagnosis', () => {
    const cuff = read('Assessment:\n1. Nontraumatic full-thickness rotator cuff tear, L shoulder. PT referral.', 'outpatient', 64, 'M');
    expect(cuff).toContain('M75122');
    expect(cuff).not.toContain('M75102');
    expect(read('A/P: 1. R forearm abrasion - cleaned, bacitracin, nonadherent dressing.', 'outpatient', 30, 'F').filter((c) => c.startsWith('Z911'))).toEqual([]);
    expect(read('A/P: 1. Cat bite cellulitis, R hand - doxycycline. Go to the ED if worse (would need evaluation for septic joint).', 'outpatient', 50, 'F')).not.toContain('M009');
  });
});

describe('local engine: probe notes, thirty-ninth session (eye, ear and mouth)', () => {
  it('reads a lid condition of both lids of each eye as the upper-and-lower-lid code', () => {
    const codes = read('A/P\n1. MGD OU, upper and lower lids - warm compresses, lid hygiene.', 'outpatient', 60, 'F');
    expect(codes).toEqual(expect.arrayContaining(['H0288A', 'H0288B']));
    expect(codes).not.toContain('H02883');
  });

  it('reads a cataract the provider says is not diabetic as age-related, and a staged retinopathy with macular edema alone', () => {
    const note =
      'Impression:\n1. Type 2 diabetes with severe nonproliferative diabetic retinopathy with macular edema, left eye. Macular edema on OCT.\n2. Nuclear cataract, right eye. I do not consider it a diabetic cataract.';
    const codes = read(note, 'outpatient', 66, 'M');
    expect(codes).toEqual(expect.arrayContaining(['E113412', 'H2511']));
    expect(codes.filter((c) => /^(E1136|E11311|H3581|H269)$/.test(c))).toEqual([]);
  });

  it("reads a mandibular fracture as the mandible's, and a malocclusion's open bite as no bite wound", () => {
    const note = 'Diagnoses:\n1. Open fracture R mandibular angle\n2. Closed fracture L mandibular subcondylar process\nExam: step-off at the R angle, open bite on the L, 2 cm lip laceration.';
    const codes = read(note, 'inpatient', 26, 'M');
    expect(codes).toEqual(expect.arrayContaining(['S02651B', 'S02622A']));
    expect(codes.filter((c) => /^S0[01]\d5/.test(c))).toEqual([]);
  });

  it('reads a rhegmatogenous detachment with one tear, a hearing aid worn, a TM perforation and the vocal folds', () => {
    expect(read('Assessment:\n1. Macula-off rhegmatogenous retinal detachment OD with single horseshoe tear.', 'outpatient', 60, 'M')).toContain('H33011');
    expect(read('Assessment:\n1. Bilateral sensorineural hearing loss.\n2. Hearing aid user, R.', 'outpatient', 75, 'F')).toContain('Z974');
    expect(read('Assessment:\n1. Central TM perforation, right ear, dry.', 'outpatient', 40, 'M').some((c) => c.startsWith('H720'))).toBe(true);
    expect(read('Assessment:\n1. Bilateral vocal fold nodules - voice therapy.', 'outpatient', 35, 'F')).toContain('J382');
  });

  it('reads a vestibular neuritis as the vestibular neuronitis, its nystagmus as its sign', () => {
    const codes = read('Exam: left-beating nystagmus, abnormal head impulse test to the right.\nImpression: Right vestibular neuritis, acute. Vestibular rehab.', 'outpatient', 50, 'F');
    expect(codes).toContain('H8121');
    expect(codes.filter((c) => /^(M792|H550)/.test(c))).toEqual([]);
  });

  it("reads caries by surface and depth, a sleep bruxism, and a toothache or sore throat as the named disease's", () => {
    const dental = read('Diagnoses:\n1. Dental caries #3 (pit and fissure, into dentin).\n2. Sleep bruxism - night guard.', 'outpatient', 30, 'M');
    expect(dental).toEqual(expect.arrayContaining(['K0252', 'G4763']));
    expect(read('CC: toothache\nDx:\n1. Periapical abscess #30, without sinus tract - amoxicillin, dental referral.', 'outpatient', 40, 'F')).not.toContain('K0889');
    expect(read('CC: sore throat x4 days\nPrincipal diagnosis: Right peritonsillar abscess - drained.', 'inpatient', 25, 'M')).not.toContain('J029');
  });
});

describe('local engine: probe notes, thirty-ninth session (chronic care and hospital medicine)', () => {
  it('keeps a steroid the plan will taper later as long-term, and reads an anemia of malignancy but no anemia from "disease control"', () => {
    expect(read('Impression:\n1. RA, seropositive, on long-term low-dose prednisone 5 mg and methotrexate. Once the biologic works we will try to taper prednisone off.', 'outpatient', 60, 'F')).toContain('Z7952');
    expect(read('Plan: I expect the anemia to improve with better disease control. Anemia of chronic disease.', 'outpatient', 60, 'F')).not.toContain('D630');
    expect(read('A: anemia of malignancy - transfuse if Hgb < 7.', 'outpatient', 60, 'F')).toContain('D630');
  });

  it('reads a "Problems:" list with plans as the assessment', () => {
    const note =
      'HEPATOLOGY FOLLOW-UP\n64M with alcohol-related cirrhosis. Appetite poor; down 9 lb.\nExam: temporal wasting. Spleen tip palpable.\nLabs: plt 78K, albumin 3.0.\n\nProblems:\n1. Alcoholic cirrhosis w/ ascites - controlled on spironolactone.\n2. Thrombocytopenia secondary to splenic sequestration - stable, no bleeding.\n3. Moderate protein-calorie malnutrition - agree w/ dietitian; oral supplement bid.';
    // As shipped: read outside the assessment, the learned threshold drops them.
    expect(shown(note, 'outpatient', 64, 'M')).toEqual(expect.arrayContaining(['K7031', 'E440', 'D6959']));
  });

  it('reads a drug the chart blames for a condition, then stopped, as its adverse effect, not underdosing', () => {
    const note = 'He had been taking naproxen for back pain. He stopped naproxen two days ago.\nImpression:\n1. Acute kidney injury due to NSAID (naproxen), improving.';
    const codes = read(note, 'outpatient', 60, 'M');
    expect(codes).toContain('T39315A');
    expect(codes.filter((c) => c === 'T39316A' || c.startsWith('Z9114'))).toEqual([]);
  });

  it('reads a recurrent C. difficile colitis as recurrent beside an earlier episode, and a cause "possible but" not assessed as uncertain', () => {
    const cdiff = read('HPI: C. diff colitis 11/2025, treated with vancomycin.\nA/P\n1. Recurrent C. difficile colitis, first recurrence - fidaxomicin.', 'outpatient', 70, 'F');
    expect(cdiff).toContain('A0471');
    expect(cdiff).not.toContain('A0472');
    expect(read('MDM: Hyponatremia, thiazide-induced. SIADH possible but cannot assess while on thiazide.', 'outpatient', 80, 'F')).not.toContain('E222');
  });

  it("reads a wound list's sites and stages as pressure ulcers, not an item number as a stage, and hemorrhoids by their degree alone", () => {
    const note = 'Wound care visit for pressure injuries.\n#1 Sacrum - stage 4 pressure injury, 3 x 3 cm.\n#2 Right heel - stage 2, 1 x 1 cm.\n#3 Left ischium - previously stage 2, now healed.\nA/P: offload, NPWT to sacrum. Osteomyelitis is a concern given depth - MRI to evaluate.';
    const codes = read(note, 'outpatient', 84, 'M');
    expect(codes).toEqual(expect.arrayContaining(['L89154', 'L89612']));
    expect(codes.filter((c) => /^(L89151|L8932|M86)/.test(c))).toEqual([]);
    const scope = read('Findings: small grade I internal hemorrhoids.\nImpression: Grade I internal hemorrhoids.', 'outpatient', 60, 'M');
    expect(scope).toContain('K640');
    expect(scope).not.toContain('K648');
  });

  it("reads a deficit \"due to old infarct\" as the old stroke's, and a diabetes drug the discharge resumes as taken", () => {
    const stroke = 'S: s/p L MCA ischemic stroke 3/2025.\nA:\n1. Oropharyngeal dysphagia d/t old infarct - modified diet, SLP.';
    expect(read(stroke, 'outpatient', 70, 'M')).toEqual(expect.arrayContaining(['I69391', 'R1312']));
    const course = 'A/P:\n1. T2DM with hyperglycemia - sliding-scale insulin, which was stopped when steroids finished; resumes home metformin 500 mg BID.';
    expect(read(course, 'outpatient', 70, 'M')).toContain('Z7984');
  });

  it('reads no blood disease from a disease\'s "BP", no hives from an allergy\'s reaction, and a device dated by its placement or an AKA after its side as status', () => {
    expect(read('A/P:\n2. Hypertensive heart and kidney disease - BP at goal on losartan.', 'outpatient', 78, 'F')).not.toContain('D759');
    const allergy = read('A/P:\n1. Acute cystitis - nitrofurantoin. Avoid beta-lactams given PCN allergy hx w/ hives.', 'outpatient', 67, 'F');
    expect(allergy).toContain('Z880');
    expect(allergy.filter((c) => c.startsWith('L50'))).toEqual([]);
    expect(read('S: Pacemaker (placed 2021 for sick sinus) - device check normal.\nA/P: 1. Chronic diastolic heart failure - torsemide.', 'outpatient', 78, 'F')).toContain('Z950');
    expect(read('A:\n6. s/p R AKA - stump healthy.', 'outpatient', 74, 'M')).toContain('Z89611');
    expect(read('Meds: metoprolol succinate (AKA Toprol XL).\nA: 1. HTN.', 'outpatient', 74, 'M').filter((c) => c.startsWith('Z896'))).toEqual([]);
  });

  it("reads an agent named beside its infection as its cause code, unless the infection's own code names it or the agent is only carried", () => {
    expect(read('Principal diagnosis: Left peritonsillar abscess\nSecondary: Group A streptococcus (culture); dehydration', 'inpatient', 30, 'M')).toContain('B950');
    expect(read('Discharge diagnoses:\n1. Right lower lobe pneumonia due to Streptococcus pneumoniae.', 'inpatient', 70, 'M')).not.toContain('B953');
    expect(read('Newborn exam. Mom GBS+ w/ adequate IAP.\nA: healthy term newborn, neonatal jaundice.', 'outpatient', 0, 'F')).not.toContain('B951');
    const seeded = read('Dx:\n1. Sepsis due to E. coli\n2. UTI due to E. coli, pan-sensitive', 'inpatient', 80, 'F');
    expect(seeded).toEqual(expect.arrayContaining(['A4151', 'N390', 'B9620']));
  });
});
