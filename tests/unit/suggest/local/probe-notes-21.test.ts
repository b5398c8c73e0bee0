import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read } = noteReaders({ age: 70, sex: 'F' });

describe('local engine: probe notes, twenty-first session (conditions a drug caused)', () => {
  it('reads "X due to <drug>" as the Index\'s drug-induced X, with the drug\'s adverse effect', () => {
    // "Constipation > drug-induced" K59.03, not K59.00; oxycodone's adverse effect T40.2X5A.
    expect(read('Assessment: Constipation due to oxycodone - start senna.')).toEqual(['K5903', 'T402X5A']);
    expect(read('Assessment: Diarrhea from metformin - switch to extended release.')).toContain('K521');
    expect(read('Assessment: Diarrhea from metformin - switch to extended release.')).toContain('T383X5A');
    // Chemotherapy keeps its own Index line ("Pancytopenia > due to > antineoplastic chemotherapy").
    expect(read('Assessment: Pancytopenia due to chemo - transfuse.', 'inpatient')).toEqual(['D61810', 'T451X5A']);
  });

  it('names the contrast medium of a contrast injury, however it was given', () => {
    expect(read('Assessment: AKI due to IV contrast - IV fluids.', 'inpatient')).toContain('T508X5A');
    expect(read('Assessment: Contrast-induced nephropathy - hold metformin, recheck creatinine.', 'inpatient')).toEqual(expect.arrayContaining(['N1411', 'T508X5A']));
  });
});

describe('local engine: probe notes, twenty-first session (remission and status epilepticus)', () => {
  it('reads "in remission" after a dash as the state of the dependence the line names', () => {
    expect(read('Assessment:\n1. History of opioid dependence (heroin) - in sustained remission, on buprenorphine.')).toContain('F1121');
    expect(read('Assessment:\n1. History of opioid dependence (heroin) - in sustained remission, on buprenorphine.')).not.toContain('F1120');
  });

  it('codes status epilepticus said alone, and not a past one as the current epilepsy\'s', () => {
    expect(read('Assessment:\n1. Status epilepticus - lorazepam given, load levetiracetam.', 'inpatient')).toEqual(['G40901']);
    expect(read('PMH: history of status epilepticus in 2019.\nAssessment: Epilepsy, well controlled on lamotrigine.').filter((c) => c.startsWith('G'))).toEqual(['G40909']);
    // A denied one is still the "without" code of the epilepsy the line names.
    expect(read('Assessment: Focal epilepsy, intractable, without status epilepticus - increase lacosamide.').filter((c) => c.startsWith('G'))).toEqual(['G40119']);
  });
});

describe('local engine: probe notes, twenty-first session (what a line says of its condition)', () => {
  it('ends a denial at an em-dash as at a spaced hyphen', () => {
    expect(read('Assessment: 1. Afebrile, no chills — cellulitis of left lower leg, start cephalexin.')).toEqual(['L03116']);
    expect(read('Assessment: Cough not improving — community-acquired pneumonia, start amoxicillin.')).toContain('J189');
  });

  it('reads "X - not suspected" as a denial of X, and "not likely" only of what follows it', () => {
    expect(read('Assessment/Plan:\n1. DVT - not suspected; no imaging.\n2. PE - not suspected.\n3. Hypertension - continue lisinopril.')).toEqual(['I10']);
    expect(read('Assessment/Plan:\n1. Cellulitis of left leg - not likely abscess, start cephalexin.')).toEqual(['L03116']);
  });

  it('reads a tetanus status as an immunization, not the disease', () => {
    expect(read('Assessment: 1. Laceration of right hand, repaired. 2. Tetanus up to date.')).toEqual(['S61411A']);
    expect(read('Assessment: 1. Tetanus status not current - Tdap given today.')).toEqual(['Z23']);
    expect(read('Assessment: 1. Tetanus - trismus, admit ICU, tetanus immune globulin.', 'inpatient')).toEqual(['A35']);
  });

  it('reads a history of a fracture as the personal history of a traumatic fracture (Z87.81)', () => {
    expect(read('Assessment/Plan:\n1. History of left ankle fracture, healed.')).toEqual(['Z8781']);
    expect(read('Assessment/Plan:\n1. History of fragility fracture of wrist. Osteoporosis - continue alendronate.')).toEqual(['M810', 'Z7983', 'Z87310']);
    expect(read('Assessment: Closed fracture of left distal radius - splint.')).toEqual(['S52502A']);
  });
});

