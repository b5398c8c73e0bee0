// Regressions found by the forty-second session's probe notes (tests/fixtures/probe-notes/round42.jsonl):
// emergency and orthopedic trauma; nephrology and urology; pulmonology and critical care; infectious
// disease and endocrinology.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();
const external = (codes: readonly string[]): string[] => codes.filter((c) => /^[VWXY]/.test(c)).sort();

describe('local engine: probe notes, forty-second session (how injuries happened)', () => {
  it("codes a healing fracture's cause with the subsequent encounter, whatever its own 7th character says of the healing", () => {
    const note =
      'ORTHO CLINIC\nS: 46F returns 7 wks s/p fall off her bicycle on a gravel bike trail in a state park (no other vehicle involved).\nA: L Colles fracture, subsequent encounter for closed fracture with delayed healing. New cast.';
    const codes = shown(note, 'outpatient', 46, 'F');
    expect(codes).toContain('S52532G');
    expect(external(codes)).toEqual(['V180XXD']);
  });

  it('reads a roll out of bed as a fall from bed, and not a rolled ankle as a rollover', () => {
    const bed = 'ED NOTE\n88 y/o F after unwitnessed fall. Pt states she "rolled out" of bed in her sleep and struck her head.\nA/P: Laceration without foreign body of scalp - repaired.';
    expect(external(shown(bed, 'outpatient', 88, 'F'))).toContain('W06XXXA');
    const ankle = 'ORTHO CLINIC\nHPI: 52M, 10 wks s/p L 5th metatarsal fracture, sustained when he missed the curb edge, rolled his foot and fell.\nA: Nondisplaced fracture of fifth metatarsal bone, left foot, subsequent encounter for fracture with routine healing.';
    expect(external(shown(ankle, 'outpatient', 52, 'M')).filter((c) => c.startsWith('V'))).toEqual([]);
  });

  it('reads a trip over a rug with a fall by the Index, a slip and a struck dresser as furniture, and a step stool as a stool', () => {
    const rug = 'ADMISSION H&P\nHPI: 84-year-old woman who tripped over the edge of a throw rug in her bedroom and fell onto her left side.\nA/P: Closed fracture of left femoral neck - ORIF.';
    expect(external(shown(rug, 'inpatient', 84, 'F'))).toContain('W1809XA');
    const dresser = 'ED NOTE\nHPI: Tripped on the edge of the bedroom rug, fell forward and struck her forehead on the corner of a wooden dresser.\nA/P: Laceration of forehead without foreign body - repaired.';
    expect(external(shown(dresser, 'outpatient', 80, 'F'))).toContain('W01190A');
    const stool = 'HAND CLINIC\nHPI: About 5 months ago she fell from a step stool while reaching into a kitchen cabinet and sustained a closed L distal radius fracture.\nA: Colles fracture of left radius, subsequent encounter for closed fracture with malunion.';
    expect(external(shown(stool, 'outpatient', 70, 'F'))).toEqual(['W08XXXD']);
  });

  it("reads a nail gun's misfire and a workers' compensation case without a place, and hot oil that splashed", () => {
    const nail =
      'PROCEDURE NOTE\nIndication: 38 yo carpenter framing a house this morning; pneumatic nail gun recoiled while he was steadying a stud with his L hand. Workers\' comp case.\nA: Puncture wound with foreign body of left hand - nail removed.';
    expect(external(shown(nail, 'outpatient', 38, 'M'))).toEqual(['W294XXA', 'Y990']);
    const oil = 'ED NOTE\n52 y/o F presents after a burn at home. She was frying chicken on the stovetop in her kitchen when the pan of hot oil tipped, splashing her R forearm.\nA/P: Burn of second degree of right forearm - silver sulfadiazine.';
    expect(external(shown(oil, 'outpatient', 52, 'F'))).toContain('X102XXA');
  });

  it("codes the blood alcohol level measured with an injury or an alcohol disorder by its range, and not an undetectable one", () => {
    const drunk = 'ED NOTE\nHPI: Pedestrian struck by a car while crossing the street.\nLabs: blood alcohol 215 mg/dL.\nA/P: Nondisplaced fracture of shaft of left fibula, closed - splint. Alcohol intoxication.';
    expect(external(shown(drunk, 'outpatient', 40, 'M'))).toContain('Y907');
    const percent = 'ED NOTE\nHPI: 34M brought in by police, intoxicated. BAC 0.19.\nA/P: Alcohol use disorder, mild, with intoxication - counseled, SW consult.';
    expect(shown(percent, 'outpatient', 34, 'M')).toContain('Y906');
    const none = 'ED NOTE\nHPI: Restrained passenger, struck by a tractor-trailer on the interstate. Serum ethanol undetectable.\nA/P: Closed fracture of three ribs, left side.';
    expect(external(shown(none, 'outpatient', 34, 'M')).filter((c) => c.startsWith('Y90'))).toEqual([]);
    const lavage = 'ED NOTE\nHPI: Restrained driver, MVC vs pole. Hx sarcoidosis: BAL 45% lymphocytes in 2024.\nA/P: Closed fracture of left clavicle - sling. Alcohol use disorder, mild - counseled.';
    expect(shown(lavage, 'outpatient', 50, 'M').filter((c) => c.startsWith('Y90'))).toEqual([]);
  });
});

