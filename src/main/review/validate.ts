// Checks a review action against the chart and the code set before anything is written. Every failure
// is a ReviewError with a message a coder can act on; user text is never echoed back into it.
import type { CodeRecord, CodeSetLookup, CodeSystemId } from '../../shared/codeset/types';
import { displayCode, fiscalYearOf, normalizeCode } from '../../shared/codeset/format';
import { REJECT_REASONS, type EvidenceSpan, type RejectReason } from '../../shared/review/types';
import type { DocumentRow, EncounterRow } from './store';

export class ReviewError extends Error {
  override name = 'ReviewError';
}

export const MAX_TEXT = 2000;
export const MAX_SPANS = 20;
export const MAX_SPAN_CHARS = 5000;
const SYSTEMS: readonly CodeSystemId[] = ['icd10cm', 'icd10pcs', 'hcpcs', 'cpt'];

/** Evidence as callers send it; `quote`, when given, must match the chart text exactly. */
export interface EvidenceInput {
  documentId: string;
  start: number;
  end: number;
  quote?: string;
}

/** Free text from the coder: trimmed, control characters (other than newline and tab) removed, bounded. */
export function cleanText(value: unknown, field: string, required: boolean): string | null {
  if (value === undefined || value === null) {
    if (required) throw new ReviewError(`A ${field} is required.`);
    return null;
  }
  if (typeof value !== 'string') throw new ReviewError(`The ${field} must be text.`);
  // eslint-disable-next-line no-control-regex
  const t = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '').trim();
  if (t.length > MAX_TEXT) throw new ReviewError(`The ${field} is longer than ${MAX_TEXT} characters.`);
  if (t === '') {
    if (required) throw new ReviewError(`A ${field} is required.`);
    return null;
  }
  return t;
}

export function checkReason(reason: unknown, text: unknown): { reason: RejectReason; reasonText: string | null } {
  if (!REJECT_REASONS.includes(reason as RejectReason)) throw new ReviewError(`Choose a reason: ${REJECT_REASONS.join(', ')}.`);
  const reasonText = cleanText(text, 'reason text', reason === 'other');
  return { reason: reason as RejectReason, reasonText };
}

/** A code a coder may put on this chart: known to the code set, billable, from the edition for the date of service. */
export function checkCode(lookup: CodeSetLookup, enc: EncounterRow, system: unknown, code: unknown): CodeRecord {
  if (!SYSTEMS.includes(system as CodeSystemId)) throw new ReviewError('Unknown code system.');
  if (typeof code !== 'string' || code.length === 0 || code.length > 16 || !/^[A-Za-z0-9.\s]+$/.test(code)) throw new ReviewError('That is not a code.');
  const sys = system as CodeSystemId;
  const normalized = normalizeCode(code);
  const fy = fiscalYearOf(enc.dateOfService);
  if ((sys === 'icd10cm' || sys === 'icd10pcs') && !lookup.fiscalYears.includes(fy)) {
    throw new ReviewError(`The chart's date of service is in FY${fy}, but the loaded code set covers ${lookup.fiscalYears.map((y) => `FY${y}`).join(', ') || 'no fiscal year'}.`);
  }
  const rec = lookup.code(sys, normalized);
  if (!rec) throw new ReviewError(`${displayCode(sys, normalized)} is not in the ${sys === 'icd10cm' || sys === 'icd10pcs' ? `FY${fy} ` : ''}code set.`);
  if (!rec.billable) throw new ReviewError(`${rec.display} is not a billable code; pick a more specific one.`);
  return rec;
}

export function checkEvidence(input: unknown, documents: readonly DocumentRow[]): EvidenceSpan[] {
  if (!Array.isArray(input) || input.length === 0) throw new ReviewError('Select the text in the note that supports the code.');
  if (input.length > MAX_SPANS) throw new ReviewError(`At most ${MAX_SPANS} evidence spans per code.`);
  const byId = new Map(documents.map((d) => [d.id, d]));
  return input.map((raw: unknown, i) => {
    const span = raw as Partial<EvidenceInput> | null;
    const where = input.length > 1 ? ` (span ${i + 1})` : '';
    const doc = span && typeof span.documentId === 'string' ? byId.get(span.documentId) : undefined;
    if (!doc) throw new ReviewError(`The evidence${where} points at a document that is not part of this chart.`);
    const { start, end } = span!;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start! < 0 || end! > doc.text.length || start! >= end!) {
      throw new ReviewError(`The evidence${where} lies outside the document text.`);
    }
    if (end! - start! > MAX_SPAN_CHARS) throw new ReviewError(`The evidence${where} is longer than ${MAX_SPAN_CHARS} characters; select the supporting phrase.`);
    const quote = doc.text.slice(start, end);
    if (quote.trim() === '') throw new ReviewError(`The evidence${where} is only white space.`);
    if (span!.quote !== undefined && span!.quote !== quote) throw new ReviewError(`The evidence${where} quote does not match the note text at those offsets.`);
    return { documentId: doc.id, start: start!, end: end!, quote };
  });
}
