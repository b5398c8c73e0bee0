// The plain-words summary of what a newer server version changes, as the chart banner shows it.
import { describe, expect, it } from 'vitest';
import type { ImportedChart } from '../../../src/shared/chart';
import { describeChartChanges } from '../../../src/shared/sync/chart-changes';

const base: ImportedChart = {
  patient: { id: 'p', birthYear: 1950, sex: 'F' },
  encounter: { id: 'e', setting: 'outpatient', dateOfService: '2025-03-01', payer: null },
  documents: [
    { id: 'd1', type: 'progress note', authorRole: 'physician', date: '2025-03-01', text: 'Hypertension, stable.' },
    { id: 'd2', type: 'lab report', authorRole: null, date: null, text: 'A1c 7.1' },
  ],
  existingCodes: [
    { system: 'icd10cm', code: 'I10', source: 'claim' },
    { system: 'icd10cm', code: 'E119', source: 'problem-list' },
  ],
  finalCodes: [],
};

describe('describeChartChanges', () => {
  it('says nothing for the same chart', () => {
    expect(describeChartChanges(base, structuredClone(base))).toEqual([]);
  });

  it('names each kind of change once, in reading order', () => {
    const next: ImportedChart = {
      patient: { id: 'p', birthYear: 1951, sex: 'F' },
      encounter: { id: 'e', setting: 'inpatient', dateOfService: '2025-03-02', payer: 'Medicare' },
      documents: [
        { id: 'd1', type: 'progress note', authorRole: 'physician', date: '2025-03-01', text: 'Hypertension, stable. Addendum: CKD 3a.' },
        { id: 'd3', type: 'consult', authorRole: 'physician', date: '2025-03-02', text: 'Nephrology consult.' },
      ],
      existingCodes: [
        { system: 'icd10cm', code: 'I10', source: 'claim' },
        { system: 'icd10cm', code: 'N1831', source: 'claim' },
      ],
      finalCodes: [{ system: 'icd10cm', code: 'I129' }],
    };
    expect(describeChartChanges(base, next)).toEqual([
      'Date of service changed from 2025-03-01 to 2025-03-02.',
      'Setting changed from outpatient to inpatient.',
      'Payer changed from none to Medicare.',
      'Patient birth year changed from 1950 to 1951.',
      'Document added: “consult” of 2025-03-02.',
      'Document removed: “lab report”.',
      'Text changed in “progress note” of 2025-03-01.',
      'Existing code added: N18.31 (claim).',
      'Existing code removed: E11.9 (problem-list).',
      'Final code from the source added: I12.9.',
    ]);
  });

  it('notices a reorder even when nothing else differs', () => {
    const next = structuredClone(base);
    next.documents.reverse();
    next.existingCodes.reverse();
    expect(describeChartChanges(base, next)).toEqual(['Documents are in a different order.', 'The codes that came with the chart are listed in a different order.']);
  });
});
