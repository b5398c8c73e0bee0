import { describe, expect, it } from 'vitest';
import { claimed, noteInput, noteReaders } from '../../../helpers/local-engine';

const { shown, engines } = noteReaders();

describe('local engine: probe notes, twenty-seventh session (preventive visits)', () => {
  it('reads an adult preventive visit as the general examination, with abnormal findings only when the visit found one', () => {
    const kept = shown('Chief complaint: Annual exam.\nHPI: Here for preventive visit. No complaints.\nAssessment/Plan:\n1. Routine physical exam - labs ordered.\n2. Hypertension - stable on lisinopril 10 mg, continue.\n3. Hyperlipidemia - continue atorvastatin.', 'outpatient', 52, 'F');
    expect(kept).toEqual(expect.arrayContaining(['Z0000', 'I10', 'E785']));
    expect(kept).not.toContain('Z0001');
    const found = shown('Chief complaint: Well adult visit.\nAssessment/Plan:\n1. Well adult exam.\n2. Elevated BP without diagnosis of hypertension - recheck in 2 weeks.\n3. Hyperlipidemia - continue atorvastatin.', 'outpatient', 52, 'F');
    expect(found).toEqual(expect.arrayContaining(['Z0001', 'R030']));
    expect(found).not.toContain('Z0000');
  });

  it('reads a screening mammogram as the routine one, and screening for sexually transmitted infections as Z11.3', () => {
    expect(shown('Reason for visit: Encounter for screening mammogram.\nAssessment:\n1. Screening mammogram - done today.', 'outpatient', 55, 'F')).toContain('Z1231');
    expect(shown('Reason for visit: STI screening.\nAssessment:\n1. STI screening - GC/CT NAAT sent, asymptomatic.', 'outpatient', 24, 'F')).toContain('Z113');
  });
});

describe('local engine: probe notes, twenty-seventh session (abbreviations)', () => {
  it('reads a prolonged QTc and an elevated BP', () => {
    expect(shown('Assessment:\n1. QTc prolongation on ECG (QTc 512 ms) - stop ondansetron, recheck ECG.')).toContain('R9431');
    expect(shown('Vitals: BP 152/96, HR 78.\nAssessment:\n1. Elevated BP today, no diagnosis of hypertension - recheck in 2 weeks.')).toContain('R030');
  });
});

describe('local engine: probe notes, twenty-seventh session (diabetes)', () => {
  it('links an ulcer of the heel to the diabetes as a foot ulcer, and leaves a venous stasis ulcer to the veins', () => {
    const heel = shown('Assessment:\n1. Type 2 diabetes with ulcer of left heel, limited to breakdown of skin - offloading boot.\n2. Hypertension - stable.');
    expect(heel).toEqual(expect.arrayContaining(['E11621', 'L97421']));
    expect(heel).not.toContain('E119');
    const venous = shown('Assessment:\n1. T2DM - continue metformin.\n2. Venous stasis ulcer of right ankle - compression.');
    expect(venous).toEqual(expect.arrayContaining(['I83013', 'L97319']));
    expect(venous).not.toContain('E11622');
  });

  it('reads hypoglycemia from insulin in a type 2 diabetic as the diabetes\' own, with no drug-induced hypoglycemia beside it', () => {
    const codes = shown('Assessment:\n1. Hypoglycemia due to insulin in type 2 diabetic - reduce glargine to 20 units.');
    expect(codes).toEqual(expect.arrayContaining(['E11649', 'T383X5A', 'Z794']));
    expect(codes).not.toContain('E160');
  });

  it('reads type 2 diabetes in remission (E11.A), and a drug the patient is off as no drug taken', () => {
    const codes = shown('Assessment:\n1. Type 2 diabetes in remission - off metformin since weight loss, A1c 5.6.\n2. Hypertension - stable on lisinopril.');
    expect(codes).toContain('E11A');
    expect(codes).not.toContain('E119');
    expect(codes).not.toContain('Z7984');
  });
});

