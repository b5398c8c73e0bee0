// Grounding: the one gate every engine's output passes before a coder sees it. A code must exist, be
// valid for the date of service and be billable (a header is replaced only by its single billable
// descendant); every quote must be found in the chart text and is stored with its offsets. Whatever
// fails is counted, never shown. Pure: the local engine, the model engine and the tests share it.
import type { CodeRecord, CodeSetLookup, CodeSystemId } from '../codeset/types';
import { fiscalYearOf, normalizeCode, SYSTEM_NAMES } from '../codeset/format';
import type { EvidenceSpan, SuggestionProvenance } from '../review/types';
import type { Assertion, GroundingDrops, MeatSupport, Suggestion, SuggestionKind, SuggestInput } from './types';

/** A quote as an engine gives it: the text, a span into a document, or both (then they must agree). */
export interface RawQuote {
  documentId?: string;
  quote?: string;
  start?: number;
  end?: number;
}

export type RawEvidence = string | RawQuote;

export interface RawSuggestion {
  /** 'icd10cm' or a sample-file name such as 'ICD-10-CM'. */
  system: string;
  code: string;
  kind: SuggestionKind;
  quotes?: ReadonlyArray<RawEvidence>;
  assertion?: Assertion;
  confidence?: number;
  meat?: Partial<Record<keyof MeatSupport, ReadonlyArray<RawEvidence>>>;
  rationale?: string;
}

export interface GroundingResult {
  suggestions: Suggestion[];
  drops: GroundingDrops;
}

const KINDS: readonly SuggestionKind[] = ['add', 'keep', 'delete-unsupported', 'query'];
const ASSERTIONS: readonly Assertion[] = ['present', 'negated', 'uncertain', 'historical', 'family', 'hypothetical'];
const MEAT_KEYS: ReadonlyArray<keyof MeatSupport> = ['monitor', 'evaluate', 'assess', 'treat'];
/** Shorter quotes would be "found" almost anywhere and prove nothing. */
const MIN_QUOTE_CHARS = 2;
const MAX_RATIONALE_CHARS = 1000;

export function emptyDrops(): GroundingDrops {
  return { unknownCode: 0, invalidForDate: 0, headerCode: 0, quoteNotFound: 0, noEvidence: 0, malformed: 0 };
}

export function addDrops(into: GroundingDrops, more: GroundingDrops): GroundingDrops {
  for (const k of Object.keys(into) as Array<keyof GroundingDrops>) into[k] += more[k];
  return into;
}

/** A document with whitespace runs collapsed, and where each collapsed character came from. */
interface NormalizedDoc {
  id: string;
  text: string;
  norm: string;
  /** norm index → original index. */
  map: Int32Array;
}

function normalizeDoc(id: string, text: string): NormalizedDoc {
  const map = new Int32Array(text.length);
  let norm = '';
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      norm += ' ';
    } else {
      inSpace = false;
      norm += ch;
    }
    map[n++] = i;
  }
  return { id, text, norm, map: map.subarray(0, n) };
}

