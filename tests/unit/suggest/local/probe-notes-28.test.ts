import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders();

describe('local engine: probe notes, twenty-eighth session (screening)', () => {
  it('reads a cancer screening the note names by "<site> cancer", colorectal and cervical ones too', () => {
    expect(shown('Assessment/Plan:\n1. Screening for colon cancer - FIT kit given.\n2. Hypertension - continue lisinopril.', 'outpatient', 50)).toEqual(expect.arrayContaining(['Z1211', 'I10']));
    const colorectal = shown('Assessment/Plan:\n1. Colorectal cancer screening - Cologuard ordered.', 'outpatient', 50);
    expect(colorectal).toContain('Z1211');
    // The expansion names no neoplasm of the colon.
    expect(colorectal.filter((c) => /^[CD]/.test(c))).toEqual([]);
    expect(shown('Assessment/Plan:\n1. Screening for cervical cancer - Pap done.', 'outpatient', 35, 'F')).toContain('Z124');
  });
});

describe('local engine: probe notes, twenty-eighth session (what the words say)', () => {
  it('reads insomnia due to a mental disorder as F51.05, with the disorder beside it', () => {
    const codes = shown('Assessment:\n1. Insomnia due to PTSD - continue prazosin, sleep hygiene.\n2. PTSD - continue sertraline.', 'outpatient', 40);
    expect(codes).toEqual(expect.arrayContaining(['F5105', 'F4310']));
    expect(codes).not.toContain('G4700');
  });

  it('reads a stress fracture as the fatigue fracture of its bone\'s region and side, not a traumatic one', () => {
    const foot = shown('Assessment:\n1. Stress fracture of the second metatarsal, right foot - boot, no running x 6 weeks.', 'outpatient', 22, 'F');
    expect(foot).toContain('M84374A');
    expect(foot.filter((c) => c.startsWith('S92'))).toEqual([]);
    expect(shown('Assessment:\n1. Stress fracture of the left tibia - crutches.', 'outpatient', 22, 'F')).toContain('M84362A');
  });

  it('reads bowel incontinence, nutrition counseling and postradiation hypothyroidism', () => {
    expect(shown('Assessment:\n1. Incontinent of bowel and bladder - briefs, toileting schedule.', 'outpatient', 82, 'F')).toContain('R159');
    expect(shown('Assessment:\n1. Nutrition counseling.', 'outpatient', 55)).toContain('Z713');
    const thyroid = shown('A/P:\n- Radiation-induced xerostomia: saliva substitutes.\n- Postradiation hypothyroidism: on levothyroxine, recheck TSH 6 wk.', 'outpatient', 61);
    expect(thyroid).toContain('E890');
    expect(thyroid).not.toContain('E039');
  });

  it('reads PMR, DME and a thickened endometrial stripe', () => {
    expect(shown('74F w/ PMR dx 05/2025.\nA/P:\n1. PMR - stable on prednisone 7.5 mg daily, continue.', 'outpatient', 74, 'F')).toContain('M353');
    expect(shown('Referred to PMR for evaluation of low back pain.', 'outpatient', 50)).not.toContain('M353');
    expect(shown('A/P:\n1. T2DM w/ moderate NPDR w/ center-involving DME OS - aflibercept OS today.', 'outpatient', 63)).toContain('E113312');
    expect(shown('Impression:\n1. Postmenopausal bleeding\n2. Thickened endometrial stripe (9 mm) - hysteroscopy D&C.', 'outpatient', 58, 'F')).toEqual(expect.arrayContaining(['N950', 'R9389']));
  });
});

