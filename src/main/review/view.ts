// Assembles what the chart screen shows: documents with sections, the code items, edits and RAF over
// the codes that are currently on the chart, the patient's earlier encounters, and whether submit is
// allowed (with the reasons when it is not: the same gate the submit itself applies).
import type { CodeRecord, CodeSetLookup, CodeSystemId } from '../../shared/codeset/types';
import { displayCode, fiscalYearOf } from '../../shared/codeset/format';
import { runEdits } from '../../shared/edits/index';
import type { EditResult } from '../../shared/edits/index';
import { scoreRaf } from '../../shared/hcc/index';
import type { RafResult } from '../../shared/hcc/index';
import type { ChartView, HistoryEncounter, ReviewItem } from '../../shared/review/types';
import { patientLabel } from '../importing/store';
import { pendingServerUpdate } from '../sync/pending-update';
import { openRechecks, type OpenRecheckRow } from '../sync/rechecks';
import { recheckReason } from './recheck-gate';
import { detectSections } from './sections';
import type { EncounterRow, ItemRow, ReviewStore } from './store';

export class ChartNotFoundError extends Error {
  override name = 'ChartNotFoundError';
}

/** Codes on the chart right now: accepted ones, and existing codes not yet dispositioned. A suggestion counts only once accepted. */
export function activeItems(items: readonly ItemRow[]): ItemRow[] {
  return items.filter((i) => i.active && (i.disposition === 'accepted' || (i.disposition === 'pending' && i.origin !== 'suggested')));
}

/** Age in whole years on the date of service; only the birth year is kept, so it may be one year high. */
export function ageAt(birthYear: number | null, dateOfService: string): number | null {
  if (birthYear === null) return null;
  const age = Number(dateOfService.slice(0, 4)) - birthYear;
  return age >= 0 && age < 130 ? age : null;
}

export function loadEncounter(store: ReviewStore, encounterId: unknown): EncounterRow {
  if (typeof encounterId !== 'string' || encounterId.length === 0 || encounterId.length > 64) throw new ChartNotFoundError('No chart with that id.');
  const enc = store.encounter(encounterId);
  if (!enc) throw new ChartNotFoundError('No chart with that id.');
  return enc;
}

/** A code as the coder reads it, from its record in the loaded set (`rec`): dotted, with its title, or said to be missing. */
export function describeCode(system: CodeSystemId, code: string, rec: CodeRecord | undefined): { system: CodeSystemId; code: string; display: string; description: string } {
  return { system, code, display: rec?.display ?? displayCode(system, code), description: rec?.description ?? 'Not in the loaded code set' };
}

/** The HCCs an ICD-10-CM code of the loaded set maps to (none for other systems or unknown codes). */
export function hccsOf(lookup: CodeSetLookup, system: CodeSystemId, code: string, rec: CodeRecord | undefined): number[] {
  return system === 'icd10cm' && rec ? lookup.hccs(code) : [];
}

function toReviewItem(item: ItemRow, lookup: CodeSetLookup, recheck: OpenRecheckRow | undefined): ReviewItem {
  const rec = lookup.code(item.system, item.code);
  const out: ReviewItem = {
    id: item.id,
    ...describeCode(item.system, item.code, rec),
    billable: rec?.billable ?? false,
    hccs: hccsOf(lookup, item.system, item.code, rec),
    origin: item.origin,
    disposition: item.disposition,
    evidence: item.evidence,
  };
  if (item.existingSource) out.existingSource = item.existingSource;
  if (item.reason) out.reason = item.reason;
  if (item.reasonText) out.reasonText = item.reasonText;
  if (item.queryNote) out.queryNote = item.queryNote;
  if (item.replacedCode) out.replacedCode = item.replacedCode;
  if (item.suggestion) out.suggestion = JSON.parse(item.suggestion) as ReviewItem['suggestion'];
  // The lost quotes' old offsets point into text the chart no longer has: only the words are shown.
  if (recheck) out.recheck = { lostQuotes: recheck.lost.map((e) => e.quote), codeRemoved: recheck.codeRemoved, serverVersion: recheck.serverVersion };
  return out;
}

