// Regressions found by the thirtieth session's probe notes (tests/fixtures/probe-notes/round30.jsonl) and
// findings left open from round 29.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read } = noteReaders();

describe('local engine: probe notes, thirtieth session (what is not the patient\'s condition)', () => {
  it('reads an item\'s own "Ruled out." as the verdict on the doubt its label names, and only on a doubt', () => {
    const course = 'Hosp course:\n- PNA: considered on adm given effusions; afebrile, no leukocytosis, no infiltrate. Ruled out, no abx.\n- Gout: flare of the L knee, colchicine. Ruled out septic joint by tap.\n- UTI: possible on adm. Ruled out pyelonephritis; treated cystitis with ceftriaxone.';
    const codes = read(course, 'inpatient', 68);
    expect(codes).not.toContain('J189');
    // A diagnosis the item made stays; a verdict followed by what it rules out speaks of that.
    expect(codes.some((c) => c.startsWith('M10'))).toBe(true);
    expect(codes.some((c) => c.startsWith('N30'))).toBe(true);
  });

  it('reads no recurrent problem the note says is not there now, nor a topic the patient asks about or was counseled on', () => {
    expect(read('Impression/Plan\n2. Recurrent UTI, currently none - start vaginal estradiol cream for prevention.', 'outpatient', 71, 'F')).not.toContain('N390');
    expect(read('A/P:\n4. Pt asks about ADHD - will screen at next visit.', 'outpatient', 34, 'F').filter((c) => c.startsWith('F90'))).toEqual([]);
    expect(read('A/P:\n2. Chronic HCV on treatment, week 4. Pt counseled re: hepatitis sx and alcohol avoidance.', 'outpatient', 44)).not.toContain('K759');
  });

  it('reads a story\'s "did have" dated years back as history, and the reason for a procedure done in an earlier year as past', () => {
    expect(read('Reason for referral: gross hematuria\n\n62 year old man with one episode of painless gross hematuria 3 weeks ago. He did have a kidney stone in 2015 which passed spontaneously.', 'outpatient', 62)).not.toContain('N200');
    const past = read("71-year-old woman with postablative hypothyroidism after radioactive iodine for Graves' disease in 2010. He had a Roux-en-Y gastric bypass in 2015 for severe obesity.", 'outpatient', 71, 'F');
    expect(past).toContain('E890');
    expect(past.filter((c) => c.startsWith('E05') || c.startsWith('E66'))).toEqual([]);
    // A procedure done this year leaves its reason.
    expect(read('Lumpectomy for breast cancer in 2026, now on tamoxifen.', 'outpatient', 60, 'F').some((c) => c.startsWith('C50'))).toBe(true);
  });

  it('reads a test to be repeated as a test, not the disease it looks for, though a repeated test\'s finding is one', () => {
    const plan = read('Plan: PrEP counseling done. Repeat HIV/HCV at 3 mo. RTC prn.', 'outpatient', 34, 'F');
    expect(plan).not.toContain('B20');
    expect(plan).not.toContain('B1920');
    expect(read('Hospital course: Repeat CT showed pneumonia of the right lower lobe.', 'inpatient', 70)).toContain('J189');
  });

  it('reads no long-term aspirin from "aspirin-exacerbated respiratory disease"', () => {
    expect(read('Impression:\n4. Possible aspirin-exacerbated respiratory disease - no history to support at this time.', 'outpatient', 45, 'F')).not.toContain('Z7982');
  });

  it('reads a nasal MRSA colonization and a nares screen as a carrier, not an MRSA infection', () => {
    const codes = read('ED nares PCR: MRSA positive.\nA/P:\n#2 MRSA nasal colonization - mupirocin nasal BID x 5 d, chlorhexidine washes.', 'outpatient', 34, 'F');
    expect(codes).toContain('Z22322');
    expect(codes).not.toContain('A4902');
  });

  it('reads no infection from a negative "infectious workup", though a symptom\'s negative workup leaves the symptom', () => {
    expect(read('A/P:\n1. DKA, T1DM, w/o coma. Infectious w/u neg. Pregnancy neg.', 'inpatient', 24, 'F')).not.toContain('B999');
    expect(read('A/P: Chest pain workup negative; likely musculoskeletal.', 'outpatient', 50)).toContain('R079');
  });
});

