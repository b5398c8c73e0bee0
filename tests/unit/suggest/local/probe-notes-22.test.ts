import { describe, expect, it } from 'vitest';
import { claimed, noteInput, useLocalEngines } from '../../../helpers/local-engine';
import type { Setting } from '../../../../src/shared/chart';

const engines = useLocalEngines();
/** What the shipped engine (CodiEsp priors and their threshold) shows the coder for a note. */
const shown = (text: string, setting: Setting = 'outpatient', age = 70, sex: 'M' | 'F' = 'M'): string[] => claimed(engines.shipped.suggest(noteInput(text, { age, sex }, setting))).sort();

describe('local engine: probe notes, twenty-second session (statuses that bear on treated conditions)', () => {
  const cardiac = 'HPI: 68M with CAD s/p PCI with stents to LAD 2019, prior MI 2018, AICD in place.\nPMH: COPD on home oxygen.\nAssessment/Plan:\n';

  it('shows a status stated in the HPI or history once the assessment treats the condition it bears on', () => {
    const codes = shown(`${cardiac}1. Chronic systolic heart failure - continue carvedilol.\n2. COPD - stable, continue tiotropium.\n3. CAD - continue aspirin, atorvastatin.\n`);
    expect(codes).toEqual(expect.arrayContaining(['Z955', 'I252', 'Z95810', 'Z9981', 'I2510', 'I5022', 'J449']));
  });

  it('leaves the status hidden when nothing it bears on is assessed', () => {
    const codes = shown(`${cardiac}1. Acute otitis externa, right ear - ofloxacin drops.\n`);
    expect(codes).not.toContain('Z955');
    expect(codes).not.toContain('I252');
  });
});