describe('local engine: probe notes, forty-second session (stages, rashes and stopped habits)', () => {
  it("reads KDIGO's GFR category as the CKD stage", () => {
    const note = 'ENDOCRINE\nA/P: 1. Type 2 diabetes with diabetic kidney disease - CKD stage G2/A2. Continue metformin.';
    const codes = read(note, 'outpatient', 58, 'F');
    expect(codes).toContain('N182');
    expect(codes).not.toContain('N189');
  });

  it("reads erythema migrans as Lyme disease's rash, not erysipeloid", () => {
    const note = 'CLINIC\nA/P: Early localized Lyme disease with erythema migrans, left thigh - doxycycline 100 mg BID x 10 days.';
    const codes = read(note, 'outpatient', 44, 'M');
    expect(codes).toContain('A6920');
    expect(codes).not.toContain('A260');
  });

  it('reads no underdosing from a patient who stopped caffeine', () => {
    const note = 'ENDOCRINOLOGY\nHer headaches resolved after she stopped daily caffeine.\nImpression: Primary adrenal insufficiency - continue hydrocortisone.';
    const codes = read(note, 'outpatient', 45, 'F');
    expect(codes.filter((c) => c.startsWith('T43') || c.startsWith('Z9114'))).toEqual([]);
    expect(read('ED NOTE\nShe stopped taking her lisinopril 2 weeks ago because she felt fine.\nA/P: Hypertensive urgency.', 'outpatient', 60, 'F')).toContain('T464X6A');
  });
});

describe('local engine: probe notes, forty-second session (lists, serologies and what is not assessed)', () => {
  it("reads each item of a semicolon list with its own words: an opioid use disorder's withdrawal before another use disorder", () => {
    const note = 'DISCHARGE SUMMARY\nSecondary: opioid use disorder, severe, with withdrawal; methamphetamine use disorder, mild.';
    const codes = read(note, 'inpatient', 40, 'M');
    expect(codes).toContain('F1123');
    expect(codes).not.toContain('F1120');
  });

  it('reads a patient non-immune to hepatitis B as no hepatitis, a cleared hepatitis C (antibody without RNA) as none current, and a bacterium "susceptible to" its antibiotic as found', () => {
    expect(read('ID CLINIC\nA/P: Non-immune to hepatitis B - first vaccine dose given.', 'outpatient', 40, 'M').filter((c) => /^(?:B1|K75)/.test(c))).toEqual([]);
    expect(read('A/P: HCV Ab positive, HCV RNA not detected. Hep B non-immune - vaccine dose given.', 'outpatient', 40, 'M').filter((c) => c.startsWith('B1'))).toEqual([]);
    expect(read('A/P: Chronic hepatitis C, HCV RNA 1.2 million IU/mL - start glecaprevir/pibrentasvir.', 'outpatient', 40, 'M')).toContain('B182');
    const culture = 'DISCHARGE SUMMARY\nERCP with drainage of purulent bile. Bile culture grew Escherichia coli susceptible to the antibiotic administered.\nDiagnoses: Acute cholangitis due to choledocholithiasis.';
    expect(read(culture, 'inpatient', 67, 'F')).toContain('B9620');
  });

  it('leaves an item "not evaluated further here", and a screening the patient "is up to date on"', () => {
    const calcium = 'PULMONARY CLINIC\nAssessment:\n1. COPD, stable - continue tiotropium.\n2. Coronary calcifications - incidental; report forwarded to his PCP for risk assessment, not evaluated further here.';
    expect(read(calcium, 'outpatient', 66, 'M')).not.toContain('I2510');
    const screening = 'RENAL CONSULT\nHepatitis B and HIV are negative, and he is up to date on colonoscopy and age-appropriate cancer screening, so I see no secondary cause.\nA/P: Membranous nephropathy - losartan.';
    expect(read(screening, 'outpatient', 44, 'M')).not.toContain('Z1211');
  });

  it("reads a disease's mortality among a screening's benefits as no disease of the patient's", () => {
    const note = 'LUNG SCREENING VISIT\nDiscussion: Reviewed benefits (reduced lung cancer mortality), potential harms (false positives).\nAssessment: Encounter for lung cancer screening - LDCT ordered.';
    const codes = read(note, 'outpatient', 61, 'F');
    expect(codes).toContain('Z122');
    expect(codes).not.toContain('C3490');
  });

  it("reads an injury's care in its recovery phase as the subsequent encounter", () => {
    const note = 'TELEHEALTH - SPORTS MEDICINE\nHPI: 16 y/o F seen in our ED after a head-to-head collision with an opposing player during a soccer game.\nAssessment: Concussion with brief loss of consciousness, improving steadily in recovery phase.';
    const codes = shown(note, 'outpatient', 16, 'F');
    expect(codes).toContain('S060X1D');
    expect(codes).not.toContain('S060X1A');
  });

  it('keeps a kind in doubt said after its condition, grown over its acuity, for the discharge diagnosis, and not in an office', () => {
    const note = 'DISCHARGE SUMMARY\nDischarge diagnoses:\n1. Acute gastroenteritis, presumed viral.';
    expect(read(note, 'inpatient', 70, 'F')).toContain('A084');
    const office = read('CLINIC\nAssessment:\n1. Acute gastroenteritis, presumed viral - fluids.', 'outpatient', 70, 'F');
    expect(office).toContain('K529');
    expect(office).not.toContain('A084');
  });
});
