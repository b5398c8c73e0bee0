// What a submit of the chart would do right now: the gate's refusal reasons, the codes it records and
// the existing codes it leaves off. `ReviewService.submit` acts on this plan and the pre-submit
// summary shows it, so what the coder confirms is what gets recorded.
import { createHash } from 'node:crypto';
import type { CodeSetLookup } from '../../shared/codeset/types';
import { openRechecks } from '../sync/rechecks';
import type { EncounterRow, ItemRow, ReviewStore } from './store';
import { computeEdits, submitGate } from './view';

export interface SubmitPlan {
  /** Why submit is refused; empty when it would go through. */
  reasons: string[];
  /** The items whose codes become the chart's `coded` codes, in this order. */
  submitted: ItemRow[];
  /** Existing claim / problem-list items the coder decided to leave off (rejected, deletion proposed, query). */
  dropped: ItemRow[];
  /**
   * Identifies what the plan records and leaves off (items, codes, order, decisions): the summary the
   * coder confirms carries it, and submit refuses when the chart's plan no longer has it.
   */
  fingerprint: string;
}

export function planSubmit(store: ReviewStore, lookup: CodeSetLookup, enc: EncounterRow): SubmitPlan {
  const items = store.items(enc.id);
  const reasons = submitGate(enc, items, computeEdits(enc, items, lookup), openRechecks(store.db, enc.id));
  const submitted = items.filter((i) => i.active && i.disposition === 'accepted');
  // A pending existing code is not dropped: it holds the submit up (the gate names it) until decided.
  const dropped = items.filter((i) => i.active && i.origin === 'existing' && i.disposition !== 'accepted' && i.disposition !== 'pending');
  return { reasons, submitted, dropped, fingerprint: fingerprintOf(submitted, dropped) };
}

function fingerprintOf(submitted: readonly ItemRow[], dropped: readonly ItemRow[]): string {
  const rows = [...submitted.map((i) => ['submit', i.id, i.system, i.code]), ...dropped.map((i) => ['drop', i.id, i.system, i.code, i.disposition])];
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32);
}
