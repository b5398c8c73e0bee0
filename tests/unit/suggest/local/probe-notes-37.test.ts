// Regressions found by the thirty-seventh session's probe notes (tests/fixtures/probe-notes/round37.jsonl):
// toxicology and environmental emergencies, neonatal and pediatric subspecialties, oncology infusion,
// radiation and palliative care, preventive and encounter visits.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read } = noteReaders();

describe('local engine: probe notes, thirty-seventh session (newborns and infants)', () => {
  const birthStay = [
    'NEWBORN NURSERY DISCHARGE SUMMARY',
    'Admitted at birth. Term male, 38 5/7 wk, BW 3520 g, via primary low transverse cesarean section for arrest of descent.',
    'Maternal hx: GBS negative. Intrapartum maternal fever to 38.4 C, treated as suspected intraamniotic infection.',
    'Hospital course:',
    '1. Sepsis evaluation - infant asymptomatic; CBC and blood culture obtained, ampicillin + gentamicin started. Blood culture no growth at 48 h. Neonatal sepsis ruled out.',
    '2. Hyperbilirubinemia due to ABO incompatibility - DAT positive. Phototherapy HOL 24-76.',
    'Discharge diagnoses:',
    '- Term male newborn, delivered by cesarean',
    '- Neonatal hyperbilirubinemia due to ABO isoimmunization, s/p phototherapy',
    '- Suspected neonatal sepsis, ruled out',
  ].join('\n');

  it("reads a newborn's birth stay as its liveborn code, a sepsis ruled out as the observation for it, and the mother's fever as hers", () => {
    const codes = read(birthStay, 'inpatient', 0, 'M');
    expect(codes).toEqual(expect.arrayContaining(['Z3801', 'Z051', 'P551']));
    // The search for sepsis is no sepsis, the mother's fever no fever of the baby's, and the jaundice its isoimmunization.
    expect(codes.filter((c) => c.startsWith('A41') || c.startsWith('R50') || c === 'P599' || c === 'Z382')).toEqual([]);
  });

  it('reads no birth stay for a baby transferred in, nor on a mother\'s record, where "maternal" is her own', () => {
    const transferred = birthStay.replace('Admitted at birth.', 'Transferred from an outside hospital on day 1.');
    expect(read(transferred, 'inpatient', 0, 'M').filter((c) => c.startsWith('Z38'))).toEqual([]);
    const mother = '29 yo G2P1001 @ 34w5d.\nAssessment:\n- Gestational hypertension, new onset, without severe features\n- Maternal obesity complicating pregnancy';
    expect(read(mother, 'outpatient', 29, 'F')).toContain('O99213');
  });

  it('reads a preterm infant by its completed weeks and birth weight, not its postmenstrual age, and bronchopulmonary dysplasia as perinatal', () => {
    const note = [
      'NICU Follow-up Clinic',
      'Patient: 5 mo male, ex-29 3/7 wk preemie, BW 1180 g. dx moderate BPD at 36 wk PMA. Discharged home at 43 wk PMA on 1/8 LPM NC O2.',
      'Assessment/Plan',
      '1. Bronchopulmonary dysplasia, moderate - still O2 dependent. Cont 1/8 LPM.',
      '2. Prematurity, 29 wk, BW 1180 g - growth plotted on corrected age.',
    ].join('\n');
    const codes = read(note, 'outpatient', 0, 'M');
    expect(codes).toEqual(expect.arrayContaining(['P271', 'P0714', 'P0732']));
    expect(codes.indexOf('P0714')).toBeLessThan(codes.indexOf('P0732'));
    expect(codes.filter((c) => c === 'P0730' || c === 'P0739' || c.startsWith('Q89'))).toEqual([]);
  });

  it('reads VSD as a ventricular septal defect, and a history of a congenital condition as a corrected one only when the chart says it was repaired', () => {
    expect(read('Impression:\n1. Small muscular VSD, restrictive - hemodynamically insignificant.', 'outpatient', 3, 'M')).toContain('Q210');
    expect(read('PMH: history of polycystic kidney disease.\nA/P: Polycystic kidney disease with CKD 3a - BP goal <130/80.', 'outpatient', 45, 'F').filter((c) => c.startsWith('Z877'))).toEqual([]);
  });

  it('reads a karyotype\'s letters as no "syndrome X" and a lower-case "good" as no Good\'s syndrome; a hernia repaired before as past', () => {
    const turner = 'Assessment/Plan:\n1. Turner syndrome, 45,X - good response to GH. Continue somatropin.\n2. Bicuspid aortic valve - stable.';
    const codes = read(turner, 'outpatient', 10, 'F');
    expect(codes).toContain('Q969');
    expect(codes.filter((c) => c.startsWith('I20') || c.startsWith('D83'))).toEqual([]);
    // A possessive is the name however written.
    expect(read("Assessment: Right baker's cyst, symptomatic.", 'outpatient', 50, 'F')).toContain('M7121');
    expect(read('NICU course: RDS s/p surfactant. Inguinal hernia repaired prior to NICU discharge.\nA/P: Anemia of prematurity, on iron.', 'outpatient', 0, 'M')).not.toContain('K4090');
  });
});

