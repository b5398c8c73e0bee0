// What a submit of the chart would do right now: the gate's refusal reasons, the codes it records and
// the existing codes it leaves off. `ReviewService.submit` acts on this plan and the pre-submit
// summary shows it, so what the coder confirms is what gets recorded.
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
}

export function planSubmit(store: ReviewStore, lookup: CodeSetLookup, enc: EncounterRow): SubmitPlan {
  const items = store.items(enc.id);
  const reasons = submitGate(enc, items, computeEdits(enc, items, lookup), openRechecks(store.db, enc.id));
  return {
    reasons,
    submitted: items.filter((i) => i.active && i.disposition === 'accepted'),
    // A pending existing code is not dropped: it holds the submit up (the gate names it) until decided.
    dropped: items.filter((i) => i.active && i.origin === 'existing' && i.disposition !== 'accepted' && i.disposition !== 'pending'),
  };
}
