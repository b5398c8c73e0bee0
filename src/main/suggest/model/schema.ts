// The structured-output contract with the model, and a defensive reader for whatever comes back.
// Strict JSON-schema mode wants every property required and no extras, so optional things are
// empty arrays / strings rather than absent.
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { SuggestionKind } from '../../../shared/suggest/types';

export const SCHEMA_NAME = 'plumbline_code_suggestions';

const quoteList = { type: 'array', items: { type: 'string' } } as const;

export const SUGGESTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['suggestions'],
  properties: {
    suggestions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['system', 'code', 'kind', 'evidence', 'meat', 'rationale', 'confidence'],
        properties: {
          system: { type: 'string', enum: ['ICD-10-CM', 'ICD-10-PCS', 'HCPCS'] },
          code: { type: 'string', description: 'The code as printed in the code set, e.g. E11.22.' },
          kind: { type: 'string', enum: ['add', 'keep', 'delete-unsupported', 'query'] },
          evidence: { ...quoteList, description: 'Exact quotes copied from the chart that support the code.' },
          meat: {
            type: 'object',
            additionalProperties: false,
            required: ['monitor', 'evaluate', 'assess', 'treat'],
            properties: { monitor: quoteList, evaluate: quoteList, assess: quoteList, treat: quoteList },
          },
          rationale: { type: 'string' },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
        },
      },
    },
  },
} as const;

/** Beyond this many items an answer is runaway output, not a coding opinion; the rest count as malformed. */
export const MAX_ITEMS = 100;
const MAX_QUOTES_PER_ITEM = 20;
const MAX_QUOTE_CHARS = 2_000;

const KINDS: readonly SuggestionKind[] = ['add', 'keep', 'delete-unsupported', 'query'];
const MEAT_KEYS = ['monitor', 'evaluate', 'assess', 'treat'] as const;

export type ParsedOutput = { ok: true; raw: RawSuggestion[]; malformed: number } | { ok: false; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function quotes(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  for (const q of v.slice(0, MAX_QUOTES_PER_ITEM)) if (typeof q === 'string' && q.length <= MAX_QUOTE_CHARS) out.push(q);
  return out;
}

function item(v: unknown): RawSuggestion | null {
  if (!isRecord(v)) return null;
  const { system, code, kind, evidence, meat, rationale, confidence } = v;
  if (typeof system !== 'string' || typeof code !== 'string' || code.length > 16) return null;
  if (typeof kind !== 'string' || !KINDS.includes(kind as SuggestionKind)) return null;
  const ev = quotes(evidence);
  if (!ev) return null;
  const raw: RawSuggestion = { system, code, kind: kind as SuggestionKind, quotes: ev };
  if (typeof confidence === 'number' && Number.isFinite(confidence)) raw.confidence = confidence;
  if (typeof rationale === 'string') raw.rationale = rationale;
  if (isRecord(meat)) {
    const m: NonNullable<RawSuggestion['meat']> = {};
    for (const k of MEAT_KEYS) {
      const list = quotes(meat[k]);
      if (list && list.length > 0) m[k] = list;
    }
    if (Object.keys(m).length > 0) raw.meat = m;
  }
  return raw;
}

/** Models sometimes wrap JSON in a markdown fence despite structured output; accept exactly that, nothing looser. */
function unfence(text: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return m ? m[1]! : text;
}

/** Reads the model's answer. Never throws: unreadable output is an error, unreadable items are counted. */
export function parseModelOutput(content: string): ParsedOutput {
  if (content.trim() === '') return { ok: false, error: 'The model returned an empty answer.' };
  let doc: unknown;
  try {
    doc = JSON.parse(unfence(content));
  } catch {
    return { ok: false, error: 'The model’s answer was not valid JSON; no suggestions were taken from it.' };
  }
  if (!isRecord(doc) || !Array.isArray(doc['suggestions'])) {
    return { ok: false, error: 'The model’s answer did not follow the suggestion schema (no "suggestions" list); nothing was taken from it.' };
  }
  const list = doc['suggestions'] as unknown[];
  const raw: RawSuggestion[] = [];
  let malformed = Math.max(0, list.length - MAX_ITEMS);
  for (const v of list.slice(0, MAX_ITEMS)) {
    const r = item(v);
    if (r) raw.push(r);
    else malformed++;
  }
  return { ok: true, raw, malformed };
}
