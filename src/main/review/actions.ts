// Review actions. Each one is a single SQLite transaction that writes the item's new state, the
// decision (with the state before, for undo), the audit event and the outbox row together: after a
// crash either all four are there or none is.
import { randomUUID } from 'node:crypto';
import type { CodeSetLookup } from '../../shared/codeset/types';
import type { ReviewAction, SubmitResult } from '../../shared/review/types';
import type { ChartStatus } from '../../shared/worklist/types';
import { appendAudit } from '../audit/log';
import type { Json } from '../audit/canonical';
import type { AuditEvent } from '../audit/types';
import type { Db } from '../db/open';
import type { LocalUser } from '../worklist/users';
import { nextInQueue } from '../worklist/query';
import { enqueueOutbox } from './outbox';
import { stateOf, ReviewStore, type EncounterRow, type ItemRow, type ItemState } from './store';
import { checkCode, checkEvidence, checkReason, cleanText, ReviewError, type EvidenceInput } from './validate';
import { planSubmit } from './submit-plan';
import { loadEncounter } from './view';

/** ReviewAction as the core accepts it: `add` evidence may carry the quote the coder saw, which must match. */
export type ReviewActionInput = Exclude<ReviewAction, { type: 'add' }> | (Omit<Extract<ReviewAction, { type: 'add' }>, 'evidence'> & { evidence: EvidenceInput[] });

