import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders();

describe('local engine: probe notes, twenty-fourth session (what the visit is for)', () => {
  it('reads a preoperative evaluation as the examination before a procedure, not its laboratory tests', () => {
    expect(shown('Reason for visit: preoperative evaluation prior to laparoscopic cholecystectomy.\nAssessment: Cleared for surgery.')).toEqual(['Z01818']);
    expect(shown('Assessment:\n1. Pre-op clearance for right total knee arthroplasty - medically optimized.\n2. Hypertension, controlled on lisinopril.')).toEqual(['I10', 'Z01818']);
    expect(shown('Assessment: Preoperative examination. Labs ordered.')).toEqual(['Z01818']);
  });

  it('reads no preoperative examination from an operative note\'s headings or an earlier evaluation', () => {
    expect(shown('Preoperative diagnosis: acute appendicitis.\nPostoperative diagnosis: same.\nProcedure: laparoscopic appendectomy.', 'inpatient', 30)).not.toContain('Z01818');
    expect(shown('HPI: Seen in preop clinic last week. Preoperative evaluation was unremarkable.\nAssessment: Acute appendicitis, for appendectomy.', 'inpatient', 30)).toEqual(['K3580']);
  });
});

describe('local engine: probe notes, twenty-fourth session (infections due to devices)', () => {
  it('reads a catheter-associated urinary tract infection as the catheter\'s infection and the infection it is', () => {
    expect(shown('Assessment: 1. Catheter-associated urinary tract infection. Ceftriaxone.', 'inpatient', 70, 'F')).toEqual(['N390', 'T83518A']);
    expect(shown('Assessment: Catheter-related UTI. Catheter removed.', 'inpatient', 70, 'F')).toEqual(['N390', 'T83518A']);
    expect(shown('Assessment: CAUTI. Ceftriaxone.', 'inpatient', 70, 'F')).toEqual(['N390', 'T83518A']);
  });

  it('reads a Foley as an indwelling urethral catheter', () => {
    expect(shown('Assessment: UTI due to indwelling Foley catheter, E. coli. Foley exchanged.', 'inpatient', 70, 'F')).toEqual(['B9620', 'N390', 'T83511A']);
  });

  it('reads no catheter infection the note does not tie to the catheter, nor any device for a catheter', () => {
    expect(shown('Assessment: UTI, Foley catheter in place for urinary retention. Ceftriaxone.', 'inpatient', 70, 'F')).not.toContain('T83511A');
    expect(shown('Assessment: Infected dialysis catheter, line removed.', 'inpatient', 70)).toEqual(['T827XXA']);
    expect(shown('Assessment: Sepsis due to CLABSI, line removed.', 'inpatient', 70)).toEqual(['A419', 'T80211A']);
  });
});

describe('local engine: probe notes, twenty-fourth session (the heart)', () => {
  it('reads the artery a STEMI names by its abbreviation, and no other artery of its wall beside it', () => {
    expect(shown('Assessment: Acute anterior wall STEMI due to proximal LAD occlusion. Emergent PCI.', 'inpatient')).toEqual(['I2102']);
    expect(shown('Dx: RCA STEMI, s/p DES.', 'inpatient')).toEqual(['I2111', 'Z955']);
  });

  it('reads no coronary occlusion "not resulting in" the infarction the chart has', () => {
    expect(shown('Assessment: NSTEMI. Coronary occlusion of the LAD on cath, stented.', 'inpatient')).not.toContain('I240');
    expect(shown('Assessment: Acute coronary occlusion without infarction.', 'inpatient')).toEqual(['I240']);
  });

  it('reads pulmonary emboli as the Index\'s pulmonary embolism', () => {
    expect(shown('Dx: Acute bilateral segmental pulmonary emboli without acute cor pulmonale. Apixaban.', 'inpatient')).toContain('I2699');
  });

  it('reads no diagnosis from what scored a risk score\'s points', () => {
    expect(shown('Assessment: Paroxysmal atrial fibrillation. CHA2DS2-VASc 3 (age, female, TIA), on apixaban.', 'outpatient', 75, 'F')).toEqual(['I480', 'Z7901']);
    expect(shown('A/P: AF. CHA2DS2-VASc score of 4 for age, HTN, DM, CHF. HAS-BLED 2: age, HTN. Continue apixaban.', 'outpatient', 75, 'F')).toEqual(['I4891', 'Z7901']);
  });
});

describe('local engine: probe notes, twenty-fourth session (abbreviations and organisms)', () => {
  it('reads "ca" and "fx" in small letters after the part of the body as cancer and fracture, never a lab value or an organ\'s function', () => {
    expect(shown('A/P:\n1. Hx breast ca - NED, annual mammogram.', 'outpatient', 65, 'F')).toEqual(['Z853']);
    expect(shown('A/P: Colon ca, on FOLFOX. Hx bladder ca s/p TURBT 2019.', 'outpatient', 65)).toEqual(['C189', 'Z8551']);
    expect(shown('A/P:\n1. Hx of R hip fx 2019, healed. 2. HTN - continue lisinopril.', 'outpatient', 65, 'F')).toEqual(['I10', 'Z8781']);
    expect(shown('Labs: Na 138, K 4.1, Ca 9.2, Mg 2.0.\nA/P: HTN - continue lisinopril.', 'outpatient', 65)).toEqual(['I10']);
    expect(shown('A/P: CKD 3a, renal fx stable. Liver fx tests normal.', 'outpatient', 65)).toEqual(['N1831']);
  });

  it('reads MRSA colonization as the carrier it is, not an infection', () => {
    expect(shown('A/P: MRSA colonization of nares. Mupirocin.', 'outpatient', 65)).toEqual(['Z22322']);
    expect(shown('A/P: Colonized with MRSA. Contact precautions.', 'outpatient', 65)).toEqual(['Z22322']);
    expect(shown('A/P: MRSA bacteremia. Vancomycin.', 'inpatient', 65)).toContain('B9562');
  });

  it('reads no drug taken from the organism it names ("methicillin-resistant")', () => {
    expect(shown('A/P: Cellulitis of right leg due to methicillin-resistant Staphylococcus aureus. Vancomycin.', 'outpatient', 65)).not.toContain('T360X5A');
    expect(shown('A/P: Rash due to amoxicillin. Stop amoxicillin.', 'outpatient', 65)).toContain('T360X5A');
  });
});

describe('local engine: probe notes, twenty-fourth session (words the Index writes otherwise)', () => {
  it('reads transaminitis as raised transaminases, with the drug that raised them', () => {
    expect(shown('A/P: 1. Transaminitis due to methotrexate - reduce MTX to 15 mg weekly.', 'outpatient', 55, 'F')).toEqual(['R7401', 'T451X5A', 'Z79631']);
  });

  it('reads anterolisthesis as spondylolisthesis and a partial-thickness tear as incomplete', () => {
    expect(shown('A/P: Anterolisthesis of L4 on L5. PT.', 'outpatient', 65, 'F')[0]).toMatch(/^M431/);
    expect(shown('A/P: Partial-thickness rotator cuff tear, left shoulder. PT.', 'outpatient', 65, 'F')).toEqual(['M75112']);
  });

  it('reads gout at a site as the idiopathic kind, and plain gout as gout', () => {
    expect(shown('A/P: Gout of the right knee. Colchicine.', 'outpatient', 65)).toEqual(['M10061']);
    expect(shown('A/P: Gout flare. Colchicine.', 'outpatient', 65)).toEqual(['M109']);
  });
});
