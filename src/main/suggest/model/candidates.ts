// Candidate codes for the prompt: whatever the local engine already found, plus code-set search hits
// for the chart's diagnosis-like phrases (assessment / impression / problem lines). They are hints
// for the model, never suggestions themselves.
import type { SearchHit, SearchOptions } from '../../../shared/codeset/search';
import type { SuggestInput } from '../../../shared/suggest/types';
import type { ModelCandidate } from './prompt';

export type SearchFn = (query: string, opts?: SearchOptions) => SearchHit[];

const HEADING = /^\s*(?:#+\s*)?(assessment(?:\s*(?:and|&)\s*plan)?|a\s*\/\s*p|impression|diagnos[ie]s|problem(?:s| list)?|final diagnos[ie]s|discharge diagnos[ie]s|plan)\b[^\n]{0,40}$/i;
const ANY_HEADING = /^\s*(?:#+\s*[A-Za-z]|[A-Z][A-Za-z /&]{2,40}:\s*$)/;
const MAX_PHRASES = 25;
const HITS_PER_PHRASE = 2;
const MAX_SEARCH_CANDIDATES = 40;

/** Lines from diagnosis-like sections; the whole chart when it has none. */
function diagnosisLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const picked: string[] = [];
  let inSection = false;
  for (const line of lines) {
    if (HEADING.test(line)) {
      inSection = true;
      const rest = line.replace(HEADING, '').trim();
      if (rest) picked.push(rest);
      continue;
    }
    if (inSection && ANY_HEADING.test(line)) inSection = false;
    if (inSection) picked.push(line);
  }
  return picked.length > 0 ? picked : lines;
}

export function keyPhrases(documents: SuggestInput['documents']): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of documents) {
    for (const line of diagnosisLines(d.text)) {
      for (const piece of line.split(/[.;:,()]|\s-\s|\band\b/i)) {
        const p = piece
          .replace(/^\s*(?:[-*•#]+|\d+[.)])\s*/, '')
          .replace(/\s+/g, ' ')
          .trim();
        if (p.length < 4 || p.length > 80 || !/[A-Za-z]{4,}/.test(p)) continue;
        const key = p.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(p);
        if (out.length >= MAX_PHRASES) return out;
      }
    }
  }
  return out;
}

/** Given candidates first (the local engine's), then search hits; unique by system and code. */
export function collectCandidates(input: SuggestInput, given: readonly ModelCandidate[], search: SearchFn | undefined): ModelCandidate[] {
  const seen = new Set<string>();
  const out: ModelCandidate[] = [];
  const add = (c: ModelCandidate): void => {
    const key = `${c.system}:${c.code}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const c of given) add(c);
  if (!search) return out;
  let fromSearch = 0;
  for (const phrase of keyPhrases(input.documents)) {
    let hits: SearchHit[];
    try {
      hits = search(phrase, { system: 'icd10cm', limit: 5 });
    } catch {
      continue; // a phrase the search cannot parse is simply not a hint
    }
    for (const h of hits.filter((x) => x.billable).slice(0, HITS_PER_PHRASE)) {
      add({ system: h.system, code: h.code, description: h.description });
      if (++fromSearch >= MAX_SEARCH_CANDIDATES) return out;
    }
  }
  return out;
}