describe('local engine: probe notes, twenty-first session (malignancies of blood)', () => {
  it('takes the "in remission" or "in relapse" code a malignancy of blood\'s line says, never a denied one', () => {
    // Imatinib taken for years is other long-term drug therapy (Z79.899; round 37).
    expect(read('Assessment/Plan:\n1. Chronic myelogenous leukemia in remission - continue imatinib.')).toEqual(['C9211', 'Z79899']);
    expect(read('Assessment/Plan:\n1. Chronic lymphocytic leukemia of B-cell type, relapsed - start ibrutinib.')).toEqual(['C9112', 'Z79899']);
    expect(read('Assessment/Plan:\n1. Acute myeloid leukemia - induction chemotherapy, not yet in remission.')).toEqual(['C9200']);
    expect(read('Assessment/Plan:\n1. Multiple myeloma not in remission - continue lenalidomide.')).toEqual(['C9000']);
  });

  it('reads the usual initials of blood and lung cancers, and a CT of chest, abdomen and pelvis as no pneumonia', () => {
    expect(read('Assessment/Plan:\n1. NSCLC of the left lower lobe - continue pembrolizumab.\n2. CML, chronic phase, in remission - continue imatinib.\n3. CLL - observe.\n4. MGUS - annual SPEP.')).toEqual(['C3432', 'C9110', 'C9211', 'D472', 'Z79899']);
    expect(read('Assessment/Plan:\n1. Chronic myeloid leukemia - continue dasatinib.\n2. AKI secondary to ATN - IV fluids.', 'inpatient')).toEqual(['C9210', 'N170', 'Z79899']);
    expect(read('Assessment/Plan:\n1. Type 2 diabetes - continue metformin. CT CAP showed no metastatic disease.')).toEqual(['E119', 'Z7984']);
    expect(read('Assessment/Plan:\n1. CAP - start ceftriaxone and azithromycin.')).toEqual(['J189']);
  });
});

describe('local engine: probe notes, twenty-first session (second batch)', () => {
  it('reads C. difficile however it is written, recurrence included, and no infectious colitis NOS beside it', () => {
    expect(read('Assessment/Plan:\n1. Recurrent C. difficile colitis - start fidaxomicin.')).toEqual(['A0471']);
    expect(read('Assessment/Plan:\n1. CDI - oral vancomycin.')).toEqual(['A0472']);
  });

  it('reads "diabetes due to" a physical condition as E08, but not a diabetes whose type the note states', () => {
    expect(read('Assessment/Plan:\n1. Diabetes due to chronic pancreatitis - continue insulin glargine.')).toEqual(['E089', 'K861', 'Z794']);
    expect(read('Assessment/Plan:\n1. Type 2 diabetes due to obesity - metformin.')).toEqual(['E119', 'E669', 'Z7984']);
  });

  it('reads no disease from an eponym that is a pronoun ("Hers\' disease", "Disease > His")', () => {
    expect(read('Assessment/Plan:\n1. Bone disease - monitor with skeletal survey.\n2. Her disease is stable.')).toEqual([]);
  });

  it('reads a stent of a duct as no cardiac or vascular implant, and avascular necrosis as osteonecrosis', () => {
    expect(read('Assessment/Plan:\n1. Biliary stent in place - ERCP in 3 months.')).toEqual([]);
    expect(read('Assessment/Plan:\n1. CAD s/p stent to LAD - continue aspirin, clopidogrel.')).toContain('Z955');
    expect(read('Assessment/Plan:\n1. Avascular necrosis of left femoral head - orthopedics referral.')).toEqual(['M879']);
  });
});

