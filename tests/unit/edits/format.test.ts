import { describe, expect, it } from 'vitest';
import { formatEditsTable } from '../../../src/shared/edits/format';
import { runEdits } from '../../../src/shared/edits/run';
import { memoryLookup } from './fixtures/memory-lookup';

describe('formatEditsTable', () => {
  const results = runEdits(
    {
      codes: ['E10.9', 'E11.9', 'E11', 'Z38.00'].map((code) => ({ system: 'icd10cm' as const, code })),
      age: 40, sex: 'F', setting: 'outpatient', dateOfService: '2026-01-05',
    },
    memoryLookup(),
  );

  it('prints one row block per result with rule id, codes, message and source, and a tally', () => {
    const text = formatEditsTable(results);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^SEV\s+RULE\s+CODES\s+MESSAGE\s+SOURCE$/);
    // Narrow terminals get the source under the message instead of a column.
    const narrow = formatEditsTable(results, { width: 80 });
    expect(narrow.split('\n')[0]).not.toContain('SOURCE');
    expect(narrow.replace(/\s+/g, ' ')).toContain('[Excludes1 at E10 (category); Excludes1 at E11 (category)]');
    expect(text).toMatch(/ERROR\s+excludes1\s+E10\.9 E11\.9/);
    expect(text).toMatch(/ERROR\s+non-billable\s+E11\b/);
    expect(text).toMatch(/ERROR\s+mce-age\s+Z38\.00/);
    const errors = results.filter((r) => r.severity === 'error').length;
    expect(lines.at(-1)).toBe(`${errors} error(s), ${results.filter((r) => r.severity === 'warning').length} warning(s), ${results.filter((r) => r.severity === 'info').length} info`);
  });

  it('keeps every line within the requested width', () => {
    for (const width of [72, 80, 100, 120, 160]) {
      const longest = Math.max(...formatEditsTable(results, { width }).split('\n').map((l) => l.length));
      expect(longest).toBeLessThanOrEqual(width);
    }
  });

  it('says so plainly when there is nothing to report', () => {
    expect(formatEditsTable([])).toContain('No edits');
  });
});