describe('local engine: probe notes, thirtieth session (words read right)', () => {
  it('gives a side before "with" to the first condition, not to the metastases the "with" adds', () => {
    const codes = read('Assessment: Clear cell carcinoma of the left kidney with pulmonary and bone metastases. Started pembrolizumab.', 'outpatient', 63);
    expect(codes).toContain('C642');
    expect(codes).toContain('C7800');
    expect(codes).not.toContain('C7802');
  });

  it('codes H. pylori as the cause of the chart\'s ulcer said in another sentence (B96.81), not as an intestinal infection', () => {
    const codes = read('Hospital course: Upper GI bleed from duodenal ulcer, clipped at EGD. Biopsies from the gastric antrum were positive for Helicobacter pylori.\nH. pylori infection. Started bismuth quadruple therapy for 14 days.', 'inpatient', 63);
    expect(codes).toContain('K264');
    expect(codes).toContain('B9681');
    expect(codes).not.toContain('A048');
    // Without a disease it causes, the infection is the code.
    expect(read('A/P: H. pylori infection on stool antigen; dyspepsia resolved. Start quadruple therapy.', 'outpatient', 40)).toContain('A048');
  });
});

describe('local engine: probe notes, thirtieth session (codes that say more)', () => {
  it('reads a treated latent TB as its own history (Z86.15), not tuberculosis disease', () => {
    const codes = read('A/P:\n4. Hx latent TB, treated - annual symptom screen, CXR if symptoms.', 'outpatient', 60, 'F');
    expect(codes).toContain('Z8615');
    expect(codes).not.toContain('Z8611');
    expect(codes).not.toContain('Z227');
  });

  it('reads a lone vertebral level before its fracture as the vertebra (M80.08-), with no collapsed vertebra NEC beside it', () => {
    const codes = read('Assessment: 1. Age-related osteoporosis with T12 pathological (fragility) fracture, routine healing.\n2. Osteoporosis with L1 compression fracture, new.', 'outpatient', 71, 'F');
    expect(codes.some((c) => c.startsWith('M8008'))).toBe(true);
    expect(codes.filter((c) => c.startsWith('M8000') || c.startsWith('M485'))).toEqual([]);
  });

  it('reads nasal polyposis as nasal polyps (J33.9)', () => {
    expect(read('Impression:\n1. Chronic rhinosinusitis with nasal polyposis - pansinusitis on CT.', 'outpatient', 45, 'F')).toContain('J339');
  });

  it('codes an ulcerative colitis with the complication its list names, in the type said elsewhere in the chart', () => {
    const codes = read('31F w/ ulcerative pancolitis (dx 2020) on infliximab, here for flare.\nA/P:\n1) UC, pancolitis, moderate flare w/ rectal bleeding - escalate infliximab.', 'outpatient', 31, 'F');
    expect(codes).toContain('K51011');
    expect(codes.filter((c) => ['K5100', 'K5190', 'K51911', 'K529', 'K625'].includes(c))).toEqual([]);
    expect(read('A/P: 1) UC, moderate flare w/ rectal bleeding - start prednisone.', 'outpatient', 31, 'F')).toContain('K51911');
  });

  it('takes the childbirth code of a complication when she delivered during the stay, and reads PPH as postpartum hemorrhage', () => {
    const stay = 'LABOR & DELIVERY - DISCHARGE SUMMARY\nAdmit: 37w2d.\nHospital course: preeclampsia w/o severe features, IOL. SVD of liveborn female. Delivery c/b PPH: uterine atony after placenta delivered.\nDischarge diagnoses:\n1. Preeclampsia without severe features\n2. PPH due to uterine atony';
    const codes = read(stay, 'inpatient', 27, 'F');
    expect(codes).toContain('O1404');
    expect(codes).toContain('O721');
    expect(codes.filter((c) => c.startsWith('O149') || c === 'O1403')).toEqual([]);
    // Before delivery, the trimester's code.
    expect(read('27 yo G1P0 at 34w1d. Preeclampsia without severe features - BP checks twice weekly, NST weekly.', 'outpatient', 27, 'F')).toContain('O1403');
  });

  it('shows no vaguer code beside the one the chart names: eczema beside atopic dermatitis, seasonal beside pollen rhinitis, COVID-19 beside post-COVID, infection NOS beside the infection, colitis beside UC', () => {
    expect(read('15 yo with lifelong "eczema".\nAssessment: 1. Atopic dermatitis, moderate - flexural eczema distribution.', 'outpatient', 15)).not.toContain('L309');
    expect(read('Impression: 3. Seasonal allergic rhinitis due to pollen.', 'outpatient', 45, 'F')).not.toContain('J302');
    const covid = read('Ref by PCP for persistent sx after COVID-19 infection 5 months ago.\nA/P: Post-COVID-19 condition with fatigue and exertional dyspnea.', 'outpatient', 41, 'F');
    expect(covid).toContain('U099');
    expect(covid).not.toContain('U071');
    expect(read('A/P: Spontaneous bacterial peritonitis - ceftriaxone. AKI prerenal in setting of infection/poor PO.', 'inpatient', 58)).not.toContain('B999');
  });
});

