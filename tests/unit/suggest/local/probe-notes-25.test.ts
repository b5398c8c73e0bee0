import { describe, expect, it } from 'vitest';
import { claimed, noteInput, useLocalEngines } from '../../../helpers/local-engine';
import type { Setting } from '../../../../src/shared/chart';

const engines = useLocalEngines();
/** What the shipped engine (CodiEsp priors and their threshold) shows the coder for a note. */
const shown = (text: string, setting: Setting = 'outpatient', age = 60, sex: 'M' | 'F' = 'M'): string[] => claimed(engines.shipped.suggest(noteInput(text, { age, sex }, setting))).sort();

describe('local engine: probe notes, twenty-fifth session (numbers and sections)', () => {
  it('reads the stage of a CKD said beside a type 2 diabetes, whose type is a number too', () => {
    for (const text of ['Assessment: T2DM with CKD stage 2, on metformin.', 'Assessment: Type 2 DM with CKD stage 2, on metformin.', 'Assessment: Diabetes type 2 with CKD stage 2, on metformin.']) {
      expect(shown(text), text).toEqual(expect.arrayContaining(['E1122', 'N182']));
    }
    expect(shown('Assessment: Type 2 diabetes with CKD stage 3a, on metformin.')).toEqual(expect.arrayContaining(['E1122', 'N1831']));
  });

  it('reads the symptoms a stay was admitted with as the story when discharge diagnoses say what they were', () => {
    const note = 'Admission diagnosis: pleuritic chest pain, dyspnea.\nDischarge diagnosis: acute pulmonary embolism, on apixaban.';
    expect(shown(note, 'inpatient')).toEqual(['I2699', 'Z7901']);
    // Without discharge diagnoses, the admission's are the note's assessment.
    expect(shown('Admission diagnosis: pleuritic chest pain, dyspnea. Admit to telemetry.', 'inpatient')).toEqual(expect.arrayContaining(['R0781']));
  });
});

describe('local engine: probe notes, twenty-fifth session (whose disease)', () => {
  it('reads "per GI" as the gastroenterology service, not a cancer of the digestive tract', () => {
    expect(shown('Assessment: 1. Colon cancer, surveillance per GI. 2. Hypertension, on amlodipine.')).not.toContain('C269');
    expect(shown('Assessment: Upper GI bleed. GI consulted for EGD.', 'inpatient')).toContain('K922');
  });

  it('reads a relative who was treated for or developed a disease as family history, not the patient\'s', () => {
    expect(shown('Social: Uncle was treated for pulmonary TB in 2021. Assessment: Cough, 2 weeks.')).not.toContain('A150');
    expect(shown('Family history: Mother developed breast cancer at 50.\nAssessment: Screening mammogram ordered.', 'outpatient', 45, 'F')).not.toContain('C50919');
  });
});
