// What loading a newer server version does to a chart's review items, worked out before anything
// is written (and, for the banner's count, without writing at all). Pure: rows in, plan out.
//
// - Items the coder decided on (any decision, also an undone one) stay, with their decisions. Their
//   evidence, the MEAT quotes of their suggestion and the item states their decisions keep for undo
//   are moved onto the new text; a quote the new text no longer holds is taken off (so nothing
//   points at the wrong words) and the item is flagged for re-review with that quote kept.
// - Items made from the chart's existing codes are matched with the new version's existing codes
//   (by system and the code as it came, before any change the coder made): a match keeps its item;
//   a code the new version dropped keeps a decided item (flagged) and loses an undecided one; a
//   code it added gets a new pending item.
// - Undecided suggestions are derived from the old text and go; the engine runs again on the next
//   open. Suggestion evidence attached to an undecided existing item goes with them.
import type { ExistingCode } from '../../shared/chart';
import type { CodeSystemId } from '../../shared/codeset/types';
import type { EvidenceSpan, ItemOrigin } from '../../shared/review/types';
import type { Reanchorer } from './reanchor';

export type ExistingSource = ExistingCode['source'];

export interface PlanItem {
  id: string;
  ordinal: number;
  origin: ItemOrigin;
  existingSource: ExistingSource | null;
  system: CodeSystemId;
  code: string;
  replacedCode: string | null;
  evidence: EvidenceSpan[];
  /** The stored suggestion JSON (kind, confidence, MEAT quotes, provenance …), or null. */
  suggestion: string | null;
  active: boolean;
  /** Whether any decision (undone or not) was made on the item. */
  decided: boolean;
}

export interface PlanDecision {
  id: string;
  itemId: string;
  /** Item states as stored (JSON), each with an `evidence` array. */
  before: string | null;
  after: string;
}

/** A flag from an earlier load the coder has not yet answered with a new decision. */
export interface OpenRecheck {
  itemId: string;
  lost: EvidenceSpan[];
  codeRemoved: boolean;
}

export interface RecheckFlag {
  itemId: string;
  /** Quotes no longer in the chart, as they were before the load (earlier open flags' included). */
  lost: EvidenceSpan[];
  codeRemoved: boolean;
}

export interface LoadCounts {
  /** Items on the chart, kept with their decisions, whose every quote was found in the new text. */
  reanchored: number;
  /** Items on the chart that need re-review. */
  flagged: number;
  quotesMoved: number;
  quotesLost: number;
  codesAdded: number;
  codesRemoved: number;
  /** Undecided suggestions dropped (the engine suggests again on the new text). */
  suggestionsDropped: number;
}

export interface LoadPlan {
  deleteItems: string[];
  /** Undecided existing-code items whose code is still listed: derived evidence and suggestion cleared. */
  resetItems: Array<{ id: string; existingSource: ExistingSource | null }>;
  /** Decided items whose evidence, suggestion or source changed. */
  rewriteItems: Array<{ id: string; evidence: EvidenceSpan[]; suggestion: string | null; existingSource: ExistingSource | null }>;
  rewriteDecisions: Array<{ id: string; before: string | null; after: string }>;
  newItems: Array<{ ordinal: number; system: CodeSystemId; code: string; source: ExistingSource }>;
  flags: RecheckFlag[];
  /** Open flags that no longer apply (the code is listed again and no quote is missing). */
  clearFlags: string[];
  counts: LoadCounts;
}

interface Moved {
  spans: EvidenceSpan[];
  lost: EvidenceSpan[];
  moved: number;
}

const sameSpan = (a: EvidenceSpan, b: EvidenceSpan): boolean => a.documentId === b.documentId && a.start === b.start && a.end === b.end && a.quote === b.quote;

function moveSpans(anchors: Reanchorer, spans: readonly EvidenceSpan[]): Moved {
  const out: Moved = { spans: [], lost: [], moved: 0 };
  for (const span of spans) {
    const next = anchors.anchor(span);
    if (!next) out.lost.push(span);
    else {
      if (!sameSpan(span, next)) out.moved++;
      out.spans.push(next);
    }
  }
  return out;
}

type MeatLists = Record<string, EvidenceSpan[]>;

/** The suggestion JSON with its MEAT quotes moved; unchanged text when it has none. */
function moveSuggestion(anchors: Reanchorer, json: string | null): { json: string | null; moved: Moved } {
  const moved: Moved = { spans: [], lost: [], moved: 0 };
  if (json === null) return { json, moved };
  const parsed = JSON.parse(json) as { meat?: MeatLists } & Record<string, unknown>;
  if (!parsed.meat || typeof parsed.meat !== 'object') return { json, moved };
  const meat: MeatLists = {};
  for (const [k, list] of Object.entries(parsed.meat)) {
    if (!Array.isArray(list)) continue;
    const m = moveSpans(anchors, list);
    moved.spans.push(...m.spans);
    moved.lost.push(...m.lost);
    moved.moved += m.moved;
    if (m.spans.length) meat[k] = m.spans;
  }
  if (moved.lost.length === 0 && moved.moved === 0) return { json, moved };
  return { json: JSON.stringify({ ...parsed, meat }), moved };
}