describe('local engine: probe notes, twenty-first session (what was excluded, what a cancer does)', () => {
  it('reads a condition "considered on admission but ruled out" as excluded, and its combinations with it', () => {
    expect(read('Hospital course: Chest x-ray without infiltrate; pneumonia was considered on admission but ruled out. COPD: No exacerbation. Continued tiotropium.', 'inpatient')).toEqual(['J449']);
    expect(read('Discharge diagnoses: Sepsis was suspected on admission but was ruled out. UTI - ceftriaxone.', 'inpatient')).toEqual(['N390']);
  });

  it('reads "stable disease" as the cancer\'s response, no disease of the site named before it', () => {
    expect(read('Assessment/Plan:\n1. Metastatic lung cancer with bone and left adrenal metastases - stable disease, continue pembrolizumab.')).not.toContain('E279');
    expect(read('Assessment/Plan:\n1. Stable coronary artery disease - continue aspirin.')).toEqual(['I2510', 'Z7982']);
  });
});

describe("local engine: probe notes, twenty-first session (Crohn's disease of both intestines)", () => {
  it("reads Crohn's ileocolitis and Crohn's of small and large intestine as K50.80, no ileocolitis NOS beside it", () => {
    expect(read("Assessment/Plan:\n1. Crohn's ileocolitis - continue adalimumab.")).toEqual(['K5080', 'Z79620']);
    expect(read("Assessment/Plan:\n1. Crohn's disease of small and large intestine - mesalamine.")).toEqual(['K5080']);
  });
});

describe('local engine: probe notes, twenty-first session (bites)', () => {
  it('codes the open bite alone where the line names the bite and its puncture or laceration', () => {
    // The external cause (W54.0, W26.0) is coded beside the wound since the forty-first session; the wound is one code.
    const wounds = (note: string): string[] => read(note, 'outpatient').filter((c) => /^[ST]/.test(c));
    expect(wounds('Assessment/Plan:\n1. Dog bite of right hand with puncture wound. Irrigated.')).toEqual(['S61451A']);
    expect(wounds('Assessment/Plan:\n1. Dog bite, L forearm - multiple puncture wounds and a laceration.')).toEqual(['S51852A']);
    expect(wounds('Assessment/Plan:\n1. Laceration of right hand from a kitchen knife, repaired.')).toEqual(['S61411A']);
  });

  it('still reads "but ruled out" before a word as denying what follows', () => {
    expect(read('Assessment:\n1. Chest pain but ruled out for MI.', 'inpatient')).toEqual(['R079']);
  });
});

describe('local engine: probe notes, twenty-first session (H. pylori and NSAIDs)', () => {
  it('reads H. pylori as its infection alone, and as the cause (B96.81) beside the ulcer or gastritis it made', () => {
    expect(read('Assessment/Plan:\n1. H. pylori infection - start triple therapy.')).toEqual(['A048']);
    expect(read('Assessment/Plan:\n1. Duodenal ulcer due to H. pylori - PPI, triple therapy.')).toEqual(['B9681', 'K269']);
    expect(read('Assessment/Plan:\n1. H. pylori negative gastritis - PPI.')).toEqual(['K2970']);
  });

  it('reads an NSAID not named as the Table\'s nonsteroidal anti-inflammatory drug NEC, a named one as its own', () => {
    expect(read('Assessment/Plan:\n1. NSAID-induced duodenal ulcer - stop NSAIDs, PPI.')).toContain('T39395A');
    expect(read('Assessment/Plan:\n1. Gastritis due to ibuprofen - stop ibuprofen.')).toContain('T39315A');
    // A member of the class the note names elsewhere is the drug meant.
    expect(read('HPI: takes ibuprofen 800 mg TID for knee pain.\nAssessment/Plan:\n1. NSAID-induced duodenal ulcer - stop NSAIDs, PPI.')).toContain('T39315A');
  });
});

describe('local engine: probe notes, twenty-first session (oral contraceptives)', () => {
  it('reads oral contraceptives on the medication list or in the plan as Z79.3', () => {
    expect(read('Medications: Sprintec daily.\nAssessment/Plan:\n1. Acne - continue OCPs.', 'outpatient', 24, 'F')).toEqual(['L709', 'Z793']);
  });
});

describe('local engine: probe notes, twenty-first session (review)', () => {
  it('reads no drug-induced condition from a drug the patient was switched from', () => {
    expect(read('Assessment/Plan:\n1. Diarrhea, improved after switching from metformin to sitagliptin.')).not.toContain('K521');
  });
});
