// The pre-submit summary (`reviewSubmitPreview`): the submit plan (submit-plan.ts) put in the words
// the coder confirms. Read-only: it writes no row, audit event or outbox entry.
import { displayCode } from '../../shared/codeset/format';
import type { CodeSetLookup } from '../../shared/codeset/types';
import type { SubmitCodeOrigin, SubmitPreview, SubmitPreviewCode, SubmitPreviewRemoved } from '../../shared/review/types';
import type { ItemRow, ReviewStore } from './store';
import { planSubmit } from './submit-plan';
import { describeCode, hccsOf, loadEncounter } from './view';

/** Existing items imported before the source column was filled count as claim codes. */
const sourceOf = (item: ItemRow): 'claim' | 'problem-list' => item.existingSource ?? 'claim';

function originOf(item: ItemRow): SubmitCodeOrigin {
  if (item.origin !== 'existing') return { kind: 'added', suggested: item.origin === 'suggested' };
  // `replacedCode` is the code the claim carried before the coder's change(s).
  if (item.replacedCode) return { kind: 'changed', source: sourceOf(item), from: displayCode(item.system, item.replacedCode) };
  return { kind: 'kept', source: sourceOf(item) };
}

function submittedCode(item: ItemRow, lookup: CodeSetLookup): SubmitPreviewCode {
  const rec = lookup.code(item.system, item.code);
  return { ...describeCode(item.system, item.code, rec), hccs: hccsOf(lookup, item.system, item.code, rec), origin: originOf(item) };
}

function removedCode(item: ItemRow, lookup: CodeSetLookup): SubmitPreviewRemoved {
  // The plan only drops decided existing items, so the disposition is one of these three.
  const out: SubmitPreviewRemoved = { ...describeCode(item.system, item.code, lookup.code(item.system, item.code)), source: sourceOf(item), disposition: item.disposition as SubmitPreviewRemoved['disposition'] };
  if (item.reason) out.reason = item.reason;
  if (item.reasonText) out.reasonText = item.reasonText;
  if (item.queryNote) out.queryNote = item.queryNote;
  return out;
}

export function buildSubmitPreview(store: ReviewStore, lookup: CodeSetLookup, encounterId: unknown): SubmitPreview {
  // One read transaction: the items, the edits and the re-review flags come from the same moment.
  return store.db.transaction((): SubmitPreview => {
    const enc = loadEncounter(store, encounterId);
    const plan = planSubmit(store, lookup, enc);
    return {
      encounterId: enc.id,
      allowed: plan.reasons.length === 0,
      reasons: plan.reasons,
      codes: plan.submitted.map((i) => submittedCode(i, lookup)),
      removed: plan.dropped.map((i) => removedCode(i, lookup)),
      fingerprint: plan.fingerprint,
    };
  })();
}