describe('local engine: probe notes, twenty-eighth session (what is not the patient\'s condition)', () => {
  it('reads no pulmonary edema from an ankle edema beside clear lungs', () => {
    expect(shown('Exam: Trace ankle edema, lungs clear.\nAssessment:\n1. ESRD on HD - adequacy at goal.')).not.toContain('J811');
  });

  it('reads return precautions after "call for" as no symptoms of the visit', () => {
    const codes = shown('Assessment:\n1. Brain metastases s/p SRS today.\nPlan:\n- Call for new HA, weakness, or confusion.', 'outpatient', 63);
    expect(codes).not.toContain('R531');
    expect(codes).not.toContain('R410');
  });

  it('reads a "resolved" after a dash as closing every condition of its item', () => {
    const codes = shown('A/P:\n1. Iron deficiency anemia - IV iron.\n2. HTN, OSA - resolved, no tx.', 'outpatient', 51, 'F');
    expect(codes).toContain('D509');
    expect(codes).not.toContain('I10');
    expect(codes).not.toContain('G4733');
  });

  it('reads the infections a laboratory panel tests for as no infections', () => {
    const codes = shown('24 yo G1P0 @ 10w2d.\nPlan:\n- Supervision of normal first pregnancy, 1st trimester\n- Prenatal panel, CBC, T&S, RPR, HIV, HBsAg, HCV, rubella, varicella, UA/urine cx, GC/CT\n- Low-dose ASA: no high-risk factors, not indicated', 'outpatient', 24, 'F');
    expect(codes.filter((c) => /^(B|O98)/.test(c))).toEqual([]);
    expect(codes).toEqual(expect.arrayContaining(['Z3401', 'Z3A10']));
    expect(codes).not.toContain('Z7982');
  });

  it('reads a symptom the item puts down to another item as that diagnosis\'s', () => {
    const codes = shown('A:\n1. Acute suppurative otitis media, right, w/o TM rupture\n2. Fever - d/t #1', 'outpatient', 3);
    expect(codes).toContain('H66001');
    expect(codes).not.toContain('R509');
  });

  it('reads eye drops of a steroid as no long-term systemic steroid', () => {
    const codes = shown('Impression:\n1. Cystoid macular edema OD - ketorolac 0.5% QID OD + prednisolone acetate 1% QID OD x 4 wks.', 'outpatient', 71, 'F');
    expect(codes).not.toContain('Z7952');
    expect(shown('Assessment:\n1. Polymyalgia rheumatica - prednisone 10 mg daily, continue.', 'outpatient', 74, 'F')).toContain('Z7952');
  });

  it('reads a drug named as past or not indicated as no drug taken', () => {
    const codes = shown('PMH: L breast CA s/p lumpectomy 2015, completed 5 yrs tamoxifen 2020 - NED.\nImpression:\n1. Postmenopausal bleeding\n2. Personal h/o breast cancer, prior tamoxifen exposure', 'outpatient', 58, 'F');
    expect(codes).toEqual(expect.arrayContaining(['N950', 'Z853']));
    expect(codes).not.toContain('Z79810');
  });
});

describe('local engine: probe notes, twenty-eighth session (one condition, one code)', () => {
  it('drops the category\'s unspecified member beside a kind of it said elsewhere', () => {
    const codes = shown('OTOLARYNGOLOGY F/U - CHRONIC RHINOSINUSITIS\nAssessment:\n1. Chronic pansinusitis w/ bilateral nasal polyps - failed maximal medical therapy.', 'outpatient', 46);
    expect(codes).toContain('J324');
    expect(codes).not.toContain('J329');
  });

  it('reads hypertensive nephrosclerosis with ESRD as I12.0 alone', () => {
    const codes = shown('Indication: 66F ESRD 2/2 hypertensive nephrosclerosis, on HD TTS via L brachiocephalic AVF.\nImpression: stenosis of AVF treated with PTA.', 'outpatient', 66, 'F');
    expect(codes).toEqual(expect.arrayContaining(['I120', 'N186', 'Z992']));
    expect(codes).not.toContain('I129');
  });

  it('reads no asymptomatic menopause beside postmenopausal bleeding', () => {
    expect(shown('HPI: 58 yo, menopause age 51, no HRT. Two episodes of spotting.\nImpression:\n1. Postmenopausal bleeding - EMB.', 'outpatient', 58, 'F')).not.toContain('Z780');
  });
});

