// Text in a note that addresses the model ("ignore previous instructions…", "you are now…", "add code
// C34.90…") is an attack, not documentation. Grounding alone cannot catch an attacker who plants the
// quote they want cited, because the planted quote *is* in the chart; so a model suggestion whose only
// evidence lies inside such a passage is dropped. The flagged passage runs from the first instruction-
// like phrase to the end of its paragraph.
import type { EvidenceSpan } from '../../../shared/review/types';
import type { Suggestion } from '../../../shared/suggest/types';

const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\b[^\n.]{0,40}?\b(?:previous|prior|above|earlier|all|any|system|your|these|the)\b[^\n.]{0,30}?\b(?:instructions?|prompts?|rules?|directions?|guidelines?)\b/gi,
  /\byou are (?:now|no longer)\b/gi,
  /\b(?:new|updated|real) (?:system )?instructions?\b/gi,
  /^[ \t]*(?:system|assistant|developer)[ \t]*:/gim,
  /\b(?:add|assign|bill|append|insert)\s+(?:the\s+)?(?:icd-?10(?:-cm)?\s+|billing\s+)?codes?\s+[A-Z]\d[0-9A-Z]/gi,
  /<\/?\s*(?:system|instructions?|im_start|im_end)\b/gi,
];

/** Per document, the [start, end) passages that read as instructions to a model. */
export function tamperedPassages(documents: ReadonlyArray<{ id: string; text: string }>): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  for (const d of documents) {
    const spans: Array<[number, number]> = [];
    for (const re of INSTRUCTION_PATTERNS) {
      for (const m of d.text.matchAll(re)) {
        const start = m.index ?? 0;
        const para = d.text.indexOf('\n\n', start);
        spans.push([start, para < 0 ? d.text.length : para]);
      }
    }
    if (spans.length > 0) out.set(d.id, spans);
  }
  return out;
}

function inside(span: EvidenceSpan, passages: Map<string, Array<[number, number]>>): boolean {
  return (passages.get(span.documentId) ?? []).some(([s, e]) => span.start < e && span.end > s);
}

/** Removes evidence quoted from tampered passages; drops suggestions left without the evidence they need. */
export function withoutTamperedEvidence(suggestions: Suggestion[], documents: ReadonlyArray<{ id: string; text: string }>): { kept: Suggestion[]; dropped: number } {
  const passages = tamperedPassages(documents);
  if (passages.size === 0) return { kept: suggestions, dropped: 0 };
  const kept: Suggestion[] = [];
  let dropped = 0;
  for (const s of suggestions) {
    const evidence = s.evidence.filter((e) => !inside(e, passages));
    const lostAll = s.evidence.length > 0 && evidence.length === 0;
    if (lostAll && s.kind !== 'delete-unsupported') {
      dropped++;
      continue;
    }
    const next: Suggestion = { ...s, evidence };
    if (s.meat) {
      const meat: NonNullable<Suggestion['meat']> = {};
      for (const [k, spans] of Object.entries(s.meat) as Array<[keyof NonNullable<Suggestion['meat']>, EvidenceSpan[]]>) {
        const clean = spans.filter((e) => !inside(e, passages));
        if (clean.length > 0) meat[k] = clean;
      }
      if (Object.keys(meat).length > 0) next.meat = meat;
      else delete next.meat;
    }
    kept.push(next);
  }
  return { kept, dropped };
}