describe('local engine: probe notes, thirty-seventh session (oncology)', () => {
  it('reads a checkpoint inhibitor\'s adverse effect by its own FY2026 code, and a late effect of chemotherapy as its sequela', () => {
    const ici = 'A/P:\n1. Immune-mediated colitis, grade 2, due to ipilimumab/nivolumab. HOLD ipi/nivo. Start prednisone.';
    const codes = read(ici, 'outpatient', 66, 'M');
    expect(codes).toContain('T45AX5A');
    expect(codes).not.toContain('T451X5A');
    const late = 'Assessment/Plan:\n1. History of stage IIIB sigmoid colon cancer, s/p resection and adjuvant chemotherapy, no evidence of disease.\n2. Chemotherapy-induced (oxaliplatin) peripheral neuropathy, feet, persistent late effect. Continue duloxetine.';
    const survivor = read(late, 'outpatient', 63, 'M');
    expect(survivor).toEqual(expect.arrayContaining(['G620', 'T451X5S']));
    expect(survivor).not.toContain('T451X5A');
  });

  it('reads combined receptor status alone, febrile neutropenia with its fever, and one neutropenia and one mucositis from chemotherapy', () => {
    const breast = 'A/P:\n1. L breast IDC, upper-outer quadrant, ER+ (95%) / PR+ (40%) / HER2 1+, HR+/HER2-, neoadjuvant paclitaxel today.';
    const receptors = read(breast, 'outpatient', 52, 'F');
    expect(receptors).toContain('Z17411');
    expect(receptors.filter((c) => /^Z17[0-3]/.test(c))).toEqual([]);
    const stay = 'Discharge diagnoses:\n1. Febrile neutropenia - neutropenia secondary to chemotherapy (docetaxel).\n2. Oral mucositis, grade 2, due to docetaxel.\n3. Gastric adenocarcinoma.';
    const codes = read(stay, 'inpatient', 58, 'M');
    expect(codes).toEqual(expect.arrayContaining(['D701', 'R5081', 'K1231']));
    expect(codes.filter((c) => c === 'D704' || c === 'D702' || c === 'K1232' || c === 'R509')).toEqual([]);
  });

  it("reads a targeted drug's adverse effect, and the condition it caused as the Index's drug-induced kind of it", () => {
    const codes = read('A/P:\n3. Osimertinib-related diarrhea, grade 1 - continue loperamide prn.', 'outpatient', 60, 'F');
    expect(codes).toEqual(expect.arrayContaining(['K521', 'T451X5A']));
    expect(codes).not.toContain('R197');
    expect(read('A/P: Statin-associated myopathy, CK 2000 - hold atorvastatin.', 'outpatient', 60, 'F')).toEqual(expect.arrayContaining(['G720', 'T466X5A']));
    // Diarrhea no drug is said to cause stays diarrhea.
    expect(read('A/P: Diarrhea x 3 days, likely viral. Oral hydration.', 'outpatient', 60, 'F')).toContain('R197');
  });

  it('reads GnRH agonists by their own long-term code, and growth hormone, ethosuximide, guanfacine and oral targeted cancer drugs as other long-term therapy', () => {
    const prostate = 'Assessment:\n1. Metastatic prostate cancer to bone, on leuprolide q3mo and apalutamide 240 mg daily; PSA undetectable. Continue.';
    expect(read(prostate, 'outpatient', 70, 'M')).toEqual(expect.arrayContaining(['Z79818', 'Z79899']));
    expect(read('Assessment/Plan:\n1. Turner syndrome - good response to GH. Continue somatropin, dose adjusted for weight.', 'outpatient', 10, 'F')).toContain('Z79899');
    expect(read('Assessment:\n1. Childhood absence epilepsy, seizure-free on ethosuximide 250 mg BID. Continue; CBC today.', 'outpatient', 8, 'F')).toContain('Z79899');
    expect(read('Assessment:\n1. EGFR-mutant lung adenocarcinoma, stable on osimertinib 80 mg daily. Continue.', 'outpatient', 63, 'F')).toContain('Z79899');
  });

  it('reads anemia of malignancy as anemia in neoplastic disease, not pernicious anemia; a finding reassuring against a diagnosis as no diagnosis', () => {
    const anemia = read('Assessment/Plan:\n8. Normocytic anemia, likely anemia of malignancy. Hgb stable.\n9. Squamous cell carcinoma of LLL.', 'inpatient', 67, 'M');
    expect(anemia).toContain('D630');
    expect(anemia).not.toContain('D510');
    const against = 'A/P: 2. Hypothyroidism due to pembrolizumab - start levothyroxine. Normal cortisol is reassuring against hypophysitis or adrenal insufficiency, which are not suspected clinically.';
    expect(read(against, 'outpatient', 58, 'M').filter((c) => c.startsWith('E27') || c.startsWith('E23'))).toEqual([]);
  });
});