/** An item state kept by a decision (for undo) with its evidence moved; lost quotes are taken off. */
function moveState(anchors: Reanchorer, json: string): string {
  const state = JSON.parse(json) as { evidence?: EvidenceSpan[] } & Record<string, unknown>;
  if (!Array.isArray(state.evidence)) return json;
  const m = moveSpans(anchors, state.evidence);
  return m.moved === 0 && m.lost.length === 0 ? json : JSON.stringify({ ...state, evidence: m.spans });
}

const originalCode = (i: PlanItem): string => i.replacedCode ?? i.code;

/** Pairs existing-code items with the new version's existing codes; what is left over was added or removed. */
function matchExisting(items: readonly PlanItem[], codes: readonly ExistingCode[]): { matched: Map<string, ExistingCode>; added: ExistingCode[] } {
  const existing = items.filter((i) => i.origin === 'existing');
  const matched = new Map<string, ExistingCode>();
  const added: ExistingCode[] = [];
  for (const c of codes) {
    const free = existing.filter((i) => !matched.has(i.id) && i.system === c.system && originalCode(i) === c.code);
    const pick = free.find((i) => i.existingSource === c.source) ?? free[0];
    if (pick) matched.set(pick.id, c);
    else added.push(c);
  }
  return { matched, added };
}

export function planLoad(items: readonly PlanItem[], decisions: readonly PlanDecision[], openRechecks: readonly OpenRecheck[], existingCodes: readonly ExistingCode[], anchors: Reanchorer): LoadPlan {
  const plan: LoadPlan = {
    deleteItems: [],
    resetItems: [],
    rewriteItems: [],
    rewriteDecisions: [],
    newItems: [],
    flags: [],
    clearFlags: [],
    counts: { reanchored: 0, flagged: 0, quotesMoved: 0, quotesLost: 0, codesAdded: 0, codesRemoved: 0, suggestionsDropped: 0 },
  };
  const { matched, added } = matchExisting(items, existingCodes);
  const open = new Map(openRechecks.map((r) => [r.itemId, r]));
  const c = plan.counts;

  for (const item of items) {
    const listed = matched.get(item.id);
    const codeRemoved = item.origin === 'existing' && !listed;
    if (item.origin === 'existing' && codeRemoved) c.codesRemoved++;
    const existingSource = listed ? listed.source : item.existingSource;
    // 'added' items always carry the decision that made them; the check is for robustness only.
    if (!item.decided && item.origin !== 'added') {
      if (item.origin === 'suggested' || codeRemoved) {
        plan.deleteItems.push(item.id);
        if (item.origin === 'suggested') c.suggestionsDropped++;
      } else if (item.evidence.length > 0 || item.suggestion !== null || existingSource !== item.existingSource) {
        plan.resetItems.push({ id: item.id, existingSource });
      }
      continue;
    }

    const evidence = moveSpans(anchors, item.evidence);
    const suggestion = moveSuggestion(anchors, item.suggestion);
    const lost = [...evidence.lost, ...suggestion.moved.lost];
    const quotes = item.evidence.length + suggestion.moved.spans.length + suggestion.moved.lost.length;
    c.quotesMoved += evidence.moved + suggestion.moved.moved;
    c.quotesLost += lost.length;
    if (evidence.moved > 0 || evidence.lost.length > 0 || suggestion.json !== item.suggestion || existingSource !== item.existingSource) {
      plan.rewriteItems.push({ id: item.id, evidence: evidence.spans, suggestion: suggestion.json, existingSource });
    }

    const earlier = open.get(item.id);
    if (lost.length > 0 || codeRemoved || (earlier && earlier.lost.length > 0)) {
      plan.flags.push({ itemId: item.id, lost: [...(earlier?.lost ?? []), ...lost], codeRemoved });
      if (item.active) c.flagged++;
    } else if (earlier) {
      plan.clearFlags.push(item.id);
    }
    if (item.active && quotes > 0 && lost.length === 0) c.reanchored++;
  }

  for (const d of decisions) {
    const before = d.before === null ? null : moveState(anchors, d.before);
    const after = moveState(anchors, d.after);
    if (before !== d.before || after !== d.after) plan.rewriteDecisions.push({ id: d.id, before, after });
  }

  let ordinal = items.reduce((max, i) => Math.max(max, i.ordinal), -1) + 1;
  for (const code of added) plan.newItems.push({ ordinal: ordinal++, system: code.system, code: code.code, source: code.source });
  c.codesAdded = added.length;
  return plan;
}
