// Regressions found by the thirty-sixth session's probe notes (tests/fixtures/probe-notes/round36.jsonl):
// pulmonology and critical care, infectious disease and travel medicine, wound care and burns,
// hematology, addiction medicine and chronic pain.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read } = noteReaders();

describe('local engine: probe notes, thirty-sixth session (long-term drugs with no Z79 code of their own)', () => {
  it('reads antiretroviral, antiseizure, antipsychotic and stimulant therapy as other long-term drug therapy', () => {
    expect(read('Assessment:\n1. HIV, suppressed on Biktarvy, VL <20. Continue.', 'outpatient', 39, 'M')).toContain('Z79899');
    expect(read('Assessment:\n1. Focal epilepsy, seizure-free on lamotrigine 200 mg BID. Continue, level today.', 'outpatient', 34, 'F')).toContain('Z79899');
    expect(read('Assessment:\n1. ADHD, combined type - continue methylphenidate ER 36 mg.', 'outpatient', 12, 'M')).toContain('Z79899');
  });

  it('reads no long-term therapy from a drug taken as needed, a second-line choice, or one to avoid', () => {
    expect(read('Meds: metformin 1000 bid, ondansetron/olanzapine prn.\nAssessment: T2DM, continue metformin.', 'outpatient', 70, 'M')).not.toContain('Z79899');
    expect(read('Assessment:\n1. Hallucinations, non-distressing. If distressing, pimavanserin preferred, low-dose quetiapine 2nd line.', 'outpatient', 78, 'M')).not.toContain('Z79899');
    expect(read('Assessment: Dengue fever without warning signs.\nPlan: Avoid NSAIDs/aspirin.', 'outpatient', 27, 'M')).not.toContain('Z7982');
    // A nasal steroid is no inhaled one (Z79.51).
    expect(read('Assessment: Chronic cough.\nPlan: Fluticasone nasal spray 2 sprays each nostril daily.', 'outpatient', 55, 'F')).not.toContain('Z7951');
  });

  it('reads a drug the patient ran out of for cost as its underdosing, and a list of drugs not taken as none', () => {
    const note = 'HPI: Ran out of her fluticasone HFA 3 wks ago - could not afford the copay.\nA/P: 1. Moderate persistent asthma with acute exacerbation.';
    expect(read(note, 'outpatient', 27, 'F')).toEqual(expect.arrayContaining(['J4541', 'T380X6A', 'Z91120']));
    const phlebotomy = 'Pre-procedure: feels well. Not taking vitamin C, iron or multivitamin with iron.\nA/P: Hereditary hemochromatosis, maintenance phlebotomy today.';
    expect(read(phlebotomy, 'outpatient', 57, 'M').filter((c) => c.startsWith('T45') || c.startsWith('Z911'))).toEqual([]);
  });
});