describe('local engine: probe notes, twenty-eighth session (pregnancy)', () => {
  it('reads a history of preterm labor in a pregnancy as the high-risk supervision for it, with Rho(D) immune globulin given', () => {
    const codes = shown('31 yo G3P1011 at 28w0d.\nA/P:\n1. Supervision of high-risk pregnancy, h/o preterm labor - 3rd trimester.\n2. GDMA1 - well controlled w/ diet.\n3. Rh negative, unsensitized - RhoGAM 300 mcg IM given today.\n4. Tdap given today.', 'outpatient', 31, 'F');
    expect(codes).toEqual(expect.arrayContaining(['O09213', 'O24410', 'Z2913', 'Z23', 'Z3A28']));
    expect(codes).not.toContain('O0993');
    expect(codes).not.toContain('Z8751');
  });

  it('reads decreased fetal movement in its trimester, and no BMI in a pregnancy', () => {
    expect(shown('Imp:\n1. IUP @ 37w2d w/ decreased fetal movement - reassuring fetal testing.', 'outpatient', 27, 'F')).toEqual(expect.arrayContaining(['O368130', 'Z3A37']));
    const obese = shown('29 yo G2P1001 @ 34w5d. Pre-pregnancy BMI 33.\nAssessment:\n- Gestational hypertension, new onset, without severe features\n- Maternal obesity complicating pregnancy', 'outpatient', 29, 'F');
    expect(obese).toEqual(expect.arrayContaining(['O133', 'O99213', 'Z3A34']));
    expect(obese.filter((c) => c.startsWith('Z68'))).toEqual([]);
  });
});

describe('local engine: probe notes, twenty-eighth session (contraception)', () => {
  it('reads a contraceptive placed, removed or given at the visit, not one only talked of', () => {
    expect(shown('A/P:\n1. Routine 6 wk postpartum exam - normal recovery\n2. Contraception: etonogestrel implant (Nexplanon) placed L arm today.', 'outpatient', 32, 'F')).toEqual(expect.arrayContaining(['Z392', 'Z30017']));
    expect(shown('Assessment/Plan:\n1. Contraception - LNG-IUD 52 mg inserted today without difficulty.', 'outpatient', 28, 'F')).toContain('Z30430');
    const given = shown('Plan: Depo-Provera 150 mg IM given today. Mirena removed without difficulty.', 'outpatient', 30, 'F');
    expect(given).toEqual(expect.arrayContaining(['Z3042', 'Z30432']));
    expect(shown('Plan: Discussed IUD placement, she will consider.', 'outpatient', 30, 'F').filter((c) => c.startsWith('Z30'))).toEqual([]);
    // Depo-Medrol is a steroid injected into a joint: no contraceptive, and no long-term systemic steroid.
    const joint = shown('Plan: Depo-Medrol 40 mg injected into the left knee today.', 'outpatient', 60, 'F');
    expect(joint.filter((c) => c.startsWith('Z30'))).toEqual([]);
    expect(joint).not.toContain('Z7952');
  });
});

describe('local engine: probe notes, twenty-eighth session (visits and drugs)', () => {
  it('sets aside an item left to another provider with nothing else said of it', () => {
    const codes = shown('A/P:\n1. T2DM w/ PDR OD - stable. Observe.\n2. HTN, HLD - per PCP.\n3. Raynaud\'s, GERD - per rheum/PCP.\n4. Hypothyroidism: on levothyroxine per PCP, recheck TSH 6 wk.', 'outpatient', 63);
    expect(codes).toEqual(expect.arrayContaining(['E113551', 'E039']));
    for (const code of ['I10', 'E785', 'I7300', 'K219']) expect(codes).not.toContain(code);
  });

  it('reads the adverse effect of an antineoplastic the Table of Drugs does not list', () => {
    expect(shown('A/P:\n1. Metastatic adenocarcinoma of sigmoid colon, liver mets - proceed C4D1 mFOLFOX6 today.\n2. Oxaliplatin-induced peripheral neuropathy, grade 1 - cold avoidance counseling.', 'outpatient', 58)).toEqual(expect.arrayContaining(['G620', 'T451X5A']));
  });

  it('reads "wt loss", and no weight loss a newborn\'s visit finds within the expected range', () => {
    expect(shown('Assessment: Fever of unknown origin w/ night sweats, wt loss, and L axillary lymphadenopathy.', 'outpatient', 55)).toContain('R634');
    const newborn = shown('Newborn visit. 4-day-old F, term.\nA/P\n1. Newborn wt check, 4 days - weight loss within expected range, feeding well.\n2. Neonatal jaundice, physiologic - recheck TcB at 1 wk.', 'outpatient', 0, 'F');
    expect(newborn).toEqual(expect.arrayContaining(['Z00110', 'P599']));
    expect(newborn).not.toContain('R634');
    expect(newborn).not.toContain('Z00111');
  });

  it('reads the visit a note\'s title names, and no follow-up after completed treatment from a follow-up visit\'s title', () => {
    expect(shown('12 MONTH WELL CHILD CHECK\nS: Here with mom. No concerns.\nA: Healthy 12 mo male, growth and development appropriate. Normal exam.\nP: Vaccines today: MMR, varicella - VIS reviewed.', 'outpatient', 1)).toEqual(expect.arrayContaining(['Z00129', 'Z23']));
    expect(shown('OFFICE VISIT - CARDIORENAL FOLLOW-UP\nA/P:\n1. CKD stage 3b - eGFR 36, stable. Continue losartan.\n2. HTN - controlled.', 'outpatient', 79, 'F')).not.toContain('Z09');
  });
});

