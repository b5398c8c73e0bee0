import { describe, expect, it } from 'vitest';
import { claimed, noteInput, useLocalEngines } from '../../../helpers/local-engine';

const engines = useLocalEngines();
/** What the shipped engine puts on the claim for an emergency visit's note. */
const shown = (text: string, age = 30, sex: 'M' | 'F' = 'F'): string[] => claimed(engines.shipped.suggest(noteInput(text, { age, sex })));
const poisonings = (codes: string[]): string[] => codes.filter((c) => /^T(3[6-9]|[45]\d|6[0-5])/.test(c)).sort();

describe('local engine: poisonings from the Table of Drugs and Chemicals', () => {
  it('codes each drug taken wrongly by the intent the sentence states, before or after the overdose', () => {
    expect(poisonings(shown('Assessment:\n1. Intentional acetaminophen overdose - N-acetylcysteine started, psychiatry consulted.'))).toEqual(['T391X2A']);
    expect(poisonings(shown('Assessment:\n1. Accidental fentanyl overdose - Narcan given, observed.', 30, 'M'))).toEqual(['T40411A']);
    // Two drugs, one a brand the Table lists by its generic name; after "ingestion of" with a quantity and an owner between.
    expect(poisonings(shown('Assessment:\n1. Suicide attempt by ingestion of 30 tablets of her mother\'s lorazepam and Benadryl - poison control called, monitoring.'))).toEqual(['T424X2A', 'T450X2A']);
    // A combination product is both its drugs; intent the note says cannot be told is undetermined.
    expect(poisonings(shown('Assessment:\n1. Overdose of Percocet, intent unclear - LFTs and acetaminophen level pending.'))).toEqual(['T391X4A', 'T402X4A']);
    expect(poisonings(shown('Assessment:\n1. Polysubstance overdose (cocaine, alcohol) - observed on telemetry.', 30, 'M'))).toEqual(['T405X1A', 'T510X1A']);
  });

  it('takes the intent from the rest of the chart where the sentence says none, and accidental where nothing does (I.C.19.e.5.b)', () => {
    const story = 'HPI: Brought in by her roommate after she took a handful of Tylenol PM about 4 hours ago.\nAssessment:\n1. Suicide attempt - 1:1 sitter, psychiatry to evaluate, NAC per nomogram.';
    const codes = shown(story, 19);
    expect(poisonings(codes)).toEqual(['T391X2A', 'T450X2A']);
    // The method known, the suicide attempt is coded by it: no T14.91 of unknown method beside it.
    expect(codes).not.toContain('T1491XA');
    expect(poisonings(shown('HPI: 3 yo who ingested his grandmother\'s metoprolol; parents called poison control.\nAssessment: observed, glucose and HR monitored.', 3, 'M'))).toEqual(['T447X1A']);
    expect(poisonings(shown('Assessment:\n1. Took extra doses of her insulin by mistake - glucose checks q1h.'))).toContain('T383X1A');
  });

  it('reads the substance the Table names, not the Index\'s poisoning by an unspecified one', () => {
    const codes = shown('Assessment:\n1. Carbon monoxide poisoning from a faulty space heater - on 100% oxygen.', 45, 'M');
    expect(poisonings(codes)).toEqual(['T5891XA']);
    // Lithium the drug is its salts (T43.59-), not the metal (T56.89-).
    expect(poisonings(shown('Assessment:\n1. Lithium overdose, intentional - nephrology for dialysis.', 40, 'M'))).toEqual(['T43592A']);
  });

  it('codes no poisoning denied, past, a relative\'s, hypothetical, or a drug taken as directed', () => {
    for (const text of [
      'Assessment: Depression - denies overdose or self-harm.',
      'Plan: Naloxone kit prescribed in case of opioid overdose.',
      'PMH: heroin overdose 2019, now in recovery on buprenorphine.',
      'Assessment: Opioid use disorder. History of heroin overdose in 2019.',
      'Social: her brother died of a fentanyl overdose last year.',
      'Assessment: Headache - took 2 tablets of ibuprofen with relief.',
      'Social: reports heavy alcohol ingestion on weekends.',
      'Assessment: Possible acetaminophen overdose - level pending.',
    ]) expect(poisonings(shown(text)), text).toEqual([]);
  });

  it('leaves a drug properly taken to its adverse effect', () => {
    const codes = shown('Assessment:\n1. Hypotension due to tamsulosin - hold tamsulosin.', 70, 'M');
    expect(codes).toEqual(expect.arrayContaining(['I952', 'T446X5A']));
  });
});