describe('local engine: probe notes, thirtieth session (hospital stays and clinics)', () => {
  it('reads "IV" before a drug or after a dose as the route, not stage IV', () => {
    const codes = read('HOSPITAL COURSE\n1. Acute on chronic diastolic HF / hypertensive heart and kidney disease: IV furosemide 80 mg BID. CKD stage 3b, baseline Cr 1.6.', 'inpatient', 74, 'F');
    expect(codes).not.toContain('N184');
    expect(codes).toContain('N1832');
    expect(read('A/P: CKD IV with anemia - ESA per nephrology.', 'outpatient', 70)).toContain('N184');
  });

  it('reads urinary retention due to BPH as BPH with LUTS (N40.1) and the retention its note asks for (R33.8)', () => {
    const codes = read('Course:\n3. Acute urinary retention due to BPH - Foley, continue tamsulosin. Possible acute prostatitis was considered - prostate nontender on gentle exam.', 'inpatient', 76);
    expect(codes).toContain('N401');
    expect(codes).toContain('R338');
    expect(codes).not.toContain('N400');
    // A possible diagnosis only weighed is no diagnosis at discharge.
    expect(codes).not.toContain('N410');
  });

  it('reads a partner\'s "+chlamydia" as the partner\'s, not the patient\'s infection', () => {
    expect(read('UC visit\n24M dysuria + urethral d/c x3d. F partner +chlamydia (told him 2d ago).\nImp: urethritis - NAAT pending.', 'outpatient', 24).filter((c) => c.startsWith('A74') || c.startsWith('A56'))).toEqual([]);
  });

  it('reads the nasal ala as the nose: a BCC there is C44.311, a lesion there a skin lesion, and SKs seborrheic keratoses', () => {
    const codes = read('A/P:\n1. BCC L nasal ala, nodular type - Mohs referral.\n2. SKs back - benign, no tx.', 'outpatient', 74);
    expect(codes).toContain('C44311');
    expect(codes).toContain('L821');
    expect(codes).not.toContain('C4491');
    const lesion = read('A/P:\n2. Lesion L nasal ala - shave biopsy, will call w/ path.', 'outpatient', 67);
    expect(lesion).toContain('L989');
    expect(lesion).not.toContain('J3489');
  });

  it('ends a stay\'s diagnosis given on its label\'s line at the blank line, and reads a course\'s dashed items as its assessment', () => {
    const stay = 'HOSPITAL DISCHARGE SUMMARY\n\nPrincipal dx: Diabetic ketoacidosis, type 1 DM\n\n24 y/o M with T1DM. 2 days of N/V, watery diarrhea, crampy abd pain; roommate had a similar illness.\n\nCourse:\n- DKA: IV fluids, insulin infusion per protocol.\n- N/V/diarrhea: likely viral gastroenteritis; symptoms resolved by HD2.\n- Initial K 5.4 was attributed to acidosis and resolved with treatment.';
    const codes = read(stay, 'inpatient', 24);
    expect(codes).toContain('E1010');
    expect(codes).toContain('A084');
    expect(codes.filter((c) => ['R197', 'R112', 'R109', 'E8720'].includes(c))).toEqual([]);
  });

  it('reads insulin rationed or stretched for cost as its underdosing, by the analogue\'s name too', () => {
    const codes = read('HPI: T1DM on glargine and lispro. Lost insurance; ran out of glargine 5 days ago and has been rationing lispro b/c couldn\'t afford refills.\nA/P: DKA - insulin drip.', 'inpatient', 24, 'F');
    expect(codes).toContain('T383X6A');
    expect(codes).toContain('Z91120');
  });

  it('shows membranous nephropathy with nephrotic syndrome alone, not the plain membranous nephropathy beside it', () => {
    const codes = read('Nephrology f/u - membranous nephropathy\n41 y/o M, biopsy-proven membranous nephropathy.\nA/P:\n1. Primary membranous nephropathy with nephrotic syndrome - partial response to rituximab.', 'outpatient', 41);
    expect(codes).toContain('N0421');
    expect(codes.filter((c) => c.startsWith('N06'))).toEqual([]);
  });
});