describe('local engine: probe notes, twenty-seventh session (reactions)', () => {
  it('reads anaphylaxis to a named food as that food\'s anaphylactic reaction', () => {
    expect(shown('Assessment:\n1. Anaphylaxis due to peanut ingestion - epinephrine given, EpiPen prescribed.', 'outpatient', 9)).toContain('T7801XA');
    expect(shown('Assessment:\n1. Anaphylaxis to shellfish - observed 6 hours.', 'outpatient', 40)).toContain('T7802XA');
    // An allergy named as a status stays the status.
    expect(shown('Assessment:\n1. Peanut allergy - EpiPen refilled.', 'outpatient', 9)).toContain('Z91010');
  });
});

describe('local engine: probe notes, twenty-seventh session (visit reasons and history)', () => {
  it('reads administrative examinations and travel counseling as the visit\'s reason', () => {
    expect(shown('Reason for visit: Sports physical.\nAssessment:\n1. Sports physical - cleared for participation.', 'outpatient', 16)).toContain('Z025');
    expect(shown('Reason for visit: DOT physical.\nAssessment:\n1. DOT physical examination - certified for 2 years.', 'outpatient', 50)).toContain('Z024');
    expect(shown('Reason for visit: Travel consultation.\nAssessment:\n1. Travel consultation - typhoid vaccine given.', 'outpatient', 30)).toEqual(expect.arrayContaining(['Z7184', 'Z23']));
    expect(shown('Assessment:\n1. Pre-travel consultation.\n2. Hypertension - stable.', 'outpatient', 30)).toContain('Z7184');
  });

  it('reads a prophylaxis and advice for what may come as no disease', () => {
    const codes = shown('Assessment:\n1. Travel consultation for trip to Kenya.\n2. Malaria chemoprophylaxis - atovaquone-proguanil prescribed.\n3. Advised urgent evaluation for any fever while traveling.', 'outpatient', 30);
    expect(codes).not.toContain('B54');
    expect(codes).not.toContain('R509');
  });

  it('keeps a condition managed here though a primary care provider follows it too', () => {
    expect(shown('Assessment:\n1. Anxiety - stable on sertraline, managed by PCP.\n2. Asthma - albuterol PRN.', 'outpatient', 45, 'F')).toContain('F419');
    // Set aside, with nothing done for it here, it stays uncoded.
    expect(shown('Assessment:\n1. Asthma - albuterol PRN.\n2. Fibromyalgia - followed by PCP.', 'outpatient', 45, 'F')).not.toContain('M797');
  });

  it('reads a healed injury named as history as its personal history', () => {
    const codes = shown('Assessment:\n1. History of concussion - fully recovered, no residual symptoms.\n2. History of ankle sprain.\n3. Hypertension - stable.', 'outpatient', 30);
    expect(codes).toEqual(expect.arrayContaining(['Z87820', 'Z87828']));
    expect(codes).not.toContain('S060X9A');
  });
});

describe('local engine: probe notes, twenty-seventh session (the Index\'s words as notes write them)', () => {
  it('reads a hyperosmolar hyperglycemic state in a diabetic as diabetes with hyperosmolarity, its hyperglycemia part of it', () => {
    const spelled = shown('Discharge diagnoses:\n1. Hyperosmolar hyperglycemic state (HHS) in type 2 diabetes - resolved with IV fluids.\n2. Acute kidney injury.', 'inpatient', 70);
    expect(spelled).toContain('E1100');
    expect(spelled).not.toContain('E1165');
    const abbreviated = shown('Discharge diagnoses:\n1. HHS.\n2. Type 2 diabetes.\n3. Acute kidney injury.', 'inpatient', 70);
    expect(abbreviated).toContain('E1100');
    expect(abbreviated).not.toContain('E1165');
  });

  it('reads a lumbar strain as the low back\'s, and a deep tissue injury as the pressure-induced damage of its site', () => {
    expect(shown('Assessment:\n1. Acute lumbar strain - lifting injury 3 days ago, NSAIDs, PT referral.', 'outpatient', 35)).toContain('S39012A');
    expect(shown('Assessment:\n1. Deep tissue injury of right heel - offloading boots.', 'inpatient', 80, 'F')).toContain('L89616');
    expect(shown('Assessment:\n1. DTI sacrum - turn every 2 hours.', 'inpatient', 80, 'F')).toContain('L89156');
  });

  it('reads a listed abbreviation written with its hyphen', () => {
    expect(shown('Assessment:\n1. G-tube in place - functioning well, continue feeds.', 'outpatient', 70)).toContain('Z931');
  });

  it('moves an osteoporotic fracture to its subsequent encounter as it does an injury', () => {
    const codes = shown('Assessment:\n1. Osteoporosis with current pathological fracture of left hip, subsequent encounter - on alendronate.', 'outpatient', 70, 'F');
    expect(codes).toContain('M80052D');
    expect(codes).not.toContain('M80052A');
  });
});