describe('local engine: underdosing (I.C.19.e.5.c)', () => {
  it('codes a drug taken less than prescribed with the noncompliance its reason names', () => {
    const codes = shown('Assessment:\n1. Hypertension, uncontrolled - ran out of lisinopril 2 weeks ago. Refilled today.', 60, 'M');
    // No reason given: the Index's "Noncompliance > with > medication regimen NEC > underdosing".
    expect(codes).toEqual(expect.arrayContaining(['I10', 'T464X6A', 'Z91148']));
    expect(shown('Assessment:\n1. Hyperlipidemia - not taking atorvastatin because he cannot afford it; switched to generic pravastatin.', 60, 'M')).toEqual(expect.arrayContaining(['E785', 'T466X6A', 'Z91120']));
    const own = shown('Assessment:\n1. Type 2 diabetes - stopped taking metformin on his own, A1c 8.9. Restart.', 60, 'M');
    expect(own).toEqual(expect.arrayContaining(['T383X6A', 'Z91128']));
    expect(own).not.toContain('Z91148');
    expect(shown('Assessment:\n1. Forgot to take his losartan for a week - pill box set up.', 70, 'M')).toEqual(expect.arrayContaining(['T465X6A', 'Z91138']));
    // The seizure the missed doses let through is still coded: an underdosing is no diagnosis it is part of.
    expect(shown('Assessment:\n1. Breakthrough seizure due to missed doses of levetiracetam - resume 500 mg BID.', 30, 'M')).toEqual(expect.arrayContaining(['R569', 'T426X6A']));
  });

  it('codes no underdosing denied, directed by a provider, long past, or on a medication list', () => {
    for (const text of [
      'Assessment: Atrial fibrillation - denies missed doses of apixaban.',
      'Assessment: Bradycardia - metoprolol held by cardiology.',
      'Assessment: Hypertension - was told to stop taking lisinopril because of cough; on losartan.',
      'Assessment: Hyperlipidemia - stopped taking simvastatin 3 years ago for myalgias, now on diet alone.',
      'Medications: lisinopril 10 mg daily - not taking.',
    ]) expect(shown(text, 60, 'M').filter((c) => /^T\d\d.{3}6|^Z911/.test(c)), text).toEqual([]);
  });
});

describe('local engine: drugs the Table codes only by class', () => {
  it('gives an adverse effect of a drug the Table does not name its class line\'s code', () => {
    const codes = shown('A/P:\n1. Lower extremity edema due to amlodipine - reduce to 5 mg.\n2. Gross hematuria due to apixaban - hold apixaban.\n3. Dizziness - adverse effect of gabapentin.\n4. Myalgias from atorvastatin - switch to pravastatin.', 70, 'M');
    // Calcium channel blockers T46.1, anticoagulants T45.51, antiepileptics NEC T42.6, antihyperlipidemics T46.6.
    expect(codes).toEqual(expect.arrayContaining(['T461X5A', 'T45515A', 'T426X5A', 'T466X5A']));
    // Transplant immunosuppressants the Table does not name, and cyclosporine as US notes spell it.
    expect(shown('A/P:\n1. Hypomagnesemia due to tacrolimus - replete.\n2. Tremor due to cyclosporine - level checked.', 55, 'M')).toEqual(expect.arrayContaining(['E8342', 'T451X5A']));
  });
});