describe('local engine: probe notes, thirty-sixth session (what a note says that is no condition)', () => {
  it('reads a return precaution list after a dash as hypothetical, and a bleeding risk or a bleeding base as no hemorrhage', () => {
    const note = 'MDM: Dengue fever without warning signs.\nDispo: Home. Avoid NSAIDs. Strict return precautions - abdominal pain, persistent vomiting, bleeding, lethargy.';
    expect(read(note, 'outpatient', 27, 'M').filter((c) => c.startsWith('R'))).toEqual([]);
    expect(read('A/P: Unprovoked PE, on apixaban. Low bleeding risk (VTE-BLEED low), extend anticoagulation.', 'outpatient', 52, 'M')).not.toContain('R58');
    expect(read('Plan: Excisional debridement of the ulcer to bleeding base, 1.6 sq cm.', 'outpatient', 61, 'M')).not.toContain('R58');
    // A real bleed still reads.
    expect(read('Assessment: Rectal bleeding x 2 days.', 'outpatient', 61, 'M')).toContain('K625');
    // A warning reviewed keeps what it warns of hypothetical, whatever its dash.
    expect(read('A/P: Graves disease on methimazole. Reviewed agranulocytosis warning - stop drug and call for fever.', 'outpatient', 30, 'F')).not.toContain('D709');
  });

  it('reads heavy menstrual bleeding as excessive menstruation and ankle edema as localized edema', () => {
    expect(read('Assessment:\n3. Heavy menstrual bleeding - referral to gynecology.', 'outpatient', 39, 'F')).toContain('N920');
    expect(read('Assessment:\n3. Heavy menstrual bleeding - referral to gynecology.', 'outpatient', 39, 'F')).not.toContain('R58');
    expect(read('Assessment:\n4. Ankle edema - compression stockings.', 'outpatient', 39, 'F')).toEqual(expect.arrayContaining(['R600']));
  });

  it('reads a source patient\'s infections and an exposure as exposures, not the patient\'s diseases', () => {
    const note = 'Source pt: known HIV on ART, HCV Ab positive, HCV RNA pending.\nA/P:\n1. Puncture wound L index finger, contaminated needle.\n2. Exposure to hepatitis C (source HCV Ab+) - baseline HCV Ab today, HCV RNA at 3-6 wk.';
    const codes = read(note, 'outpatient', 31, 'F');
    expect(codes.filter((c) => c === 'B20' || c.startsWith('B17') || c.startsWith('B18') || c.startsWith('B19'))).toEqual([]);
    // A test ordered looks for the disease.
    expect(read('A/P: Chronic hepatitis C, untreated - FibroScan, CMP, HBV serologies, HIV ordered.', 'outpatient', 40, 'M')).not.toContain('B20');
  });

  it('reads a pre-travel visit\'s diseases as the trip\'s risks', () => {
    const note = 'Reason for visit: pre-travel consultation, three weeks in Ghana.\nAssessment and recommendations:\n- Hepatitis A: dose 1 given today.\n- Malaria: atovaquone-proguanil daily.\n- Travelers\' diarrhea: azithromycin to carry.\n- Any fever during travel requires urgent evaluation.';
    const codes = read(note, 'outpatient', 34, 'F');
    expect(codes).toContain('Z7184');
    expect(codes.filter((c) => /^(A|B|R50|R19)/.test(c))).toEqual([]);
  });

  it('reads a QuantiFERON-TB test as no tuberculosis, a negated sepsis as none, and a planned quit as a current smoker', () => {
    expect(read('HPI: positive QuantiFERON-TB Gold Plus on screen.\nA/P: 1. Latent TB infection on rifampin.', 'outpatient', 38, 'F').filter((c) => c.startsWith('A15'))).toEqual([]);
    expect(read('Course: febrile on arrival, cultures negative, and sepsis was not felt to be present.\nDx: Sacral osteomyelitis.', 'inpatient', 44, 'M')).not.toContain('A419');
    const smoker = read('Assessment: Nicotine dependence, cigarettes - high dependence, ready to quit.\nPlan: cessation counseling 25 min, varenicline.', 'outpatient', 49, 'M');
    expect(smoker).toEqual(expect.arrayContaining(['F17210', 'Z716']));
    expect(smoker).not.toContain('Z87891');
  });

  it('reads durable medical equipment as no macular edema, and immunizations up to date as no influenza', () => {
    expect(read('# Severe OSA - excellent adherence on CPAP. Compliance letter to DME.', 'outpatient', 58, 'M')).not.toContain('H3581');
    const copd = read('A/P: 2. COPD, GOLD 2 - stable; continue tiotropium. Flu/pneumococcal UTD.', 'outpatient', 61, 'F');
    expect(copd.filter((c) => c.startsWith('J11') || c === 'J440')).toEqual([]);
  });
});

describe('local engine: probe notes, thirty-sixth session (infections, wounds and burns)', () => {
  it('reads pneumococcal meningitis from its organism and infective endocarditis of any valve as I33.0', () => {
    expect(read('Discharge diagnoses:\n1. Acute bacterial meningitis due to Streptococcus pneumoniae', 'inpatient', 58, 'M')).toContain('G001');
    const endocarditis = read('Discharge diagnoses:\n- Acute tricuspid valve infective endocarditis, MRSA', 'inpatient', 40, 'M');
    expect(endocarditis).toContain('I330');
    expect(endocarditis.filter((c) => c === 'I011' || c === 'I38' || c === 'I079')).toEqual([]);
  });

  it('reads a DFU as a diabetic foot ulcer with its site, and no injury in a wound that is the ulcer', () => {
    expect(read('A:\n1. DFU R plantar 1st met head, fat layer exposed.', 'outpatient', 61, 'M')).toEqual(expect.arrayContaining(['E11621', 'L97512']));
    const arterial = read('Impression:\n1. Atherosclerosis of the native arteries of the left leg with ulcer of the left ankle, fat layer exposed.\nPlan: Wound: non-adherent dressing.', 'outpatient', 69, 'M');
    expect(arterial).toEqual(expect.arrayContaining(['I70243', 'L97322']));
    expect(arterial.filter((c) => c.startsWith('T148') || c === 'I998')).toEqual([]);
  });

  it('reads a full-thickness burn as third degree and a keloid\'s scar and a zoster\'s rash as theirs', () => {
    expect(read('Discharge diagnosis:\n1. Full-thickness burn of the right forearm.', 'inpatient', 38, 'M').filter((c) => c.startsWith('T223'))).not.toEqual([]);
    expect(read('Assessment:\n2. Keloid/hypertrophic scar left upper chest - intralesional triamcinolone.\nExam: raised, firm linear scar.', 'outpatient', 24, 'F')).not.toContain('L905');
    expect(read('Assessment:\n1. Herpes zoster, L T5 dermatome, vesicular rash - valacyclovir.', 'outpatient', 66, 'F')).not.toContain('R21');
    expect(read('Assessment:\n2. Early latent syphilis - asymptomatic. Benzathine PCN given.', 'outpatient', 30, 'M')).not.toContain('A530');
  });
});

