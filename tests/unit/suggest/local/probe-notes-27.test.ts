import { describe, expect, it } from 'vitest';
import { claimed, noteInput, useLocalEngines } from '../../../helpers/local-engine';
import type { Setting } from '../../../../src/shared/chart';

const engines = useLocalEngines();
/** What the shipped engine (CodiEsp priors and their threshold) shows the coder for a note. */
const shown = (text: string, setting: Setting = 'outpatient', age = 60, sex: 'M' | 'F' = 'M'): string[] => claimed(engines.shipped.suggest(noteInput(text, { age, sex }, setting))).sort();

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