describe('local engine: probe notes, twenty-eighth session (third pass)', () => {
  it('reads no pregnancy from an obstetric history\'s "w/" nor in a woman past maternal age', () => {
    const codes = shown('61F G3P3 w/ 3 yrs of leakage w/ cough/sneeze/lifting. Postmenopausal x 10 yr. T2DM on metformin.\nDx:\n1. Mixed urinary incontinence - timed voiding.', 'outpatient', 61, 'F');
    expect(codes).toContain('N3946');
    expect(codes.filter((c) => /^(O|Z3A)/.test(c))).toEqual([]);
  });

  it('reads the hospital stay\'s summary as its story, whose symptoms the diagnoses explain', () => {
    const codes = shown('Hospital Medicine Discharge Summary\nPrincipal dx: Acute on chronic HFrEF (EF 25%)\nSecondary:\n- HTN\n- CKD stage 3b\nSummary: 76F admitted w/ 8 lb wt gain, orthopnea, BLE edema. IV furosemide with net -5.8 L.', 'inpatient', 76, 'F');
    expect(codes).toEqual(expect.arrayContaining(['I130', 'I5023', 'N1832']));
    for (const code of ['R609', 'R0601', 'R635']) expect(codes).not.toContain(code);
  });

  it('reads a depression NOS beside the depressive episode named as no second depression', () => {
    const codes = shown('HPI: worsening depression x 3 mo.\nAssessment:\n1. Major depressive disorder, single episode, severe, without psychotic features - psychiatry consult.', 'outpatient', 19);
    expect(codes).toContain('F322');
    expect(codes).not.toContain('F32A');
  });

  it('reads an HCV RNA test ordered as no hepatitis C, and one with its load as the infection', () => {
    expect(shown('A/P:\n3. H/o hep C, cured - HCV RNA and HBV serologies before any systemic therapy.', 'outpatient', 52).filter((c) => c.startsWith('B1'))).toEqual([]);
    expect(shown('A/P:\n1. Chronic hepatitis C - HCV RNA 1.2 million IU/mL, start treatment.', 'outpatient', 52)).toContain('B182');
  });

  it('reads PD as Parkinson\'s disease, but not peritoneal dialysis or PD-L1; RBD; sequential compression devices in bed as no sickle-cell disease', () => {
    expect(shown('Problems:\n#PD w/ motor fluctuations (wearing off) and dyskinesia - add amantadine ER.\n#RBD - increase melatonin to 9 mg.', 'outpatient', 72)).toEqual(expect.arrayContaining(['G20B2', 'G4752']));
    expect(shown('Assessment:\n1. NSCLC - PD-L1 TPS 80%, start pembrolizumab.', 'outpatient', 65).filter((c) => c.startsWith('G20'))).toEqual([]);
    expect(shown('A/P:\n1. Osteoporotic hip fx - SCDs in bed, early mobilization.', 'outpatient', 84, 'F')).not.toContain('D571');
  });

  it('reads a drug a plan says would help as no drug taken, and "small-mouth diverticula" as the colon\'s', () => {
    expect(shown('A/P:\n#T2DM - continue metformin; discussed w/ PCP that adding semaglutide would benefit both liver and glycemia - PCP to start.', 'outpatient', 55, 'F')).not.toContain('Z7985');
    const colon = shown('Findings:\n- Sigmoid: scattered small-mouth diverticula, no inflammation or bleeding.\nImpression: Sigmoid diverticulosis.', 'outpatient', 62, 'F');
    expect(colon).toContain('K5730');
    expect(colon).not.toContain('K5750');
  });

  it('reads photophobia in a migraine\'s story as part of the migraine', () => {
    const codes = shown('S: chronic migraine, attacks preceded by visual aura, then throbbing unilateral HA w/ photophobia and nausea.\nA/P:\n1. Chronic migraine with aura, intractable - start galcanezumab.', 'outpatient', 29, 'F');
    expect(codes.filter((c) => c.startsWith('G43'))).not.toEqual([]);
    expect(codes.filter((c) => c.startsWith('H531'))).toEqual([]);
  });
});

