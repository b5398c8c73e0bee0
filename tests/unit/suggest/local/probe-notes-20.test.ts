import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read } = noteReaders({ age: 70, sex: 'F' });

describe('local engine: probe notes, twentieth session (headings on the line with their text)', () => {
  it('ends a medication list or an exam at an administrative line: "Code status: DNR" is Z66', () => {
    expect(read('Medications: acetaminophen 650 mg TID.\nCode status: DNR, no hospital transfer, comfort care only.\nPlan: Recertify for hospice.')).toContain('Z66');
    expect(read('Exam: cachectic, frail.\nAdvance directives: DNR - POLST signed, comfort measures only.\nPlan: comfort care.')).toContain('Z66');
    // Within the assessment it is one more line of it, and the problems after it stay assessed.
    expect(read('Assessment:\nCode status: full code.\nHypertension - continue lisinopril.')).toEqual(['I10']);
  });

  it("reads a hospice note's terminal diagnosis and current symptoms as this visit's, not as history", () => {
    const note =
      'Terminal diagnosis: Adenocarcinoma of the head of the pancreas, metastatic to liver.\n\nHistory: diagnosed 06/2025 after painless jaundice; 4 cycles of FOLFIRINOX.\n\nCurrent symptoms:\n- Anxiety about dying, managed with lorazepam prn.\n\nPlan: admit to hospice.';
    expect(read(note).sort()).toEqual(['C250', 'C787', 'F419']);
    // A history label still opens the patient's history.
    expect(read('History: diabetes mellitus type 2.\nPlan: follow up in a year.')).toEqual([]);
  });
});

describe('local engine: probe notes, twentieth session (symptoms coded beside their cause)', () => {
  it('keeps a symptom whose own tabular says "code first" its cause: malignant ascites and cachexia with the cancer', () => {
    expect(read('Assessment: Pancreatic cancer with malignant ascites and cachexia - paracentesis, hospice.').sort()).toEqual(['C259', 'R180', 'R64']);
    // A note that names a cause only "if applicable" leaves the symptom part of its diagnosis (I.B.5).
    expect(read('Assessment: UTI with urinary frequency - nitrofurantoin.')).toEqual(['N390']);
  });

  it('takes a procedure done for an HCC condition as its treatment (MEAT)', () => {
    expect(read('HPI: Malignant pleural effusion, thoracentesis weekly.\nAssessment: hypertension - lisinopril.')).toContain('J910');
    expect(read('HPI: Malignant pleural effusion.\nAssessment: hypertension - lisinopril.')).not.toContain('J910');
  });
});

describe('local engine: probe notes, twentieth session (medications)', () => {
  it("lets a drug's own stop speak for it alone in a comma list: a prednisone taper stops no insulin or apixaban", () => {
    const codes = read('Medications: prednisone taper, insulin glargine 20 units, apixaban 5 mg BID.\nAssessment: DM2 - A1c 7. AFib - rate controlled.');
    expect(codes).toEqual(expect.arrayContaining(['Z794', 'Z7901']));
    expect(codes).not.toContain('Z7952');
    // A stop after the list, or one heading it, still speaks for every drug in it.
    expect(read('Medications: warfarin, metformin stopped.\nAssessment: DM2 - A1c 7. AFib - rate controlled.').filter((c) => c.startsWith('Z79'))).toEqual([]);
    expect(read('Plan: lisinopril and metformin held.\nAssessment: DM2 - A1c 7.').filter((c) => c.startsWith('Z79'))).toEqual([]);
  });

  it('reads "finishing prednisone" as a short course, not long-term steroids', () => {
    expect(read('Assessment: Asthma exacerbation - step up budesonide. Finishing prednisone. Recheck 4 weeks.')).not.toContain('Z7952');
  });
});

describe('local engine: probe notes, twentieth session (sides)', () => {
  it('reads "3.5 L" after a number as litres, not the left side', () => {
    expect(read('Assessment: Acute DVT of femoral vein, given 2 L NS.')).toEqual(['I82419']);
    expect(read('Assessment: L knee OA - PT.')).toEqual(['M1712']);
  });
});

