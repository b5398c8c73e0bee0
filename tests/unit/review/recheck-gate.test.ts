// The words the submit gate uses for open re-review flags: which codes, why each, singular and plural,
// and that only codes still on the chart count.
import { describe, expect, it } from 'vitest';
import { recheckReason } from '../../../src/main/review/recheck-gate';
import type { ItemRow } from '../../../src/main/review/store';
import type { OpenRecheckRow } from '../../../src/main/sync/rechecks';

function item(id: string, code: string, over: Partial<ItemRow> = {}): ItemRow {
  return {
    id,
    encounterId: 'enc',
    ordinal: 0,
    origin: 'existing',
    existingSource: 'claim',
    system: 'icd10cm',
    code,
    replacedCode: null,
    disposition: 'accepted',
    reason: null,
    reasonText: null,
    queryNote: null,
    evidence: [],
    suggestion: null,
    active: true,
    version: 1,
    ...over,
  };
}

const lostQuote = [{ documentId: 'doc', start: 0, end: 4, quote: 'gone' }];
const flag = (itemId: string, lost: boolean, codeRemoved: boolean): OpenRecheckRow => ({ itemId, lost: lost ? lostQuote : [], codeRemoved, serverVersion: 3 });

describe('recheckReason', () => {
  it('is null when no code on the chart carries an open flag', () => {
    expect(recheckReason([item('a', 'E119')], [])).toBeNull();
    expect(recheckReason([item('a', 'E119', { active: false })], [flag('a', true, false)])).toBeNull();
  });

  it('names each flagged code in list order with what the load found gone', () => {
    const items = [item('a', 'E119'), item('b', 'I10', { existingSource: 'problem-list' }), item('c', 'E782', { origin: 'added', existingSource: null }), item('d', 'N1831')];
    const open = [flag('c', true, false), flag('a', true, true), flag('b', false, true)];
    expect(recheckReason(items, open)).toBe(
      '3 codes need re-review after the chart was updated: E11.9 (evidence no longer in the note; no longer on the claim), I10 (no longer on the problem list), E78.2 (evidence no longer in the note). Decide on them again before submitting.',
    );
    expect(recheckReason(items, [flag('b', false, true)])).toBe('1 code needs re-review after the chart was updated: I10 (no longer on the problem list). Decide on it again before submitting.');
  });
});