describe('local engine: probe notes, thirty-sixth session (what a chart shows together)', () => {
  it('reads a clot the chart says has resolved as its history, beside the anticoagulation that goes on', () => {
    const note = 'A/P:\n1. Unprovoked L popliteal DVT - treatment phase complete, thrombus resolved; duplex: fully recanalized, no residual thrombus.\n2. Continue apixaban 2.5 mg BID indefinitely.';
    const codes = read(note, 'outpatient', 52, 'M');
    expect(codes).toEqual(expect.arrayContaining(['Z86718', 'Z7901']));
    expect(codes.filter((c) => c.startsWith('I82'))).toEqual([]);
    // A clot still there stays acute.
    expect(read('A/P:\n1. Acute L popliteal DVT, partially recanalized. Continue apixaban 5 mg BID.', 'outpatient', 52, 'M').filter((c) => c.startsWith('I824'))).not.toEqual([]);
  });

  it('reads a high INR on warfarin taken as prescribed as its adverse effect', () => {
    const note = 'Interview: no missed or extra doses.\nAssessment: INR supratherapeutic on warfarin taken as prescribed, no bleeding.\nPlan: hold warfarin tonight, then resume.';
    expect(read(note, 'outpatient', 69, 'M')).toEqual(expect.arrayContaining(['R791', 'Z7901', 'T45515A']));
  });

  it('reads the fever of a sickle-cell crisis as R50.81, hydroxyurea as a myelosuppressive agent, and a transfusional iron overload', () => {
    const note = 'Principal diagnosis: Hb SS disease with crisis\nSecondary: fever\nIron overload: transfusional iron overload on chelation.\nDischarge meds: hydroxyurea 1500 mg daily, deferasirox 1080 mg daily.';
    const codes = read(note, 'inpatient', 24, 'M');
    expect(codes).toEqual(expect.arrayContaining(['R5081', 'E83111', 'Z7964']));
    expect(codes).not.toContain('R509');
  });

  it('reads a sacral osteomyelitis as the spine\'s, with no unsited osteomyelitis or wasting beside what explains it', () => {
    const note = 'Principal diagnosis: Sacral osteomyelitis due to stage 4 sacral pressure ulcer, MRSA; pathology: acute and chronic osteomyelitis.\n2. Severe protein-calorie malnutrition with muscle wasting at temples.';
    const codes = read(note, 'inpatient', 56, 'M');
    expect(codes).toEqual(expect.arrayContaining(['M4628', 'L89154', 'E43']));
    expect(codes.filter((c) => c.startsWith('M86') || c === 'M6250')).toEqual([]);
  });

  it('reads a genital herpes with its vulvar ulcers as the one code, and streptococcal meningitis beside pneumococcal as that', () => {
    const herpes = read('Assessment:\n2. First-episode genital herpes (HSV-2) with vulvar ulcers, improving.', 'outpatient', 24, 'F');
    expect(herpes).toContain('A6004');
    expect(herpes.filter((c) => c === 'N766' || c === 'B009')).toEqual([]);
    const meningitis = read('Discharge diagnoses:\n1. Acute bacterial meningitis due to Streptococcus pneumoniae\n2. SIADH secondary to meningitis.', 'inpatient', 58, 'M');
    expect(meningitis).toContain('G001');
    expect(meningitis).not.toContain('G002');
  });

  it('reads a relative and a dash as what the relative had, and an unnamed relative with a disease as family history', () => {
    const codes = read('FHx: father - lung CA dx age 67. Mother - breast CA age 74.\nA/P: 1. Solitary pulmonary nodule, RUL, stable; high-risk pt (prior smoking, 1st-degree relative w/ lung CA).', 'outpatient', 62, 'F');
    expect(codes).toEqual(expect.arrayContaining(['R911', 'Z801']));
    expect(codes.filter((c) => c.startsWith('Z85'))).toEqual([]);
    // "Relative" in its other senses names no relative.
    expect(read('Assessment: Relative hypotension on lisinopril - reduce dose.', 'outpatient', 62, 'F')).toContain('I959');
  });

  it('reads "RA resting SpO2" as room air, correction insulin as this stay\'s, and ESBL as its resistance', () => {
    expect(read('A/P: 2. Chronic hypoxic respiratory failure - still qualifies for LTOT (RA resting SpO2 87%). Recertify O2.', 'outpatient', 71, 'M').filter((c) => c.startsWith('M06'))).toEqual([]);
    expect(read('A/P: 3. Steroid-induced hyperglycemia - no hx DM. POC glucose AC/HS, low-dose correction insulin.', 'inpatient', 69, 'F')).not.toContain('Z794');
    expect(read('Assessment: 1. Acute cystitis due to ESBL-producing E. coli.', 'outpatient', 72, 'F')).toEqual(expect.arrayContaining(['N3000', 'Z1612']));
  });

  it('reads a treatment ruled out by time as not given, a breast implant\'s capsular contracture, and a BRCA carrier', () => {
    expect(read('MDM: Deep frostbite of toes both feet, presenting > 48 h after exposure - outside window for tPA.', 'outpatient', 47, 'M')).not.toContain('Z9282');
    expect(read('Assessment: 1. Capsular contracture R breast implant, Baker III - symptomatic.', 'outpatient', 49, 'F')).toContain('T8544XA');
    expect(read('Assessment: BRCA2 carrier, s/p bilateral mastectomy.', 'outpatient', 49, 'F')).toEqual(expect.arrayContaining(['Z1501', 'Z9013']));
    expect(read('Plan: BRCA1/2 testing sent.', 'outpatient', 49, 'F')).not.toContain('Z1501');
  });

  it('reads an open fracture\'s initial encounter (B), keeps another finger\'s laceration, and an open reduction as no open fracture', () => {
    const note = 'ASSESSMENT:\n1. Open displaced fracture, distal phalanx (tuft), right index finger, with nail bed laceration - repaired\n2. Laceration right middle finger, no nail involvement - repaired';
    const codes = read(note, 'outpatient', 47, 'M');
    expect(codes).toEqual(expect.arrayContaining(['S62630B', 'S61212A']));
    expect(codes.filter((c) => c === 'S62630A' || c === 'S61210A')).toEqual([]);
    expect(read('Assessment: 1. Open fracture of right tibial shaft, Gustilo II.', 'outpatient', 40, 'M').filter((c) => c.startsWith('S822'))).toEqual(['S82201B']);
    expect(read('Assessment: 1. Fracture of the right distal radius, s/p open reduction internal fixation 2 wks ago, healing well.', 'outpatient', 40, 'M').filter((c) => c.endsWith('B'))).toEqual([]);
  });

  it('reads a condition before a dash and a vaccine review as the condition the vaccines are for', () => {
    const codes = read('A/P:\n# Asplenia (post-splenectomy) - vaccine review: PCV20 given today.', 'outpatient', 31, 'F');
    expect(codes).toEqual(expect.arrayContaining(['Z9081', 'Z23']));
    // A vaccine's own disease stays the vaccine's.
    expect(read('Plan: Hepatitis A vaccine dose 1 given today. Shingles vaccine given.', 'outpatient', 31, 'F').filter((c) => /^(B15|B02)/.test(c))).toEqual([]);
  });

  it('reads a repaired wound\'s scar care as no scar, and a Lyme facial palsy as the Lyme disease\'s', () => {
    expect(read('Assessment: Laceration of chin, repaired.\nPlan: Sunscreen to scar x 6 mo. Scar massage after 2 wks.', 'outpatient', 7, 'M')).not.toContain('L905');
    expect(read('Assessment: Painful scar, right knee, after TKA.', 'outpatient', 67, 'F')).toContain('L905');
    const lyme = read('Assessment:\n1. Lyme disease with left facial nerve palsy (Lyme cranial neuritis) - doxycycline 21 days.', 'outpatient', 44, 'M');
    expect(lyme).toContain('A6922');
    expect(lyme.filter((c) => c.startsWith('G51') || c === 'G589')).toEqual([]);
  });
});
