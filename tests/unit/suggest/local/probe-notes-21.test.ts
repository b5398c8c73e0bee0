import { describe, expect, it } from 'vitest';
import { claimed, noteInput, useLocalEngines } from '../../../helpers/local-engine';
import type { Setting } from '../../../../src/shared/chart';

const engines = useLocalEngines();
/** What the open engine (every candidate the rules let through) reads of a note. */
const read = (text: string, setting: Setting = 'outpatient', age = 70, sex: 'M' | 'F' = 'F'): string[] => claimed(engines.open.suggest(noteInput(text, { age, sex }, setting))).sort();

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
    expect(read('PMH: history of status epilepticus in 2019.\nAssessment: Epilepsy, well controlled on lamotrigine.')).toEqual(['G40909']);
    // A denied one is still the "without" code of the epilepsy the line names.
    expect(read('Assessment: Focal epilepsy, intractable, without status epilepticus - increase lacosamide.')).toEqual(['G40119']);
  });
});