describe('local engine: probe notes, twenty-eighth session (fourth pass)', () => {
  it('reads "#" problem lines after an inline history list as the assessment, blank line or not', () => {
    const codes = shown('52M f/u mood + thyroid.\nMeds: sertraline 100 mg daily, levothyroxine 75 mcg daily.\nPMH: L knee OA, HLD (diet).\nVS WNL.\n#MDD, recurrent, moderate - partial response. Increase sertraline to 150 mg daily.\n#GAD - improving; same plan.\n#Hypothyroidism - TSH at goal, c/w levothyroxine.', 'outpatient', 52);
    expect(codes).toEqual(expect.arrayContaining(['F331', 'F411', 'E039']));
  });

  it('reads a secondary condition of an organ as no secondary neoplasm of it', () => {
    const codes = shown('A/P:\n3. Secondary hyperparathyroidism, renal - start calcitriol.', 'outpatient', 74);
    expect(codes).toContain('N2581');
    expect(codes.filter((c) => c.startsWith('C7'))).toEqual([]);
    expect(shown('A/P:\n2. Renal metastasis of RCC - SBRT.', 'outpatient', 70)).toContain('C7900');
  });

  it('reads a family history of a cancer as the cancer\'s, whatever polyps are said beside it', () => {
    const codes = shown('A/P:\n- H/o adenomatous colon polyps + FHx colon ca in father - GI referral for surveillance colonoscopy.', 'outpatient', 55, 'F');
    expect(codes).toEqual(expect.arrayContaining(['Z860101', 'Z800']));
    expect(codes.filter((c) => c.startsWith('Z8371'))).toEqual([]);
  });

  it('reads Hashimoto\'s hypothyroidism as E06.3 alone, typographic apostrophe or not', () => {
    for (const apostrophe of ["'", '’']) {
      const codes = shown(`A/P:\n# Hashimoto${apostrophe}s hypothyroidism - TSH nl, c/w LT4 88 mcg.`, 'outpatient', 39, 'F');
      expect(codes).toContain('E063');
      expect(codes).not.toContain('E039');
    }
  });

  it('reads an adverse effect named after a parenthesis or "d/t"', () => {
    expect(shown('A/P\n1. Oral candidiasis (thrush) - d/t inhaled corticosteroid. Nystatin.', 'outpatient', 34, 'F')).toEqual(expect.arrayContaining(['B370', 'T380X5A']));
  });
});

describe('local engine: probe notes, twenty-eighth session (fifth pass)', () => {
  it('reads a diabetic foot ulcer once: no stray skin ulcer nor "other skin ulcer" link beside it', () => {
    const codes = shown('Wound: R plantar midfoot ulcer, present x 10 wks, subcutaneous fat exposed.\nAssessment/Plan:\n1. Diabetic foot ulcer, R midfoot, fat layer exposed - total contact cast applied today.\n2. T2DM w/ diabetic polyneuropathy - foot protection education.', 'outpatient', 63);
    expect(codes).toEqual(expect.arrayContaining(['E11621', 'L97412', 'E1142']));
    for (const code of ['L98499', 'E11622']) expect(codes).not.toContain(code);
  });

  it('reads a use disorder\'s stated severity into its complication\'s code', () => {
    expect(shown('A/P:\n1. Alcohol use disorder, severe, with withdrawal, uncomplicated - CIWA protocol.', 'outpatient', 56)).toContain('F10230');
    expect(shown('A/P:\n1. Alcohol use disorder, severe, with withdrawal, uncomplicated - CIWA protocol.', 'outpatient', 56)).not.toContain('F10930');
  });
});

describe('local engine: probe notes, twenty-eighth session (devices)', () => {
  it('reads a permanent pacemaker the patient has, not one planned or denied', () => {
    expect(shown('Anticoagulation: apixaban for paroxysmal AF.\nA/P:\n3. Permanent pacemaker - periop device plan w/ cardiology/anesthesia given electrocautery.', 'outpatient', 74)).toContain('Z950');
    expect(shown('A/P:\n1. Sick sinus syndrome - permanent pacemaker placement scheduled for next week.', 'outpatient', 74)).not.toContain('Z950');
  });
});