describe('local engine: last session\'s review items', () => {
  it('gives the vaccine given today though another is put off to the next visit', () => {
    const note = (plan: string): string[] => shown(`Assessment:\n1. Health maintenance - ${plan}\n2. Hypertension - stable on lisinopril.`, 'outpatient', 50, 'F');
    expect(note('Tdap today, will return for flu shot next visit.')).toContain('Z23');
    expect(note('Flu shot today - declined.')).not.toContain('Z23');
  });

  it('reads insulin taken badly as insulin taken, and "non-insulin-dependent" as none', () => {
    expect(shown('Assessment:\n1. Type 2 diabetes - non adherent with insulin glargine, A1c 9.8.', 'outpatient', 50, 'F')).toContain('Z794');
    expect(shown('Assessment:\n1. Non-insulin-dependent diabetes - on metformin.', 'outpatient', 50, 'F')).not.toContain('Z794');
  });

  it('reads a contrast allergy as the radiographic dye allergy status, not a reaction now', () => {
    const codes = shown('Allergies: IV contrast (hives).\nAssessment:\n1. Contrast allergy - premedicate with prednisone and diphenhydramine before CT.\n2. Hypertension - stable.', 'outpatient', 50, 'F');
    expect(codes).toContain('Z91041');
    expect(codes).not.toContain('T7840XA');
  });
});

describe('local engine: probe notes, twenty-seventh session (podiatry, vascular, addiction, sexual health)', () => {
  it('reads a Charcot foot in a diabetic as diabetic neuropathic arthropathy, and limb atherosclerosis as diabetic peripheral angiopathy beside it', () => {
    expect(shown('Assessment:\n1. Charcot foot, right, due to type 2 diabetes - total contact cast.')).toContain('E11610');
    const pad = shown('Assessment:\n1. Type 2 diabetes with atherosclerosis of native arteries of right leg with intermittent claudication - cilostazol, walking program.');
    expect(pad).toEqual(expect.arrayContaining(['E1151', 'I70211']));
    expect(pad).not.toContain('E119');
  });

  it('reads hammertoe written solid, and pain in a phantom limb as the phantom limb syndrome with pain', () => {
    const codes = shown('Assessment:\n1. Hammertoe, left second toe - padding.\n2. Phantom limb pain - gabapentin 300 mg TID.');
    expect(codes).toEqual(expect.arrayContaining(['M2042', 'G546']));
    expect(codes).not.toContain('M79609');
  });

  it('reads venous hypertension as the veins\', not essential hypertension', () => {
    const codes = shown('Assessment:\n1. Venous hypertension of lower extremities - compression stockings.');
    expect(codes).toContain('I87309');
    expect(codes).not.toContain('I10');
  });

  it('reads an opioid use disorder on methadone maintenance as dependence, with no question of its severity', () => {
    const run = engines.shipped.suggest(noteInput('Assessment:\n1. Opioid use disorder - on methadone maintenance, stable.', { age: 40 }));
    expect(claimed(run)).toContain('F1120');
    expect(run.suggestions.filter((s) => s.kind === 'query')).toEqual([]);
  });

  it('reads HIV pre-exposure prophylaxis as the visit\'s reason and no HIV, and a vaccine given elsewhere as no immunization today', () => {
    const prep = shown('Assessment:\n1. HIV PrEP - continue emtricitabine/tenofovir, HIV test negative today.\n2. Hypertension - stable.', 'outpatient', 30);
    expect(prep).toContain('Z2981');
    expect(prep).not.toContain('B20');
    expect(shown('Assessment:\n1. Influenza vaccine given this fall at pharmacy.\n2. Hypertension - stable.')).not.toContain('Z23');
  });
});

