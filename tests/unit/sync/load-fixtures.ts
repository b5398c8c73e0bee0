// A chart whose note the source system revises after the coder has worked on it, for the "load the
// new version, keeping my work" tests (vitest and Playwright both import this; no test runner here).
import type { ImportedChart } from '../../../src/shared/chart';
import { claimCharts } from './fixtures';

export const OLD_NOTE = [
  'HISTORY AND PHYSICAL',
  'Essential hypertension, on lisinopril 10 mg daily.',
  'Type 2 diabetes mellitus without complications, diet controlled.',
  'Mixed hyperlipidemia, on atorvastatin 20 mg.',
  'Chronic kidney disease stage 3a noted on labs.',
  'PLAN: continue lisinopril. Recheck blood pressure in 3 months.',
].join('\n');

/** The revision: an addendum on top (every later offset moves, and it names lisinopril once more) and the hyperlipidemia line gone. */
export const ADDENDUM = 'ADDENDUM: lisinopril dose reviewed; chronic systolic heart failure, on furosemide.\n\n';
export const VANISHING = 'Mixed hyperlipidemia, on atorvastatin 20 mg';
export const NEW_NOTE = ADDENDUM + OLD_NOTE.replace(`${VANISHING}.\n`, '');

/** A server chart with the note above and a draft claim of I10 and E11.9. */
export function noteChart(offset: number): ImportedChart {
  const [c] = claimCharts(1, offset);
  return { ...c!, documents: [{ ...c!.documents[0]!, text: OLD_NOTE }] };
}

/** The source system's revision: the new note, and the claim now I10 and I50.22 (E11.9 dropped). */
export function revised(c: ImportedChart): ImportedChart {
  return {
    ...c,
    documents: [{ ...c.documents[0]!, text: NEW_NOTE }],
    existingCodes: [
      { system: 'icd10cm', code: 'I10', source: 'claim' },
      { system: 'icd10cm', code: 'I5022', source: 'claim' },
    ],
  };
}

/** Offsets of the `occurrence`-th (0-based) occurrence of `quote` in `text`. */
export function spanOf(text: string, quote: string, occurrence = 0): { start: number; end: number; quote: string } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: at, end: at + quote.length, quote };
}
