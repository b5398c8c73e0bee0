// Regressions found by the thirty-fourth session's probe notes (tests/fixtures/probe-notes/round34.jsonl):
// obstetrics and gynecology, pediatrics, geriatrics/home health/hospice, ophthalmology/ENT/pain.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();

describe('local engine: probe notes, thirty-fourth session (a pregnancy and its delivery)', () => {
  it('codes a delivery stay whose discharge diagnoses repeat the admission\'s, in their childbirth forms', () => {
    const note = [
      'OBSTETRIC DISCHARGE SUMMARY',
      '',
      'Admit dx: IUP at 37w2d, severe preeclampsia',
      'Discharge dx: same, s/p NSVD; PPH d/t uterine atony; 1st degree perineal laceration; GBS carrier',
      '',
      'Hospital course: Presented to L&D at 37w2d with BP 168/112. Magnesium started. NSVD of liveborn female, 3240 g, Apgars 8/9. 1st degree perineal laceration repaired.',
    ].join('\n');
    const codes = shown(note, 'inpatient', 32, 'F');
    expect(codes).toEqual(expect.arrayContaining(['O1414', 'O721', 'O700', 'O99824', 'Z3A37', 'Z370']));
    // The carrier's own code is kept off by O99.82's Excludes1.
    expect(codes).not.toContain('Z22330');
    // Twins leave the outcome to the coder.
    expect(read(note.replace('liveborn female', 'liveborn twins'), 'inpatient', 32, 'F').filter((c) => c.startsWith('Z37'))).toEqual([]);
  });

  it('dates a labor by the weeks at admission and takes the childbirth form of gestational diabetes', () => {
    const note = [
      'DELIVERY / DISCHARGE SUMMARY',
      '29F G1P0. Admitted at 39w4d in spontaneous active labor (5 cm).',
      'Antepartum problems: Gestational DM A2 - started NPH + lispro at 30 wk; fair control.',
      'Primary low transverse cesarean. Liveborn male, 4390 g.',
      'Final dx:',
      '1. Arrest of active phase of labor -> primary LTCS',
      '2. GDM, insulin-controlled',
      '3. Term IUP 39w4d, delivered, single liveborn',
    ].join('\n');
    const codes = shown(note, 'inpatient', 29, 'F');
    expect(codes).toEqual(expect.arrayContaining(['O24424', 'O621', 'Z3A39', 'Z370']));
    expect(codes).not.toContain('Z3A30');
    expect(codes).not.toContain('O24414');
  });

  it('reads a routine OB visit: its weeks, what measured findings add up to, and no second diabetes', () => {
    const note = 'ROB 26w2d. G2P1001. Here for 3h GTT results: 2 abnl = GDM. Also Hgb 9.6, MCV 76, ferritin 9 -> IDA. Pre-preg BMI 37.2 (obesity cl II).\nPlan: GDM diet-controlled - DM ed/RD today, glucometer. FeSO4 325 mg QOD. Growth US 32 wk (GDM/obesity).';
    const codes = shown(note, 'outpatient', 31, 'F');
    expect(codes).toEqual(expect.arrayContaining(['O24410', 'D509', 'O99012', 'E66812', 'O99212', 'Z3A26']));
    expect(codes.filter((c) => c.startsWith('E11') || c.startsWith('O2411') || c.startsWith('Z68') || c === 'E669')).toEqual([]);
    // A drug's reaction written with an arrow is no conclusion of this visit: "ALL: amoxicillin -> hives".
    expect(shown('sick visit. 2yo F tugging both ears.\nALL: amoxicillin -> hives.\nImp: AOM bilat, suppurative, recurrent.', 'outpatient', 2, 'F')).not.toContain('L509');
  });

  it('reads a normal first pregnancy as its supervision, and weight-gain counseling as no weight gain', () => {
    const note = 'NEW OB VISIT\n27 yo G1P0 at 9w2d by LMP.\nA/P: IUP at 9w2d, normal first pregnancy, low risk.\n- Diet/exercise/wt gain counseling (goal 25-35 lb).';
    const codes = shown(note, 'outpatient', 27, 'F');
    expect(codes).toEqual(expect.arrayContaining(['Z3401', 'Z3A09']));
    expect(codes).not.toContain('R635');
    // A complicated pregnancy is no normal one.
    const lost = shown('# Assessment and Plan\nPatient is presenting with normal pregnancy (finding), miscarriage in first trimester (disorder), complete miscarriage (disorder).', 'outpatient', 28, 'F');
    expect(lost.filter((c) => c.startsWith('O03'))).not.toEqual([]);
    expect(lost.filter((c) => c.startsWith('Z34'))).toEqual([]);
  });

  it('keeps hyperemesis with metabolic disturbance whole and a list of diagnoses considered unmade', () => {
    const note = 'ED NOTE\n22 y/o F G1P0 at 11w4d presents w/ N/V x 5 days.\nMDM/Impression: Hyperemesis gravidarum with dehydration, ketosis, hypokalemia. Responded to IVF/antiemetics. Considered gastroenteritis, pancreatitis, UTI - workup unrevealing, not c/w.';
    const codes = shown(note, 'outpatient', 22, 'F');
    expect(codes).toEqual(expect.arrayContaining(['O211', 'Z3A11']));
    expect(codes.filter((c) => ['E8889', 'O99281', 'K529', 'K8590', 'O2341', 'O99611'].includes(c))).toEqual([]);
  });

  it('reads fibroids by their layer, menopausal symptoms as "sx", and a first prescription of the pill', () => {
    const fibroids = read('Data: TVUS: 4.2 cm intramural fibroid posterior fundus; 2.1 cm submucosal fibroid distorting cavity.\nA/P: heavy menstrual bleeding due to uterine leiomyomata.', 'outpatient', 44, 'F');
    expect(fibroids).toEqual(expect.arrayContaining(['D250', 'D251']));
    expect(read('A/P: 1. Menopausal vasomotor sx - well controlled on systemic HRT.', 'outpatient', 53, 'F')).toContain('N951');
    const pill = shown('A/P:\n- Contraception counseling - desires OCP\nPlan:\n- Start combined OCP (EE 30/drospirenone), counseled on use, missed pills.', 'outpatient', 24, 'F');
    expect(pill).toContain('Z30011');
    expect(pill.filter((c) => c === 'Z793' || c === 'Z3009')).toEqual([]);
    // Only talked of: no prescription.
    expect(read('Plan: discussed options, will start OCP next visit if she wishes.', 'outpatient', 24, 'F')).not.toContain('Z30011');
  });
});