describe('local engine: probe notes, thirty-seventh session (what is no condition today)', () => {
  it('reads a travel clinic visit as travel counseling, and fever named in a standby plan or a wound check "sooner for" as no fever', () => {
    const travel = [
      'TRAVEL MEDICINE CONSULTATION',
      '38-year-old man seen in travel clinic before a 3-week work trip to Ghana.',
      'Assessment and plan: Asplenic traveler to West Africa; counseled at length.',
      '- Because of asplenia, carry a standby course of amoxicillin-clavulanate for fever.',
      '- Insect precautions, rabies avoidance, road safety.',
    ].join('\n');
    const codes = read(travel, 'outpatient', 38, 'M');
    expect(codes).toContain('Z7184');
    expect(codes.filter((c) => c.startsWith('R50') || c.startsWith('A82'))).toEqual([]);
    const bite = 'A/P: Dog bite L forearm, irrigated, no closure. Wound check 48 h, sooner for redness, swelling, red streaks, pus or fever.';
    expect(read(bite, 'outpatient', 8, 'M').filter((c) => c.startsWith('R50') || c.startsWith('L03'))).toEqual([]);
  });

  it('reads a condition an emergency visit treated until it resolved as the visit\'s, not one an office visit hears resolved', () => {
    const ed = 'ED PROVIDER NOTE (dictated)\nFound on a park bench overnight, -8 C.\nImpression:\n1. Accidental hypothermia, mild, from outdoor cold exposure - resolved with rewarming';
    expect(read(ed, 'outpatient', 52, 'M')).toContain('T68XXXA');
    const office = 'FAMILY MEDICINE FOLLOW-UP\nImpression:\n1. Community-acquired pneumonia - resolved after antibiotics.';
    expect(read(office, 'outpatient', 52, 'M').filter((c) => c.startsWith('J1'))).toEqual([]);
  });

  it("reads a sports PPE and a CDL medical exam as their examinations, and a routine exam's counseling beside what it found", () => {
    expect(read('Sports PPE - 15 yo M, soccer + track.\nA/P:\n1. Sports PPE - cleared for all sports without restriction.', 'outpatient', 15, 'M')).toContain('Z025');
    expect(read('Assessment:\n1. CDL medical exam - meets standards with corrective lenses.\n2. HTN - controlled on amlodipine.', 'outpatient', 49, 'M')).toContain('Z024');
    const wellVisit = 'ANNUAL PREVENTIVE VISIT\nAssessment:\n1. Annual adult exam.\n2. Obesity, class 1, BMI 31.5 - dietary counseling given.';
    expect(read(wellVisit, 'outpatient', 52, 'M')).toEqual(expect.arrayContaining(['Z0001', 'E66811', 'Z713']));
    // Outside a routine exam the counseling is part of treating what it is for.
    expect(read('Assessment:\n1. Obesity, class 1, BMI 31.5 - dietary counseling given.', 'outpatient', 52, 'M')).not.toContain('Z713');
  });

  it("reads no artificial joint's presence in the stay that replaces it, nor numbness from the spinal anesthesia it was done under", () => {
    const stay = [
      'DISCHARGE SUMMARY - Orthopaedic Surgery',
      'Procedure 8/3: Right total hip arthroplasty, direct anterior approach, cementless. Spinal anesthesia. EBL 450 mL.',
      'PMH: L TKA 2019, doing well.',
      'Discharge diagnoses:',
      '1. Primary OA R hip, s/p R THA',
      '2. s/p L TKA',
    ].join('\n');
    const codes = read(stay, 'inpatient', 71, 'F');
    expect(codes).toEqual(expect.arrayContaining(['M1611', 'Z96652']));
    expect(codes.filter((c) => c.startsWith('Z9664') || c === 'R200')).toEqual([]);
    // At a later visit the replaced hip is a status.
    expect(read('Ortho f/u - R hip, 6 wks post-op.\nA/P: S/p R THA - excellent early recovery.', 'outpatient', 71, 'F')).toContain('Z96641');
  });

  it("reads an electrical injury as the effects of electric current, and a patient's last tetanus shot as no tetanus", () => {
    const ed = 'EMERGENCY DEPARTMENT VISIT - ELECTRICAL INJURY\nContacted a live 277 V wire. Last tetanus >10 yrs ago.\nImpression:\n1. Low-voltage electrical injury, no cardiac involvement.\n2. Second-degree burn of R palm.\nTdap 0.5 mL IM given.';
    const codes = read(ed, 'outpatient', 38, 'M');
    expect(codes).toContain('T754XXA');
    expect(codes.filter((c) => c === 'A35' || c.startsWith('T149'))).toEqual([]);
  });

  it('reads PE tubes in place as ear tubes and a referral about them as none yet, respiratory depression as a breathing abnormality, and a teacher\'s wondering as no autism', () => {
    const tubes = 'A/P:\n1. Fragile X syndrome.\n4. Bilateral PE tubes in place.';
    const codes = read(tubes, 'outpatient', 4, 'M');
    expect(codes).toContain('Z9622');
    expect(codes.filter((c) => c.startsWith('Z867') || c.startsWith('I26'))).toEqual([]);
    expect(read('A/P: Recurrent AOM, bilateral. ENT referral re: PE tubes.', 'outpatient', 2, 'F')).not.toContain('Z9622');
    const overdose = 'MDM / Impression:\n1. Accidental fentanyl poisoning with respiratory depression (bradypnea) and hypoxemia, reversed with naloxone.';
    const od = read(overdose, 'outpatient', 26, 'M');
    expect(od).toEqual(expect.arrayContaining(['T40411A', 'R0689']));
    expect(od.filter((c) => c.startsWith('F32') || c.startsWith('F33'))).toEqual([]);
    const adhd = 'Referred for inattention; teacher also wondered about autism.\nAssessment:\n1. ADHD, combined presentation.\nASD was considered and ruled out.';
    expect(read(adhd, 'outpatient', 7, 'M').filter((c) => c.startsWith('F84'))).toEqual([]);
  });

  it("reads the deficits of a stroke a rehabilitation stay is for as its sequelae, wherever the note lists them", () => {
    const rehab = [
      'INPATIENT REHABILITATION FACILITY - ADMISSION H&P',
      'Reason for admission: Comprehensive inpatient rehab for deficits following L MCA ischemic stroke.',
      'A/P:',
      '1. R dominant-side hemiparesis - PT/OT 3 h/day.',
      '2. Expressive aphasia - daily SLP.',
      '3. Oropharyngeal dysphagia - SLP; dysphagia 2 diet.',
    ].join('\n');
    const codes = read(rehab, 'inpatient', 74, 'M');
    expect(codes).toEqual(expect.arrayContaining(['I69351', 'I69320', 'I69391', 'R1312']));
    expect(codes.filter((c) => c.startsWith('G81') || c === 'R4701' || c.startsWith('I63'))).toEqual([]);
    // A stroke of this stay keeps its deficits its own.
    const acute = 'Assessment:\n1. Acute L MCA ischemic stroke.\n2. R hemiparesis.\nPlan: discharge to rehab for deficits following the stroke.';
    expect(read(acute, 'inpatient', 74, 'M').filter((c) => c.startsWith('I69'))).toEqual([]);
  });
});