describe('local engine: probe notes, twenty-seventh session (combinations read whole)', () => {
  it('reads a bleeding diverticulosis once, with its bleeding', () => {
    const codes = shown('Discharge diagnoses:\n1. Lower GI bleed due to diverticulosis of sigmoid colon.\n2. Acute blood loss anemia.', 'inpatient', 70);
    expect(codes).toContain('K5731');
    expect(codes).not.toContain('K5730');
  });

  it('reads influenza with a pneumonia of stated kind as "with specified pneumonia", the pneumonia beside it', () => {
    const codes = shown('Discharge diagnoses:\n1. Influenza A with MRSA pneumonia.', 'inpatient', 70);
    expect(codes).toEqual(expect.arrayContaining(['J1008', 'J15212']));
    expect(codes).not.toContain('J1000');
  });

  it('reads a chemical burn as a corrosion of its region', () => {
    const codes = shown('Assessment:\n1. Chemical burn of right hand from drain cleaner, second degree - silver sulfadiazine.', 'outpatient', 30);
    expect(codes).toContain('T23601A');
    expect(codes).not.toContain('T23201A');
    expect(codes.filter((c) => c.startsWith('T30'))).toEqual([]);
  });

  it('reads the deficits an old brain hemorrhage left as its sequelae, and an acute one\'s as its own', () => {
    const ich = shown('Assessment:\n1. Left hemiparesis following nontraumatic intracerebral hemorrhage (8/2025) - PT.', 'outpatient', 70);
    expect(ich).toContain('I69154');
    expect(ich.filter((c) => /^I61|^G81/.test(c))).toEqual([]);
    expect(shown('Assessment:\n1. Aphasia due to subarachnoid hemorrhage 2 years ago - speech therapy.', 'outpatient', 70)).toContain('I69020');
    expect(shown('Assessment:\n1. Right hemiparesis following ischemic stroke in 2019 - PT.', 'outpatient', 70)).toContain('I69351');
    expect(shown('Discharge diagnoses:\n1. Acute intracerebral hemorrhage with left hemiparesis.', 'inpatient', 70)).toEqual(expect.arrayContaining(['I619', 'G8194']));
  });
});

describe('local engine: probe notes, twenty-seventh session (names notes use)', () => {
  it('reads Crohn\'s colitis as Crohn\'s of the large intestine, not Crohn\'s and a colitis', () => {
    const codes = shown('Assessment:\n1. Crohn\'s colitis - on infliximab.', 'outpatient', 30, 'F');
    expect(codes).toContain('K5010');
    expect(codes).not.toContain('K529');
    expect(codes).not.toContain('K5090');
  });

  it('reads an illness by its kind, a Hashimoto hypothyroidism as autoimmune, a bedbound patient as bedridden', () => {
    const illness = shown('Assessment:\n1. Heat illness - oral rehydration.\n2. Viral illness - supportive care.', 'outpatient', 30);
    expect(illness).toEqual(expect.arrayContaining(['T679XXA', 'B349']));
    expect(illness).not.toContain('R69');
    expect(shown('Assessment:\n1. Hashimoto hypothyroidism - continue levothyroxine 75 mcg.', 'outpatient', 50, 'F')).toContain('E063');
    expect(shown('Assessment:\n1. Incontinent of urine - briefs, skin care.\n2. Bedbound - turn every 2 hours.', 'outpatient', 85, 'F')).toEqual(expect.arrayContaining(['R32', 'Z7401']));
  });
});
