// Regressions found by the forty-first session's probe notes (tests/fixtures/probe-notes/round41.jsonl):
// general pediatrics; cardiology and electrophysiology; neurology and neurosurgery; gastroenterology and hepatology.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();
const starting = (codes: readonly string[], prefix: string): string[] => codes.filter((c) => c.startsWith(prefix));

describe('local engine: probe notes, forty-first session (tests, findings and advice)', () => {
  it('reads a TB assay among pre-biologic labs as a test, no tuberculosis', () => {
    const note = "IBD clinic.\nImpression: Crohn's disease of the ileum.\nPlan: Pre-biologic screening (TB interferon-gamma assay, hepatitis B serologies) drawn today; start adalimumab once resulted.";
    expect(starting(read(note), 'A15')).toEqual([]);
  });

  it("reads a reddened stomach lining as no skin's erythema", () => {
    const note = 'EGD REPORT\nFindings: Stomach: mild patchy erythema of the antrum, biopsied.\nImpression:\n1. Schatzki ring, dilated.\n2. Mild antral erythema - path pending.';
    expect(read(note)).not.toContain('L539');
    expect(read('Skin: erythema of the left shin, warm.\nA/P: erythema of left leg - elevate, recheck 48 h.')).toContain('L539');
  });

  it('leaves conditions "followed by her PCP, no changes here" to that PCP', () => {
    const note = "Device clinic.\nImpression: Complete heart block, pacemaker dependent.\nPlan: continue remote monitoring. Pt's HTN and hypothyroidism followed by her PCP, no changes here.";
    const codes = read(note, 'outpatient', 84, 'F');
    expect(codes).toContain('I442');
    expect(codes).not.toContain('I10');
    expect(codes).not.toContain('E039');
  });

  it('reads a quit the provider advises as no history of tobacco use, and the vaping dependence it addresses', () => {
    const note = 'ED NOTE\nHPI: 29 yo F, vapes nicotine daily x 4 yrs, cravings in the morning.\nA/P:\n1. SVT, converted with adenosine.\n2. Nicotine dependence - e-cigarette/vape. Advised to cut caffeine and quit vaping; quitline info given.';
    const codes = shown(note, 'outpatient', 29, 'F');
    expect(codes).not.toContain('Z87891');
    expect(codes).toContain('F17290');
  });

  it('ends advice to avoid something at its reason, and reads no fall history from advice to avoid falls', () => {
    const allergy = 'Allergies: penicillin (hives).\nA/P: Acute cystitis. Nitrofurantoin x5d. Avoid beta-lactams given PCN allergy hx w/ hives.';
    expect(read(allergy, 'outpatient', 70, 'F')).toContain('Z880');
    expect(read('A/P: Cervical spondylotic myelopathy - ACDF planned. Avoid neck manipulation and high-fall-risk activity.')).not.toContain('Z9181');
  });

  it('reads weight loss given as a target as no weight loss', () => {
    expect(read('A/P: MASLD with obesity, BMI 32. Discussion: 7-10% wt loss target; Mediterranean diet.')).not.toContain('R634');
  });
});

describe('local engine: probe notes, forty-first session (neurology and history)', () => {
  it("takes a hemiparesis's dominance from the hand the chart says the patient uses", () => {
    const left = 'S: 66 y/o LEFT-handed F, R MCA ischemic stroke 8/2025.\nA/P: 1. Residual L hemiparesis following cerebral infarction - PT.';
    expect(starting(read(left, 'outpatient', 66, 'F'), 'I6935')).toEqual(['I69352']);
    const right = 'S: 66 y/o right-handed F, R MCA ischemic stroke 8/2025.\nA/P: 1. Residual L hemiparesis following cerebral infarction - PT.';
    expect(starting(read(right, 'outpatient', 66, 'F'), 'I6935')).toEqual(['I69354']);
  });

  it('reads "drug-resistant" and "treatment resistant" before a migraine or epilepsy as intractable, not before a diabetes', () => {
    const codes = read('A/P: 1. Drug-resistant migraine without aura - start erenumab. 2. Poorly controlled type 2 diabetes.');
    expect(codes).toEqual(expect.arrayContaining(['G43019', 'E1165']));
    expect(codes).not.toContain('G43009');
  });

  it('reads a benign neoplasm resected with no recurrence as its history by site', () => {
    const codes = read('A/P:\n1. Cervical myelopathy.\n2. History of right frontal meningioma, resected; no recurrence. MRI q2 years.');
    expect(codes).toContain('Z86011');
    expect(starting(codes, 'D32')).toEqual([]);
    expect(read('A/P: 1. Hx tubular adenoma of colon, resected 2020; surveillance colonoscopy due.')).toContain('Z860101');
  });

  it('reads a bare "History:" that opens with who the patient is as the present illness', () => {
    const note = 'ELECTRODIAGNOSTIC CONSULTATION\n\nHistory: 55-year-old woman with type 2 diabetes for 14 years on insulin glargine 30 units nightly and metformin 1000 mg BID. Burning in both feet for 2 years.\n\nImpression: diabetic polyneuropathy.';
    expect(read(note, 'outpatient', 55, 'F')).toEqual(expect.arrayContaining(['E1142', 'Z794', 'Z7984']));
  });

  it('reads a cancer whose treatment was completed in a month and year, with no disease since, as history', () => {
    const note = 'SURVIVORSHIP CLINIC\n\nHPI: 63-year-old man with adenocarcinoma of the sigmoid colon, stage IIIB, treated with sigmoid colectomy in May 2023 followed by adjuvant FOLFOX completed in December 2023.\n\nA/P: History of stage IIIB sigmoid colon cancer - surveillance CT and CEA.';
    const codes = read(note);
    expect(codes).toContain('Z85038');
    expect(starting(codes, 'C18')).toEqual([]);
  });

  it('reads the disease a transplanted kidney replaced, given in brackets, as gone', () => {
    const note = 'DISCHARGE SUMMARY\nHPI: 34F, deceased-donor kidney transplant 2023 (ESRD from reflux nephropathy). Baseline Cr 1.1.\nDiagnoses: acute T-cell-mediated rejection of kidney allograft; HTN; CKD 2 of allograft.';
    const codes = read(note, 'inpatient', 34, 'F');
    expect(codes).not.toContain('N186');
    expect(codes).toContain('I129');
  });
});

describe('local engine: probe notes, forty-first session (pediatrics and cardiology)', () => {
  it("reads a child's Still's murmur as an innocent murmur, no Still's disease", () => {
    const codes = read('Assessment:\n4. Innocent (Still\'s) murmur - reassured, no further workup.', 'outpatient', 3, 'M');
    expect(codes).toContain('R010');
    expect(starting(codes, 'M08')).toEqual([]);
  });

  it('reads no "other arteries" from the arteries a peripheral artery disease names', () => {
    expect(read('A/P: 1. PAD - atherosclerosis of native arteries of both legs w/ intermittent claudication. Walking program.')).not.toContain('I708');
  });
});