/** The original-text span of `length` normalised characters starting at normalised index `at`. */
function spanAt(d: NormalizedDoc, at: number, length: number): EvidenceSpan {
  const start = d.map[at]!;
  const end = d.map[at + length - 1]! + 1;
  return { documentId: d.id, start, end, quote: d.text.slice(start, end) };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Finds quotes in the chart; one instance per grounding call so each document is normalised once. */
export class QuoteFinder {
  private readonly docs: NormalizedDoc[];

  constructor(documents: ReadonlyArray<{ id: string; text: string }>) {
    this.docs = documents.map((d) => normalizeDoc(d.id, d.text));
  }

  /** Locates one piece of evidence; undefined when it is not in the chart. */
  find(ev: RawEvidence): EvidenceSpan | undefined {
    const raw: RawQuote = typeof ev === 'string' ? { quote: ev } : ev;
    if (raw === null || typeof raw !== 'object') return undefined;
    if (typeof raw.start === 'number' && typeof raw.end === 'number') return this.fromSpan(raw);
    if (typeof raw.quote !== 'string') return undefined;
    const q = collapse(raw.quote);
    if (q.length < MIN_QUOTE_CHARS) return undefined;
    // The named document first, then the others: a model may misattribute the document.
    const ordered = raw.documentId === undefined ? this.docs : [...this.docs.filter((d) => d.id === raw.documentId), ...this.docs.filter((d) => d.id !== raw.documentId)];
    for (const d of ordered) {
      const at = d.norm.indexOf(q);
      if (at >= 0) return spanAt(d, at, q.length);
    }
    return undefined;
  }

  /**
   * Every place a quote occurs in the chart (documents in order, then by offset), matched the same
   * way as `find`: whitespace runs collapsed, at least MIN_QUOTE_CHARS. Each span's quote is the
   * chart's own text at its offsets. For callers that must choose among several occurrences.
   */
  findAll(quote: string): EvidenceSpan[] {
    const q = collapse(quote);
    if (q.length < MIN_QUOTE_CHARS) return [];
    const out: EvidenceSpan[] = [];
    for (const d of this.docs) {
      for (let at = d.norm.indexOf(q); at >= 0; at = d.norm.indexOf(q, at + 1)) out.push(spanAt(d, at, q.length));
    }
    return out;
  }

  private fromSpan(raw: RawQuote): EvidenceSpan | undefined {
    const doc = raw.documentId === undefined && this.docs.length === 1 ? this.docs[0] : this.docs.find((d) => d.id === raw.documentId);
    const { start, end } = raw as { start: number; end: number };
    if (!doc || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || end - start < MIN_QUOTE_CHARS) return undefined;
    const quote = doc.text.slice(start, end);
    if (typeof raw.quote === 'string' && collapse(raw.quote) !== collapse(quote)) {
      // Offsets and text disagree: trust neither blindly, look the text up instead.
      return this.find({ quote: raw.quote, documentId: doc.id });
    }
    if (collapse(quote).length < MIN_QUOTE_CHARS) return undefined;
    return { documentId: doc.id, start, end, quote };
  }
}

function billableDescendants(lookup: CodeSetLookup, system: CodeSystemId, code: string, out: CodeRecord[], limit: number): void {
  for (const child of lookup.children(system, code)) {
    if (out.length >= limit) return;
    if (child.billable) out.push(child);
    else billableDescendants(lookup, system, child.code, out, limit);
  }
}

/** The only billable descendant of a header code, or undefined when there are none or several. */
export function singleBillableDescendant(lookup: CodeSetLookup, system: CodeSystemId, code: string): CodeRecord | undefined {
  const found: CodeRecord[] = [];
  billableDescendants(lookup, system, code, found, 2);
  return found.length === 1 ? found[0] : undefined;
}

function datedSystem(system: CodeSystemId): boolean {
  return system === 'icd10cm' || system === 'icd10pcs';
}

function validForDate(lookup: CodeSetLookup, system: CodeSystemId, dateOfService: string): boolean {
  if (!datedSystem(system)) return true;
  let fy: number;
  try {
    fy = fiscalYearOf(dateOfService);
  } catch {
    return false;
  }
  return lookup.fiscalYears.includes(fy);
}

function spanKey(s: EvidenceSpan): string {
  return `${s.documentId}\u0000${s.start}\u0000${s.end}`;
}

// Keys already in an evidence list, so long lists stay linear to build.
const listKeys = new WeakMap<EvidenceSpan[], Set<string>>();

function pushUnique(into: EvidenceSpan[], add: readonly EvidenceSpan[]): void {
  let seen = listKeys.get(into);
  if (!seen) listKeys.set(into, (seen = new Set(into.map(spanKey))));
  for (const s of add) {
    const k = spanKey(s);
    if (!seen.has(k)) {
      seen.add(k);
      into.push(s);
    }
  }
}

/**
 * Grounds raw suggestions against the chart and the code set. Keeps `keep`/`add` only with at least
 * one grounded quote; `delete-unsupported` needs none (absent evidence is its point) and may name an
 * existing code the loaded year no longer has; `query` needs a grounded quote unless it names a code
 * from the patient's earlier encounters (that history is its evidence). Duplicates are merged.
 */
export function groundSuggestions(
  raw: ReadonlyArray<RawSuggestion>,
  input: SuggestInput,
  lookup: CodeSetLookup,
  provenance: SuggestionProvenance,
): GroundingResult {
  const drops = emptyDrops();
  const finder = new QuoteFinder(input.documents);
  const existing = new Set(input.existingCodes.map((c) => `${c.system}:${normalizeCode(c.code)}`));
  const prior = new Set(input.priorCodes.map((c) => `${c.system}:${normalizeCode(c.code)}`));
  const byKey = new Map<string, Suggestion>();

  for (const r of raw) {
    if (!r || typeof r !== 'object' || typeof r.code !== 'string' || typeof r.system !== 'string' || !KINDS.includes(r.kind)) {
      drops.malformed++;
      continue;
    }
    const system = SYSTEM_NAMES[r.system];
    const code = normalizeCode(r.code);
    if (!system || !/^[A-Z0-9]{1,8}$/.test(code)) {
      drops.malformed++;
      continue;
    }
    const key = `${system}:${code}`;
    const isDeleteOfExisting = r.kind === 'delete-unsupported' && existing.has(key);
    if (r.kind === 'delete-unsupported' && !isDeleteOfExisting) {
      // Proposing to delete a code that is not on the claim means nothing to the coder.
      drops.malformed++;
      continue;
    }
    let finalCode = code;
    if (!isDeleteOfExisting) {
      const rec = lookup.code(system, code);
      if (!rec || rec.kind === 'chapter' || rec.kind === 'block') {
        drops.unknownCode++;
        continue;
      }
      if (!validForDate(lookup, system, input.dateOfService)) {
        drops.invalidForDate++;
        continue;
      }
      if (!rec.billable) {
        const only = singleBillableDescendant(lookup, system, code);
        if (!only) {
          drops.headerCode++;
          continue;
        }
        finalCode = only.code;
      }
    }

    const evidence: EvidenceSpan[] = [];
    for (const q of Array.isArray(r.quotes) ? r.quotes : []) {
      const span = finder.find(q);
      if (span) pushUnique(evidence, [span]);
      else drops.quoteNotFound++;
    }
    let meat: MeatSupport | undefined;
    if (r.meat && typeof r.meat === 'object') {
      for (const k of MEAT_KEYS) {
        const list = r.meat[k];
        if (!Array.isArray(list)) continue;
        const spans: EvidenceSpan[] = [];
        for (const q of list) {
          const span = finder.find(q);
          if (span) pushUnique(spans, [span]);
          else drops.quoteNotFound++;
        }
        if (spans.length > 0) (meat ??= {})[k] = spans;
      }
    }
    const needsEvidence = r.kind === 'add' || r.kind === 'keep' || (r.kind === 'query' && !prior.has(`${system}:${finalCode}`));
    if (needsEvidence && evidence.length === 0) {
      drops.noEvidence++;
      continue;
    }

    const confidence = typeof r.confidence === 'number' && Number.isFinite(r.confidence) ? Math.min(1, Math.max(0, r.confidence)) : 0.5;
    const assertion = r.assertion && ASSERTIONS.includes(r.assertion) ? r.assertion : 'present';
    const mergeKey = `${system}:${finalCode}:${r.kind}`;
    const prev = byKey.get(mergeKey);
    if (prev) {
      pushUnique(prev.evidence, evidence);
      prev.confidence = Math.max(prev.confidence, confidence);
      if (meat) {
        prev.meat ??= {};
        for (const k of MEAT_KEYS) if (meat[k]) pushUnique((prev.meat[k] ??= []), meat[k]);
      }
      continue;
    }
    const s: Suggestion = { system, code: finalCode, kind: r.kind, evidence, assertion, confidence, provenance: { ...provenance } };
    if (meat) s.meat = meat;
    if (typeof r.rationale === 'string' && r.rationale.trim()) s.rationale = r.rationale.trim().slice(0, MAX_RATIONALE_CHARS);
    byKey.set(mergeKey, s);
  }
  return { suggestions: [...byKey.values()], drops };
}
