import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders({ age: 70, sex: 'F' });

describe('local engine: probe notes, nineteenth session (sides)', () => {
  it('codes one condition stated for each side as its bilateral code where the category has one', () => {
    const items = read('Assessment:\n1. Primary OA R knee - continue PT.\n2. L knee OA - mild, conservative management.');
    expect(items).toContain('M170');
    expect(items.filter((c) => /^M171/.test(c))).toEqual([]);
    expect(read('Assessment: Age-related nuclear cataract, right eye. Age-related nuclear cataract, left eye. Refer for surgery.')).toEqual(['H2513']);
    // Stages that differ stay apart (guideline I.C.7.a: each eye's glaucoma with its own stage).
    expect(read('Assessment: POAG right eye, mild stage. POAG left eye, moderate stage. Continue latanoprost.').sort()).toEqual(['H401111', 'H401122']);
  });

  it('reads "right and left" and "the right knee and left knee" as both sides', () => {
    expect(read('Assessment: Osteoarthritis of the right knee and left knee. Plan: PT.')).toEqual(['M170']);
    expect(read('Assessment: Osteoarthritis of right and left knees. Plan: PT.')).toEqual(['M170']);
    expect(read('Assessment: Carpal tunnel syndrome, right and left. Plan: splints.')).toEqual(['G5603']);
    expect(read('Assessment: Right and left carpal tunnel syndrome. Plan: splints.')).toEqual(['G5603']);
    // The other side of another part is no second side: the sprain is the left wrist's alone.
    expect(read('Assessment: Fracture of right radius and left wrist sprain.').sort()).toEqual(['S5291XA', 'S63502A']);
  });

  it('gives a sided reading no side that belongs to the next part', () => {
    expect(read('Assessment: Right knee pain and left hip pain.').sort()).toEqual(['M25552', 'M25561']);
    expect(read('Assessment: Left hip pain radiating to right groin.')).not.toContain('M25551');
    expect(read('Assessment: Knee pain, left side.')).toEqual(['M25562']);
    expect(read('Assessment: Status post right total knee arthroplasty.')).toEqual(['Z96651']);
  });
});

describe('local engine: probe notes, nineteenth session (readings)', () => {
  it('reads calculous cholecystitis as gallbladder stones with cholecystitis (K80), and adds no gangrene the note does not name', () => {
    expect(read('Assessment: Acute calculous cholecystitis - lap chole tomorrow.', 'inpatient')).toEqual(['K8000']);
    expect(read('Assessment: Chronic calculous cholecystitis.')).toEqual(['K8010']);
    // K80's "use additional code" for gangrene (K82.A1) is not met by the "obstruction" of the same title.
    expect(read('Assessment: Acute on chronic calculous cholecystitis with obstruction.', 'inpatient')).toEqual(['K8013']);
    // A follow-up's category named by its unspecified words still comes: neutropenic fever is D70.9 with R50.81.
    expect(read('Assessment: Neutropenic fever - cefepime.', 'inpatient').sort()).toEqual(['D709', 'R5081']);
  });

  it('ends a "without" before a history after a comma: "CAD without angina, hx of MI" keeps the old MI', () => {
    const codes = read('Assessment: CAD without angina, hx of MI - continue aspirin.');
    expect(codes).toEqual(expect.arrayContaining(['I2510', 'I252']));
    expect(codes.filter((c) => c.startsWith('I20') || c === 'I2511')).toEqual([]);
    expect(read('Assessment: Hypertension without crisis, history of stroke.')).toEqual(expect.arrayContaining(['I10', 'Z8673']));
    // A denial that names the history still denies it.
    expect(read('Denies any history of diabetes.')).toEqual([]);
  });
});

describe('local engine: probe notes, nineteenth session (neoplasms, infections, devices)', () => {
  it('reads an adenoma as a benign neoplasm of its site, and a villous one as no benign code', () => {
    expect(read('Assessment: Tubular adenoma of colon - repeat colonoscopy in 3 years.')).toEqual(['D126']);
    expect(read('Assessment: Pituitary adenoma - MRI stable.')).toEqual(['D352']);
    // "Adenoma, villous - see Neoplasm, uncertain behavior": not D12.8.
    expect(read('Assessment: Villous adenoma of the rectum.').filter((c) => c.startsWith('D12'))).toEqual([]);
  });

  it('codes a cystitis, not a UTI of unstated site, where the stay names both', () => {
    const codes = shown('Discharge diagnoses:\n1. Acute cystitis with hematuria due to E. coli.\n2. Acute metabolic encephalopathy, probably secondary to UTI.', 'inpatient', 80);
    expect(codes).toEqual(expect.arrayContaining(['N3001', 'B9620']));
    expect(codes).not.toContain('N390');
  });

  it('reads what a treatment "may reduce" as no condition, and compression stockings as no compression', () => {
    expect(read('Assessment: Atrophic vaginitis - start vaginal estradiol cream; also may reduce UTI recurrence.')).toEqual(['N952']);
    const codes = read('Assessment: Varicose veins of right leg - compression stockings.\nCHF - compression stockings, furosemide.');
    expect(codes.filter((c) => c === 'I871' || c.startsWith('I51'))).toEqual([]);
    expect(read('Assessment: Compression of vein by tumor.')).toContain('I871');
  });

  it('reads a wound\'s size as no stage: "stage 2 pressure injury, 1.5 x 1.2 cm" is stage 2 alone', () => {
    expect(read('Assessment: Right heel: stage 2 pressure injury, 1.5 x 1.2 cm - foam dressing.')).toEqual(['L89612']);
  });
});