function history(store: ReviewStore, enc: EncounterRow, lookup: CodeSetLookup): HistoryEncounter[] {
  return store.history(enc.patientId, enc.id).map((h) => {
    const rows = store.historyCodes(h.id);
    // What the encounter was finally coded as, if known; otherwise what it was billed or listed with.
    const coded = rows.filter((r) => r.source === 'coded');
    const final = rows.filter((r) => r.source === 'final');
    const chosen = coded.length ? coded : final.length ? final : rows.filter((r) => r.source === 'claim' || r.source === 'problem-list');
    return {
      encounterId: h.id,
      dateOfService: h.dateOfService,
      setting: h.setting,
      codes: chosen.map((r) => ({ ...describeCode(r.system, r.code, lookup.code(r.system, r.code)), source: r.source === 'coded' ? 'final' : r.source })),
    };
  });
}

/** Why submit is refused (empty when it is allowed); `rechecks` are the chart's open re-review flags. */
export function submitGate(enc: EncounterRow, items: readonly ItemRow[], edits: readonly EditResult[], rechecks: readonly OpenRecheckRow[]): string[] {
  const reasons: string[] = [];
  if (enc.status === 'done') reasons.push('The chart is already submitted.');
  const pending = items.filter((i) => i.active && i.origin === 'existing' && i.disposition === 'pending');
  if (pending.length) {
    const list = pending.map((i) => displayCode(i.system, i.code)).join(', ');
    reasons.push(`${pending.length} existing code${pending.length === 1 ? ' has' : 's have'} no disposition: ${list}.`);
  }
  const recheck = recheckReason(items, rechecks);
  if (recheck) reasons.push(recheck);
  for (const e of edits) if (e.severity === 'error') reasons.push(`Edit error: ${e.message}`);
  if (!items.some((i) => i.active && i.disposition === 'accepted') && pending.length === 0) reasons.push('No code is kept or added; there is nothing to submit.');
  return reasons;
}

export function computeEdits(enc: EncounterRow, items: readonly ItemRow[], lookup: CodeSetLookup): EditResult[] {
  const codes = activeItems(items).map((i) => ({ system: i.system, code: i.code }));
  return runEdits({ codes, age: ageAt(enc.birthYear, enc.dateOfService), sex: enc.sex, setting: enc.setting, dateOfService: enc.dateOfService }, lookup);
}

function raf(enc: EncounterRow, items: readonly ItemRow[], lookup: CodeSetLookup): RafResult | null {
  const age = ageAt(enc.birthYear, enc.dateOfService);
  if (age === null || (enc.sex !== 'F' && enc.sex !== 'M')) return null;
  const codes = activeItems(items)
    .filter((i) => i.system === 'icd10cm')
    .map((i) => i.code);
  return scoreRaf({ codes, age, sex: enc.sex }, lookup);
}

export function buildChartView(store: ReviewStore, lookup: CodeSetLookup, encounterId: string): ChartView {
  const enc = loadEncounter(store, encounterId);
  const items = store.items(enc.id);
  const visible = items.filter((i) => i.active);
  const edits = computeEdits(enc, items, lookup);
  const open = openRechecks(store.db, enc.id);
  const reasons = submitGate(enc, items, edits, open);
  const rechecks = new Map(open.map((r) => [r.itemId, r]));
  return {
    encounter: { id: enc.id, setting: enc.setting, dateOfService: enc.dateOfService, payer: enc.payer, status: enc.status, fiscalYear: fiscalYearOf(enc.dateOfService), title: enc.title },
    patient: { id: enc.patientId, label: patientLabel(enc.patientId), birthYear: enc.birthYear, sex: enc.sex, age: ageAt(enc.birthYear, enc.dateOfService) },
    documents: store.documents(enc.id).map((d) => ({ ...d, sections: detectSectionsCached(d.id, d.text) })),
    items: visible.map((i) => toReviewItem(i, lookup, rechecks.get(i.id))),
    edits,
    raf: raf(enc, items, lookup),
    history: history(store, enc, lookup),
    submit: { allowed: reasons.length === 0, reasons },
    canUndo: enc.status !== 'done' && store.lastDecision(enc.id) !== undefined,
    serverUpdate: pendingServerUpdate(store.db, enc.id),
  };
}

// Sections are computed once per document text per process. A sync can replace a document's text
// under the same id (an untouched chart updated on the server), so the text is part of the key.
const sectionCache = new Map<string, { text: string; sections: ReturnType<typeof detectSections> }>();
function detectSectionsCached(id: string, text: string) {
  const hit = sectionCache.get(id);
  if (hit && hit.text === text) return hit.sections;
  if (sectionCache.size > 2000) sectionCache.clear();
  const sections = detectSections(text);
  sectionCache.set(id, { text, sections });
  return sections;
}