describe('local engine: probe notes, thirty-fourth session (other findings)', () => {
  it('codes a session of chemotherapy, immunotherapy or radiotherapy by its place in the course', () => {
    const chemo = shown('MEDICAL ONCOLOGY - INFUSION VISIT\n58 y/o M w/ adenocarcinoma of sigmoid colon, liver mets. Here for C4D1 mFOLFOX6.\nA/P: 1. Metastatic sigmoid colon ca - proceed C4D1 today.', 'outpatient', 58);
    expect(chemo).toContain('Z5111');
    const immuno = shown('Thoracic Oncology - Immunotherapy visit\nS: Here for cycle 8 pembrolizumab (q3wk) for stage IV lung adenocarcinoma of the RUL.\nA: Lung adenocarcinoma RUL - continue.', 'outpatient', 66);
    expect(immuno).toContain('Z5112');
    expect(immuno).not.toContain('Z5111');
    expect(shown('RADIATION ONCOLOGY - WEEKLY ON-TREATMENT VISIT\nSite: L base of tongue SCC.\nTreatment: IMRT 70 Gy / 35 fx. Fraction today: 24/35.\nA: SCC base of tongue on RT.', 'outpatient', 60)).toContain('Z510');
    // A cycle held is no session.
    expect(read('Infusion visit. Breast cancer, L, on paclitaxel. Here for C3D1 - held for ANC 0.8.', 'outpatient', 50, 'F')).not.toContain('Z5111');
  });

  it('reads a test offered as no infection, and the drug beside an allergy as its substance', () => {
    expect(shown('Lab: urine hCG neg. HIV offered — declined today.\nA/P: 1. Well adolescent exam.', 'outpatient', 16, 'F')).not.toContain('B20');
    const codes = shown('A: Acute recurrent streptococcal tonsillitis. No abscess.\nP: Azithromycin x5d (PCN allergy). Tonsillectomy once infection cleared.', 'outpatient', 19);
    expect(codes).toEqual(expect.arrayContaining(['J0301', 'Z880']));
    expect(codes.filter((c) => c === 'Z881' || c === 'B999')).toEqual([]);
  });

  it('codes palliative care given and a DNR decided in a discussion', () => {
    const stay = shown('DISCHARGE SUMMARY\nPrincipal diagnosis: Aspiration pneumonia\nHospital course: treated with ampicillin-sulbactam.\nGoals of care: palliative care consulted D2. Son (HCPOA) confirmed DNR/DNI.', 'inpatient', 88, 'F');
    expect(stay).toEqual(expect.arrayContaining(['J690', 'Z515', 'Z66']));
    const consult = shown('Outpatient Palliative Care - initial consultation\nExam: frail.\nDiscussion (~60 min, majority ACP): he declines dialysis.\nDecisions today:\n- Code status DNR/DNI; POLST completed.\nPlan:\n1. CKD 5, conservative mgmt.', 'outpatient', 83);
    expect(consult).toEqual(expect.arrayContaining(['Z515', 'Z66', 'N185']));
    // Only talked of: no palliative care given.
    expect(read('Plan: discussed palliative care options with family.', 'outpatient', 83)).not.toContain('Z515');
  });

  it('reads a steroid taper and a drug the discharge stops as no long-term therapy', () => {
    const stay = [
      'DISCHARGE SUMMARY',
      'HPI / Hospital course: 58 y/o M with HTN, DM2 (metformin) presented with L5 radicular pain despite oral prednisone taper, NSAIDs, and PT.',
      'Glucose: steroid-induced hyperglycemia in the setting of type 2 diabetes; metformin held, covered with basal-bolus insulin. Resume metformin at home; no insulin at discharge.',
      'Discharge diagnoses:',
      '1. Left L4-5 disc extrusion with L5 radiculopathy',
      '2. Steroid-induced hyperglycemia, type 2 DM',
    ].join('\n');
    const codes = read(stay, 'inpatient', 58);
    expect(codes).toEqual(expect.arrayContaining(['E1165', 'Z7984']));
    expect(codes.filter((c) => c === 'Z794' || c === 'Z7952')).toEqual([]);
    // A taper down to the dose a chronic user keeps is no short course.
    expect(read('Meds: MMF 1 g BID, prednisone 5 mg daily.\nA/P: 1. SLE with lupus nephritis. Continue MMF. Taper prednisone to 4 mg x 1 month then 2.5 mg.', 'outpatient', 40, 'F')).toContain('Z7952');
  });

  it('reads a provider\'s addendum as the assessment, and a teaching\'s topics as no condition', () => {
    const visit = 'HH SN visit - medication management\nApical HR 44-48, irregular.\n\nNP telephone addendum:\n- Chronic diastolic HF - compensated, wt up 3 lb.\n- Permanent AF, on apixaban - cont.\n- HTN - hold losartan x 2 d.';
    expect(shown(visit, 'outpatient', 82, 'F')).toEqual(expect.arrayContaining(['I110', 'I5032', 'I4821', 'Z7901']));
    const taught = read('D/c dx: Type 1 diabetes mellitus, new onset, with DKA (resolved).\nDiabetes education completed by CDE with both parents (insulin admin, carb counting, hypoglycemia tx, glucagon, sick day rules).', 'inpatient', 10);
    expect(taught).toContain('E1010');
    expect(taught).not.toContain('E10649');
  });

  it('keeps a well visit beside the pill it starts, and an activity only beside an injury', () => {
    const well = shown('ADOLESCENT WELL VISIT - 16 yo\nA/P:\n1. Well adolescent exam.\n2. Obesity, class 1 - counseled.\n3. Contraception: start combined OCP (norgestimate-EE).', 'outpatient', 16, 'F');
    expect(well).toEqual(expect.arrayContaining(['Z00121', 'Z30011']));
    const pump = read('Assessment:\n1. T1DM with hyperglycemia - A1c 9.3%.\nPlan:\n- Use activity mode 1 hr before soccer + 15 g snack pre-practice.', 'outpatient', 14);
    expect(pump).toContain('E1065');
    expect(pump.filter((c) => c.startsWith('Y9'))).toEqual([]);
  });

  it('reads a Greek plural, and leaves spider angiomata to the liver disease they are signs of', () => {
    expect(read('A: spider angiomata of the chest wall.', 'outpatient', 50, 'F')).toContain('I781');
    expect(read('A: Alcoholic cirrhosis, decompensated. Exam: jaundice, spider angiomata.', 'inpatient', 60)).not.toContain('I781');
  });
});