export const SETTABLE_STATUSES = ['on_hold', 'in_progress', 'pending_query'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** A chart's codes or decisions changed after the coder saw the pre-submit summary. */
export const SUMMARY_STALE = 'The chart changed after the summary was shown. Press s to see the summary again.';

export class ReviewService {
  readonly store: ReviewStore;

  constructor(
    readonly db: Db,
    readonly lookup: CodeSetLookup,
    readonly user: LocalUser,
  ) {
    this.store = new ReviewStore(db);
  }

  private audit(enc: EncounterRow, action: string, extra: { item?: ItemState; reason?: string | null; detail?: { [k: string]: Json | undefined }; suggestion?: Json | null }): AuditEvent {
    return appendAudit(this.db, {
      user: this.user,
      encounterId: enc.id,
      action,
      system: extra.item?.system ?? null,
      code: extra.item?.code ?? null,
      evidence: extra.item?.evidence ?? [],
      reason: extra.reason ?? null,
      detail: extra.detail ?? {},
      codeSetVersion: this.lookup.version,
      suggestion: extra.suggestion ?? null,
    });
  }

  private editableEncounter(encounterId: unknown): EncounterRow {
    const enc = loadEncounter(this.store, encounterId);
    if (enc.status === 'done') throw new ReviewError('This chart is submitted. Set it back to in progress to change it.');
    return enc;
  }

  private activeItem(enc: EncounterRow, itemId: unknown): ItemRow {
    const item = typeof itemId === 'string' ? this.store.item(itemId) : undefined;
    if (!item || item.encounterId !== enc.id || !item.active) throw new ReviewError('That code item is not on this chart.');
    return item;
  }

  /** Applies one action; returns nothing, the caller re-reads the chart view. */
  act(encounterId: string, action: ReviewActionInput): void {
    if (action === null || typeof action !== 'object') throw new ReviewError('Expected a review action.');
    this.db
      .transaction(() => {
        const enc = this.editableEncounter(encounterId);
        const now = new Date().toISOString();
        let item: ItemRow | undefined;
        let before: ItemState | null;
        let after: ItemState;
        let reason: string | null = null;
        const detail: { [k: string]: Json | undefined } = {};
        switch (action.type) {
          case 'accept':
            item = this.activeItem(enc, action.itemId);
            before = stateOf(item);
            after = { ...before, disposition: 'accepted', reason: null, reasonText: null, queryNote: null };
            break;
          case 'reject':
          case 'delete': {
            item = this.activeItem(enc, action.itemId);
            if (action.type === 'delete' && item.origin !== 'existing') throw new ReviewError('Only codes already on the claim or problem list can be proposed for deletion; reject this one instead.');
            const r = checkReason(action.reason, action.text);
            before = stateOf(item);
            after = { ...before, disposition: action.type === 'delete' ? 'delete_proposed' : 'rejected', reason: r.reason, reasonText: r.reasonText, queryNote: null };
            reason = r.reason;
            if (r.reasonText) detail.reasonText = r.reasonText;
            break;
          }
          case 'change': {
            item = this.activeItem(enc, action.itemId);
            const rec = checkCode(this.lookup, enc, action.system, action.code);
            if (rec.system === item.system && rec.code === item.code) throw new ReviewError(`The item is already ${rec.display}.`);
            before = stateOf(item);
            const original = item.replacedCode ?? item.code;
            after = { ...before, system: rec.system, code: rec.code, replacedCode: original === rec.code ? null : original, disposition: 'accepted', reason: null, reasonText: null, queryNote: null };
            detail.from = `${item.system}:${item.code}`;
            break;
          }
          case 'add': {
            const rec = checkCode(this.lookup, enc, action.system, action.code);
            const evidence = checkEvidence(action.evidence, this.store.documents(enc.id));
            if (this.store.items(enc.id).some((i) => i.active && i.system === rec.system && i.code === rec.code && i.disposition !== 'rejected' && i.disposition !== 'delete_proposed')) {
              throw new ReviewError(`${rec.display} is already on the chart.`);
            }
            const id = randomUUID();
            this.store.insertAddedItem({ id, encounterId: enc.id, system: rec.system, code: rec.code, evidence, now });
            item = this.store.item(id)!;
            before = null;
            after = stateOf(item);
            break;
          }
          case 'query': {
            item = this.activeItem(enc, action.itemId);
            const note = cleanText(action.note, 'query note', true)!;
            before = stateOf(item);
            after = { ...before, disposition: 'query', reason: null, reasonText: null, queryNote: note };
            detail.note = note;
            break;
          }
          default:
            throw new ReviewError('Unknown review action.');
        }
        detail.itemId = item.id;
        if (before) this.store.writeItemState(item.id, after, now);
        const provenance = item.suggestion ? ((JSON.parse(item.suggestion) as { provenance?: Json }).provenance ?? null) : null;
        const event = this.audit(enc, action.type, { item: after, reason, detail, suggestion: provenance });
        const decisionId = randomUUID();
        this.store.insertDecision({ id: decisionId, encounterId: enc.id, itemId: item.id, action: action.type, before, after, userId: this.user.id, auditSeq: event.seq, now });
        if (enc.status === 'new') this.store.setStatus(enc.id, 'in_progress', now);
        enqueueOutbox(this.db, { entity: 'review_decision', entityId: decisionId, op: action.type, payload: { encounterId: enc.id, itemId: item.id, origin: item.origin, after, audit: event } }, new Date(now));
      })
      .immediate();
  }

  /** Reverts the chart's most recent decision not yet undone. The audit trail gains an `undo` event; nothing is removed from it. */
  undo(encounterId: string): void {
    this.db
      .transaction(() => {
        const enc = this.editableEncounter(encounterId);
        const last = this.store.lastDecision(enc.id);
        if (!last) throw new ReviewError('Nothing to undo on this chart.');
        const now = new Date().toISOString();
        const item = this.store.item(last.itemId)!;
        const restored: ItemState = last.before ? (JSON.parse(last.before) as ItemState) : { ...stateOf(item), active: false };
        this.store.writeItemState(item.id, restored, now);
        const event = this.audit(enc, 'undo', { item: restored, detail: { itemId: item.id, undoneAction: last.action, undoneSeq: last.auditSeq } });
        this.store.markUndone(last.id, event.seq);
        enqueueOutbox(this.db, { entity: 'review_decision', entityId: last.id, op: 'undo', payload: { encounterId: enc.id, itemId: item.id, restored, audit: event } }, new Date(now));
      })
      .immediate();
  }

  submit(encounterId: string, expected?: unknown): SubmitResult {
    if (expected !== undefined && typeof expected !== 'string') throw new ReviewError('The summary to submit is not valid.');
    const result = this.db
      .transaction((): SubmitResult => {
        const enc = loadEncounter(this.store, encounterId);
        // Planned inside the transaction, so a load landing between the check and the write cannot slip
        // past it. The pre-submit summary shows the same plan (submit-preview.ts).
        const plan = planSubmit(this.store, this.lookup, enc);
        if (plan.reasons.length) return { ok: false, reasons: plan.reasons };
        if (expected !== undefined && expected !== plan.fingerprint) return { ok: false, reasons: [SUMMARY_STALE] };
        const now = new Date().toISOString();
        const coded = plan.submitted.map((i) => ({ id: randomUUID(), system: i.system, code: i.code }));
        this.store.replaceCodedCodes(enc.id, coded);
        this.store.setStatus(enc.id, 'done', now);
        const codes = coded.map((c) => `${c.system}:${c.code}`);
        const event = this.audit(enc, 'submit', { detail: { codes, from: enc.status } });
        enqueueOutbox(this.db, { entity: 'encounter', entityId: enc.id, op: 'submit', payload: { status: 'done', codes: coded, audit: event } }, new Date(now));
        return { ok: true, nextEncounterId: null };
      })
      .immediate();
    return result.ok ? { ok: true, nextEncounterId: nextInQueue(this.db, this.user.id, encounterId) } : result;
  }

  setStatus(encounterId: string, status: ChartStatus): void {
    if (!(SETTABLE_STATUSES as readonly string[]).includes(status)) throw new ReviewError('A chart can be set to on hold, in progress or pending query.');
    this.db
      .transaction(() => {
        const enc = loadEncounter(this.store, encounterId);
        if (enc.status === status) return;
        const now = new Date().toISOString();
        this.store.setStatus(enc.id, status, now);
        const event = this.audit(enc, 'status', { detail: { from: enc.status, to: status } });
        enqueueOutbox(this.db, { entity: 'encounter', entityId: enc.id, op: 'status', payload: { from: enc.status, to: status, audit: event } }, new Date(now));
      })
      .immediate();
  }
}