describe('local engine: probe notes, twentieth session (stroke)', () => {
  it("codes an infarction by the territory its sentence names, and by its mechanism", () => {
    const codes = read('Discharge diagnosis: Acute ischemic stroke, left MCA territory, cardioembolic, due to paroxysmal atrial fibrillation.', 'inpatient');
    expect(codes).toContain('I63412');
    expect(codes.filter((c) => c === 'I639' || c.startsWith('I74'))).toEqual([]);
    expect(read('Assessment: Acute ischemic stroke R MCA - on aspirin.', 'inpatient')).toContain('I63511');
    expect(read('Assessment: Acute thrombotic stroke of the right PCA.', 'inpatient')).toContain('I63331');
    expect(read('Assessment: Acute ischemic stroke, pain controlled with PCA pump.', 'inpatient')).toContain('I639');
    // The territory of an earlier stroke makes no acute infarction.
    const later = read('S: seen 9 months after right MCA ischemic stroke.\nAssessment: Left hemiparesis as late effect of right MCA cerebral infarction - PT.');
    expect(later.filter((c) => c.startsWith('I63'))).toEqual([]);
  });

  it("codes a stroke's aphasia and dysphagia beside it, and beside another diagnosis of the line", () => {
    const codes = read('Hospital course:\n1. Acute ischemic stroke - residual right hemiparesis, expressive aphasia, and oropharyngeal dysphagia; paroxysmal AF felt to be the source.', 'inpatient');
    expect(codes).toEqual(expect.arrayContaining(['R4701', 'R1312']));
    expect(read('Discharge diagnoses: atrial fibrillation, dysphagia.', 'inpatient')).toContain('R1310');
    // Still part of a disease of the swallowing tract.
    expect(read('Assessment: Pharyngitis with difficulty swallowing - salt water gargles.')).not.toContain('R1310');
  });

  it('keeps the initial NIH stroke scale score of several (I.C.18.j)', () => {
    const codes = read('HPI: Initial NIHSS 9.\nAssessment: Acute ischemic stroke. NIHSS 5.', 'inpatient');
    expect(codes).toContain('R29709');
    expect(codes).not.toContain('R29705');
  });
});

describe('local engine: probe notes, twentieth session (diabetes "with" links)', () => {
  it('presumes no link to a condition the note gives another cause', () => {
    const dermatitis = read('Assessment:\n1. Contact dermatitis of hands from latex gloves - start triamcinolone cream.\n2. T2DM - A1c 7.1, metformin.');
    expect(dermatitis).toContain('E119');
    expect(dermatitis).not.toContain('E11620');
    const neuropathy = read('Assessment: Peripheral neuropathy due to B12 deficiency. DM2 - metformin.');
    expect(neuropathy.filter((c) => c.startsWith('E114'))).toEqual([]);
    expect(read('Assessment: Peripheral neuropathy due to diabetes. DM2 - metformin.')).toContain('E1142');
    expect(read('Assessment: CKD stage 3 - monitor. DM2 - metformin.')).toContain('E1122');
  });

  it('presumes no link where the provider calls the diabetes uncomplicated or the condition not diabetic', () => {
    const uncomplicated = read('Assessment:\n1. Skin ulcer of left leg, fat layer exposed - compression.\n2. T2DM without complications - continue metformin.');
    expect(uncomplicated).toEqual(expect.arrayContaining(['E119', 'L97922']));
    expect(uncomplicated).not.toContain('E11622');
    const denied = read('Assessment: Skin ulcer of left leg, fat layer exposed - venous in etiology, not diabetic; compression. T2DM - metformin.');
    expect(denied).not.toContain('E11622');
    expect(read('Assessment: Skin ulcer of left leg, fat layer exposed - compression. T2DM - metformin.')).toContain('E11622');
  });
});

describe('local engine: probe notes, twentieth session (intractable epilepsy and migraine)', () => {
  it('reads "intractable" after the term, and not the "not intractable" code as the fuller one', () => {
    expect(read('Assessment: Migraine without aura, intractable - start topiramate.')).toEqual(['G43019']);
    expect(read('Assessment: Intractable migraine without aura - start topiramate.')).toEqual(['G43019']);
    expect(read('Assessment: Migraine without aura - sumatriptan.')).toEqual(['G43009']);
    expect(read('Assessment: 1. Chronic migraine without aura, intractable (failed 3 preventives), no status migrainosus. Start galcanezumab.')).toEqual(['G43719']);
    // A denied list's qualified item stays denied.
    expect(read('ROS: No fever, chills, chronic cough or weight loss.')).toEqual([]);
  });

  it('reads poorly controlled and medically refractory epilepsy as intractable (G40 note), and no drug resistance of germs', () => {
    expect(read('Assessment: Epilepsy, poorly controlled - increase levetiracetam.').filter((c) => c.startsWith('G'))).toEqual(['G40919']);
    expect(read('Assessment: Medically refractory epilepsy - increase levetiracetam.').filter((c) => c.startsWith('G'))).toEqual(['G40919']);
    expect(read('Assessment: Poorly controlled DM2 - A1c 9.8, increase glargine.').filter((c) => c.startsWith('E'))).toEqual(['E1165']);
    expect(read('Assessment: Generalized epilepsy, drug-resistant - VNS.')).not.toContain('Z1630');
  });
});

describe('local engine: probe notes, twentieth session (adverse effects)', () => {
  it('reads a symptom put down to a drug as its adverse effect now, not an allergy status, and androgen deprivation as a therapy', () => {
    const codes = read('Assessment:\n2. Hot flashes due to leuprolide (androgen deprivation therapy adverse effect) - trial venlafaxine 37.5 mg daily.', 'outpatient', 74, 'M');
    expect(codes.filter((c) => c.startsWith('Z88') || c.startsWith('T73'))).toEqual([]);
    expect(read('Assessment: Penicillin allergy (hives) - avoid.')).toContain('Z880');
  });
});