describe('local engine: probe notes, thirtieth session (problem-oriented notes and specialists)', () => {
  it('reads a numbered problem\'s paragraph as assessed, with its MEAT anywhere on the line, and a healed fracture in osteoporosis as Z87.310', () => {
    const note = 'PCP/RHEUMATOLOGY VISIT. 70-year-old woman.\n\nProblem 1: Rheumatoid arthritis, seropositive (RF+, anti-CCP+), involving both hands. No extra-articular disease; HRCT showed no interstitial lung disease. Methotrexate 15 mg weekly. Prednisone 5 mg daily for 3 years; prior tapers below 5 mg failed. Today two right MCPs have synovitis.\n\nProblem 2: Age-related osteoporosis. She fractured her left hip in a fragility fall in 2021; it is healed. Given the prior hip fracture, discuss an anabolic agent. Alendronate weekly.\n\nProblem 3: Latent TB infection, treated with 4 months of rifampin in 2019. No action needed.';
    const codes = read(note, 'outpatient', 70, 'F');
    expect(codes).toContain('M059');
    expect(codes).toContain('Z7952');
    expect(codes).toContain('Z87310');
    expect(codes).toContain('Z8615');
    expect(codes.filter((c) => ['Z8781', 'Z227', 'M6590'].includes(c))).toEqual([]);
  });

  it('codes the hypoglycemia\'s level beside the diabetes with hypoglycemia (E16.A2 with E11.649), and reads no TAR syndrome from a CGM\'s time above range', () => {
    const codes = read('CGM download: TIR 64%, TAR 31%, TBR 5%.\nA/P: T2DM with level 2 hypoglycemia - reduce lispro. Concerned about gastroparesis - gastric emptying study.', 'outpatient', 61, 'F');
    expect(codes).toContain('E11649');
    expect(codes).toContain('E16A2');
    expect(codes).not.toContain('Q872');
    expect(codes).not.toContain('E1143');
  });

  it('reads colorectal cancer as the colon\'s, for a family history too', () => {
    const codes = read('Indication: Screening colonoscopy, increased risk - mother diagnosed with colorectal cancer at age 52.', 'outpatient', 50, 'F');
    expect(codes).toContain('Z800');
    expect(codes).not.toContain('Z809');
  });

  it('reads a TIA dated years back as its history (Z86.73), MR as mitral regurgitation but not before a scan, and an ICD as present unless only offered', () => {
    const device = read('EP/device clinic. 77F.\nTachy-brady/SSS -> DDD PPM 2021. Mod degenerative MR (nonrheumatic). TIA 2019, no residual deficits. Single-chamber ICD for primary prevention (2020).\nA/P: AF rate controlled - cont apixaban. MR - echo 1 yr. ICD - functioning normally.', 'outpatient', 77, 'F');
    expect(device).toContain('Z8673');
    expect(device).not.toContain('G459');
    expect(device).toContain('I340');
    expect(device).toContain('Z95810');
    expect(read('Neuro: MR brain w/o contrast: no acute infarct. A/P: migraine without aura - sumatriptan prn.', 'outpatient', 40, 'F')).not.toContain('I340');
    expect(read('A/P: HFrEF EF 30% - GDMT. Candidate for ICD if EF stays below 35%.', 'outpatient', 68)).not.toContain('Z95810');
    expect(read('A/P: HFrEF EF 30% - GDMT. Repeat echo 2026 to reassess EF and ICD candidacy. Consider AICD if no recovery.', 'outpatient', 68)).not.toContain('Z95810');
  });
});
