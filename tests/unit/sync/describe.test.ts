// Refused changes are named in the review screen's words, whatever the outbox row carries.
import { describe, expect, it } from 'vitest';
import { describeChange, type ChangeFacts } from '../../../src/main/sync/describe';

const facts = (f: Partial<ChangeFacts>): ChangeFacts => ({ entity: 'review_decision', op: 'accept', system: 'icd10cm', code: 'E119', replacedCode: null, reason: null, toStatus: null, codeCount: null, version: null, ...f });

describe('describeChange', () => {
  it('names each review action with the code as the coder reads it', () => {
    expect(describeChange(facts({}))).toBe('keep E11.9');
    expect(describeChange(facts({ op: 'reject', reason: 'not_documented' }))).toBe('reject E11.9 (not documented)');
    expect(describeChange(facts({ op: 'delete', reason: 'history_only' }))).toBe('propose deleting E11.9 (history only)');
    expect(describeChange(facts({ op: 'change', code: 'E1165', replacedCode: 'E119' }))).toBe('change E11.9 to E11.65');
    expect(describeChange(facts({ op: 'change', replacedCode: null }))).toBe('change the code to E11.9');
    expect(describeChange(facts({ op: 'add', system: 'hcpcs', code: 'G0439' }))).toBe('add G0439');
    expect(describeChange(facts({ op: 'query' }))).toBe('query the provider about E11.9');
    expect(describeChange(facts({ op: 'undo' }))).toBe('undo the last decision on E11.9');
  });

  it('names chart-level changes', () => {
    const enc = { entity: 'encounter', system: null, code: null };
    expect(describeChange(facts({ ...enc, op: 'submit', codeCount: 2 }))).toBe('submit chart (2 codes)');
    expect(describeChange(facts({ ...enc, op: 'submit', codeCount: 1 }))).toBe('submit chart (1 code)');
    expect(describeChange(facts({ ...enc, op: 'submit' }))).toBe('submit chart');
    expect(describeChange(facts({ ...enc, op: 'status', toStatus: 'on_hold' }))).toBe('set chart to on hold');
    expect(describeChange(facts({ ...enc, op: 'load_update', version: 3 }))).toBe("load the server's version 3");
  });

  it('falls back to plain words for what it does not know, never to JSON', () => {
    expect(describeChange(facts({ code: null }))).toBe('keep a code');
    expect(describeChange(facts({ system: 'weird', code: 'X1' }))).toBe('keep X1');
    expect(describeChange(facts({ op: 'reject', reason: 'made_up' }))).toBe('reject E11.9');
    expect(describeChange(facts({ entity: 'review_note', op: 'pin' }))).toBe('review note pin');
  });
});
